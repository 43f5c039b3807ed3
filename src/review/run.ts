/**
 * The review, end to end: the content folder of the base reference and of
 * the proposed side (the working tree, or another reference) are checked
 * with the project's own check, then compared. The working checkout is only
 * read; the base is copied out of git into a temporary folder, removed after.
 */
import { mkdtemp, realpath, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { checkContent, contentDir } from '../check/index.ts';
import { todayInFrance } from '../domain/text/dates.ts';
import { buildReview, type Review, type ReviewSide } from './changes.ts';
import { extractFolder, hashFolder, repositoryRoot, resolveCommit, ReviewSetupError } from './git.ts';

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

  const scratch = await mkdtemp(path.join(tmpdir(), 'emancipasso-relecture-'));
  try {
    const side = async (label: string, commit: string | undefined, name: string): Promise<ReviewSide> => {
      let checkRoot = root;
      let files: Map<string, string>;
      if (commit) {
        checkRoot = path.join(scratch, name);
        files = extractFolder(root, commit, folder, checkRoot);
      } else {
        files = hashFolder(root, folder);
      }
      const result = await checkContent(path.join(checkRoot, folder), { displayRoot: checkRoot, today });
      return { label, content: result.content, problems: result.problems, files };
    };
    const base = await side(options.base, baseCommit, 'base');
    const head = await side(options.head ?? 'la copie de travail', headCommit, 'head');
    return buildReview({ base, head, contentRoot: folder, today });
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}
