/**
 * A provider's card in the search index: the build writes the card's fields
 * (card-view.ts) in one hidden value of each profile (profile.ts), the
 * search's browser script reads them back and draws the very card of the
 * lists. The value is a filter of the index, not its metadata: Pagefind
 * makes metadata searchable, and the card's words (cities, « recommandations
 * vérifiées ») on every profile would weigh a third more on every search.
 * The search never filters by it.
 */
import type { ProviderCardView } from './card-view.ts';

/** The filter that holds a profile's card. */
export const CARD_FILTER = 'carte';

/** What the index holds of a card: its view, and where the provider is located (for « basée à Lyon »). */
export interface IndexedCard extends Omit<ProviderCardView, 'id'> {
  city: string;
  department: string;
}

export function encodeIndexedCard(card: IndexedCard): string {
  return JSON.stringify([card.name, card.trust, card.summary, card.pricing, card.city, card.department, card.availability]);
}

/** The card back from the index; undefined when the value is not one (an index from another version). */
export function decodeIndexedCard(value: string | undefined): IndexedCard | undefined {
  try {
    const [name, trust, summary, pricing, city, department, availability] = JSON.parse(value ?? '') as unknown[];
    const texts = [name, trust, summary, pricing, city, department, availability];
    if (!texts.every((t) => typeof t === 'string')) return undefined;
    return { name, trust, summary, pricing, city, department, availability } as IndexedCard;
  } catch {
    return undefined;
  }
}
