/**
 * The rules about one entry alone (here those of every entry type;
 * provider-rules.ts and recommendation-rules.ts for those types), run on every entry, whether its schema
 * accepted it or not, so that one run reports every problem at once: a date
 * in the future is said together with a missing field, not after it is fixed.
 * They read the data defensively (a rejected entry may hold anything) and
 * each names the entry of the rules catalogue (catalogue.ts) it enforces.
 *
 * `npm run check` runs them through `checkRules` (index.ts); the CMS and the
 * no-account forms run them on the one entry being written (src/check/entry.ts).
 * Nothing here reads other files: what the rules need from elsewhere (known
 * slugs, today, the postcodes) comes in the context.
 */
import type { Entry } from '../content.ts';
import { formatPath, type Problem, type Severity } from '../problems.ts';
import { mightBeRefused, type BodyIssue } from './text.ts';
import { CONTENT_FOLDER } from '../../schemas/content-folder.ts';
import { isCalendarDate } from '../../schemas/fields.ts';
import { arrayElement, metaOf, objectShape } from '../../schemas/meta.ts';
import { taxonomyWords, type TaxonomyName } from '../../schemas/taxonomy-words.ts';
import type * as z from 'zod/mini';

export type EntryKind = 'providers' | 'recommendations' | 'projects' | 'resources' | 'partners' | 'pages';

export interface EntryRuleContext {
  /** Today, `YYYY-MM-DD`: dates after it are in the future. */
  today: string;
  /** The départements a postcode is used in (from the INSEE data). */
  departmentsOfPostcode: (postcode: string) => ReadonlySet<string>;
  /** The slugs of each taxonomy; undefined when its file could not be read. */
  known: Partial<Record<TaxonomyName, ReadonlySet<string> | undefined>>;
  /** The criteria, in the order of their file, with the question each asks. */
  criteria: ReadonlyArray<{ slug: string; label: string }>;
  /** Every provider's slug, valid or not: a recommendation refers to one. */
  providerIds: ReadonlySet<string>;
  /**
   * Raw HTML and unsafe links in a body (markdown.ts). Passed in so that a
   * browser loads the Markdown reader only for a text that might need it
   * (`mightBeRefused`).
   */
  bodyIssues: (markdown: string) => BodyIssue[];
  /**
   * « Vouliez-vous dire… ? » for a value not in a list (suggest.ts), for the
   * check's words; the forms, whose lists are picked from, pass none.
   */
  didYouMean?: (value: string, candidates: Iterable<string>) => string;
  /**
   * A new entry, written in a no-account form: what the criteria ask of a new
   * listing is an error there, and a warning for the files already written
   * (which stay valid).
   */
  newEntry?: boolean;
}

/** What the rules of one file alone read besides the file: the postcodes, the Markdown reader. */
export type FileRuleContext = Pick<EntryRuleContext, 'departmentsOfPostcode' | 'bodyIssues'>;

/** Reports one problem: `form` is how the no-account forms say it, when the check's words speak of the file. */
export type Report = (entry: Entry<unknown>, path: readonly PropertyKey[], message: string, severity?: Severity, form?: string) => void;

export function reporter(problems: Problem[]): Report {
  return (entry, path, message, severity = 'error', form) => {
    const pos = entry.locate(path);
    problems.push({ file: entry.file, ...pos, path: formatPath(path), severity, message, ...(form ? { form } : {}) });
  };
}

export const frenchDate = (day: string) => {
  const [y, m, d] = day.split('-');
  return `${d}/${m}/${y}`;
};

type Data = Record<string, unknown>;
export const suggest = (ctx: EntryRuleContext, value: string, candidates: Iterable<string>) => ctx.didYouMean?.(value, candidates) ?? '';
export const record = (value: unknown): Data => (value && typeof value === 'object' && !Array.isArray(value) ? (value as Data) : {});
export const day = (value: unknown): string | undefined => (typeof value === 'string' && isCalendarDate(value) ? value : undefined);

/** Where an entry type holds taxonomy slugs, read from its schema's `taxonomy` hints. */
const termFieldsCache = new WeakMap<object, Array<{ path: string[]; taxonomy: TaxonomyName }>>();
function termFields(schema: z.core.$ZodType, path: string[] = []): Array<{ path: string[]; taxonomy: TaxonomyName }> {
  const shape = objectShape(schema);
  if (!shape) return [];
  return Object.entries(shape).flatMap(([key, field]) => {
    const taxonomy = metaOf(field).taxonomy;
    if (taxonomy && arrayElement(field)) return [{ path: [...path, key], taxonomy }];
    return termFields(field, [...path, key]);
  });
}

/** The fields of a schema that hold taxonomy slugs. */
export function termFieldsOf(schema: z.core.$ZodType): ReadonlyArray<{ path: string[]; taxonomy: TaxonomyName }> {
  let fields = termFieldsCache.get(schema);
  if (!fields) termFieldsCache.set(schema, (fields = termFields(schema)));
  return fields;
}

/** references-resolve: every taxonomy slug resolves, even in an entry its schema rejected. */
function checkTerms(entry: Entry<unknown>, schema: z.core.$ZodType, report: Report, ctx: EntryRuleContext) {
  for (const field of termFieldsOf(schema)) {
    let value: unknown = entry.data;
    for (const key of field.path) value = record(value)[key];
    const known = ctx.known[field.taxonomy];
    if (!known || !Array.isArray(value) || !value.every((v) => typeof v === 'string')) continue;
    (value as string[]).forEach((slug, index) => {
      if (!known.has(slug)) {
        report(
          entry,
          [...field.path, index],
          `« ${slug} » n’est pas ${taxonomyWords[field.taxonomy].known}.${suggest(ctx, slug, known)} Les valeurs possibles sont dans ${CONTENT_FOLDER}/${taxonomyWords[field.taxonomy].file}.`,
          'error',
          'choisissez {noun} dans la liste.',
        );
      }
    });
  }
}

/** no-raw-html, safe-markdown-links: bodies hold Markdown text only, with safe links. */
/** no-raw-html, safe-markdown-links, for every type: the file alone decides. */
export function checkBody(entry: Entry<unknown>, report: Report, ctx: FileRuleContext) {
  if (!mightBeRefused(entry.body)) return;
  for (const issue of ctx.bodyIssues(entry.body)) {
    report(
      { ...entry, locate: () => ({ line: entry.bodyLine + issue.line - 1, column: issue.column }) },
      ['body'],
      issue.message,
      'error',
      issue.form,
    );
  }
}

/** The rules of every entry type that read more than the file: its taxonomy terms. */
export function checkCommonRules(schema: z.core.$ZodType, entry: Entry<unknown>, report: Report, ctx: EntryRuleContext): void {
  checkTerms(entry, schema, report, ctx);
}

/** The rules of one type's entry alone: the forms pass only those of their type, to carry no other. */
export type EntryRules = (entry: Entry<unknown>, report: Report, ctx: EntryRuleContext) => void;
