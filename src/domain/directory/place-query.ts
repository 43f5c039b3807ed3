/**
 * Places in a search query: « Lyon », « 69 », « 69003 », « Rhône »,
 * « rhone », « Auvergne-Rhône-Alpes », « st etienne », « nextcloud à
 * Grenoble ». Light on purpose: the search's browser script runs it, with the
 * few name files the query needs (`annuaire/communes/<début>.json`: the
 * communes, départements and régions whose name starts so) and, once a place
 * may be named, the places file; the build writes them with communes.ts.
 */
import type { PlaceKind } from './facet-keys.ts';
import type { Places } from './place-search.ts';
import { placeKey } from '../text/normalise.ts';

export { placeKey } from '../text/normalise.ts';

/** Commune files are cut by the first three letters of the name: « Lyon » is in `lyo.json`. */
export function communePrefix(key: string): string {
  return key.replace(/ /g, '').slice(0, 3);
}

/**
 * A name file: the places of each name, as [name, code, kind]. A département
 * (`d`) or a région (`r`) comes first, then the communes ([name,
 * département]), the most populous first.
 */
export type NameEntry = [name: string, code: string, kind?: 'd' | 'r'];
export type CommuneFile = Record<string, NameEntry[]>;

export interface Commune {
  name: string;
  department: string;
}

export interface PlaceQuery {
  place?: {
    kind: PlaceKind;
    code: string;
    /** The commune the visitor named, when it was one. */
    commune?: Commune;
    /** Other communes of that name, elsewhere. */
    alsoNamed: Commune[];
  };
  /** The words of the query that are not the place, to look for in the profiles. */
  text: string;
}

/** Place names are looked for in spans of at most this many words (« Provence-Alpes-Côte d’Azur » has five). */
const MAX_SPAN = 6;
/** Words around a place that say nothing more: « nextcloud à Lyon », « Lyon 3e », « près de Rennes ». */
const CONNECTORS = new Set(['a', 'au', 'aux', 'dans', 'en', 'pres', 'de', 'du', 'des', 'sur', 'vers', 'autour', 'cote', 'arrondissement']);
const NOISE = /^\d+(e|er|eme)?$/;

/** Words of a text, cut where placeKey cuts, so that both line up. */
function words(text: string): string[] {
  return text.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

/** The spans of a query to look up, longest first, then from the left. */
function spans(count: number): Array<[start: number, end: number]> {
  const out: Array<[number, number]> = [];
  for (let length = Math.min(MAX_SPAN, count); length >= 1; length--)
    for (let start = 0; start + length <= count; start++) out.push([start, start + length]);
  return out;
}

/** The commune files a query may need: one per place-like span, the last words first (« nextcloud à Lyon »), a few at most. */
export function communePrefixes(query: string, limit = 6): string[] {
  const keys = words(query).map(placeKey);
  const prefixes: string[] = [];
  for (let start = keys.length - 1; start >= 0; start--) {
    if (CONNECTORS.has(keys[start]!)) continue;
    for (let end = start + 1; end <= Math.min(keys.length, start + MAX_SPAN); end++) {
      const key = keys.slice(start, end).join(' ');
      if (key.replace(/ /g, '').length < 2 || /^\d/.test(key)) continue;
      const prefix = communePrefix(key);
      if (!prefixes.includes(prefix)) prefixes.push(prefix);
      // Once three letters are known, longer spans share the file.
      if (key.replace(/ /g, '').length >= 3) break;
    }
    if (prefixes.length >= limit) return prefixes.slice(0, limit);
  }
  return prefixes;
}

/** The département of a code (« 69 », « 2a », « 974 ») or a postcode (« 69003 », « 20200 »). */
function departmentOfCode(token: string, places: Places): string | undefined {
  const code = token.toUpperCase();
  if (/^\d$/.test(code)) return places.place('departement', `0${code}`)?.code;
  if (/^(\d{2,3}|2[AB])$/.test(code)) return places.place('departement', code)?.code;
  if (!/^\d{5}$/.test(code)) return undefined;
  // Corsica's postcodes all start with 20: 200xx and 201xx are Corse-du-Sud.
  if (code.startsWith('20')) return Number(code.slice(2, 3)) <= 1 ? '2A' : '2B';
  return places.place('departement', code.slice(0, /^9[78]/.test(code) ? 3 : 2))?.code;
}

/** Whether a query may name a place: a code or a postcode, or a name of the files. */
export function mayNamePlace(query: string, communes: (prefix: string) => CommuneFile | undefined): boolean {
  const keys = words(query).map(placeKey);
  if (keys.some((k) => /^(\d{1,3}|\d{5}|2[ab])$/.test(k))) return true;
  return spans(keys.length).some(([start, end]) => {
    const key = keys.slice(start, end).join(' ');
    return !!communes(communePrefix(key))?.[key];
  });
}

/**
 * Finds the place a query names, if any: a département's code, number or
 * name, a région's name, a postcode, or a commune (when its file is given).
 * The longest span wins; the other words are the text to search for.
 */
export function parsePlaceQuery(query: string, places: Places, communes: (prefix: string) => CommuneFile | undefined): PlaceQuery {
  const original = words(query);
  const keys = original.map(placeKey);
  for (const [start, end] of spans(keys.length)) {
    const key = keys.slice(start, end).join(' ');
    let place: PlaceQuery['place'];
    const code = end - start === 1 ? departmentOfCode(key, places) : undefined;
    const [first, ...others] = communes(communePrefix(key))?.[key] ?? [];
    if (code) place = { kind: 'departement', code, alsoNamed: [] };
    else if (first?.[2]) {
      const kind = first[2] === 'd' ? 'departement' : 'region';
      if (places.place(kind, first[1])) place = { kind, code: first[1], alsoNamed: [] };
    } else if (first && places.place('departement', first[1])) {
      const all = [first, ...others].map(([name, department]) => ({ name, department }));
      place = { kind: 'departement', code: first[1], commune: all[0], alsoNamed: all.slice(1) };
    }
    if (!place) continue;
    const rest = original.filter((_, i) => i < start || i >= end).filter((w) => !CONNECTORS.has(placeKey(w)) && !NOISE.test(placeKey(w)));
    return { place, text: rest.join(' ') };
  }
  return { text: query.trim() };
}
