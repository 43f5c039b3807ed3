/**
 * Reading the content folder as it stands in a commit, without touching the
 * working checkout and without copying it out: the files are listed with
 * `git ls-tree`, and only those the check must read (a file it has no
 * verdict for, a place a problem must point at) are read, in batches, with
 * one `git cat-file --batch` each time.
 */
import { spawnSync } from 'node:child_process';
import { lstatSync } from 'node:fs';
import path from 'node:path';
import { blobHash, readWithStat, type ContentSource } from '../loader/source.ts';

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

/**
 * The files under `folder` (relative to the repository root) in `commit`:
 * path (relative to the root) → git's hash of its bytes. Regular files only:
 * symbolic links and submodules are not content.
 */
export function listCommit(repo: string, commit: string, folder: string): Map<string, string> {
  const listing = git(repo, ['ls-tree', '-r', '-z', '--full-tree', commit, '--', folder || '.']).toString('utf8');
  const files = new Map<string, string>();
  // `<mode> <type> <object>\t<path>`, tens of thousands of them: cut by position.
  for (const record of listing.split('\0')) {
    const tab = record.indexOf('\t');
    if (tab === -1) continue;
    const [mode, type, object] = record.slice(0, tab).split(' ');
    if (type !== 'blob' || mode === '120000' || !object) continue;
    files.set(record.slice(tab + 1), object);
  }
  return files;
}

/** The bytes of git objects, read with one `git cat-file --batch`. */
export function readObjects(repo: string, objects: readonly string[]): Map<string, Buffer> {
  const contents = new Map<string, Buffer>();
  if (objects.length === 0) return contents;
  const output = git(repo, ['cat-file', '--batch'], objects.map((o) => `${o}\n`).join(''));
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
  return contents;
}

/**
 * The files under `folder` as they are in the working tree, path → hash,
 * drawn from those of `commit`: git says which paths may differ from it
 * (changed, removed, untracked or ignored), and only those are read.
 */
export function listWorkingTree(repo: string, commit: string, folder: string, inCommit: ReadonlyMap<string, string>): Map<string, string> {
  const scope = ['--', folder || '.'];
  const changed = git(repo, ['diff', '--name-only', '-z', '--no-renames', '--no-ext-diff', commit, ...scope]).toString('utf8');
  // Untracked files too, ignored ones included: the check reads every file of the folder.
  const untracked = git(repo, ['ls-files', '-z', '--others', ...scope]).toString('utf8');
  const files = new Map(inCommit);
  for (const file of new Set([...changed.split('\0'), ...untracked.split('\0')])) {
    if (!file) continue;
    const abs = path.join(repo, file);
    try {
      if (lstatSync(abs).isFile()) {
        files.set(file, blobHash(readWithStat(abs).bytes));
        continue;
      }
    } catch {
      // Removed.
    }
    files.delete(file);
  }
  return files;
}

/** The content folder as it is in a commit, for the loader. */
export class CommitSource implements ContentSource {
  readonly batchedReads = true;
  private readonly repo: string;
  private readonly prefix: string;
  /** Path inside the content folder → git's hash. */
  private readonly hashes = new Map<string, string>();
  /** Folder inside the content folder → the names of its files. */
  private readonly folders = new Map<string, string[]>();
  private readonly read_ = new Map<string, Buffer>();

  /** `files`: as `listCommit` gives them; `folder`: the content folder, relative to the repository root. */
  constructor(repo: string, files: ReadonlyMap<string, string>, folder: string) {
    this.repo = repo;
    this.prefix = folder ? `${folder.replace(/\/$/, '')}/` : '';
    for (const [file, hash] of files) {
      if (!file.startsWith(this.prefix)) continue;
      const relative = file.slice(this.prefix.length);
      this.hashes.set(relative, hash);
      const slash = relative.lastIndexOf('/');
      const parent = slash === -1 ? '' : relative.slice(0, slash);
      const name = relative.slice(slash + 1);
      if (name.startsWith('.')) continue;
      let names = this.folders.get(parent);
      if (!names) this.folders.set(parent, (names = []));
      names.push(name);
    }
    for (const names of this.folders.values()) names.sort();
  }

  /** A commit always has the folder: empty when it holds no file there. */
  isFolder(): boolean {
    return true;
  }

  list(folder: string): string[] {
    return this.folders.get(folder) ?? [];
  }

  knownHash(relative: string): string | undefined {
    return this.hashes.get(relative);
  }

  prefetch(relatives: readonly string[]): void {
    const wanted = [...new Set(relatives.map((r) => this.hashes.get(r)).filter((h): h is string => h !== undefined && !this.read_.has(h)))];
    for (const [hash, bytes] of readObjects(this.repo, wanted)) this.read_.set(hash, bytes);
  }

  read(relative: string): Uint8Array {
    const hash = this.hashes.get(relative);
    if (!hash) throw new Error(`${relative} is not in the commit`);
    if (!this.read_.has(hash)) this.prefetch([relative]);
    return this.read_.get(hash)!;
  }

  display(relative: string): string {
    return `${this.prefix}${relative}`;
  }
}
