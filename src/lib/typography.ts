/**
 * French typography: a narrow no-break space before « ; ! ? » and a no-break
 * space before « : » and inside « guillemets », so that punctuation never
 * starts a line. Applied to every text the site renders.
 */
const NBSP = '\u00A0';
const NNBSP = '\u202F';

export function frenchTypography(text: string): string {
  return text
    .replace(/([\p{L}\p{N}»)\]…%])[ \u00A0\u202F]?([;!?]+)(?=[\s»)]|$)/gu, `$1${NNBSP}$2`)
    .replace(/([\p{L}\p{N}»)\]…%])[ \u00A0\u202F]?:(?=\s|$)/gu, `$1${NBSP}:`)
    .replace(/«[ \u00A0\u202F]*/g, `«${NBSP}`)
    .replace(/[ \u00A0\u202F]*»/g, `${NBSP}»`);
}

/** Numbers, euros and dates the French way, from `Intl`. */
const euroFormat = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 });
const numberFormat = new Intl.NumberFormat('fr-FR');
const dateFormat = new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const monthFormat = new Intl.DateTimeFormat('fr-FR', { month: 'long', year: 'numeric', timeZone: 'UTC' });

export const formatEuros = (amount: number) => euroFormat.format(amount);
export const formatNumber = (n: number) => numberFormat.format(n);
/** `2026-03-14` → « 14 mars 2026 ». */
export const formatDate = (day: string) => dateFormat.format(new Date(`${day}T00:00:00Z`));
export const formatMonth = (day: string) => monthFormat.format(new Date(`${day}T00:00:00Z`));
/** 4.25 → « 4,3 ». */
export const formatAverage = (n: number) => new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1, minimumFractionDigits: 1 }).format(n);
