/**
 * The guided finder « Trouver un accompagnement »: from a few answers (need,
 * département, size, GAFAM service to replace, budget), a ranked short list
 * where each provider comes with the reasons it is there, grouped as every
 * place's list is (on the spot, everywhere, remotely). Shared by the build
 * (which writes the candidates) and the browser (which ranks them): no import
 * of data or of the geography here, so that the browser's script stays small.
 */
import { budgetFit, isBudget, type Budget } from '../directory/budget.ts';
import { placeGroupOf, placeGroups, placeScore, placeSentence, type PlaceGroup, type PlaceMatch } from '../directory/place-rank.ts';
import { availabilityStates, isFull, type AvailabilityFacts, type AvailabilityState } from '../directory/availability.ts';

export type { PlaceMatch };

export interface FinderQuery {
  service?: string;
  departement?: string;
  taille?: string;
  remplace?: string;
  budget?: Budget;
}

export const finderQueryKeys = ['service', 'departement', 'taille', 'remplace', 'budget'] as const;

const NUMBER_WORDS = ['zéro', 'une', 'deux', 'trois', 'quatre', 'cinq', 'six', 'sept', 'huit', 'neuf', 'dix'];
/** « cinq questions »: how many the finder asks, in words, for the links that lead to it. */
export const finderQuestions = `${NUMBER_WORDS[finderQueryKeys.length] ?? finderQueryKeys.length} questions`;

/** A provider as the finder ranks it and shows it (its card: card-view.ts). */
export interface FinderCandidate {
  id: string;
  name: string;
  city: string;
  /** Département where it is located. */
  department: string;
  structure: string;
  national: boolean;
  remote: boolean;
  services: string[];
  sizes: string[];
  /** GAFAM services its tools replace, as slugs. */
  replaces: string[];
  networks: string[];
  /** Verified recommendations. */
  recommendations: number;
  /** Mean of its criterion averages, or null when nothing was rated. */
  average: number | null;
  pricing: { model: string; from_eur?: number | undefined };
  place: PlaceMatch;
  availability: AvailabilityFacts;
}

/** Words the explanations need, from the page (the form's own options) or from the build. */
export interface FinderWords {
  service(slug: string): string;
  /** « accompagne les petites associations ». */
  size(slug: string): string;
  remplace(slug: string): string;
  /** « dans le Rhône » for the asked département. */
  where?: string;
  /** Name of the asked département's région. */
  regionName?: string;
}

export interface FinderResult {
  candidate: FinderCandidate;
  /** Its group in the place's list. */
  group: PlaceGroup;
  score: number;
  /** Why it is on the list, most important first. */
  reasons: string[];
}

/** Why a full provider comes last in its group. */
export const FULL_REASON = 'complet pour l’instant\u00A0: proposée après les autres';

/** How many providers the finder's list shows: a short list, not the directory. */
export const FINDER_LIMIT = 10;

/** « Petites associations (jusqu’à 20 personnes) » → « accompagne les petites associations ». */
export function sizeSentence(label: string): string {
  const short = label.replace(/\s*\(.*\)\s*$/, '').trim();
  return `accompagne les ${short.charAt(0).toLocaleLowerCase('fr') + short.slice(1)}`;
}

const collator = new Intl.Collator('fr', { sensitivity: 'base', numeric: true });

/**
 * Ranks the candidates for a query. The need, the place and the budget are
 * conditions (a provider that does not offer the service, cannot reach the
 * département, or whose starting price is over the budget, is left out);
 * size, the service to replace and a price known to fit add to the score;
 * verified recommendations and ratings separate the rest. With a
 * département, the list keeps the groups of every place's list: on the spot
 * first, then everywhere in France, then remotely. A provider that says it
 * is full comes last (of its group, with a département), and says why: it
 * may still advise, but cannot start soon.
 */
export function rankProviders(
  candidates: readonly FinderCandidate[],
  query: FinderQuery,
  words: FinderWords,
  limit = FINDER_LIMIT,
): FinderResult[] {
  const results: FinderResult[] = [];
  for (const candidate of candidates) {
    const group = placeGroupOf(candidate.place);
    if (!group) continue;
    if (query.service && !candidate.services.includes(query.service)) continue;
    const fit = query.budget ? budgetFit(candidate.pricing, query.budget) : undefined;
    if (fit === 'over') continue;
    const reasons: string[] = [];
    let score = 0;
    if (query.departement || candidate.place === 'national' || candidate.place === 'remote') {
      score += placeScore(candidate.place);
      reasons.push(placeSentence(candidate.place, { city: candidate.city, where: words.where ?? '', regionName: words.regionName }));
    }
    if (query.service) {
      score += 5;
      reasons.push(`propose\u00A0: ${words.service(query.service)}`);
    }
    if (query.taille && candidate.sizes.includes(query.taille)) {
      score += 2;
      reasons.push(words.size(query.taille));
    }
    if (query.remplace && candidate.replaces.includes(query.remplace)) {
      score += 3;
      reasons.push(`propose une alternative à ${words.remplace(query.remplace)}`);
    }
    if (fit === 'fits') {
      score += 2;
      reasons.push('dans votre budget');
    } else if (fit === 'unknown') reasons.push('prix de départ non indiqué : demandez un devis');
    score += Math.min(candidate.recommendations, 5) * 0.6 + (candidate.average ?? 0) / 10;
    if (isFull(candidate.availability)) reasons.push(FULL_REASON);
    results.push({ candidate, group, score, reasons });
  }
  const groupOrder = (r: FinderResult) => (query.departement ? placeGroups.indexOf(r.group) : 0);
  return results
    .sort(
      (a, b) =>
        groupOrder(a) - groupOrder(b) ||
        Number(isFull(a.candidate.availability)) - Number(isFull(b.candidate.availability)) ||
        b.score - a.score ||
        b.candidate.recommendations - a.candidate.recommendations ||
        collator.compare(a.candidate.name, b.candidate.name),
    )
    .slice(0, limit);
}

/** The ranked list cut into its place groups, in order, empty groups left out. */
export function finderGroups(results: readonly FinderResult[]): Array<{ group: PlaceGroup; results: FinderResult[] }> {
  return placeGroups.map((group) => ({ group, results: results.filter((r) => r.group === group) })).filter((g) => g.results.length > 0);
}

// ——— The candidates as the build writes them and the browser reads them ———

/**
 * The slugs the candidates' lists point into: lists are written as indexes
 * (« 0 3 b ») into these, so that thousands of candidates stay small.
 */
export interface FinderVocabulary {
  services: string[];
  sizes: string[];
  replaces: string[];
  structures: string[];
  networks: string[];
  pricing: string[];
  /** French labels of the values a card shows, by facet (`structure`, `reseau`, `tarif`, `service`). */
  labels: Record<string, Record<string, string>>;
}

/** One candidate as a short array: the files stay small even with thousands of providers. */
export type EncodedCandidate = [
  id: string,
  name: string,
  city: string,
  department: string,
  /** Structure, pricing model (indexes), then `n` when national, `d` when remote: « 0 3 nd ». */
  kind: string,
  services: string,
  sizes: string,
  replaces: string,
  networks: string,
  recommendations: number,
  averageTimesTen: number,
  /** Starting price in euros, -1 when none is given. */
  from: number,
  place: PlaceMatch,
  /** Availability: its state's index, then the day it was stated and the weeks of wait when given: « 1 2026-10-12 6 ». */
  availability: string,
];

function encodeList(values: readonly string[], vocabulary: readonly string[]): string {
  return values
    .map((v) => vocabulary.indexOf(v))
    .filter((i) => i >= 0)
    .map((i) => i.toString(36))
    .join(' ');
}

function decodeList(text: string, vocabulary: readonly string[]): string[] {
  return text ? text.split(' ').map((i) => vocabulary[parseInt(i, 36)] ?? '') : [];
}

export function encodeCandidate(c: FinderCandidate, v: FinderVocabulary): EncodedCandidate {
  const flags = `${c.national ? 'n' : ''}${c.remote ? 'd' : ''}`;
  return [
    c.id,
    c.name,
    c.city,
    c.department,
    [encodeList([c.structure], v.structures), encodeList([c.pricing.model], v.pricing), ...(flags ? [flags] : [])].join(' '),
    encodeList(c.services, v.services),
    encodeList(c.sizes, v.sizes),
    encodeList(c.replaces, v.replaces),
    encodeList(c.networks, v.networks),
    c.recommendations,
    c.average === null ? -1 : Math.round(c.average * 10),
    c.pricing.from_eur ?? -1,
    c.place,
    [availabilityStates.indexOf(c.availability.state), c.availability.stated ?? '', c.availability.wait_weeks ?? ''].join(' ').trimEnd(),
  ];
}

function decodeAvailability(text: string): AvailabilityFacts {
  const [index = '', stated = '', weeks = ''] = text.split(' ');
  const state: AvailabilityState = availabilityStates[Number(index)] ?? 'non-precisee';
  return { state, ...(stated ? { stated } : {}), ...(weeks ? { wait_weeks: Number(weeks) } : {}) };
}

export function decodeCandidate(e: EncodedCandidate, v: FinderVocabulary): FinderCandidate {
  const [structure = '', model = '', flags = ''] = e[4].split(' ');
  return {
    id: e[0],
    name: e[1],
    city: e[2],
    department: e[3],
    structure: decodeList(structure, v.structures)[0] ?? '',
    national: flags.includes('n'),
    remote: flags.includes('d'),
    services: decodeList(e[5], v.services),
    sizes: decodeList(e[6], v.sizes),
    replaces: decodeList(e[7], v.replaces),
    networks: decodeList(e[8], v.networks),
    recommendations: e[9],
    average: e[10] < 0 ? null : e[10] / 10,
    pricing: { model: decodeList(model, v.pricing)[0] ?? '', ...(e[11] >= 0 ? { from_eur: e[11] } : {}) },
    place: e[12],
    availability: decodeAvailability(e[13]),
  };
}

/**
 * Candidates met in several files (a national provider located in the
 * département): the closest place wins.
 */
export function mergeCandidates(...lists: FinderCandidate[][]): FinderCandidate[] {
  const byId = new Map<string, FinderCandidate>();
  for (const list of lists) {
    for (const c of list) {
      const known = byId.get(c.id);
      if (!known || placeScore(c.place) > placeScore(known.place)) byId.set(c.id, c);
    }
  }
  return [...byId.values()];
}

/** The query from a URL's search part, keeping only the finder's questions. */
export function queryFromSearch(search: string): FinderQuery {
  const params = new URLSearchParams(search);
  const query: FinderQuery = {};
  for (const key of finderQueryKeys) {
    const value = params.get(key)?.trim();
    if (!value || !/^[a-z0-9-]{1,60}$/i.test(value)) continue;
    if (key === 'budget') {
      if (isBudget(value)) query.budget = value;
    } else query[key] = value;
  }
  return query;
}
