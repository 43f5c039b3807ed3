import { describe, expect, it } from 'vitest';
import { budgetChoices, budgetFit, MEDIUM_BUDGET_EUR, SMALL_BUDGET_EUR } from '../../src/domain/directory/budget.ts';
import {
  decodeCandidate,
  encodeCandidate,
  finderGroups,
  mergeCandidates,
  queryFromSearch,
  rankProviders,
  sizeSentence,
  type FinderCandidate,
  type FinderWords,
} from '../../src/domain/finder/index.ts';
import { sizeLabels } from '../../src/schemas/provider.ts';

function candidate(overrides: Partial<FinderCandidate>): FinderCandidate {
  return {
    id: 'structure',
    name: 'Structure',
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
    availability: { state: 'ouvert', stated: '2026-10-01' },
    ...overrides,
  };
}

const words: FinderWords = {
  service: (slug) => ({ diagnostic: 'Diagnostic des outils', hebergement: 'Hébergement de services' })[slug] ?? slug,
  size: (slug) => sizeSentence(sizeLabels[slug as keyof typeof sizeLabels]),
  remplace: (slug) => ({ 'google-drive': 'Google Drive' })[slug] ?? slug,
  where: 'dans le Rhône',
  regionName: 'Auvergne-Rhône-Alpes',
};

describe('ranking for the guided finder', () => {
  it('puts a provider located in the département before one that works everywhere, and that one before remote-only', () => {
    const list = rankProviders(
      [
        candidate({ id: 'distance', name: 'À distance', place: 'remote' }),
        candidate({ id: 'partout', name: 'Partout', place: 'national' }),
        candidate({ id: 'ici', name: 'Ici', place: 'located' }),
      ],
      { departement: '69' },
      words,
    );
    expect(list.map((r) => r.candidate.id)).toEqual(['ici', 'partout', 'distance']);
  });

  it('leaves out providers that do not offer the need or cannot reach the place', () => {
    const list = rankProviders(
      [
        candidate({ id: 'sans-service', services: ['hebergement'] }),
        candidate({ id: 'ailleurs', place: 'none' }),
        candidate({ id: 'oui' }),
      ],
      { service: 'diagnostic', departement: '69' },
      words,
    );
    expect(list.map((r) => r.candidate.id)).toEqual(['oui']);
  });

  it('explains each match in plain French', () => {
    const [result] = rankProviders(
      [candidate({ replaces: ['google-drive'], recommendations: 3, place: 'served' })],
      { service: 'diagnostic', departement: '69', taille: 'petite', remplace: 'google-drive' },
      words,
    );
    expect(result!.reasons).toEqual([
      'intervient dans le Rhône',
      'propose\u00A0: Diagnostic des outils',
      'accompagne les petites associations',
      'propose une alternative à Google Drive',
    ]);
  });

  it('says when a provider is there through its whole région, or is located there', () => {
    const [region] = rankProviders([candidate({ place: 'region-served' })], { departement: '69' }, words);
    expect(region!.reasons[0]).toBe('intervient dans toute la région Auvergne-Rhône-Alpes');
    const [here] = rankProviders([candidate({ place: 'located', recommendations: 1 })], { departement: '69' }, words);
    expect(here!.reasons).toEqual(['basée à Lyon, dans le Rhône']);
  });

  it('prefers the size and the tool asked for, without excluding the others', () => {
    const list = rankProviders(
      [candidate({ id: 'grande', sizes: ['grande'] }), candidate({ id: 'petite', sizes: ['petite'] })],
      { taille: 'petite' },
      words,
    );
    expect(list.map((r) => r.candidate.id)).toEqual(['petite', 'grande']);
  });

  it('breaks ties with verified recommendations, then ratings, then the name', () => {
    const list = rankProviders(
      [
        candidate({ id: 'b', name: 'Bêta', recommendations: 1 }),
        candidate({ id: 'a', name: 'Alpha', recommendations: 1 }),
        candidate({ id: 'c', name: 'Gamma', recommendations: 4 }),
        candidate({ id: 'd', name: 'Delta', recommendations: 1, average: 5 }),
      ],
      {},
      words,
    );
    expect(list.map((r) => r.candidate.id)).toEqual(['c', 'd', 'a', 'b']);
  });

  it('keeps the list short', () => {
    const many = Array.from({ length: 30 }, (_, i) => candidate({ id: `s${i}`, name: `Structure ${i}` }));
    expect(rankProviders(many, {}, words)).toHaveLength(10);
    expect(rankProviders(many, {}, words, 5)).toHaveLength(5);
  });
});

describe('candidates in the files the build writes', () => {
  const vocabulary = {
    services: ['analyse-besoins', 'diagnostic', 'hebergement', ...Array.from({ length: 40 }, (_, i) => `service-${i}`)],
    sizes: ['petite', 'moyenne', 'grande'],
    replaces: ['dropbox', 'google-drive'],
    structures: ['association', 'cooperative'],
    networks: ['chatons', 'april'],
    pricing: ['devis', 'forfait', 'gratuit'],
    labels: {},
  };

  it('survive encoding, their lists written as short indexes', () => {
    const original = candidate({
      services: ['diagnostic', 'hebergement', 'service-39'],
      replaces: ['google-drive'],
      networks: ['april'],
      structure: 'cooperative',
      national: true,
      remote: true,
      pricing: { model: 'forfait', from_eur: 25 },
      average: 4.27,
    });
    const encoded = encodeCandidate(original, vocabulary);
    expect(encoded.slice(4, 9)).toEqual(['1 1 nd', '1 2 16', '0', '1', '1']);
    expect(encoded[11]).toBe(25);
    const decoded = decodeCandidate(JSON.parse(JSON.stringify(encoded)), vocabulary);
    expect(decoded).toEqual({ ...original, average: 4.3 });
    expect(
      decodeCandidate(encodeCandidate(candidate({ average: null, replaces: [], pricing: { model: 'gratuit' } }), vocabulary), vocabulary),
    ).toMatchObject({ average: null, replaces: [], national: false, remote: false, pricing: { model: 'gratuit' } });
  });

  it('keep the closest place when a provider is in two files', () => {
    const merged = mergeCandidates([candidate({ id: 'x', place: 'national' })], [candidate({ id: 'x', place: 'located' })]);
    expect(merged).toEqual([candidate({ id: 'x', place: 'located' })]);
  });
});

describe('the query in the address', () => {
  it('reads the finder’s questions and ignores anything else', () => {
    expect(queryFromSearch('?service=diagnostic&departement=2A&taille=petite&remplace=google-drive&x=1')).toEqual({
      service: 'diagnostic',
      departement: '2A',
      taille: 'petite',
      remplace: 'google-drive',
    });
    expect(queryFromSearch('?service=%3Cscript%3E&departement=')).toEqual({});
  });
});

describe('the budget question', () => {
  it('keeps free and pay-what-you-want providers for every budget, and the others only when their starting price fits', () => {
    expect(budgetFit({ model: 'gratuit' }, 'gratuit')).toBe('fits');
    expect(budgetFit({ model: 'prix-libre', from_eur: 80 }, 'gratuit')).toBe('fits');
    expect(budgetFit({ model: 'adhesion', from_eur: 30 }, 'gratuit')).toBe('over');
    expect(budgetFit({ model: 'devis' }, 'gratuit')).toBe('over');
    expect(budgetFit({ model: 'adhesion', from_eur: SMALL_BUDGET_EUR }, 'petit')).toBe('fits');
    expect(budgetFit({ model: 'forfait', from_eur: SMALL_BUDGET_EUR + 1 }, 'petit')).toBe('over');
    expect(budgetFit({ model: 'forfait', from_eur: MEDIUM_BUDGET_EUR }, 'moyen')).toBe('fits');
    expect(budgetFit({ model: 'devis' }, 'petit')).toBe('unknown');
  });

  it('leaves out a provider over budget, keeps one without a starting price after one that fits (all else equal), and says why', () => {
    const list = rankProviders(
      [
        candidate({ id: 'cher', pricing: { model: 'forfait', from_eur: 1500 } }),
        candidate({ id: 'inconnu', pricing: { model: 'devis' } }),
        candidate({ id: 'abordable', pricing: { model: 'adhesion', from_eur: 60 } }),
      ],
      { budget: 'petit' },
      words,
    );
    expect(list.map((r) => r.candidate.id)).toEqual(['abordable', 'inconnu']);
    expect(list[0]!.reasons).toContain('dans votre budget');
    expect(list[1]!.reasons).toContain('prix de départ non indiqué : demandez un devis');
  });

  it('reads the budget from the address only when it is one of the choices', () => {
    expect(queryFromSearch('?budget=petit')).toEqual({ budget: 'petit' });
    expect(queryFromSearch('?budget=enorme')).toEqual({});
    expect(budgetChoices.map((b) => b.value)).toEqual(['gratuit', 'petit', 'moyen']);
  });
});

describe('groups of the finder’s list', () => {
  it('keeps the groups of a place’s list when a département is given: on the spot, everywhere, remotely', () => {
    const list = rankProviders(
      [
        candidate({ id: 'distance', place: 'remote', recommendations: 5, average: 5 }),
        candidate({ id: 'partout', place: 'national', recommendations: 5, average: 5 }),
        candidate({ id: 'region', place: 'region-served', recommendations: 1, average: null }),
      ],
      { departement: '69', taille: 'grande' },
      words,
    );
    expect(finderGroups(list).map((g) => [g.group, g.results.map((r) => r.candidate.id)])).toEqual([
      ['local', ['region']],
      ['national', ['partout']],
      ['remote', ['distance']],
    ]);
  });
});
