/**
 * Review lines keep apart what the project writes and what contributors
 * wrote: a provider's name or a field's value comes from a pull request and
 * may hold Markdown, links or mentions. The Markdown output escapes those
 * parts only, so a hostile value shows as text in the job summary.
 */
import { escapeText } from 'entities/escape';

/** A value that came from the content (or from it through a formatter). */
export interface Value {
  value: string;
}

/** A line of review text: the project's own words and contributor values, in order. */
export type Rich = Array<string | Value>;

type Interpolated = string | number | Value | Rich;

/** `fr\`Fiche modifiée : ${name}\`` keeps `name` marked as a contributor value. */
export function fr(strings: TemplateStringsArray, ...values: Interpolated[]): Rich {
  const out: Rich = [];
  strings.forEach((text, index) => {
    if (text) out.push(text);
    if (index < values.length) out.push(...toRich(values[index]!));
  });
  return out;
}

export function toRich(value: Interpolated): Rich {
  if (Array.isArray(value)) return value;
  if (typeof value === 'object') return [value];
  return [{ value: String(value) }];
}

/** Joins lines of rich text with a separator written by the project. */
export function joinRich(parts: readonly Rich[], separator: string): Rich {
  const out: Rich = [];
  parts.forEach((part, index) => {
    if (index > 0) out.push(separator);
    out.push(...part);
  });
  return out;
}

/** Contributor text on one line: line breaks and runs of spaces become one space. */
function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ');
}

export function plain(rich: Rich): string {
  return rich.map((piece) => (typeof piece === 'string' ? piece : oneLine(piece.value))).join('');
}

/**
 * Escapes what means something in GitHub-flavoured Markdown inside a line,
 * so that `[x](https://…)`, `![img](…)`, `<b>`, `**`, `@team` or `#12`
 * written by a contributor stay plain text. A bare address stays readable:
 * GitHub shows it as the link it is.
 */
export function escapeMarkdown(text: string): string {
  return (
    escapeText(oneLine(text))
      .replace(/[\\`*_{}[\]()!|~@#]/g, '\\$&')
      // At the start of a value, these would open a list, a heading or a quote.
      .replace(/^(\s*)([+\-=]|\d+(?=[.)]))/, (_, space: string, m: string) => (/^\d/.test(m) ? `${space}${m}\\` : `${space}\\${m}`))
  );
}

export function markdown(rich: Rich): string {
  return rich.map((piece) => (typeof piece === 'string' ? piece : escapeMarkdown(piece.value))).join('');
}
