/**
 * How close a provider is to a place, which group of a place's list it falls
 * in, and how that is said. Light on purpose (no geography): the search's and
 * the finder's browser scripts use it too, so that every page says the same.
 *
 * The rule of a place's number (« 3 structures interviennent dans le Rhône »):
 * a provider counts for a place when it is located there, when it says it
 * serves the place or its whole région, or when it works everywhere in
 * France. Working remotely does not put a provider in a place: remote-only
 * providers are listed after the others, as their own group, with their own
 * number, never added to the place's.
 */
import { countOf, formatNumber, frenchTypography } from '../text/format.ts';

/** How a provider reaches a place: located there, serving it, serving its région, everywhere, remotely only, or not at all. */
export type PlaceMatch = 'located' | 'served' | 'region-served' | 'national' | 'remote' | 'none';

/** The closer, the higher: lists for a place show those who are there first. */
const PLACE_SCORE: Record<PlaceMatch, number> = { located: 6, served: 5, 'region-served': 4, national: 3, remote: 1, none: 0 };

export function placeScore(match: PlaceMatch): number {
  return PLACE_SCORE[match];
}

/**
 * The groups of a place's list, in the order they are shown: on the spot
 * (located there, serving the place or its région), everywhere in France,
 * remotely only.
 */
export const placeGroups = ['local', 'national', 'remote'] as const;
export type PlaceGroup = (typeof placeGroups)[number];

export function placeGroupOf(match: PlaceMatch): PlaceGroup | undefined {
  switch (match) {
    case 'located':
    case 'served':
    case 'region-served':
      return 'local';
    case 'national':
      return 'national';
    case 'remote':
      return 'remote';
    default:
      return undefined;
  }
}

/** The rule in words, for the pages that list places. */
export const placeRuleText =
  'Une structure compte pour un lieu quand elle y est installée, quand elle dit y intervenir (le département ou toute sa région), ou quand elle intervient partout en France. Celles qui accompagnent seulement à distance ne comptent pas dans ce nombre : la page de chaque lieu les présente à part.';

/** Whether a group counts in the place's number: on the spot and everywhere in France do, remote-only does not. */
export function countsInPlaceNumber(group: PlaceGroup): boolean {
  return group !== 'remote';
}

/** How many providers of each group a place has. */
export type PlaceCounts = Record<PlaceGroup, number>;

export function emptyPlaceCounts(): PlaceCounts {
  return { local: 0, national: 0, remote: 0 };
}

/** The place's number: the providers that intervene there (see the rule above). */
export function placeNumber(counts: PlaceCounts): number {
  return placeGroups.filter(countsInPlaceNumber).reduce((sum, group) => sum + counts[group], 0);
}

/**
 * The sentence every page says about a place, `where` being « dans le Rhône
 * (69) »: « 3 structures interviennent dans le Rhône (69) : 1 sur place,
 * 2 partout en France ; 5 autres accompagnent à distance. »
 */
export function placeSummary(counts: PlaceCounts, where: string): string {
  const n = placeNumber(counts);
  let text =
    n === 0
      ? `Aucune structure n’intervient encore ${where}`
      : `${countOf(n, 'structure', 'structures')} ${n > 1 ? 'interviennent' : 'intervient'} ${where}`;
  if (counts.national > 0) text += ` : ${formatNumber(counts.local)} sur place, ${formatNumber(counts.national)} partout en France`;
  if (counts.remote > 0) {
    const others = n === 0 ? countOf(counts.remote, 'structure', 'structures') : countOf(counts.remote, 'autre', 'autres');
    text += ` ; ${others} ${counts.remote > 1 ? 'accompagnent' : 'accompagne'} à distance`;
  }
  return frenchTypography(`${text}.`);
}

/** The heading of one group of a place's list: « 1 structure installée dans le Rhône (69) ou qui y intervient ». */
export function placeGroupHeading(group: PlaceGroup, count: number, where: string): string {
  const verb = (one: string, many: string) => (count > 1 ? many : one);
  switch (group) {
    case 'local':
      return `${countOf(count, 'structure installée', 'structures installées')} ${where} ou qui y ${verb('intervient', 'interviennent')}`;
    case 'national':
      return `${countOf(count, 'structure', 'structures')} qui ${verb('intervient', 'interviennent')} partout en France`;
    case 'remote':
      return `${countOf(count, 'structure', 'structures')} qui ${verb('accompagne', 'accompagnent')} à distance`;
  }
}

/** A group's name without its count, for short lists (the finder's): « Installées dans le Rhône (69) ou qui y interviennent ». */
export function placeGroupTitle(group: PlaceGroup, where: string): string {
  switch (group) {
    case 'local':
      return `Installées ${where} ou qui y interviennent`;
    case 'national':
      return 'Partout en France';
    case 'remote':
      return 'À distance';
  }
}

/** The sentence that says how a provider reaches a place. */
export function placeSentence(match: PlaceMatch, words: { city: string; where: string; regionName?: string; cityDetail?: string }): string {
  switch (match) {
    case 'located':
      return `basée à ${words.city}${words.cityDetail ? ` (${words.cityDetail})` : ''}, ${words.where}`;
    case 'served':
      return `intervient ${words.where}`;
    case 'region-served':
      return words.regionName ? `intervient dans toute la région ${words.regionName}` : `intervient ${words.where}`;
    case 'national':
      return 'intervient partout en France';
    case 'remote':
      return 'accompagne à distance';
    default:
      return `n’intervient pas ${words.where}`;
  }
}
