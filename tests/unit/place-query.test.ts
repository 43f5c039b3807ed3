/**
 * Places in the search's words: communes, départements by number, name or
 * postcode, régions, with or without accents, and the commune files the
 * build writes for them. Also what the search says of its results.
 */
import { describe, expect, it } from 'vitest';
import { communeFiles, type CommuneRecord } from '../../src/domain/directory/communes.ts';
import {
  communePrefix,
  communePrefixes,
  mayNamePlace,
  parsePlaceQuery,
  placeKey,
  type CommuneFile,
} from '../../src/domain/directory/place-query.ts';
import { departments, regions } from '../../src/schemas/geography.ts';
import { placesFile } from '../../src/domain/directory/places.ts';
import { readPlaces } from '../../src/domain/directory/place-search.ts';
import { alsoNamedIntro, communeSentence, searchStatus } from '../../src/domain/directory/search-words.ts';

/** A few communes as INSEE lists them (fields of `@etalab/decoupage-administratif`). */
const communes: CommuneRecord[] = [
  { nom: 'Lyon', type: 'commune-actuelle', departement: '69', population: 519_127 },
  { nom: 'Lyon 3e Arrondissement', type: 'arrondissement-municipal', departement: '69', population: 100_679 },
  { nom: 'Lyons-la-Forêt', type: 'commune-actuelle', departement: '27', population: 756 },
  { nom: 'Saint-Étienne', type: 'commune-actuelle', departement: '42', population: 173_136 },
  { nom: 'Saint-Denis', type: 'commune-actuelle', departement: '974', population: 153_810 },
  { nom: 'Saint-Denis', type: 'commune-actuelle', departement: '93', population: 113_942 },
  { nom: 'Saint-Denis', type: 'commune-deleguee', departement: '93', population: 0 },
  { nom: 'Grenoble', type: 'commune-actuelle', departement: '38', population: 158_198 },
  { nom: 'La Rochelle', type: 'commune-actuelle', departement: '17', population: 79_961 },
  { nom: 'Annecy-le-Vieux', type: 'commune-deleguee', departement: '74', population: 0 },
  { nom: 'Paris', type: 'commune-actuelle', departement: '75', population: 2_133_111 },
  { nom: 'Sans département', type: 'commune-actuelle' },
];
const files = communeFiles(communes, [
  ...departments.map((d) => ({ kind: 'd' as const, code: d.code, name: d.name })),
  ...regions.map((r) => ({ kind: 'r' as const, code: r.code, name: r.name })),
]);
const lookup = (prefix: string): CommuneFile | undefined => files.get(prefix);
const places = readPlaces(placesFile());
const parse = (query: string) => parsePlaceQuery(query, places, lookup);

describe('names as the search compares them', () => {
  it('ignores case, accents and punctuation, and reads « st » as « saint »', () => {
    expect(placeKey('Saint-Étienne')).toBe('st etienne');
    expect(placeKey('ST ETIENNE')).toBe('st etienne');
    expect(placeKey('Sainte-Foy-lès-Lyon')).toBe('ste foy les lyon');
    expect(placeKey('Côtes-d’Armor')).toBe('cotes d armor');
    expect(placeKey('Œuilly')).toBe('oeuilly');
    expect(communePrefix('st etienne')).toBe('ste');
    expect(communePrefix('y')).toBe('y');
  });
});

describe('name files', () => {
  it('cut communes by the first three letters of their name, the most populous first, without arrondissements', () => {
    expect(files.get('lyo')).toEqual({ lyon: [['Lyon', '69']], 'lyons la foret': [['Lyons-la-Forêt', '27']] });
    // A département or a région of that name first, then its communes.
    expect(files.get('rho')!['rhone']).toEqual([['Rhône', '69', 'd']]);
    expect(files.get('par')!['paris']).toEqual([
      ['Paris', '75', 'd'],
      ['Paris', '75'],
    ]);
    expect(files.get('reu')!['reunion']).toEqual([['La Réunion', '974', 'd']]);
    expect(files.get('bre')!['bretagne']).toEqual([['Bretagne', '53', 'r']]);
    expect(files.get('std')).toEqual({
      'st denis': [
        ['Saint-Denis', '974'],
        ['Saint-Denis', '93'],
      ],
    });
    expect(files.get('lar')!['la rochelle']).toEqual([['La Rochelle', '17']]);
    // A former commune keeps its name: people still say they live there.
    expect(files.get('ann')).toEqual({ 'annecy le vieux': [['Annecy-le-Vieux', '74']] });
    expect([...files.values()].some((f) => Object.keys(f).some((k) => k.startsWith('sans')))).toBe(false);
  });

  it('are asked for the query’s last words first, a few at most', () => {
    expect(communePrefixes('Lyon')).toEqual(['lyo']);
    expect(communePrefixes('nextcloud à Lyon')).toEqual(['lyo', 'nex']);
    expect(communePrefixes('La Rochelle')).toEqual(['roc', 'la', 'lar']);
    expect(communePrefixes('69')).toEqual([]);
    expect(communePrefixes('un deux trois quatre cinq six sept huit').length).toBeLessThanOrEqual(6);
  });
});

describe('a place in the query', () => {
  it.each([
    ['Lyon', '69'],
    ['lyon', '69'],
    ['69', '69'],
    ['69003', '69'],
    ['Rhône', '69'],
    ['rhone', '69'],
    ['RHÔNE', '69'],
    ['Bouches-du-Rhône', '13'],
    ['bouches du rhone', '13'],
    ['Saint-Étienne', '42'],
    ['st etienne', '42'],
    ['St-Etienne', '42'],
    ['2a', '2A'],
    ['20200', '2B'],
    ['1', '01'],
    ['974', '974'],
    ['Réunion', '974'],
    ['la réunion', '974'],
    ['La Rochelle', '17'],
    ['Paris', '75'],
  ])('finds « %s » in the département %s', (query, code) => {
    expect(parse(query).place).toMatchObject({ kind: 'departement', code });
    expect(parse(query).text).toBe('');
  });

  it.each([
    ['Auvergne-Rhône-Alpes', '84'],
    ['auvergne rhone alpes', '84'],
    ['Bretagne', '53'],
    ['Provence-Alpes-Côte d’Azur', '93'],
    ['Corse', '94'],
  ])('finds « %s » as the région %s', (query, code) => {
    expect(parse(query).place).toMatchObject({ kind: 'region', code });
  });

  it('keeps the other words to search in the profiles, without the little words around the place', () => {
    expect(parse('nextcloud à Lyon')).toMatchObject({ place: { code: '69' }, text: 'nextcloud' });
    expect(parse('Hébergement Rhône')).toMatchObject({ place: { code: '69' }, text: 'Hébergement' });
    expect(parse('Lyon 3e')).toMatchObject({ place: { code: '69' }, text: '' });
  });

  it('says which commune was meant, and the others of the same name', () => {
    const { place } = parse('Saint-Denis');
    expect(place).toMatchObject({ code: '974', commune: { name: 'Saint-Denis', department: '974' } });
    expect(place!.alsoNamed).toEqual([{ name: 'Saint-Denis', department: '93' }]);
  });

  it('finds no place in words that name none', () => {
    expect(parse('nextcloud')).toEqual({ text: 'nextcloud' });
    expect(parse('zzqx vrombl')).toEqual({ text: 'zzqx vrombl' });
    expect(parse('00')).toEqual({ text: '00' });
    // The name file not loaded (yet): no guess.
    expect(parsePlaceQuery('Grenoble', places, () => undefined)).toEqual({ text: 'Grenoble' });
  });

  it('tells from the name files alone whether the places file is needed: words alone cost nothing more', () => {
    expect(mayNamePlace('nextcloud', lookup)).toBe(false);
    expect(mayNamePlace('nextcloud Lyon', lookup)).toBe(true);
    expect(mayNamePlace('rhone', lookup)).toBe(true);
    expect(mayNamePlace('69', lookup)).toBe(true);
    expect(mayNamePlace('2A', lookup)).toBe(true);
  });
});

describe('what the search says', () => {
  const where = 'dans le Rhône (69)';
  it('says the place’s sentence when only a place was asked', () => {
    expect(searchStatus({ words: '', filtered: false, total: 0, place: { where, counts: { local: 1, national: 2, remote: 7 } } })).toBe(
      '3\u00a0structures interviennent dans le Rhône (69)\u00a0: 1 sur place, 2 partout en France\u202f; 7\u00a0autres accompagnent à distance.',
    );
  });

  it('counts what was found in a place, group by group', () => {
    expect(
      searchStatus({ words: 'nextcloud', filtered: false, total: 0, place: { where, counts: { local: 1, national: 0, remote: 2 } } }),
    ).toBe('3\u00a0structures trouvées pour «\u00a0nextcloud\u00a0»\u00a0: 1 sur place dans le Rhône (69), 2 à distance.');
    expect(searchStatus({ words: 'zzqx', filtered: false, total: 0, place: { where, counts: { local: 0, national: 0, remote: 0 } } })).toBe(
      'Aucune structure ne correspond à «\u00a0zzqx\u00a0» dans le Rhône (69).',
    );
  });

  it('counts what was found without a place, and says when nothing was', () => {
    expect(searchStatus({ words: 'nextcloud', filtered: false, total: 1 })).toBe('1\u00a0structure trouvée pour «\u00a0nextcloud\u00a0».');
    expect(searchStatus({ words: 'zzqx', filtered: false, total: 0 })).toBe('Aucune structure ne correspond à «\u00a0zzqx\u00a0».');
  });

  it('says where a commune is, unless it is named as its département', () => {
    expect(communeSentence('Lyon', { name: 'Rhône', where })).toBe('Lyon est dans le Rhône (69).');
    expect(communeSentence('Paris', { name: 'Paris', where: 'à Paris (75)' })).toBeUndefined();
    expect(alsoNamedIntro).toMatch(/ce nom : $/);
  });
});
