/**
 * French typography: a narrow no-break space before « ; ! ? » and a no-break
 * space before « : » and inside « guillemets », so that punctuation never
 * starts a line; a no-break space between a number and « € » or « % », so
 * that the sign never leaves its amount, nor the thousands of an amount each other. Applied to every text the site renders.
 */
const NBSP = '\u00A0';
const NNBSP = '\u202F';

/** Only texts with one of these signs need any change: most don't, and this runs on every text of every page. */
const NEEDS_SPACING = /[;!?:«»€%]/;

export function frenchTypography(text: string): string {
  if (!NEEDS_SPACING.test(text)) return text;
  return (
    text
      .replace(/([\p{L}\p{N}»)\]…%])[ \u00A0\u202F]?([;!?]+)(?=[\s»)]|$)/gu, `$1${NNBSP}$2`)
      .replace(/([\p{L}\p{N}»)\]…%])[ \u00A0\u202F]?:(?=\s|$)/gu, `$1${NBSP}:`)
      .replace(/«[ \u00A0\u202F]*/g, `«${NBSP}`)
      .replace(/[ \u00A0\u202F]*»/g, `${NBSP}»`)
      // Thousands in an amount: « 3 000 € » as Intl writes it (a fine no-break space).
      .replace(/(?<![\d,.])(\d{1,3})((?: \d{3})+)(?= ?€)/g, (_m, head: string, groups: string) => head + groups.replaceAll(' ', NNBSP))
      .replace(/(\d) ([€%])/g, `$1${NBSP}$2`)
  );
}

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
