export { frenchTypography } from './typography.ts';

/**
 * Numbers, euros and dates the French way, from `Intl`. Each formatter is
 * made on first use: making them all costs a command that prints none of
 * them (the check) a noticeable part of its start-up.
 */
function lazy<T>(make: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= make());
}
const euroFormat = lazy(() => new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 }));
const numberFormat = lazy(() => new Intl.NumberFormat('fr-FR'));
const dateFormat = lazy(() => new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }));
const monthFormat = lazy(() => new Intl.DateTimeFormat('fr-FR', { month: 'long', year: 'numeric', timeZone: 'UTC' }));

export const formatEuros = (amount: number) => euroFormat().format(amount);
export const formatNumber = (n: number) => numberFormat().format(n);
/** `2026-03-14` → « 14 mars 2026 ». */
export const formatDate = (day: string) => dateFormat().format(new Date(`${day}T00:00:00Z`));
export const formatMonth = (day: string) => monthFormat().format(new Date(`${day}T00:00:00Z`));
const averageFormat = lazy(() => new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1, minimumFractionDigits: 1 }));
/** 4.25 → « 4,3 ». */
export const formatAverage = (n: number) => averageFormat().format(n);
const percentFormat = lazy(() => new Intl.NumberFormat('fr-FR', { style: 'percent', maximumFractionDigits: 0 }));
/** 0.42 → « 42 % ». */
export const formatPercent = (ratio: number) => percentFormat().format(ratio);
const languageNames = lazy(() => new Intl.DisplayNames('fr', { type: 'language' }));
/** `br` → « breton ». */
export const languageName = (code: string) => languageNames().of(code) ?? code;

/** « 1 structure », « 3 structures », « 0 structure »: French puts 0 and 1 in the singular. */
export function countOf(n: number, one: string, many: string): string {
  return `${formatNumber(n)}\u00A0${n > 1 ? many : one}`;
}

/** The word alone: « structure » or « structures ». */
export function plural(n: number, one: string, many: string): string {
  return n > 1 ? many : one;
}

/** The first `max` items joined with « · », then « et 2 autres » for the rest. */
export function shortList(items: readonly string[], max: number): string {
  const rest = items.length - max;
  const shown = items.slice(0, max);
  return rest > 0 ? [...shown, `et ${countOf(rest, 'autre', 'autres')}`].join(' · ') : shown.join(' · ');
}
