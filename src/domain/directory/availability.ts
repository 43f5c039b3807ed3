/**
 * A provider's availability as visitors read it: what it stated, unless the
 * statement is too old to trust (« à confirmer ») or missing (« non
 * précisée »). The build resolves it once, on the day of the build; cards,
 * profiles, the filter and the finder read the resolved state. Light on
 * purpose: the finder's browser script draws cards with it.
 */
import { AVAILABILITY_STALE_MONTHS, isAvailabilityStale } from '../staleness.ts';
import { countOf, formatDate } from '../text/format.ts';

/** The values of the directory's availability filter, in display order: the three a provider states, then the two the site adds. */
export const availabilityStates = ['ouvert', 'liste-attente', 'complet', 'a-confirmer', 'non-precisee'] as const;
export type AvailabilityState = (typeof availabilityStates)[number];

/** The labels of the two states no provider states (the schema labels the three others). */
export const availabilityStateLabels = {
  'a-confirmer': 'À confirmer',
  'non-precisee': 'Non précisée',
} as const;

/** What a card, a profile and the finder know of an availability. */
export interface AvailabilityFacts {
  state: AvailabilityState;
  /** The day it was stated (`YYYY-MM-DD`), when it was. */
  stated?: string | undefined;
  /** The announced wait, for a waiting list. */
  wait_weeks?: number | undefined;
}

/** The availability a listing states, resolved for `today`. */
export function availabilityFacts(
  availability: { status: 'ouvert' | 'liste-attente' | 'complet'; stated: string; wait_weeks?: number | undefined } | undefined,
  today: string,
): AvailabilityFacts {
  if (!availability) return { state: 'non-precisee' };
  const { status, stated, wait_weeks } = availability;
  if (isAvailabilityStale(stated, today)) return { state: 'a-confirmer', stated };
  return { state: status, stated, ...(status === 'liste-attente' && wait_weeks !== undefined ? { wait_weeks } : {}) };
}

/** Full: the finder puts it last. */
export const isFull = (facts: Pick<AvailabilityFacts, 'state'>) => facts.state === 'complet';

const lowerFirst = (text: string) => text.charAt(0).toLocaleLowerCase('fr') + text.slice(1);

/**
 * One sentence for a card and a profile: « Disponibilité au 12 octobre 2026 :
 * liste d’attente, environ 6 semaines », « Disponibilité à confirmer :
 * indiquée le 3 mars 2026, il y a plus de 6 mois », « Disponibilité non
 * précisée ». `label` names a state (the filter's labels).
 */
export function availabilitySentence(facts: AvailabilityFacts, label: (state: AvailabilityState) => string): string {
  if (facts.state === 'non-precisee' || !facts.stated) return 'Disponibilité non précisée';
  if (facts.state === 'a-confirmer')
    return `Disponibilité à confirmer\u00A0: indiquée le ${formatDate(facts.stated)}, il y a plus de ${AVAILABILITY_STALE_MONTHS}\u00A0mois`;
  const wait = facts.wait_weeks ? `, environ ${countOf(facts.wait_weeks, 'semaine', 'semaines')}` : '';
  return `Disponibilité au ${formatDate(facts.stated)}\u00A0: ${lowerFirst(label(facts.state))}${wait}`;
}

/** What a profile adds to the sentence, when the availability cannot be read as it stands. */
export function availabilityAdvice(facts: Pick<AvailabilityFacts, 'state'>): string | undefined {
  if (facts.state === 'a-confirmer') return 'Elle a pu changer : demandez-la en contactant la structure.';
  if (facts.state === 'non-precisee') return 'Demandez-la en contactant la structure.';
  return undefined;
}
