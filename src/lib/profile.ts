/**
 * What a provider profile needs beyond the directory: the link to report an
 * error on the forge, and schema.org structured data, serialised safely.
 */
import type { ListedProvider } from '../domain/directory.ts';
import type { Settings } from '../schemas/editorial.ts';
import { departmentName, regionName } from '../schemas/geography.ts';

/** A new-issue URL on the project's forge, pre-filled with the listing concerned. */
export function reportErrorUrl(repository: Settings['repository'], title: string, body: string): string {
  const root = repository.url.replace(/\/+$/, '');
  const q = (params: Record<string, string>) => new URLSearchParams(params).toString();
  switch (repository.forge) {
    case 'gitlab':
      return `${root}/-/issues/new?${q({ 'issue[title]': title, 'issue[description]': body })}`;
    case 'forgejo':
    case 'github':
    default:
      return `${root}/issues/new?${q({ title, body })}`;
  }
}

/** mailto: with subject and body, for people without an account on the forge. */
export function reportErrorMail(email: string, title: string, body: string): string {
  return `mailto:${email}?subject=${encodeURIComponent(title)}&body=${encodeURIComponent(body)}`;
}

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
