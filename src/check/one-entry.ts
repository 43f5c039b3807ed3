/**
 * One entry checked alone, the way `npm run check` checks it: its schema,
 * its body's length, and the rules about one entry (src/domain/rules/entry.ts),
 * all of them even when the schema refuses the entry, so that every problem
 * is said at once. Free of the table of all entry types and of the Markdown
 * reader, so that the no-account forms can run it in the browser; the CMS
 * runs it through `checkEntry` (entry.ts).
 */
import type * as z from 'zod/mini';
import type { Entry } from '../domain/content.ts';
import type { Problem } from '../domain/problems.ts';
import {
  checkBody,
  checkCommonRules,
  reporter,
  type EntryKind,
  type EntryRuleContext,
  type EntryRules,
  type FileRuleContext,
  type Report,
} from '../domain/rules/entry.ts';
import { fillWording } from '../fields/wording.ts';
import { bodyLengthProblem, type BodyRule } from '../schemas/body.ts';
import type { PostcodeIndex } from '../schemas/geography.ts';
import { todayInFrance } from '../domain/text/dates.ts';
import { dropEmptyStrings } from '../schemas/fields.ts';
import { metaOf, schemaAt } from '../schemas/meta.ts';

export interface EntryProblem {
  /** The field, written as in the file: `contact.email`, `services[1]`, `body`; '' for the whole entry. */
  path: string;
  /** French, as the check says it, or as a form says it (`wording: 'form'`). */
  message: string;
}

/**
 * The check's words (for someone editing the file, src/loader/issues.ts), or
 * the forms' (for someone filling in a form, src/fields/wording.ts). Passed
 * in, so that a browser carries only the words it speaks.
 */
export interface Wording {
  /** A schema issue, in words. */
  issue: (issue: z.core.$ZodIssue, root: z.core.$ZodType) => EntryProblem[];
  /** Rules say their `form` variant, with the field's noun. */
  forms: boolean;
}

export interface EntryKindRules {
  type: EntryKind;
  schema: z.core.$ZodType;
  body?: BodyRule;
  /** The rules about one entry of this type alone, beyond those of every type (src/domain/rules/*-rules.ts)… */
  rules?: EntryRules;
  /** …and those of them its file alone decides. */
  fileRules?: (entry: Entry<unknown>, report: Report, ctx: FileRuleContext) => void;
}

const noPosition = () => ({ line: 1, column: 1 });

/** What the CMS or a form knows of the rest of the content. */
export interface OneEntryContext {
  /** The terms of each vocabulary: their slugs (and, for the criteria, the question each asks). */
  taxonomies: Record<'services' | 'tools' | 'networks' | 'criteria', ReadonlyArray<{ slug: string; label?: string }>>;
  /** Every provider's slug: recommendations and projects refer to them. */
  providerIds: readonly string[];
  /** `YYYY-MM-DD`; today in France by default. */
  today?: string;
  /** A new entry, written in a form: what the criteria ask of new entries is an error there. */
  newEntry?: boolean;
}

/** What the rules about one entry need, from what a form or the CMS knows. */
export function entryRuleContext(
  context: OneEntryContext,
  bodyIssuesOf: EntryRuleContext['bodyIssues'],
  departmentsOfPostcode: PostcodeIndex,
): EntryRuleContext {
  const { taxonomies } = context;
  return {
    today: context.today ?? todayInFrance(),
    departmentsOfPostcode,
    known: {
      services: slugs(taxonomies.services),
      tools: slugs(taxonomies.tools),
      networks: slugs(taxonomies.networks),
      criteria: slugs(taxonomies.criteria),
    },
    criteria: taxonomies.criteria.map((c) => ({ slug: c.slug, label: c.label ?? c.slug })),
    providerIds: new Set(context.providerIds),
    bodyIssues: bodyIssuesOf,
    newEntry: context.newEntry,
  };
}

const slugs = (terms: ReadonlyArray<{ slug: string }>) => new Set(terms.map((t) => t.slug));

export function checkOneEntry(
  kind: EntryKindRules,
  id: string,
  data: unknown,
  body: string,
  ctx: EntryRuleContext,
  wording: Wording,
): EntryProblem[] {
  const { schema } = kind;
  const result = (schema as z.ZodMiniType).safeParse(dropEmptyStrings(data), { reportInput: true });
  const problems: EntryProblem[] = [];
  for (const issue of result.success ? [] : result.error.issues) problems.push(...wording.issue(issue, schema));
  if (kind.body) {
    const message = bodyLengthProblem(kind.body, [...body.trim()].length, wording.forms);
    if (message) problems.push({ path: 'body', message });
  }

  const entry: Entry<unknown> = {
    id,
    file: `${kind.type}/${id}`,
    // A rejected entry is read as its file holds it: an empty answer is no answer.
    data: result.success ? result.data : dropEmptyStrings(data),
    body,
    bodyLine: 1,
    locate: noPosition,
  };
  const found: Problem[] = [];
  const report = reporter(found);
  kind.fileRules?.(entry, report, ctx);
  checkBody(entry, report, ctx);
  kind.rules?.(entry, report, ctx);
  checkCommonRules(schema, entry, report, ctx);
  for (const problem of found) {
    if (problem.severity !== 'error') continue;
    if (!wording.forms) problems.push({ path: problem.path, message: problem.message });
    else {
      const meta = problem.path === 'body' ? { noun: kind.body?.noun } : metaOf(schemaAt(schema, pathKeys(problem.path)) ?? schema);
      problems.push({ path: problem.path, message: fillWording(problem.form ?? problem.message, meta) });
    }
  }
  // One problem said once, even when two checks find it.
  const seen = new Set<string>();
  return problems.filter((p) => !seen.has(`${p.path}\u0000${p.message}`) && seen.add(`${p.path}\u0000${p.message}`));
}

/** `project.services[1]` → `['project', 'services', 1]`. */
export function pathKeys(path: string): PropertyKey[] {
  return [...path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)].map((m) => (m[2] !== undefined ? Number(m[2]) : m[1]!));
}
