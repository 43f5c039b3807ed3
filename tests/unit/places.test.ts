/**
 * The place rule, one rule for every page: a place's groups and number, the
 * sentence that says them, and the search's filters and plan, which must find
 * exactly the providers the rule puts in each group.
 */
import { describe, expect, it } from 'vitest';
import { buildFacets, type Taxonomies } from '../../src/domain/directory/facets.ts';
import { zoneValues, type PlaceKind } from '../../src/domain/directory/facet-keys.ts';
import { groupForPlace, matchFor, placeCounts, placesFile, placeWhere, providerPlaceFilters } from '../../src/domain/directory/places.ts';
import {
  countsInPlaceNumber,
  placeGroupHeading,
  placeGroupOf,
  placeGroups,
  placeNumber,
  placeSummary,
} from '../../src/domain/directory/place-rank.ts';
import { placeSearchPlan, readPlaces, type SearchFilter } from '../../src/domain/directory/place-search.ts';
import { placePages, PLACE_GROUP_PREVIEW } from '../../src/domain/directory/facet-pages.ts';
import { departmentFile } from '../../src/domain/finder/files.ts';
import { departments, regions } from '../../src/schemas/geography.ts';
import { providerSchema, type Provider } from '../../src/schemas/provider.ts';
import type { ListedProvider } from '../../src/domain/directory/index.ts';

const taxonomies: Taxonomies = { services: [{ slug: 'diagnostic', label: 'Diagnostic', description: 'x' }], tools: [], networks: [] };

function provider(overrides: Record<string, unknown> = {}): Provider {
  return providerSchema.parse({
    name: 'Structure exemple',
    structure: 'association',
    website: 'https://exemple.org',
    contact: { email: 'contact@exemple.org' },
    location: { city: 'Lyon', postcode: '69001', department: '69' },
    area: { departments: ['69'] },
    services: ['diagnostic'],
    tools: [],
    sizes: ['petite'],
    pricing: { model: 'devis' },
    updated: '2026-01-01',
    ...overrides,
  });
}

function listed(id: string, data: Provider, recommendations = 1): ListedProvider {
  return {
    id,
    data,
    body: '',
    recommendations: Array.from({ length: recommendations }, () => ({}) as never),
    ratings: [],
    recommendCount: 0,
    lastVerified: undefined,
    publishedSince: '2026-01-01',
    stale: false,
    availability: { state: 'ouvert', stated: '2026-10-01' },
  };
}

/** A directory with one provider of each way to reach the Rhône, and some that do not. */
const directory = [
  listed('ici', provider()),
  listed(
    'grenoble',
    provider({ location: { city: 'Grenoble', postcode: '38000', department: '38' }, area: { departments: ['38', '69'] } }),
  ),
  listed('region', provider({ location: { city: 'Valence', postcode: '26000', department: '26' }, area: { regions: ['84'] } }), 3),
  listed('partout', provider({ location: { city: 'Paris', postcode: '75011', department: '75' }, area: { national: true, remote: true } })),
  listed('distance', provider({ location: { city: 'Rennes', postcode: '35000', department: '35' }, area: { remote: true } })),
  listed('ailleurs', provider({ location: { city: 'Brest', postcode: '29200', department: '29' }, area: { departments: ['29'] } })),
  listed('ardeche', provider({ location: { city: 'Privas', postcode: '07000', department: '07' }, area: { departments: ['07', '26'] } })),
];

describe('a place’s groups and number', () => {
  it('puts each provider in the group of how it reaches the place, the closest first', () => {
    const groups = groupForPlace(directory, 'departement', '69');
    expect(groups.map((g) => [g.group, g.providers.map((p) => p.id)])).toEqual([
      ['local', ['ici', 'grenoble', 'region']],
      ['national', ['partout']],
      ['remote', ['distance']],
    ]);
  });

  it('counts on the spot and everywhere in France in the place’s number, remote-only apart', () => {
    const counts = placeCounts(directory, 'departement', '69');
    expect(counts).toEqual({ local: 3, national: 1, remote: 1 });
    expect(placeNumber(counts)).toBe(4);
    expect(placeGroups.filter(countsInPlaceNumber)).toEqual(['local', 'national']);
    // A région counts whoever serves one of its départements.
    expect(placeCounts(directory, 'region', '84')).toEqual({ local: 4, national: 1, remote: 1 });
  });

  it('gives the same number on a place’s page, in its facet’s count (the map’s), and in the finder’s file', () => {
    const facets = buildFacets(directory, taxonomies);
    const index = buildFacets(directory, { ...taxonomies });
    for (const kind of ['departement', 'region'] as const) {
      const codes = kind === 'departement' ? departments.map((d) => d.code) : regions.map((r) => r.code);
      for (const code of codes) {
        const counts = placeCounts(directory, kind, code);
        const facetCount = facets.facets.find((f) => f.key === kind)!.values.find((v) => v.value === code)?.count ?? 0;
        expect([kind, code, facetCount]).toEqual([kind, code, placeNumber(counts)]);
        expect(placePages(kind, code, directory).counts).toEqual(counts);
        if (kind === 'departement') expect(departmentFile(code, directory, index).place).toEqual({ where: placeWhere(kind, code), counts });
      }
    }
  });

  it('lists every place, even one with nobody on the spot, as soon as someone works everywhere or remotely', () => {
    const facets = buildFacets(directory, taxonomies);
    expect(facets.facets.find((f) => f.key === 'departement')!.values).toHaveLength(departments.length);
    const onlyLocal = buildFacets([directory[0]!], taxonomies);
    expect(onlyLocal.facets.find((f) => f.key === 'departement')!.values.map((v) => v.value)).toEqual(['69']);
  });

  it('gives « partout en France » and « à distance » their own facet values', () => {
    const facets = buildFacets(directory, taxonomies);
    expect(facets.facets.find((f) => f.key === 'zone')!.values).toEqual([
      { value: zoneValues.national, label: 'Partout en France', count: 1 },
      { value: zoneValues.remote, label: 'À distance', count: 2 },
    ]);
  });
});

describe('what every page says about a place', () => {
  it('says the number, its groups, and the remote-only providers apart', () => {
    expect(placeSummary({ local: 1, national: 2, remote: 7 }, placeWhere('departement', '69'))).toBe(
      '3\u00a0structures interviennent dans le Rhône (69)\u00a0: 1 sur place, 2 partout en France\u202f; 7\u00a0autres accompagnent à distance.',
    );
    expect(placeSummary({ local: 1, national: 0, remote: 0 }, 'en Bretagne')).toBe('1\u00a0structure intervient en Bretagne.');
    expect(placeSummary({ local: 0, national: 0, remote: 1 }, 'dans l’Ain (01)')).toBe(
      'Aucune structure n’intervient encore dans l’Ain (01)\u202f; 1\u00a0structure accompagne à distance.',
    );
    expect(placeSummary({ local: 0, national: 0, remote: 0 }, 'à Mayotte (976)')).toBe(
      'Aucune structure n’intervient encore à Mayotte (976).',
    );
  });

  it('names each group with its count', () => {
    expect(placeGroupHeading('local', 1, 'dans le Rhône (69)')).toBe('1\u00a0structure installée dans le Rhône (69) ou qui y intervient');
    expect(placeGroupHeading('national', 2, 'dans le Rhône (69)')).toBe('2\u00a0structures qui interviennent partout en France');
    expect(placeGroupHeading('remote', 1, 'dans le Rhône (69)')).toBe('1\u00a0structure qui accompagne à distance');
  });

  it('pages the providers on the spot, and previews the other groups on the first page with a link to the rest', () => {
    const many = [
      ...Array.from({ length: 30 }, (_, i) => listed(`ici-${String(i).padStart(2, '0')}`, provider())),
      ...Array.from({ length: PLACE_GROUP_PREVIEW + 2 }, (_, i) =>
        listed(`loin-${i}`, provider({ location: { city: 'Rennes', postcode: '35000', department: '35' }, area: { remote: true } })),
      ),
    ];
    const { pages, summary } = placePages('departement', '69', many);
    expect(pages).toHaveLength(2);
    expect(pages[0]!.groups.map((g) => [g.group, g.providers.length, g.total])).toEqual([
      ['local', 24, 30],
      ['national', 0, 0],
      ['remote', PLACE_GROUP_PREVIEW, PLACE_GROUP_PREVIEW + 2],
    ]);
    expect(pages[0]!.groups[2]!.more).toEqual({ value: zoneValues.remote, text: `Voir les ${PLACE_GROUP_PREVIEW + 2} structures` });
    expect(pages[1]!.groups.map((g) => [g.group, g.providers.length])).toEqual([['local', 6]]);
    expect(summary).toContain('30\u00a0structures interviennent dans le Rhône (69)');
  });
});

/** Pagefind's filter semantics, as the search uses them: every key must match, a value or any of several. */
function matches(values: Record<string, readonly string[]>, filter: SearchFilter): boolean {
  return Object.entries(filter).every(([key, wanted]) => {
    const has = values[key] ?? [];
    return typeof wanted === 'string' ? has.includes(wanted) : wanted.any.some((w) => has.includes(w));
  });
}

describe('the search finds what the rule says', () => {
  const places = readPlaces(placesFile());
  /** A provider's filters in the index: its place filters, and its zone. */
  const indexed = (p: Provider): Record<string, string[]> => ({
    ...providerPlaceFilters(p),
    zone: [...(p.area.national ? [zoneValues.national] : []), ...(p.area.remote ? [zoneValues.remote] : [])],
  });
  /** Providers of every kind, in every region: located, serving départements, whole régions, everywhere, remotely. */
  const variety: Provider[] = [
    ...directory.map((p) => p.data),
    provider({ location: { city: 'Bastia', postcode: '20200', department: '2B' }, area: { regions: ['94'], remote: true } }),
    provider({ location: { city: 'Saint-Denis', postcode: '97400', department: '974' }, area: { departments: ['974', '976'] } }),
    provider({
      location: { city: 'Lille', postcode: '59000', department: '59' },
      area: { departments: ['62', '69'], regions: ['84', '11'] },
    }),
    provider({ location: { city: 'Lyon', postcode: '69001', department: '69' }, area: { regions: ['84'], national: true } }),
  ];

  it.each(['departement', 'region'] as PlaceKind[])('puts each provider in the same group as the rule, for every %s', (kind) => {
    const codes = kind === 'departement' ? departments.map((d) => d.code) : regions.map((r) => r.code);
    for (const code of codes) {
      const plan = placeSearchPlan(kind, code, places);
      for (const p of variety) {
        const step = plan.find((s) => matches(indexed(p), s.filter));
        const expected = matchFor(kind, p, code);
        expect([kind, code, p.location.city, step?.match ?? 'none']).toEqual([kind, code, p.location.city, expected]);
        expect(step?.group).toBe(placeGroupOf(expected));
      }
    }
  });

  it('cuts place filters by région, and never lists a national provider under every place', () => {
    expect(providerPlaceFilters(directory[1]!.data)).toEqual({ lieu84: ['69', 's38'] });
    expect(providerPlaceFilters(variety.at(-2)!)).toEqual({ lieu11: ['toute'], lieu32: ['62', 's59'], lieu84: ['69', 'toute'] });
    const national = providerPlaceFilters(directory[3]!.data);
    expect(Object.values(national).flat()).toEqual(['s75']);
  });
});

describe('the places file of the browser', () => {
  it('names every place as the pages do', () => {
    const places = readPlaces(placesFile());
    for (const d of departments) expect(places.place('departement', d.code)!.where).toBe(placeWhere('departement', d.code));
    for (const r of regions) expect(places.place('region', r.code)!.where).toBe(placeWhere('region', r.code));
    expect(places.place('departement', '69')!.where).toBe('dans le Rhône (69)');
    expect(places.departmentsOf('94')).toEqual(['2A', '2B']);
  });
});
