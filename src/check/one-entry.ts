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
import { formatPath, type Problem } from '../domain/problems.ts';
import { checkEntryRules, reporter, type EntryKind, type EntryRuleContext } from '../domain/rules/entry.ts';
import { fillWording, formIssueMessage } from '../fields/wording.ts';
import { explainIssue } from '../loader/issues.ts';
import { bodyLengthProblem, type BodyRule } from '../schemas/body.ts';
import { dropEmptyStrings } from '../schemas/fields.ts';
import { metaOf, schemaAt } from '../schemas/introspect.ts';

export interface EntryProblem {
  /** The field, written as in the file: `contact.email`, `services[1]`, `body`; '' for the whole entry. */
  path: string;
  /** French, as the check says it, or as a form says it (`wording: 'form'`). */
  message: string;
}

/** The check's words (for someone editing the file), or the forms' (for someone filling in a form). */
export type Wording = 'file' | 'form';

export interface EntryKindRules {
  type: EntryKind;
  schema: z.core.$ZodType;
  body?: BodyRule;
}

const noPosition = () => ({ line: 1, column: 1 });

export function checkOneEntry(
  kind: EntryKindRules,
  id: string,
  data: unknown,
  body: string,
  ctx: EntryRuleContext,
  wording: Wording = 'file',
): EntryProblem[] {
  const { schema } = kind;
  const result = (schema as z.ZodMiniType).safeParse(dropEmptyStrings(data), { reportInput: true });
  const problems: EntryProblem[] = [];
  for (const issue of result.success ? [] : result.error.issues) {
    if (wording === 'form') problems.push({ path: formatPath(issue.path as PropertyKey[]), message: formIssueMessage(issue, schema) });
    else for (const located of explainIssue(issue, schema)) problems.push({ path: formatPath(located.path), message: located.message });
  }
  if (kind.body) {
    const message = bodyLengthProblem(kind.body, [...body.trim()].length, wording === 'form');
    if (message) problems.push({ path: 'body', message });
  }

  const entry: Entry<unknown> = {
    id,
    file: `${kind.type}/${id}`,
    data: result.success ? result.data : data,
    body,
    bodyLine: 1,
    locate: noPosition,
  };
  const found: Problem[] = [];
  checkEntryRules(kind.type, schema, entry, reporter(found), ctx);
  for (const problem of found) {
    if (problem.severity !== 'error') continue;
    if (wording === 'file') problems.push({ path: problem.path, message: problem.message });
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
