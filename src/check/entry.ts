/**
 * One entry checked the way `npm run check` checks it, as far as one file
 * allows: its schema, its body, and the rules about one entry
 * (src/domain/rules/entry.ts: dates in the future, prices, ratings, Markdown
 * safety, known taxonomy terms, a postcode of the right département). What
 * needs the whole content folder (a SIREN used twice, an association that
 * already recommended) is left to the check that runs on the pull request.
 * The CMS runs it before saving; the no-account forms run the same
 * (one-entry.ts) before producing their file.
 */
import type { Content } from '../domain/content.ts';
import { todayInFrance } from '../domain/text/dates.ts';
import type { EntryRuleContext } from '../domain/rules/entry.ts';
import { bodyIssues } from '../domain/rules/markdown.ts';
import { entryTypes, type EntryType, type EntryTypeName } from '../schemas/index.ts';
import type { PostcodeIndex } from '../schemas/geography.ts';
import { decodePostcodes } from '../schemas/postcodes.ts';
import { POSTCODES } from '../schemas/postcodes.data.ts';
import { taxonomyNames, type TaxonomyName } from '../schemas/taxonomies.ts';
import { checkOneEntry, type EntryProblem, type Wording } from './one-entry.ts';

export type { EntryProblem, Wording } from './one-entry.ts';

export interface EntryContext {
  taxonomies: Content['taxonomies'];
  /** Every provider's slug: recommendations and projects refer to them. */
  providerIds: readonly string[];
  /** `YYYY-MM-DD`; today in France by default. */
  today?: string;
}

let postcodes: PostcodeIndex | undefined;
/** The postcodes of France, from the compact table the browser reads too. */
export function compactPostcodeIndex(): PostcodeIndex {
  return (postcodes ??= decodePostcodes(POSTCODES));
}

/** What the rules about one entry need, from what a form or the CMS knows. */
export function entryRuleContext(
  context: Omit<EntryContext, 'taxonomies'> & {
    /** The terms of each vocabulary: their slugs (and, for the criteria, the question each asks). */
    taxonomies: { [N in TaxonomyName]: ReadonlyArray<{ slug: string; label?: string }> };
  },
  bodyIssuesOf: EntryRuleContext['bodyIssues'],
  departmentsOfPostcode: PostcodeIndex,
): EntryRuleContext {
  const { taxonomies } = context;
  return {
    today: context.today ?? todayInFrance(),
    departmentsOfPostcode,
    known: Object.fromEntries(taxonomyNames.map((name) => [name, new Set(taxonomies[name].map((t) => t.slug))])),
    criteria: taxonomies.criteria.map((c) => ({ slug: c.slug, label: c.label ?? c.slug })),
    providerIds: new Set(context.providerIds),
    bodyIssues: bodyIssuesOf,
  };
}

export function checkEntry(
  type: EntryTypeName,
  id: string,
  data: unknown,
  body: string,
  context: EntryContext,
  options: { wording?: Wording } = {},
): EntryProblem[] {
  const entryType: EntryType = entryTypes[type];
  return checkOneEntry(
    { type, schema: entryType.schema, body: entryType.body },
    id,
    data,
    body,
    entryRuleContext(context, bodyIssues, compactPostcodeIndex()),
    options.wording,
  );
}
