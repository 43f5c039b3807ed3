/**
 * What a provider profile needs beyond the directory: its overall rating and
 * schema.org structured data, serialised safely.
 */
import { escapeAttribute } from 'entities/escape';
import type { ListedProvider } from './index.ts';
import { facetKeys, isPlaceFacet, type FacetKey } from './facet-keys.ts';
import { CARD_FILTER, encodeIndexedCard, type IndexedCard } from './search-meta.ts';
import { departmentName, regionName } from '../../schemas/geography.ts';

/** Mean of every rating given in the verified recommendations, and how many recommendations rated anything. */
export function overallRating(provider: ListedProvider): { value: number; count: number } | undefined {
  const values: number[] = [];
  let count = 0;
  for (const r of provider.recommendations) {
    const given = Object.values(r.data.ratings).filter((v): v is number => typeof v === 'number');
    if (given.length) count++;
    values.push(...given);
  }
  if (!values.length) return undefined;
  return { value: values.reduce((a, b) => a + b, 0) / values.length, count };
}

/** schema.org Organization of a published provider, with its rating from verified recommendations. */
export function providerStructuredData(provider: ListedProvider, pageUrl: string): Record<string, unknown> {
  const { data } = provider;
  const rating = overallRating(provider);
  const areaServed = data.area.national
    ? [{ '@type': 'Country', name: 'France' }]
    : [
        ...data.area.regions.map((c) => ({ '@type': 'AdministrativeArea', name: regionName(c) })),
        ...data.area.departments.map((c) => ({ '@type': 'AdministrativeArea', name: departmentName(c) })),
      ];
  return {
    '@context': 'https://schema.org',
    '@type': 'Organization',
    '@id': pageUrl,
    name: data.name,
    url: data.website,
    email: data.contact.email,
    ...(data.contact.phone ? { telephone: data.contact.phone } : {}),
    ...(data.siren ? { taxID: data.siren } : {}),
    address: {
      '@type': 'PostalAddress',
      addressLocality: data.location.city,
      postalCode: data.location.postcode,
      addressRegion: departmentName(data.location.department),
      addressCountry: 'FR',
    },
    ...(areaServed.length ? { areaServed } : {}),
    ...(rating
      ? {
          aggregateRating: {
            '@type': 'AggregateRating',
            ratingValue: Math.round(rating.value * 10) / 10,
            bestRating: 5,
            worstRating: 1,
            reviewCount: rating.count,
          },
        }
      : {}),
  };
}

/**
 * JSON for a <script> element: `<` is escaped so that no value can close
 * the element, and the two line separators JavaScript would choke on too.
 */
export function serialiseJsonLd(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** The pre-filled report of an error on a profile: the page concerned, then what is wrong and what it should say. */
export function profileErrorReport(providerName: string, pageUrl: string): { title: string; body: string } {
  return {
    title: `Erreur sur la fiche « ${providerName} »`,
    body: `Fiche concernée : ${pageUrl}\n\nCe qui est inexact :\n\nCe qu’il faudrait indiquer :\n`,
  };
}

/**
 * What the search index holds of a profile, besides its text, for Pagefind
 * to read: one element per filter value (`data-pagefind-filter="service:
 * diagnostic"`) — facet values, except places, whose filters are cut by
 * région (place-search.ts) — and the card (search-meta.ts), so that a search
 * result is the very card of the lists. Values are escaped: the card holds
 * contributors' text.
 */
export function searchIndexElements(
  values: Record<FacetKey, readonly string[]>,
  placeFilters: Record<string, readonly string[]>,
  card: IndexedCard,
): string {
  const filters: Array<[string, readonly string[]]> = [
    ...facetKeys.filter((key) => !isPlaceFacet(key)).map((key) => [key, values[key]] as [string, readonly string[]]),
    ...Object.entries(placeFilters),
  ];
  return [
    ...filters.flatMap(([key, list]) => list.map((value) => `<span data-pagefind-filter="${escapeAttribute(`${key}:${value}`)}"></span>`)),
    `<span data-pagefind-filter="${CARD_FILTER}[data-v]" data-v="${escapeAttribute(encodeIndexedCard(card))}"></span>`,
  ].join('');
}
