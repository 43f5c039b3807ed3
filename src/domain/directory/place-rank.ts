/**
 * How close a provider is to a place, and how that is said. Light on
 * purpose (no geography): the finder's browser script ranks with it too.
 */

/** How a provider reaches a place: located there, serving it, serving its région, everywhere, remotely only, or not at all. */
export type PlaceMatch = 'located' | 'served' | 'region-served' | 'national' | 'remote' | 'none';

/** The closer, the higher: lists for a place show those who are there first. */
const PLACE_SCORE: Record<PlaceMatch, number> = { located: 6, served: 5, 'region-served': 4, national: 3, remote: 1, none: 0 };

export function placeScore(match: PlaceMatch): number {
  return PLACE_SCORE[match];
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
