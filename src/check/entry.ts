/**
 * One entry checked in the browser the way `npm run check` checks it, as far
 * as one file allows: its schema, its body, and the rules of
 * `src/domain/rules/index.ts` that need no other file (dates in the future, funding
 * and milestones, ratings, Markdown safety, known taxonomy terms). What needs
 * the whole content folder (a SIREN used twice, an association that already
 * recommended, a postcode of another département) is left to the check that
 * runs on the pull request. The CMS runs it before saving, the no-account
 * forms before producing their file.
 */
import type { Content, Entry } from '../domain/content.ts';
import { todayInFrance } from '../domain/text/dates.ts';
import { formatPath } from '../domain/problems.ts';
import { checkRules } from '../domain/rules/index.ts';
import { explainIssue } from '../loader/issues.ts';
import { dropEmptyStrings, entryTypes, type EntryType, type EntryTypeName } from '../schemas/index.ts';
import type { TaxonomyName } from '../schemas/taxonomies.ts';

export interface EntryContext {
  taxonomies: Content['taxonomies'];
  /** Every provider's slug: recommendations and projects refer to them. */
  providerIds: readonly string[];
  /** `YYYY-MM-DD`; today in France by default. */
  today?: string;
}

export interface EntryProblem {
  /** The field, written as in the file: `contact.email`, `services[1]`, `body`; '' for the whole entry. */
  path: string;
  /** French, as the check says it. */
  message: string;
}

const noPosition = () => ({ line: 1, column: 1 });

/** The body's length, as the loader measures it (`entryTypes[type].body`). */
function bodyProblems(type: EntryTypeName, body: string): EntryProblem[] {
  const entryType: EntryType = entryTypes[type];
  const rule = entryType.body;
  if (!rule) return [];
  const length = [...body.trim()].length;
  const noun = rule.noun.replace(/^./, (c) => c.toUpperCase());
  if (rule.required && length === 0) return [{ path: 'body', message: `${noun} manque.` }];
  if (length < rule.min)
    return [{ path: 'body', message: `${noun} est trop courte : au moins ${rule.min} caractères (actuellement ${length}).` }];
  if (length > rule.max)
    return [{ path: 'body', message: `${noun} est trop longue : au plus ${rule.max} caractères (actuellement ${length}).` }];
  return [];
}

export function checkEntry(type: EntryTypeName, id: string, data: unknown, body: string, context: EntryContext): EntryProblem[] {
  const schema = entryTypes[type].schema;
  const result = schema.safeParse(dropEmptyStrings(data), { reportInput: true });
  const problems: EntryProblem[] = [];
  if (!result.success) {
    for (const issue of result.error.issues) {
      for (const located of explainIssue(issue, schema)) problems.push({ path: formatPath(located.path), message: located.message });
    }
  }
  problems.push(...bodyProblems(type, body));

  const file = `${type}/${id}`;
  const entry: Entry<unknown> = { id, file, data: result.success ? result.data : data, body, bodyLine: 1, locate: noPosition };
  const none = new Set<string>();
  const content: Content = {
    providers: [],
    recommendations: [],
    projects: [],
    resources: [],
    partners: [],
    pages: [],
    taxonomies: context.taxonomies,
    taxonomyFiles: Object.fromEntries(
      (Object.keys(context.taxonomies) as TaxonomyName[]).map((name) => [name, { file: name, locate: noPosition, termsAt: [] }]),
    ) as unknown as Content['taxonomyFiles'],
    settings: undefined,
    ids: { providers: new Set(context.providerIds), recommendations: none, projects: none, resources: none, partners: none, pages: none },
    rejected: result.success ? [] : [{ type, entry }],
  };
  if (result.success) (content[type] as Entry<unknown>[]).push(entry);
  const problemsOfRules = checkRules(content, {
    today: context.today ?? todayInFrance(),
    // The postcode index (8 MB of INSEE data) stays out of the browser: the pull request's check compares them.
    departmentsOfPostcode: () =>
      new Set(
        typeof data === 'object' && data && 'location' in data ? [(data as { location: { department: string } }).location?.department] : [],
      ),
  });
  for (const problem of problemsOfRules) {
    if (problem.severity === 'error' && problem.file === file) problems.push({ path: problem.path, message: problem.message });
  }
  return problems;
}
