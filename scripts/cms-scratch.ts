/**
 * The scratch clone the local CMS writes to. `npm start` prepares it; it is
 * never the working copy, so that a proposal made in /admin/ cannot touch
 * work in progress. Each proposal becomes a `cms/<collection>/<slug>` branch
 * of the scratch clone, as it would become a pull request on the forge.
 *
 * npm run cms:scratch [-- --reset]   prepares it alone (--reset: from scratch)
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, realpath, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs, promisify } from 'node:util';
import { parse } from 'yaml';
import { contentDir as contentFolder } from '../src/check/index.ts';

const run = promisify(execFile);

export class ScratchError extends Error {}

export async function git(cwd: string, ...args: string[]): Promise<string> {
  try {
    const { stdout } = await run('git', args, { cwd, maxBuffer: 16 * 1024 * 1024 });
    return stdout.trim();
  } catch (error) {
    const detail = (error as { stderr?: string }).stderr?.trim() || (error as Error).message;
    throw new ScratchError(`git ${args.join(' ')} a échoué dans ${cwd} :\n${detail}`);
  }
}

async function gitOk(cwd: string, ...args: string[]): Promise<boolean> {
  try {
    await run('git', args, { cwd });
    return true;
  } catch {
    return false;
  }
}

/** The published branch: CMS_BRANCH, else `repository.branch` of the settings, else `main`. */
export async function publishedBranch(root: string): Promise<string> {
  if (process.env.CMS_BRANCH) return process.env.CMS_BRANCH;
  const contentDir = path.resolve(root, contentFolder());
  try {
    const settings = parse(await readFile(path.join(contentDir, 'settings.yml'), 'utf8')) as { repository?: { branch?: string } };
    return settings?.repository?.branch || 'main';
  } catch {
    return 'main';
  }
}

export interface ScratchOptions {
  /** The repository to clone. */
  source: string;
  /** Where the scratch clone lives. */
  scratch: string;
  /** The published branch decap-server starts its `cms/…` branches from. */
  branch: string;
  /** The working copy, which the scratch clone must never be. */
  workingCopy: string;
}

/**
 * Clones the repository into the scratch folder, or brings an existing
 * scratch clone up to date without losing its `cms/…` branches. Returns
 * what a person should know, in French.
 */
export async function prepareScratch({ source, scratch, branch, workingCopy }: ScratchOptions): Promise<string[]> {
  const notes: string[] = [];
  const sourceTop = await realpath(await git(source, 'rev-parse', '--show-toplevel'));
  const scratchPath = path.resolve(scratch);
  if (existsSync(scratchPath)) {
    const real = await realpath(scratchPath);
    if (real === sourceTop || real === (await realpath(workingCopy))) {
      throw new ScratchError(
        `CMS_SCRATCH désigne la copie de travail elle-même (${real}) : choisissez un autre dossier, le CMS ne doit jamais y écrire.`,
      );
    }
    if (!(await gitOk(real, 'rev-parse', '--git-dir')) || (await realpath(await git(real, 'rev-parse', '--show-toplevel'))) !== real) {
      throw new ScratchError(
        `${real} existe mais n’est pas une copie git : supprimez ce dossier ou choisissez-en un autre avec CMS_SCRATCH.`,
      );
    }
  } else {
    await git(path.dirname(sourceTop), 'clone', '--quiet', '--no-hardlinks', sourceTop, scratchPath);
    notes.push(`Copie de travail locale du CMS créée : ${scratchPath}`);
  }

  // A commit needs an author: the scratch clone has its own, whatever this computer's git says.
  if (!(await gitOk(scratchPath, 'config', '--local', 'user.email'))) {
    await git(scratchPath, 'config', '--local', 'user.name', 'CMS local');
    await git(scratchPath, 'config', '--local', 'user.email', 'cms@localhost');
  }
  await git(scratchPath, 'fetch', '--quiet', 'origin');

  if (await git(scratchPath, 'status', '--porcelain')) {
    throw new ScratchError(
      `La copie de travail locale du CMS (${scratchPath}) contient des fichiers modifiés sans être enregistrés : supprimez ce dossier (ou lancez « npm run cms:scratch -- --reset ») pour repartir de zéro.`,
    );
  }
  // decap-server works from the checked-out branch: an interrupted session may have left a cms/… one.
  const hasLocal = await gitOk(scratchPath, 'rev-parse', '--verify', '--quiet', `refs/heads/${branch}`);
  const hasRemote = await gitOk(scratchPath, 'rev-parse', '--verify', '--quiet', `refs/remotes/origin/${branch}`);
  if (!hasLocal) {
    await git(scratchPath, 'checkout', '--quiet', '-B', branch, hasRemote ? `origin/${branch}` : 'HEAD');
  } else {
    await git(scratchPath, 'checkout', '--quiet', branch);
    if (hasRemote && !(await gitOk(scratchPath, 'merge', '--quiet', '--ff-only', `origin/${branch}`))) {
      notes.push(
        `La branche ${branch} de la copie locale contient des publications faites dans le CMS local : elle n’a pas été mise à jour depuis le dépôt. Lancez « npm run cms:scratch -- --reset » pour repartir du dépôt.`,
      );
    }
  }
  const drafts = (await git(scratchPath, 'branch', '--list', 'cms/*', '--format=%(refname:short)')).split('\n').filter(Boolean);
  if (drafts.length > 0) notes.push(`Propositions déjà enregistrées (branches) : ${drafts.join(', ')}`);
  return notes;
}

/** Where the local site reads what the local CMS has published: next to the scratch clone, never inside it. */
export const publishedCopy = (scratch: string) => `${scratch}-publie`;

/**
 * Keeps `publishedCopy(scratch)` at the scratch clone's published branch, for
 * the local site to show what « Publier » publishes. The site cannot read the
 * scratch clone itself: decap-server checks a proposal's branch out there and
 * back each time the CMS reads or saves it, and the site would take every
 * round trip for a change of content (pages reloading under the person
 * typing). This copy moves only when the branch does. Returns what stops it.
 */
export async function followPublished(scratch: string, branch: string, intervalMs = 500): Promise<() => void> {
  const copy = publishedCopy(scratch);
  // A fresh copy at each start: a copy left by a run stopped halfway may hold anything.
  await gitOk(scratch, 'worktree', 'remove', '--force', copy);
  await rm(copy, { recursive: true, force: true });
  await git(scratch, 'worktree', 'prune');
  let shown = await git(scratch, 'rev-parse', `refs/heads/${branch}`);
  await git(scratch, 'worktree', 'add', '--quiet', '--detach', copy, shown);
  let busy = false;
  const timer = setInterval(() => {
    if (busy) return;
    busy = true;
    void (async () => {
      const published = await git(scratch, 'rev-parse', `refs/heads/${branch}`).catch(() => shown);
      if (published !== shown) {
        await git(copy, 'checkout', '--quiet', '--detach', '--force', published);
        shown = published;
      }
    })()
      .catch((error: unknown) => console.error(`✘ La copie publiée du CMS n’a pas suivi : ${(error as Error).message}`))
      .finally(() => (busy = false));
  }, intervalMs);
  return () => clearInterval(timer);
}

async function main(): Promise<number> {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const { values } = parseArgs({ options: { reset: { type: 'boolean', default: false } } });
  const scratch = path.resolve(root, process.env.CMS_SCRATCH ?? '.cache/cms-scratch');
  const options = { source: path.resolve(process.env.CMS_SOURCE ?? root), scratch, branch: await publishedBranch(root), workingCopy: root };
  if (values.reset && existsSync(scratch)) {
    if ((await realpath(scratch)) === (await realpath(root))) throw new ScratchError('CMS_SCRATCH désigne la copie de travail elle-même.');
    await rm(scratch, { recursive: true, force: true });
    console.log(`Ancienne copie locale supprimée : ${scratch}`);
  }
  for (const note of await prepareScratch(options)) console.log(note);
  console.log(`Copie de travail locale du CMS prête : ${scratch} (branche ${options.branch}).`);
  return 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().then(
    (code) => (process.exitCode = code),
    (error) => {
      console.error(error instanceof ScratchError ? error.message : `La préparation a échoué : ${(error as Error).message}`);
      process.exitCode = 1;
    },
  );
}
