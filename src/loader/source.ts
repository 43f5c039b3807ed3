/**
 * Where the loader reads the content folder from: the folder on disk, or a
 * commit of the repository (the review reads the version a pull request
 * starts from without copying it out). Paths are relative to the content
 * folder, with « / ».
 */
import { createHash } from 'node:crypto';
import { closeSync, fstatSync, lstatSync, openSync, readdirSync, readSync, statSync, type Stats } from 'node:fs';
import path from 'node:path';

export interface ContentSource {
  /** Whether the content folder exists and is a folder. */
  isFolder(): boolean;
  /** Regular files directly in `folder` ('' for the content folder itself), hidden ones left out, sorted; [] when it is missing. */
  list(folder: string): string[];
  /** A file's bytes; throws when it cannot be read. */
  read(relative: string): Uint8Array;
  /** How messages name the file. */
  display(relative: string): string;
  /** The file's hash (`blobHash`) when known without reading it: a commit knows every file's. */
  knownHash?(relative: string): string | undefined;
  /** Reads these files in one go, before they are read one by one (a commit is read through one git process). */
  prefetch?(relatives: readonly string[]): void;
  /** Where the file is on disk, when it is: a worker thread reads it there itself. */
  absolute?(relative: string): string;
  /** Reading a file one by one is slow: positions are looked up in one batch after the rules ran. */
  batchedReads?: boolean;
}

/** Git's own hash of a file's bytes: equal hashes, equal bytes, in a commit as on disk. */
export function blobHash(bytes: Uint8Array): string {
  return createHash('sha1').update(`blob ${bytes.byteLength}\0`).update(bytes).digest('hex');
}

/** What tells that a file on disk changed without reading it: size, times, inode. */
export type StatKey = readonly [size: number, mtimeMs: number, ctimeMs: number, ino: number];

export function statKey(stats: Stats): StatKey {
  return [stats.size, stats.mtimeMs, stats.ctimeMs, stats.ino];
}

/**
 * A file's bytes, with its size, times and inode taken once it is open,
 * before it is read: a change after that shows at the next run. Synchronous:
 * the check is CPU-bound, and promise-based reads of tens of thousands of
 * small files cost more than they overlap.
 */
export function readWithStat(abs: string): { bytes: Buffer; stat: StatKey } {
  const fd = openSync(abs, 'r');
  try {
    const stats = fstatSync(fd);
    // Its own memory, not a slice of a shared pool: it may be handed to another thread.
    const bytes = Buffer.allocUnsafeSlow(stats.size);
    let read = 0;
    while (read < stats.size) {
      const n = readSync(fd, bytes, read, stats.size - read, null);
      if (n === 0) break;
      read += n;
    }
    return { bytes: read === stats.size ? bytes : bytes.subarray(0, read), stat: statKey(stats) };
  } finally {
    closeSync(fd);
  }
}

/** The content folder on disk. */
export class FolderSource implements ContentSource {
  readonly root: string;
  /** How messages name the content folder: relative to the project, or whole when outside it. */
  private readonly shownRoot: string;

  constructor(root: string, displayRoot: string) {
    this.root = path.resolve(root);
    const shown = path.relative(displayRoot, this.root);
    // Outside the project, the absolute path is clearer than a chain of « ../ ».
    this.shownRoot = (shown.startsWith('..') ? this.root : shown).split(path.sep).join('/');
  }

  isFolder(): boolean {
    try {
      return statSync(this.root).isDirectory();
    } catch {
      return false;
    }
  }

  list(folder: string): string[] {
    try {
      const entries = readdirSync(path.join(this.root, folder), { withFileTypes: true });
      return entries
        .filter((e) => e.isFile() && !e.name.startsWith('.'))
        .map((e) => e.name)
        .sort();
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
  }

  absolute(relative: string): string {
    // Tens of thousands of times a run: joined by hand, the relative path being plain.
    return `${this.root}${path.sep}${path.sep === '/' ? relative : relative.replaceAll('/', path.sep)}`;
  }

  read(relative: string): Uint8Array {
    return readWithStat(this.absolute(relative)).bytes;
  }

  /** Size, times and inode, taken before the file is read; undefined when it is gone. */
  stat(relative: string): StatKey | undefined {
    try {
      return statKey(lstatSync(this.absolute(relative)));
    } catch {
      return undefined;
    }
  }

  display(relative: string): string {
    return this.shownRoot ? `${this.shownRoot}/${relative}` : relative;
  }
}
