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
