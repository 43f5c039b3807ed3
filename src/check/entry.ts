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
import { bodyIssues } from '../domain/rules/markdown.ts';
import { didYouMean } from '../domain/rules/suggest.ts';
import { checkProvider, checkProviderFile } from '../domain/rules/provider-rules.ts';
import { checkRecommendation, checkRecommendationFile } from '../domain/rules/recommendation-rules.ts';
import { entryTypes, type EntryType, type EntryTypeName } from '../schemas/index.ts';
import { allPostcodes } from '../schemas/postcodes-all.ts';
import { formatPath } from '../domain/problems.ts';
import { formWording } from '../fields/wording.ts';
import { useMarkdownParser } from '../domain/rules/markdown.ts';
import { parseMarkdownTree } from '../domain/rules/markdown-parser.ts';
import { explainIssue } from '../loader/issues.ts';
import {
  checkOneEntry,
  entryRuleContext,
  type EntryKindRules,
  type EntryProblem,
  type OneEntryContext,
  type Wording,
} from './one-entry.ts';

export type { EntryProblem, Wording } from './one-entry.ts';

export interface EntryContext extends Omit<OneEntryContext, 'taxonomies'> {
  taxonomies: Content['taxonomies'];
}

/** The rules of each type's entries alone, beyond those of every type. */
const TYPE_RULES: Partial<Record<EntryTypeName, Pick<EntryKindRules, 'rules' | 'fileRules'>>> = {
  providers: { rules: checkProvider, fileRules: checkProviderFile },
  recommendations: { rules: checkRecommendation, fileRules: checkRecommendationFile },
};

/** The check's words, written for someone editing the file. */
export const fileWording: Wording = {
  issue: (issue, root) => explainIssue(issue, root).map((located) => ({ path: formatPath(located.path), message: located.message })),
  forms: false,
};

// The rules read Markdown bodies: here, in the CMS, with the parser always at hand.
useMarkdownParser(() => parseMarkdownTree);

export function checkEntry(
  type: EntryTypeName,
  id: string,
  data: unknown,
  body: string,
  context: EntryContext,
  options: { wording?: 'file' | 'form' } = {},
): EntryProblem[] {
  const entryType: EntryType = entryTypes[type];
  return checkOneEntry(
    { type, schema: entryType.schema, body: entryType.body, ...TYPE_RULES[type] },
    id,
    data,
    body,
    { ...entryRuleContext(context, bodyIssues, allPostcodes()), didYouMean },
    options.wording === 'form' ? formWording : fileWording,
  );
}
