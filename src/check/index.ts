/**
 * The check: load every file, apply the schemas, then the rules across files.
 * Shared by `npm run check`, the build and the review.
 */
import path from 'node:path';
import type { Content } from '../domain/content.ts';
import { todayInFrance } from '../domain/text/dates.ts';
import { sortProblems, type Problem } from '../domain/problems.ts';
import { checkRules } from '../domain/rules/index.ts';
import {
  FolderSource,
  loadContent,
  noteSurvey,
  surveyContent,
  surveyFingerprint,
  type ContentSource,
  type Survey,
} from '../loader/index.ts';
import { lazyPostcodeIndex } from '../loader/postcodes.ts';
import { isCalendarDate } from '../schemas/fields.ts';
import { CONTENT_FOLDER } from '../schemas/index.ts';
import { CheckCache } from './cache.ts';

export interface CheckSummary {
  problems: Problem[];
  errors: number;
  warnings: number;
  files: number;
}

export interface CheckResult extends CheckSummary {
  content: Content;
}

export interface CheckOptions {
  today?: string;
  displayRoot?: string;
  /** Parse large folders on two threads (command line only). */
  parallel?: boolean;
  /** From how many files to parse a worker thread helps (tests lower it). */
  parallelFrom?: number;
  /** Where caches are kept (default `node_modules/.cache/emancipasso/`). */
  cacheFolder?: string;
  /**
   * Keep each file's verdict between runs (`node_modules/.cache/emancipasso/`),
   * so that only the files that changed are read again: `true`, or a cache the
   * caller opened and saves itself (the review checks two versions with one).
   */
  cache?: boolean | CheckCache;
  /** Where the files come from: the folder on disk by default; the review reads commits. */
  source?: ContentSource;
  /** The folder's files as already surveyed with the same source and cache. */
  survey?: Survey;
}

/** The content folder: `--content`, else `CONTENT_DIR`, else `content/`. */
export function contentDir(cliValue?: string): string {
  return cliValue ?? process.env.CONTENT_DIR ?? CONTENT_FOLDER;
}

/**
 * Today as the check sees it: `EMANCIPASSO_TODAY` when set, as the site's
 * pages read it (reproducible runs), else today in Paris.
 */
export function checkToday(): string {
  const fixed = process.env.EMANCIPASSO_TODAY;
  if (!fixed) return todayInFrance();
  if (!isCalendarDate(fixed)) {
    throw new Error(`EMANCIPASSO_TODAY vaut « ${fixed} » : indiquez une date réelle au format AAAA-MM-JJ, ou retirez cette variable.`);
  }
  return fixed;
}

export async function checkContent(dir: string, options: CheckOptions = {}): Promise<CheckResult> {
  const today = options.today ?? checkToday();
  const cache = options.cache === true ? CheckCache.open(dir, { folder: options.cacheFolder }) : options.cache || undefined;
  const survey = options.survey ?? surveyContent(dir, { source: options.source, displayRoot: options.displayRoot, cache });
  const loaded = await loadContent(dir, {
    parallel: options.parallel,
    parallelFrom: options.parallelFrom,
    // The rules of one file alone run with its loading: their verdict is kept with the file's.
    fileRules: true,
    cache,
    postcodeIndexFile: cache?.postcodeIndexFile,
    survey,
  });
  const ruleProblems = checkRules(loaded.content, {
    today,
    departmentsOfPostcode: lazyPostcodeIndex(cache?.postcodeIndexFile),
    fileRulesDone: true,
  });
  loaded.resolvePositions(ruleProblems);
  const problems = sortProblems([...loaded.problems, ...ruleProblems]);
  const errors = problems.filter((p) => p.severity === 'error').length;
  if (cache && survey.source instanceof FolderSource) {
    // The answer for these very files, on this day: given again while nothing changes.
    const fingerprint = surveyFingerprint(survey);
    if (fingerprint) cache.keepResult(cache.resultKey(fingerprint, today), loaded.files, problems);
  }
  // Written before the content is handed over: nothing has touched its data yet.
  if (options.cache === true) cache?.save();
  return { content: loaded.content, problems, errors, warnings: problems.length - errors, files: loaded.files };
}

/**
 * The check as `npm run check` runs it: the problems of `checkContent`,
 * without the content. With the cache, when no file changed since the last
 * run (same names, same bytes, same code, same day), the last answer is
 * given again without loading anything else.
 */
export async function checkProblems(
  dir: string,
  options: Omit<CheckOptions, 'cache' | 'survey' | 'source'> & { cache?: boolean } = {},
): Promise<CheckSummary> {
  const today = options.today ?? checkToday();
  const cache = options.cache ? CheckCache.open(dir, { folder: options.cacheFolder }) : undefined;
  const survey = surveyContent(dir, { displayRoot: options.displayRoot, cache });
  const fingerprint = cache && surveyFingerprint(survey);
  const last = fingerprint ? cache.lastResult(cache.resultKey(fingerprint, today)) : undefined;
  if (cache && last) {
    noteSurvey(survey, cache);
    cache.save();
    const errors = last.problems.filter((p) => p.severity === 'error').length;
    return { problems: last.problems, errors, warnings: last.problems.length - errors, files: last.files };
  }
  const { problems, errors, warnings, files } = await checkContent(dir, { ...options, today, cache, survey });
  cache?.save();
  return { problems, errors, warnings, files };
}

/** One line per problem: `file:line:column path : message`. */
export function formatProblem(problem: Problem): string {
  const where = `${problem.file}:${problem.line}:${problem.column}`;
  const tag = problem.severity === 'warning' ? ' (avertissement)' : '';
  return `${where}${problem.path ? ` ${problem.path}` : ''}${tag} : ${problem.message.replace(/^./, (c) => c.toUpperCase())}`;
}

export function formatSummary(result: CheckSummary): string {
  const plural = (n: number, word: string) => `${n} ${word}${n > 1 ? 's' : ''}`;
  if (result.errors === 0) {
    return `✔ ${plural(result.files, 'fichier')} vérifié${result.files > 1 ? 's' : ''} : aucune erreur${result.warnings ? `, ${plural(result.warnings, 'avertissement')}` : ''}.`;
  }
  return `✘ ${plural(result.errors, 'erreur')}${result.warnings ? ` et ${plural(result.warnings, 'avertissement')}` : ''} dans ${plural(result.files, 'fichier')} lu${result.files > 1 ? 's' : ''}. Corrigez les erreurs : rien n’est publié tant qu’il en reste.`;
}

/**
 * The build checks the content before Astro loads it: the checked content is
 * handed over so that the folder is read and validated once per build. Astro
 * loads its configuration and collections in separate module graphs of the
 * same process, hence a global slot rather than a module variable.
 */
const HANDOFF = Symbol.for('emancipasso.checkedContent');
type Slot = { [HANDOFF]?: { dir: string; content: Content } };

export function handOverCheckedContent(dir: string, content: Content): void {
  (globalThis as Slot)[HANDOFF] = { dir: path.resolve(dir), content };
}

/** The content the build just checked, once; later loads (development server changes) read the folder again. */
export function takeCheckedContent(dir: string): Content | undefined {
  const slot = (globalThis as Slot)[HANDOFF];
  if (!slot || slot.dir !== path.resolve(dir)) return undefined;
  delete (globalThis as Slot)[HANDOFF];
  return slot.content;
}
