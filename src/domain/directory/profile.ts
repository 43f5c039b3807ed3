/**
 * What a provider profile needs beyond the directory: its overall rating and
 * schema.org structured data, serialised safely.
 */
import { escapeAttribute } from 'entities/escape';
import type { ListedProvider } from './index.ts';
import { facetKeys, type FacetKey } from './facet-keys.ts';
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
 * The search filters of a profile, one element per facet value, for Pagefind
 * to read (`data-pagefind-filter="departement:69"`). Values are slugs and
 * INSEE codes; escaped all the same.
 */
export function searchFilterElements(values: Record<FacetKey, readonly string[]>): string {
  return facetKeys
    .flatMap((key) => values[key].map((value) => `<span data-pagefind-filter="${escapeAttribute(`${key}:${value}`)}"></span>`))
    .join('');
}
