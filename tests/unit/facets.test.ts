import { describe, expect, it } from 'vitest';
import {
  buildFacets,
  facetKeys,
  facetTitles,
  facetVocabulary,
  providerFacetValues,
  topValues,
  facetPreviewSize,
  type Taxonomies,
} from '../../src/domain/directory/facets.ts';
import { explainPlace, inPlace, placeMatch, regionMatch } from '../../src/domain/directory/places.ts';
import { departments, regions } from '../../src/schemas/geography.ts';
import { providerSchema, type Provider } from '../../src/schemas/provider.ts';
import { toolSchema } from '../../src/schemas/taxonomies.ts';

const taxonomies: Taxonomies = {
  services: [
    { slug: 'diagnostic', label: 'Diagnostic des outils', description: 'Faire l’état des lieux des outils.' },
    { slug: 'hebergement', label: 'Hébergement de services', description: 'Héberger des services libres.' },
  ],
  tools: [
    toolSchema.parse({
      slug: 'nextcloud',
      label: 'Nextcloud',
      description: 'Stockage et partage de fichiers.',
      replaces: ['Google Drive', 'Microsoft OneDrive'],
      license: 'AGPL-3.0-or-later',
      website: 'https://nextcloud.com',
    }),
    toolSchema.parse({
      slug: 'jitsi-meet',
      label: 'Jitsi Meet',
      description: 'Visioconférence dans le navigateur.',
      replaces: ['Zoom', 'Google Meet'],
      license: 'Apache-2.0',
      website: 'https://jitsi.org',
    }),
  ],
  networks: [{ slug: 'chatons', label: 'CHATONS', description: 'Collectif des hébergeurs alternatifs.' }],
};

/** A valid provider, with what the case changes. */
function provider(overrides: Record<string, unknown> = {}): Provider {
  return providerSchema.parse({
    name: 'Structure exemple',
    structure: 'association',
    website: 'https://exemple.org',
    contact: { email: 'contact@exemple.org' },
    location: { city: 'Lyon', postcode: '69001', department: '69' },
    area: { departments: ['69'] },
    services: ['diagnostic'],
    tools: ['nextcloud'],
    sizes: ['petite'],
    pricing: { model: 'devis' },
    updated: '2026-01-01',
    ...overrides,
  });
}

describe('facet values of a provider', () => {
  it('takes its services, sizes, structure, tools, networks and pricing model as they are written', () => {
    const values = providerFacetValues(
      provider({
        services: ['diagnostic', 'hebergement'],
        sizes: ['petite', 'moyenne'],
        networks: ['chatons'],
        pricing: { model: 'prix-libre' },
      }),
      taxonomies,
      { state: 'ouvert' },
    );
    expect(values.service).toEqual(['diagnostic', 'hebergement']);
    expect(values.taille).toEqual(['petite', 'moyenne']);
    expect(values.structure).toEqual(['association']);
    expect(values.outil).toEqual(['nextcloud']);
    expect(values.reseau).toEqual(['chatons']);
    expect(values.tarif).toEqual(['prix-libre']);
  });

  it('derives the GAFAM services replaced from its tools, as slugs', () => {
    const values = providerFacetValues(provider({ tools: ['nextcloud', 'jitsi-meet'] }), taxonomies, { state: 'ouvert' });
    expect(values.remplace).toEqual(['google-drive', 'google-meet', 'microsoft-onedrive', 'zoom']);
  });

  it('is in the département and the région where it is located', () => {
    const values = providerFacetValues(provider(), taxonomies, { state: 'ouvert' });
    expect(values.departement).toEqual(['69']);
    expect(values.region).toEqual(['84']);
  });

  it('is in every département and région it serves, and every département of a région it serves', () => {
    const values = providerFacetValues(provider({ area: { departments: ['38', '2A'], regions: ['53'] } }), taxonomies, { state: 'ouvert' });
    expect(values.departement).toEqual(expect.arrayContaining(['69', '38', '2A', '29', '35', '22', '56']));
    expect(values.departement).not.toContain('13');
    expect(values.region).toEqual(['53', '84', '94']);
  });

  it('is everywhere when it works everywhere in France, but working remotely does not place it anywhere', () => {
    const national = providerFacetValues(provider({ area: { national: true } }), taxonomies, { state: 'ouvert' });
    expect(national.departement).toHaveLength(departments.length);
    expect(national.region).toHaveLength(regions.length);
    const remote = providerFacetValues(provider({ area: { remote: true } }), taxonomies, { state: 'ouvert' });
    expect(remote.departement).toEqual(['69']);
  });
});

describe('facet counts', () => {
  const providers = [
    { id: 'a', data: provider({ services: ['diagnostic', 'hebergement'] }), availability: { state: 'ouvert' as const } },
    {
      id: 'b',
      data: provider({
        location: { city: 'Rennes', postcode: '35000', department: '35' },
        area: { remote: true },
        services: ['hebergement'],
        tools: [],
      }),
      availability: { state: 'complet' as const },
    },
    {
      id: 'c',
      data: provider({
        location: { city: 'Brest', postcode: '29200', department: '29' },
        area: { national: true },
        services: ['hebergement'],
      }),
      availability: { state: 'ouvert' as const },
    },
  ];
  const index = buildFacets(providers, taxonomies);
  const facet = (key: string) => index.facets.find((f) => f.key === key)!;

  it('has one facet per key, titled from the provider schema', () => {
    expect(index.facets.map((f) => f.key)).toEqual([...facetKeys]);
    expect(facet('service').title).toBe('Services');
    expect(facet('taille').title).toBe(facetTitles.taille);
    expect(facetTitles.departement).toBe('Départements');
  });

  it('counts each value over the providers and lists the members', () => {
    expect(facet('service').values).toEqual([
      { value: 'diagnostic', label: 'Diagnostic des outils', count: 1 },
      { value: 'hebergement', label: 'Hébergement de services', count: 3 },
    ]);
    expect(index.members.service.get('hebergement')).toEqual(['a', 'b', 'c']);
    expect(facet('remplace').values.map((v) => [v.label, v.count])).toEqual([
      ['Google Drive', 2],
      ['Microsoft OneDrive', 2],
    ]);
  });

  it('counts a national provider in every département, with the local ones', () => {
    const rhone = facet('departement').values.find((v) => v.value === '69')!;
    expect(rhone).toEqual({ value: '69', label: 'Rhône (69)', count: 2 });
    expect(facet('departement').values.find((v) => v.value === '13')!.count).toBe(1);
    expect(index.members.region.get('53')).toEqual(['b', 'c']);
  });

  it('leaves out values nobody takes', () => {
    expect(facet('taille').values.map((v) => v.value)).toEqual(['petite']);
    expect(facet('reseau').values).toEqual([]);
  });

  it('labels enum values from the schema', () => {
    const vocabulary = facetVocabulary(taxonomies);
    expect(vocabulary.taille.map((v) => v.value)).toEqual(['petite', 'moyenne', 'grande']);
    expect(vocabulary.structure.find((v) => v.value === 'independant')!.label).toBe('Indépendant·e');
    expect(vocabulary.tarif.find((v) => v.value === 'prix-libre')!.label).toBe('Prix libre');
  });

  it('puts the most common values first in a short list', () => {
    expect(topValues(facet('service'), 1)).toEqual([{ value: 'hebergement', label: 'Hébergement de services', count: 3 }]);
  });

  it('shows a few values of each facet beside a list, a few more of the services', () => {
    expect(facetPreviewSize('service')).toBe(6);
    for (const key of ['region', 'departement', 'outil', 'reseau'] as const) expect(facetPreviewSize(key)).toBe(4);
  });
});

describe('places in sentences', () => {
  it('uses the article INSEE gives each name', () => {
    expect(inPlace('departement', '69')).toBe('dans le Rhône');
    expect(inPlace('departement', '01')).toBe('dans l’Ain');
    expect(inPlace('departement', '40')).toBe('dans les Landes');
    expect(inPlace('departement', '38')).toBe('dans l’Isère');
    expect(inPlace('departement', '75')).toBe('à Paris');
    expect(inPlace('region', '53')).toBe('en Bretagne');
    expect(inPlace('region', '44')).toBe('dans le Grand Est');
    expect(inPlace('region', '32')).toBe('dans les Hauts-de-France');
  });

  it('says why a provider appears for a place', () => {
    expect(explainPlace(provider(), 'departement', '69')).toBe('basée à Lyon, dans le Rhône');
    expect(explainPlace(provider({ area: { departments: ['38'] } }), 'departement', '38')).toBe('intervient dans l’Isère');
    expect(explainPlace(provider({ area: { regions: ['84'] } }), 'departement', '01')).toBe(
      'intervient dans toute la région Auvergne-Rhône-Alpes',
    );
    expect(explainPlace(provider({ area: { national: true } }), 'departement', '29')).toBe('intervient partout en France');
    expect(explainPlace(provider(), 'region', '84')).toBe('basée à Lyon (Rhône), en Auvergne-Rhône-Alpes');
  });

  it('tells remote-only and out-of-area providers apart', () => {
    expect(placeMatch(provider({ area: { remote: true } }), '29')).toBe('remote');
    expect(placeMatch(provider(), '29')).toBe('none');
    expect(regionMatch(provider({ area: { departments: ['29'] } }), '53')).toBe('served');
  });
});
