/**
 * What the directory's search says of its results, in French: how many, for
 * which words, in which place (with the groups of the place rule,
 * place-rank.ts), and what to do when nothing matches. Light on purpose: the
 * search's browser script says it.
 */
import { countOf, formatNumber, frenchTypography } from '../text/format.ts';
import { placeGroups, placeSummary, type PlaceCounts } from './place-rank.ts';
import { placeKey } from './place-query.ts';

/**
 * How many results the search shows: at first in its first group, at first
 * in each other group, then at each « Afficher plus ». Each result costs a
 * small download.
 */
export const SEARCH_PAGE = { first: 6, otherGroups: 3, more: 8 } as const;

export interface SearchOutcome {
  /** The words searched for in the profiles, without the place. */
  words: string;
  /** Whether filters (service, size…) narrow the search. */
  filtered: boolean;
  place?: { where: string; counts: PlaceCounts };
  /** Results without a place. */
  total: number;
}

const GROUP_WORDS = {
  local: (where: string) => where.replace(/^(dans|en|à) /, 'sur place $1 '),
  national: () => 'partout en France',
  remote: () => 'à distance',
};

/** « 5 structures trouvées pour « nextcloud ». », or the place's sentence when only a place was asked. */
export function searchStatus(outcome: SearchOutcome): string {
  const about = outcome.words ? ` pour « ${outcome.words} »` : '';
  const none = outcome.words ? `Aucune structure ne correspond à « ${outcome.words} »` : 'Aucune structure ne correspond à ces filtres';
  if (outcome.place) {
    const { where, counts } = outcome.place;
    const all = placeGroups.reduce((sum, g) => sum + counts[g], 0);
    if (!outcome.words && !outcome.filtered) return placeSummary(counts, where);
    if (all === 0) return frenchTypography(`${none} ${where}.`);
    const parts = placeGroups.filter((g) => counts[g] > 0).map((g) => `${formatNumber(counts[g])} ${GROUP_WORDS[g](where)}`);
    return frenchTypography(`${countOf(all, 'structure trouvée', 'structures trouvées')}${about} : ${parts.join(', ')}.`);
  }
  if (outcome.total === 0) return frenchTypography(`${none}.`);
  return frenchTypography(`${countOf(outcome.total, 'structure trouvée', 'structures trouvées')}${about}.`);
}

/** « Lyon est dans le Rhône (69). »; nothing when the commune is named as its département (Paris). */
export function communeSentence(commune: string, department: { name: string; where: string }): string | undefined {
  if (placeKey(commune) === placeKey(department.name)) return undefined;
  return `${commune} est ${department.where}.`;
}

/** « Saint-Denis (93), Saint-Denis (974) »: other communes of a name, as links to their département's page. */
export const alsoNamedIntro = 'Une autre commune porte ce nom : ';
export const alsoNamedIntroMany = 'D’autres communes portent ce nom : ';
