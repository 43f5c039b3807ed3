/**
 * A published provider as a card (card-view.ts says what a card shows): its
 * facts read from the directory, its words from the facets and the geography.
 */
import type { ListedProvider } from './index.ts';
import type { FacetKey } from './facet-keys.ts';
import { cardView, type CardFacts, type ProviderCardView } from './card-view.ts';
import { departmentName } from '../../schemas/geography.ts';

export type { ProviderCardView };

export function cardFacts(provider: ListedProvider): CardFacts {
  const { data } = provider;
  return {
    id: provider.id,
    name: data.name,
    city: data.location.city,
    department: data.location.department,
    structure: data.structure,
    national: data.area.national,
    remote: data.area.remote,
    services: data.services,
    networks: data.networks,
    recommendations: provider.recommendations.length,
    pricing: { model: data.pricing.model, from_eur: data.pricing.from_eur },
    availability: provider.availability,
  };
}

export function providerCardView(provider: ListedProvider, label: (key: FacetKey, value: string) => string): ProviderCardView {
  return cardView(cardFacts(provider), { label, departmentName });
}
