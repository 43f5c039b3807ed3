/**
 * The guided finder « Trouver un accompagnement »: from a few answers (need,
 * département, size, GAFAM service to replace), a ranked short list where
 * each provider comes with the reasons it is there. Shared by the build
 * (which writes the candidates) and the browser (which ranks them): no import
 * of data or of the geography here, so that the browser's script stays small.
 */
import { placeScore, placeSentence, type PlaceMatch } from '../directory/place-rank.ts';

export type { PlaceMatch };

export interface FinderQuery {
  service?: string;
  departement?: string;
  taille?: string;
  remplace?: string;
}

export const finderQueryKeys = ['service', 'departement', 'taille', 'remplace'] as const;

export interface FinderCandidate {
  id: string;
  name: string;
  city: string;
  services: string[];
  sizes: string[];
  /** GAFAM services its tools replace, as slugs. */
  replaces: string[];
  /** Verified recommendations. */
  recommendations: number;
  /** Mean of its criterion averages, or null when nothing was rated. */
  average: number | null;
  place: PlaceMatch;
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
  score: number;
  /** Why it is on the list, most important first. */
  reasons: string[];
}

export function recommendationsSentence(count: number): string {
  return count === 1 ? '1 recommandation vérifiée' : `${count} recommandations vérifiées`;
}

/** « Petites associations (jusqu’à 20 personnes) » → « accompagne les petites associations ». */
export function sizeSentence(label: string): string {
  const short = label.replace(/\s*\(.*\)\s*$/, '').trim();
  return `accompagne les ${short.charAt(0).toLocaleLowerCase('fr') + short.slice(1)}`;
}

const collator = new Intl.Collator('fr', { sensitivity: 'base', numeric: true });

/**
 * Ranks the candidates for a query. The need and the place are conditions (a
 * provider that does not offer the service, or cannot reach the département,
 * is left out); size and the service to replace add to the score; verified
 * recommendations and ratings separate the rest.
 */
export function rankProviders(candidates: readonly FinderCandidate[], query: FinderQuery, words: FinderWords, limit = 10): FinderResult[] {
  const results: FinderResult[] = [];
  for (const candidate of candidates) {
    if (query.service && !candidate.services.includes(query.service)) continue;
    if (query.departement && candidate.place === 'none') continue;
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
    score += Math.min(candidate.recommendations, 5) * 0.6 + (candidate.average ?? 0) / 10;
    reasons.push(recommendationsSentence(candidate.recommendations));
    results.push({ candidate, score, reasons });
  }
  return results
    .sort(
      (a, b) =>
        b.score - a.score ||
        b.candidate.recommendations - a.candidate.recommendations ||
        collator.compare(a.candidate.name, b.candidate.name),
    )
    .slice(0, limit);
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
}

/** One candidate as a short array: the files stay small even with thousands of providers. */
export type EncodedCandidate = [
  id: string,
  name: string,
  city: string,
  services: string,
  sizes: string,
  replaces: string,
  recommendations: number,
  averageTimesTen: number,
  place: PlaceMatch,
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
  return [
    c.id,
    c.name,
    c.city,
    encodeList(c.services, v.services),
    encodeList(c.sizes, v.sizes),
    encodeList(c.replaces, v.replaces),
    c.recommendations,
    c.average === null ? -1 : Math.round(c.average * 10),
    c.place,
  ];
}

export function decodeCandidate(e: EncodedCandidate, v: FinderVocabulary): FinderCandidate {
  return {
    id: e[0],
    name: e[1],
    city: e[2],
    services: decodeList(e[3], v.services),
    sizes: decodeList(e[4], v.sizes),
    replaces: decodeList(e[5], v.replaces),
    recommendations: e[6],
    average: e[7] < 0 ? null : e[7] / 10,
    place: e[8],
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
    if (value && /^[a-z0-9-]{1,60}$/i.test(value)) query[key] = value;
  }
  return query;
}
