/**
 * The review, end to end: the content folder of the base reference and of
 * the proposed side (the working tree, or another reference) are checked
 * with the project's own check, then compared.
 *
 * Only the change is read: git says which files differ between the sides;
 * every other file has the same bytes on both, hence the same verdict, which
 * the check's cache holds (keyed by git's own hash of the bytes). A commit is
 * read from git where needed, never copied out; the working checkout is only
 * read. The rules across files run on each side whole, on the kept data.
 */
import { realpath } from 'node:fs/promises';
import path from 'node:path';
import { CheckCache } from '../check/cache.ts';
import { checkContent, contentDir } from '../check/index.ts';
import { todayInFrance } from '../domain/text/dates.ts';
import { buildReview, type Review, type ReviewSide } from './changes.ts';
import { CommitSource, listCommit, listWorkingTree, repositoryRoot, resolveCommit, ReviewSetupError } from './git.ts';

export interface ReviewOptions {
  /** The reference to compare with: `origin/main`, `main`, a commit. */
  base: string;
  /** The proposed side as a reference; the working tree when absent. */
  head?: string;
  /** Where the command runs (default: the current folder). */
  cwd?: string;
  /** The content folder: `--content`, else `CONTENT_DIR`, else `content/`. */
  content?: string;
  /** The day staleness is computed for (default: today in France). */
  today?: string;
  /** Keep verdicts between runs (default: yes), in the check's cache of the working tree's content folder. */
  cache?: boolean;
  /** Where caches are kept (default `node_modules/.cache/emancipasso/`). */
  cacheFolder?: string;
}

export async function runReview(options: ReviewOptions): Promise<Review> {
  const cwd = options.cwd ?? process.cwd();
  const root = await realpath(repositoryRoot(cwd));
  let contentAbs = path.resolve(cwd, contentDir(options.content));
  try {
    contentAbs = await realpath(contentAbs);
  } catch {
    // A missing folder is reported by the check itself, with its own message.
  }
  const folder = path.relative(root, contentAbs).split(path.sep).join('/');
  if (folder.startsWith('..') || path.isAbsolute(folder)) {
    throw new ReviewSetupError(
      `Le dossier de contenu « ${contentAbs} » n’est pas dans le dépôt « ${root} » : la relecture compare des versions du dépôt.`,
    );
  }
  const today = options.today ?? todayInFrance();
  const baseCommit = resolveCommit(root, options.base);
  const headCommit = options.head === undefined ? undefined : resolveCommit(root, options.head);

  // One cache for both sides: a verdict drawn for one serves the other wherever the bytes are equal.
  const cache = options.cache === false ? undefined : CheckCache.open(contentAbs, { folder: options.cacheFolder });
  const baseFiles = listCommit(root, baseCommit, folder);
  const headFiles = headCommit ? listCommit(root, headCommit, folder) : listWorkingTree(root, baseCommit, folder, baseFiles);

  // The proposed side first: on the working tree, its verdicts are those `npm run check` keeps.
  const headResult = await checkContent(contentAbs, {
    displayRoot: root,
    today,
    cache,
    parallel: true,
    source: headCommit ? new CommitSource(root, headFiles, folder) : undefined,
  });
  const baseResult = await checkContent(contentAbs, { today, cache, parallel: true, source: new CommitSource(root, baseFiles, folder) });
  // Written before the comparison reads the data.
  cache?.save();

  const head: ReviewSide = {
    label: options.head ?? 'la copie de travail',
    content: headResult.content,
    problems: headResult.problems,
    files: headFiles,
  };
  const base: ReviewSide = { label: options.base, content: baseResult.content, problems: baseResult.problems, files: baseFiles };
  return buildReview({ base, head, contentRoot: folder, today });
}
