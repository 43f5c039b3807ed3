/**
 * The finder's budget question: what an association can spend, against the
 * starting price a provider gives (`pricing.from_eur`). Light on purpose: the
 * finder's browser script ranks with it.
 */
import { formatEuros } from '../text/format.ts';

/** A small budget: what a small volunteer-run association can set aside for a first step (a diagnostic, a year of hosting). */
export const SMALL_BUDGET_EUR = 300;
/** A medium budget: a migration accompanied over a few days. */
export const MEDIUM_BUDGET_EUR = 1000;

/** Pricing models where the association pays what it can, nothing included. */
const FREE_MODELS = new Set(['gratuit', 'prix-libre']);

export const budgetChoices = [
  { value: 'gratuit', label: 'Gratuit ou à prix libre', max: 0 },
  { value: 'petit', label: `Petit budget : jusqu’à ${formatEuros(SMALL_BUDGET_EUR)}`, max: SMALL_BUDGET_EUR },
  { value: 'moyen', label: `Jusqu’à ${formatEuros(MEDIUM_BUDGET_EUR)}`, max: MEDIUM_BUDGET_EUR },
] as const;
export type Budget = (typeof budgetChoices)[number]['value'];

export function isBudget(value: string): value is Budget {
  return budgetChoices.some((b) => b.value === value);
}

/** Whether a provider's starting price fits a budget, goes over it, or is not said (a quote without a starting price). */
export type BudgetFit = 'fits' | 'unknown' | 'over';

export function budgetFit(pricing: { model: string; from_eur?: number | undefined }, budget: Budget): BudgetFit {
  if (FREE_MODELS.has(pricing.model) || pricing.from_eur === 0) return 'fits';
  const max = budgetChoices.find((b) => b.value === budget)!.max;
  // « Free only »: any other model has a price, said or not.
  if (max === 0) return 'over';
  if (pricing.from_eur === undefined) return 'unknown';
  return pricing.from_eur <= max ? 'fits' : 'over';
}
