/**
 * The check: load every file, apply the schemas, then the rules across files.
 * Shared by `npm run check`, the build and the review.
 */
import path from 'node:path';
import type { Content } from '../domain/content.ts';
import { todayInFrance } from '../domain/dates.ts';
import { sortProblems, type Problem } from '../domain/problems.ts';
import { checkRules } from '../domain/rules.ts';
import { loadContent } from '../loader/index.ts';
import { isCalendarDate } from '../schemas/fields.ts';
import { CONTENT_FOLDER } from '../schemas/index.ts';
import { loadPostcodeIndex } from '../schemas/geography.ts';

export interface CheckResult {
  content: Content;
  problems: Problem[];
  errors: number;
  warnings: number;
  files: number;
}

export interface CheckOptions {
  today?: string;
  displayRoot?: string;
  /** Parse large folders on two threads (command line only). */
  parallel?: boolean;
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
  const [loaded, departmentsOfPostcode] = await Promise.all([
    loadContent(dir, { displayRoot: options.displayRoot, parallel: options.parallel }),
    loadPostcodeIndex(),
  ]);
  const ruleProblems = checkRules(loaded.content, { today: options.today ?? checkToday(), departmentsOfPostcode });
  const problems = sortProblems([...loaded.problems, ...ruleProblems]);
  const errors = problems.filter((p) => p.severity === 'error').length;
  return { content: loaded.content, problems, errors, warnings: problems.length - errors, files: loaded.files };
}

/** One line per problem: `file:line:column path : message`. */
export function formatProblem(problem: Problem): string {
  const where = `${problem.file}:${problem.line}:${problem.column}`;
  const tag = problem.severity === 'warning' ? ' (avertissement)' : '';
  return `${where}${problem.path ? ` ${problem.path}` : ''}${tag} : ${problem.message.replace(/^./, (c) => c.toUpperCase())}`;
}

export function formatSummary(result: CheckResult): string {
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
