/** The starting price a listing shows, and when it must show one (its own module: the forms read it in the browser). */
import type { PricingModel } from '../../schemas/provider.ts';

/**
 * pricing-has-magnitude. The criteria of the directory ask each provider to
 * show its pricing model « et un ordre de grandeur »: a starting price,
 * except for what has no price to give (free, or pay what you want).
 */
const WITHOUT_STARTING_PRICE: ReadonlySet<string> = new Set<PricingModel>(['gratuit', 'prix-libre']);

export function requiresStartingPrice(model: string): boolean {
  return !WITHOUT_STARTING_PRICE.has(model);
}

export const startingPriceRule = {
  /** As the check says it, for the file (a warning: listings written before the rule stay valid). */
  message:
    'indiquez un ordre de grandeur de vos prix avec « from_eur » (en euros entiers) : les critères de l’annuaire le demandent, sauf pour un accompagnement gratuit ou à prix libre.',
  /** As the forms say it. */
  form: 'indiquez le prix de départ, en euros : les critères de l’annuaire demandent un ordre de grandeur, sauf pour un accompagnement gratuit ou à prix libre.',
  /** The hint under the form's field. */
  hint: 'Obligatoire, sauf si l’accompagnement est gratuit ou à prix libre : les critères de l’annuaire demandent un ordre de grandeur.',
};
