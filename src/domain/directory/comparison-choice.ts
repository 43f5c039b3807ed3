/**
 * Choosing providers to compare: at most three, named by their slugs in the
 * address (`/comparer/?s=a,b,c`), and what a visitor reads when a choice
 * cannot be kept. Light on purpose: the browser scripts of the lists and of
 * the comparison page use it.
 */
import { frenchTypography as t } from '../text/typography.ts';
import { SLUG_PATTERN } from '../../schemas/slug-pattern.ts';

/** The accessible name of a provider's « Comparer » box: its visible word, then whom it picks. */
export const compareBoxLabel = (name: string): string => `Comparer ${name}`;

/** How many providers fit side by side, on a phone too. */
export const MAX_COMPARED = 3;

/** The address's parameter that names the providers: `?s=a,b,c`. */
export const COMPARE_PARAM = 's';

export interface ComparisonChoice {
  /** The providers to show, at most MAX_COMPARED, in the address's order. */
  kept: string[];
  /** Beyond the first three. */
  dropped: string[];
  /** Not a possible file name: ignored without asking the site. */
  malformed: string[];
}

/** The providers named by the address's `s` (`a,b,c`; repeated `s=` too), without duplicates. */
export function parseComparison(values: readonly string[]): ComparisonChoice {
  const names = [
    ...new Set(
      values
        .flatMap((v) => v.split(','))
        .map((v) => v.trim())
        .filter(Boolean),
    ),
  ];
  const wellFormed = names.filter((n) => SLUG_PATTERN.test(n));
  return {
    kept: wellFormed.slice(0, MAX_COMPARED),
    dropped: wellFormed.slice(MAX_COMPARED),
    malformed: names.filter((n) => !SLUG_PATTERN.test(n)),
  };
}

const quoted = (names: readonly string[]) => names.map((n) => `« ${n} »`).join(', ');

/** « Structure introuvable, ignorée : « x ». », naming each slug the site does not know. */
export function unknownMessage(names: readonly string[]): string {
  if (names.length === 0) return '';
  return t(
    names.length === 1
      ? `Structure introuvable, ignorée : ${quoted(names)}. Elle a peut-être changé d’adresse ou quitté l’annuaire.`
      : `Structures introuvables, ignorées : ${quoted(names)}. Elles ont peut-être changé d’adresse ou quitté l’annuaire.`,
  );
}

/** Said when the address names more than three providers. */
export function droppedMessage(dropped: readonly string[]): string {
  if (dropped.length === 0) return '';
  return t(
    `On compare ${MAX_COMPARED} structures au plus : seules les ${MAX_COMPARED} premières de l’adresse sont affichées (${quoted(dropped)} mises de côté).`,
  );
}

/** The tray's link: « Comparer (2/3) ». */
export function trayLabel(count: number): string {
  return `Comparer (${count}/${MAX_COMPARED})`;
}

/** Said (aria-live) when a visitor picks a fourth provider. */
export function fullMessage(): string {
  return t(`Vous avez déjà choisi ${MAX_COMPARED} structures : retirez-en une pour en ajouter une autre.`);
}

/** Said (aria-live) when a provider is added or removed. */
export function pickedMessage(name: string, added: boolean, count: number): string {
  return t(`${name} ${added ? 'ajoutée à' : 'retirée de'} la comparaison (${count}/${MAX_COMPARED}).`);
}

/** Said (aria-live) when the comparison needs a second provider. */
export function oneMoreMessage(): string {
  return 'Choisissez au moins une autre structure pour les comparer.';
}

/** The comparison's title: « Comparaison de A, B et C ». */
export function comparisonTitle(names: readonly string[]): string {
  const list = names.length > 1 ? `${names.slice(0, -1).join(', ')} et ${names.at(-1)}` : (names[0] ?? '');
  return `Comparaison de ${list}`;
}

/** Said when the providers' files could not be fetched (offline, a server error). */
export function loadFailedMessage(): string {
  return 'Les fiches n’ont pas pu être chargées. Vérifiez votre connexion, puis rechargez la page.';
}
