/**
 * A provider's availability, stated and dated by the provider: what the
 * schema accepts, how it reads on the day of the build (« à confirmer » after
 * six months, « non précisée » without it), and where it shows: cards,
 * profiles, the filter, the finder's ranking and the exports.
 */
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Content } from '../../src/domain/content.ts';
import {
  availabilityAdvice,
  availabilityFacts,
  availabilitySentence,
  availabilityStates,
  type AvailabilityState,
} from '../../src/domain/directory/availability.ts';
import { cardLines, cardView, type CardFacts } from '../../src/domain/directory/card-view.ts';
import { buildFacets, facetLabels, facetTitles, type Taxonomies } from '../../src/domain/directory/facets.ts';
import { facetDescription, facetHeading } from '../../src/domain/directory/facet-pages.ts';
import { buildDirectory, type ListedProvider } from '../../src/domain/directory/index.ts';
import { profileView } from '../../src/domain/directory/profile-view.ts';
import { providerCsvColumns, providersCsv } from '../../src/domain/exports/csv.ts';
import { exportProviders, providerFieldDocs } from '../../src/domain/exports/providers.ts';
import { decodeCandidate, encodeCandidate, FULL_REASON, rankProviders, type FinderCandidate } from '../../src/domain/finder/index.ts';
import { finderVocabulary } from '../../src/domain/finder/files.ts';
import { AVAILABILITY_STALE_MONTHS, isAvailabilityStale, staleness } from '../../src/domain/staleness.ts';
import { addMonths } from '../../src/domain/text/dates.ts';
import { availabilityLabels, providerSchema, type Provider } from '../../src/schemas/provider.ts';

const TODAY = '2026-11-29';

/** A valid provider of our own, with what the case changes. */
function provider(overrides: Record<string, unknown> = {}): Provider {
  return providerSchema.parse({
    name: 'Structure exemple',
    structure: 'association',
    website: 'https://exemple.org',
    contact: { email: 'contact@exemple.org' },
    location: { city: 'Lyon', postcode: '69001', department: '69' },
    area: { departments: ['69'] },
    services: ['diagnostic'],
    sizes: ['petite'],
    pricing: { model: 'devis', from_eur: 300 },
    updated: '2026-10-01',
    ...overrides,
  });
}

function listed(id: string, data: Provider): ListedProvider {
  return {
    id,
    data,
    body: '',
    recommendations: [],
    ratings: [],
    recommendCount: 0,
    lastVerified: undefined,
    publishedSince: '2026-01-01',
    stale: false,
    availability: availabilityFacts(data.availability, TODAY),
  };
}

const taxonomies: Taxonomies = { services: [{ slug: 'diagnostic', label: 'Diagnostic', description: 'x' }], tools: [], networks: [] };
const label = facetLabels(taxonomies);

describe('the availability a listing states', () => {
  it('is optional, so that listings written before it stay valid', () => {
    expect(provider().availability).toBeUndefined();
  });

  it('is one of three statuses, dated, with a wait in weeks for a waiting list only', () => {
    const ok = (availability: unknown) => providerSchema.safeParse({ ...provider(), availability }).success;
    expect(ok({ status: 'ouvert', stated: '2026-11-01' })).toBe(true);
    expect(ok({ status: 'liste-attente', stated: '2026-11-01', wait_weeks: 6 })).toBe(true);
    expect(ok({ status: 'complet', stated: '2026-11-01' })).toBe(true);
    expect(ok({ status: 'ferme', stated: '2026-11-01' })).toBe(false);
    expect(ok({ status: 'ouvert' })).toBe(false);
    expect(ok({ status: 'ouvert', stated: '2026-02-30' })).toBe(false);
    expect(ok({ status: 'liste-attente', stated: '2026-11-01', wait_weeks: 0 })).toBe(false);
    expect(ok({ status: 'liste-attente', stated: '2026-11-01', wait_weeks: 53 })).toBe(false);
    expect(ok({ status: 'liste-attente', stated: '2026-11-01', wait_weeks: 2.5 })).toBe(false);
  });

  it('refuses a wait with a status other than a waiting list, saying how to fix it', () => {
    const result = providerSchema.safeParse({ ...provider(), availability: { status: 'ouvert', stated: '2026-11-01', wait_weeks: 4 } });
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]!.path).toEqual(['availability', 'wait_weeks']);
    expect(result.error!.issues[0]!.message).toContain('ne va qu’avec une liste d’attente');
  });
});

describe('an availability on the day of the build', () => {
  const limit = addMonths(TODAY, -AVAILABILITY_STALE_MONTHS);

  it('is to be confirmed once stated more than six months ago, not on the day six months ago', () => {
    expect(limit).toBe('2026-05-29');
    expect(isAvailabilityStale(limit, TODAY)).toBe(false);
    expect(isAvailabilityStale('2026-05-28', TODAY)).toBe(true);
    expect(availabilityFacts({ status: 'complet', stated: limit }, TODAY)).toEqual({ state: 'complet', stated: limit });
    expect(availabilityFacts({ status: 'complet', stated: '2026-05-28' }, TODAY)).toEqual({ state: 'a-confirmer', stated: '2026-05-28' });
  });

  it('is « non précisée » when the listing says nothing, and keeps the wait of a waiting list', () => {
    expect(availabilityFacts(undefined, TODAY)).toEqual({ state: 'non-precisee' });
    expect(availabilityFacts({ status: 'liste-attente', stated: '2026-11-01', wait_weeks: 6 }, TODAY)).toEqual({
      state: 'liste-attente',
      stated: '2026-11-01',
      wait_weeks: 6,
    });
  });

  it('reads as one French sentence, the threshold taken from its constant', () => {
    const say = (state: AvailabilityState, extra: object = {}) =>
      availabilitySentence({ state, stated: '2026-10-12', ...extra }, (s) => label('disponibilite', s));
    expect(say('ouvert')).toBe('Disponibilité au 12 octobre 2026\u00a0: accepte de nouvelles associations');
    expect(say('liste-attente', { wait_weeks: 6 })).toBe(
      'Disponibilité au 12 octobre 2026\u00a0: liste d’attente, environ 6\u00a0semaines',
    );
    expect(say('liste-attente', { wait_weeks: 1 })).toBe('Disponibilité au 12 octobre 2026\u00a0: liste d’attente, environ 1\u00a0semaine');
    expect(say('complet')).toBe('Disponibilité au 12 octobre 2026\u00a0: complet pour l’instant');
    expect(say('a-confirmer')).toBe(
      `Disponibilité à confirmer\u00a0: indiquée le 12 octobre 2026, il y a plus de ${AVAILABILITY_STALE_MONTHS}\u00a0mois`,
    );
    expect(availabilitySentence({ state: 'non-precisee' }, () => '')).toBe('Disponibilité non précisée');
    expect(availabilityAdvice({ state: 'ouvert' })).toBeUndefined();
    expect(availabilityAdvice({ state: 'a-confirmer' })).toContain('demandez-la');
  });
});

describe('the check’s warnings about availability', () => {
  it('say what to write and build their threshold from the constant', () => {
    expect(staleness.availabilityMissingWarning).toContain('availability');
    expect(staleness.availabilityWarning('03/03/2026')).toContain(`il y a plus de ${AVAILABILITY_STALE_MONTHS} mois`);
    expect(staleness.availabilityRule).toContain(`${AVAILABILITY_STALE_MONTHS} mois`);
  });
});

describe('an availability on a card and a profile', () => {
  const facts: CardFacts = {
    id: 'atelier',
    name: 'Atelier',
    city: 'Lyon',
    department: '69',
    structure: 'association',
    national: false,
    remote: false,
    services: ['diagnostic'],
    networks: [],
    recommendations: 1,
    pricing: { model: 'devis', from_eur: 300 },
    availability: { state: 'complet', stated: '2026-10-12' },
  };
  const words = { label, departmentName: () => 'Rhône' };

  it('is a line of its own on every card, after the price', () => {
    const lines = cardLines(cardView(facts, words));
    expect(lines.map((l) => l.kind)).toEqual(['trust', 'summary', 'price', 'availability']);
    expect(lines[3]!.text).toBe('Disponibilité au 12 octobre 2026\u00a0: complet pour l’instant');
    expect(cardView({ ...facts, availability: { state: 'non-precisee' } }, words).availability).toBe('Disponibilité non précisée');
  });

  it('is said on the profile, with advice when it is to be confirmed or not said', () => {
    const ctx = { label, vocabularies: { tools: [], criteria: [] } };
    const open = profileView(listed('a', provider({ availability: { status: 'ouvert', stated: '2026-11-02' } })), ctx);
    expect(open.availability).toBe('Disponibilité au 2 novembre 2026\u00a0: accepte de nouvelles associations.');
    const old = profileView(listed('b', provider({ availability: { status: 'ouvert', stated: '2026-03-02' } })), ctx);
    expect(old.availability).toBe(
      'Disponibilité à confirmer\u00a0: indiquée le 2 mars 2026, il y a plus de 6\u00a0mois. Elle a pu changer\u00a0: demandez-la en contactant la structure.',
    );
    const unsaid = profileView(listed('c', provider()), ctx);
    expect(unsaid.availability).toBe('Disponibilité non précisée. Demandez-la en contactant la structure.');
  });
});

describe('the availability filter', () => {
  const providers = [
    listed('ouvert', provider({ availability: { status: 'ouvert', stated: '2026-11-01' } })),
    listed('attente', provider({ availability: { status: 'liste-attente', stated: '2026-11-01', wait_weeks: 3 } })),
    listed('complet', provider({ availability: { status: 'complet', stated: '2026-11-01' } })),
    listed('ancien', provider({ availability: { status: 'ouvert', stated: '2025-11-01' } })),
    listed('muet', provider()),
    listed('muet-2', provider()),
  ];
  const index = buildFacets(providers, taxonomies);
  const facet = index.facets.find((f) => f.key === 'disponibilite')!;

  it('counts each state, in the order of the states, with the schema’s labels', () => {
    expect(facetTitles.disponibilite).toBe('Disponibilité');
    expect(facet.values).toEqual([
      { value: 'ouvert', label: availabilityLabels.ouvert, count: 1 },
      { value: 'liste-attente', label: availabilityLabels['liste-attente'], count: 1 },
      { value: 'complet', label: availabilityLabels.complet, count: 1 },
      { value: 'a-confirmer', label: 'À confirmer', count: 1 },
      { value: 'non-precisee', label: 'Non précisée', count: 2 },
    ]);
    expect(index.members.disponibilite.get('non-precisee')).toEqual(['muet', 'muet-2']);
    expect(facet.values.map((v) => v.value)).toEqual([...availabilityStates]);
  });

  it('has a heading and an introduction for each value’s page', () => {
    expect(facetHeading('disponibilite', 'ouvert', availabilityLabels.ouvert)).toBe('Structures qui acceptent de nouvelles associations');
    expect(facetHeading('disponibilite', 'complet', availabilityLabels.complet)).toBe('Structures complètes pour l’instant');
    expect(facetDescription('disponibilite', 'a-confirmer', 'À confirmer', { services: [], tools: [], networks: [] })).toContain(
      `plus de ${AVAILABILITY_STALE_MONTHS} mois`,
    );
  });

  it('gives the finder the labels its cards need', () => {
    expect(finderVocabulary(index).labels.disponibilite).toMatchObject({ ouvert: availabilityLabels.ouvert, 'a-confirmer': 'À confirmer' });
  });
});

describe('the finder and a full provider', () => {
  function candidate(id: string, availability: FinderCandidate['availability'], overrides: Partial<FinderCandidate> = {}): FinderCandidate {
    return {
      id,
      name: id,
      city: 'Lyon',
      department: '69',
      structure: 'association',
      national: false,
      remote: false,
      services: ['diagnostic'],
      sizes: ['petite'],
      replaces: [],
      networks: [],
      recommendations: 1,
      average: 4,
      pricing: { model: 'devis', from_eur: 300 },
      place: 'located',
      availability,
      ...overrides,
    };
  }
  const words = { service: (s: string) => s, size: (s: string) => s, remplace: (s: string) => s, where: 'dans le Rhône' };

  it('ranks a full provider last of its group, however recommended, and says why', () => {
    const list = rankProviders(
      [
        candidate('complet', { state: 'complet', stated: '2026-11-01' }, { recommendations: 5, average: 5 }),
        candidate('ouvert', { state: 'ouvert', stated: '2026-11-01' }),
        candidate('muet', { state: 'non-precisee' }),
        candidate('attente', { state: 'liste-attente', stated: '2026-11-01', wait_weeks: 8 }, { recommendations: 3 }),
        candidate('partout', { state: 'ouvert', stated: '2026-11-01' }, { place: 'national' }),
      ],
      { departement: '69', service: 'diagnostic' },
      words,
    );
    expect(list.map((r) => r.candidate.id)).toEqual(['attente', 'muet', 'ouvert', 'complet', 'partout']);
    expect(list.find((r) => r.candidate.id === 'complet')!.reasons.at(-1)).toBe(FULL_REASON);
    expect(list.filter((r) => r.reasons.includes(FULL_REASON)).map((r) => r.candidate.id)).toEqual(['complet']);
  });

  it('does not put last a full statement too old to trust: it is to be confirmed', () => {
    const list = rankProviders(
      [
        candidate('ancien', availabilityFacts({ status: 'complet', stated: '2026-01-10' }, TODAY), { recommendations: 4 }),
        candidate('ouvert', { state: 'ouvert', stated: '2026-11-01' }),
      ],
      {},
      words,
    );
    expect(list.map((r) => r.candidate.id)).toEqual(['ancien', 'ouvert']);
    expect(list[0]!.reasons).not.toContain(FULL_REASON);
  });

  it('carries the availability through the files the browser reads', () => {
    const vocabulary = {
      services: ['diagnostic'],
      sizes: ['petite'],
      replaces: [],
      structures: ['association'],
      networks: [],
      pricing: ['devis'],
      labels: {},
    };
    for (const availability of [
      { state: 'liste-attente', stated: '2026-11-01', wait_weeks: 8 },
      { state: 'complet', stated: '2026-11-01' },
      { state: 'a-confirmer', stated: '2026-01-10' },
      { state: 'non-precisee' },
    ] as const) {
      const c = candidate('x', availability);
      expect(decodeCandidate(encodeCandidate(c, vocabulary), vocabulary).availability).toEqual(availability);
    }
  });
});

describe('the availability in the exports', () => {
  let content: Content;
  const ctx = () => ({ siteUrl: 'https://annuaire.example.org/', today: TODAY, taxonomies: content.taxonomies });

  beforeAll(() => {
    content = {
      providers: [],
      recommendations: [],
      projects: [],
      taxonomies: { services: [], tools: [], networks: [], criteria: [] },
    } as unknown as Content;
  });

  it('are four columns of the CSV and fields of the JSON, documented from the schema', () => {
    const directory = {
      providers: [
        listed('attente', provider({ availability: { status: 'liste-attente', stated: '2026-11-01', wait_weeks: 6 } })),
        listed('ancien', provider({ availability: { status: 'complet', stated: '2026-01-10' } })),
        listed('muet', provider()),
      ],
    };
    const exported = exportProviders(directory, ctx()).providers;
    expect(exported.map((p) => p.availability)).toEqual([
      { status: 'liste-attente', stated: '2026-11-01', wait_weeks: 6, shown: 'liste-attente' },
      { status: 'complet', stated: '2026-01-10', shown: 'a-confirmer' },
      { shown: 'non-precisee' },
    ]);
    const columns = providerCsvColumns([]);
    expect(columns).toEqual(
      expect.arrayContaining(['availability.status', 'availability.stated', 'availability.wait_weeks', 'availability.shown']),
    );
    const rows = parse(providersCsv(exported, []), { columns: true }) as Record<string, string>[];
    expect(
      rows.map((r) => [r['availability.status'], r['availability.stated'], r['availability.wait_weeks'], r['availability.shown']]),
    ).toEqual([
      ['liste-attente', '2026-11-01', '6', 'liste-attente'],
      ['complet', '2026-01-10', '', 'a-confirmer'],
      ['', '', '', 'non-precisee'],
    ]);
    const docs = providerFieldDocs([]).providers;
    const status = docs.find((d) => d.key === 'availability.status')!;
    expect(status.title).toBe('Accueil de nouvelles associations');
    expect(status.values).toEqual(Object.entries(availabilityLabels).map(([value, label]) => ({ value, label })));
    expect(docs.find((d) => d.key === 'availability.shown')!.description).toContain(`plus de ${AVAILABILITY_STALE_MONTHS} mois`);
  });

  it('come from the directory built for the day', () => {
    const one = buildDirectory(
      {
        ...content,
        providers: [
          {
            id: 'a',
            file: 'providers/a.md',
            data: provider({ availability: { status: 'ouvert', stated: '2026-05-28' } }),
            body: '',
            bodyLine: 1,
            locate: () => ({ line: 1, column: 1 }),
          },
        ],
        recommendations: [
          {
            id: 'a--b',
            file: 'recommendations/a--b.md',
            data: { provider: 'a', verification: { status: 'verified', date: '2026-06-01' }, ratings: {}, recommend: true },
            body: '',
            bodyLine: 1,
            locate: () => ({ line: 1, column: 1 }),
          },
        ],
      } as unknown as Content,
      TODAY,
    );
    expect(one.providers[0]!.availability).toEqual({ state: 'a-confirmer', stated: '2026-05-28' });
  });
});
