/**
 * Reading the content folder as it stands in a commit, without touching the
 * working checkout: the files are listed with `git ls-tree` and copied out
 * with one `git cat-file --batch` into a temporary folder.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** The review cannot run (not a repository, unknown reference…): exit code 2, a French sentence. */
export class ReviewSetupError extends Error {}

function git(repo: string, args: string[], input?: string): Buffer {
  const result = spawnSync('git', args, { cwd: repo, input, maxBuffer: 1024 ** 3 });
  if (result.error) throw new ReviewSetupError(`git n’a pas pu être lancé : ${result.error.message}. Installez git puis recommencez.`);
  if (result.status !== 0) {
    const message = result.stderr.toString().trim().split('\n')[0] ?? '';
    throw new ReviewSetupError(`La commande « git ${args[0]} » a échoué : ${message}`);
  }
  return result.stdout;
}

export function repositoryRoot(cwd: string): string {
  try {
    return git(cwd, ['rev-parse', '--show-toplevel']).toString().trim();
  } catch {
    throw new ReviewSetupError(`« ${cwd} » n’est pas dans un dépôt git : lancez la relecture depuis le dépôt de l’annuaire.`);
  }
}

/** The commit a reference names, or a French explanation of how to get it. */
export function resolveCommit(repo: string, ref: string): string {
  if (ref.startsWith('-') || ref.trim() === '') throw new ReviewSetupError(`« ${ref} » n’est pas une référence git.`);
  const result = spawnSync('git', ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], { cwd: repo });
  const commit = result.stdout?.toString().trim();
  if (result.status !== 0 || !commit) {
    throw new ReviewSetupError(
      `La référence « ${ref} » est introuvable dans ce dépôt. Vérifiez son nom, ou récupérez-la d’abord (par exemple « git fetch origin main » pour « origin/main »).`,
    );
  }
  return commit;
}

/** Git's own hash of a file's bytes: equal hashes, equal files, on both sides. */
export function blobHash(bytes: Uint8Array): string {
  return createHash('sha1').update(`blob ${bytes.byteLength}\0`).update(bytes).digest('hex');
}

/**
 * Copies the files under `folder` (relative to the repository root) as they
 * are in `commit` into `target`, keeping their paths. Returns path → hash.
 */
export function extractFolder(repo: string, commit: string, folder: string, target: string): Map<string, string> {
  const listing = git(repo, ['ls-tree', '-r', '-z', '--full-tree', commit, '--', folder || '.']).toString('utf8');
  const files = new Map<string, string>();
  for (const record of listing.split('\0')) {
    const match = /^(\d+) (\w+) ([0-9a-f]+)\t(.+)$/s.exec(record);
    // Regular files only: symbolic links and submodules are not content.
    if (!match || match[2] !== 'blob' || match[1] === '120000') continue;
    files.set(match[4]!, match[3]!);
  }
  mkdirSync(path.join(target, folder), { recursive: true });
  if (files.size === 0) return files;
  const objects = [...files.values()];
  const output = git(repo, ['cat-file', '--batch'], objects.map((o) => `${o}\n`).join(''));
  const contents = new Map<string, Buffer>();
  let offset = 0;
  for (const object of objects) {
    const newline = output.indexOf(0x0a, offset);
    const header = output.subarray(offset, newline).toString();
    const [, type, size] = header.split(' ');
    if (type !== 'blob')
      throw new ReviewSetupError(`L’objet git ${object} est introuvable : le dépôt est peut-être incomplet (essayez « git fetch »).`);
    const length = Number(size);
    contents.set(object, output.subarray(newline + 1, newline + 1 + length));
    offset = newline + 1 + length + 1;
  }
  const folders = new Set<string>();
  for (const [file, object] of files) {
    const destination = path.join(target, file);
    const parent = path.dirname(destination);
    if (!folders.has(parent)) {
      mkdirSync(parent, { recursive: true });
      folders.add(parent);
    }
    writeFileSync(destination, contents.get(object)!);
  }
  return files;
}

/** The files of a folder of the working tree, path (relative to `root`) → hash. */
export function hashFolder(root: string, folder: string): Map<string, string> {
  const files = new Map<string, string>();
  // Synchronous on purpose: tens of thousands of files opened at once exhaust the handles.
  const walk = (relative: string): void => {
    let entries;
    try {
      entries = readdirSync(path.join(root, relative), { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const child = relative ? `${relative}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(child);
      else if (entry.isFile()) files.set(child, blobHash(readFileSync(path.join(root, child))));
    }
  };
  walk(folder);
  return files;
}
