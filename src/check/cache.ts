/**
 * The check's cache: what each file says (its verdict: data, problems and
 * their positions) is kept under `node_modules/.cache/emancipasso/`, keyed by
 * a hash of the file's bytes, so that a check reads and validates again only
 * the files that changed. The rules across files run again on the kept data,
 * unless nothing at all changed since the last run: then its answer is given
 * again as it was.
 *
 * Nothing is ever served stale: a verdict is keyed by the bytes' hash; a
 * file's hash is trusted without reading it only while its size, times and
 * inode are those it had when read, and its times are not so recent that a
 * change could hide in the same tick of the clock; the last answer is keyed
 * by every file's hash and the day; and everything is dropped when the code
 * that draws verdicts changes (schemas, domain, loader, check, locked
 * dependencies, Node.js). A damaged cache is ignored and written anew.
 *
 * Two files per content folder: a small one read at every run (the files
 * seen, the last answer, positions of problems), and the verdicts, read only
 * when a file changed. The verdicts file is a log, one verdict a line: a run
 * appends the verdicts it drew, and rewrites it only when most of it is
 * unused.
 */
import { createHash } from 'node:crypto';
import {
  appendFileSync,
  closeSync,
  existsSync,
  fstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import type { SourcePosition } from '../domain/content.ts';
import type { Problem } from '../domain/problems.ts';
import { cacheFolder, projectRoot } from '../loader/cache-folder.mjs';
import { verdictKey, type FileVerdict, type VerdictCache } from '../loader/verdicts.ts';
import type { StatKey } from '../loader/source.ts';
import type { EntryTypeName } from '../schemas/index.ts';

/** Bumped when the layout of the cache files changes. */
const FORMAT = 2;
/** Times this close to a run may hide a change in the same clock tick (2 s: the coarsest file systems). */
const RACY_MS = 2000;
/** Content folders whose cache is kept (tests check many temporary folders). */
const KEPT_FOLDERS = 20;

/** The folders whose code decides what a file's verdict is: any change there drops the cache. */
const CODE_FOLDERS = ['src/schemas', 'src/domain', 'src/loader', 'src/check'];

type FileRecord = [size: number, mtimeMs: number, ctimeMs: number, ino: number, hash: string];
/** As the index file lists it: the path inside the content folder first. */
type FileLine = [relative: string, ...FileRecord];
type Positions = Record<string, [line: number, column: number]>;

/** The last answer: the problems, positions included, of files whose fingerprint is `key`. */
interface KeptResult {
  key: string;
  files: number;
  problems: Problem[];
}

interface IndexFile {
  format: number;
  version: string;
  /** The content folder, absolute. */
  folder: string;
  /** Start of the run that wrote the file: files changed since shortly before it are read again. */
  verifiedAt: number;
  /** A list rather than an object: read into a map, it is looked up tens of thousands of times. */
  files: FileLine[];
  result?: KeptResult;
  /** Verdict key → place → [line, column]: where earlier runs' problems were. */
  positions?: Record<string, Positions>;
}

/** The verdicts log's first line: its layout and the code's version. */
const logHeader = (version: string) => `emancipasso-verdicts\t${FORMAT}\t${version}`;

/**
 * What the verdicts depend on besides the files themselves: the source of
 * the code that draws them, the dependencies as locked, Node.js. Cheap: a
 * hundred small files hashed.
 */
export function versionKey(root: string): string {
  const hash = createHash('sha1').update(`format ${FORMAT}\0node ${process.versions.node}\0`);
  for (const file of ['package.json', 'package-lock.json']) {
    hash.update(`${file}\0`);
    try {
      hash.update(readFileSync(path.join(root, file)));
    } catch {
      hash.update('absent');
    }
  }
  for (const folder of CODE_FOLDERS) {
    const files = readdirSync(path.join(root, folder), { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => path.join(entry.parentPath, entry.name))
      .sort();
    for (const file of files)
      hash
        .update(`${path.relative(root, file).split(path.sep).join('/')}\0`)
        .update(readFileSync(file))
        .update('\0');
  }
  return hash.digest('hex');
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isProblem(p: unknown, withFile: boolean): boolean {
  return (
    isRecord(p) &&
    (!withFile || typeof p.file === 'string') &&
    typeof p.line === 'number' &&
    typeof p.column === 'number' &&
    typeof p.path === 'string' &&
    typeof p.message === 'string' &&
    (p.severity === 'error' || p.severity === 'warning')
  );
}

function isVerdict(value: unknown): value is FileVerdict {
  if (!isRecord(value) || !Array.isArray(value.problems)) return false;
  if (value.kind !== undefined && value.kind !== 'entry' && value.kind !== 'rejected') return false;
  if (value.kind && (typeof value.body !== 'string' || typeof value.bodyLine !== 'number')) return false;
  return value.problems.every((p) => isProblem(p, false));
}

function readJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    // No cache yet, or one that cannot be read: it is written anew.
    return undefined;
  }
}

/** Writes `text` so that a check running at the same time reads the old file or the new one, never half of one. */
function writeAtomically(file: string, text: string): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  writeFileSync(temporary, text);
  renameSync(temporary, file);
}

export class CheckCache implements VerdictCache {
  /** The postcode index drawn from the INSEE data, kept beside the verdicts. */
  readonly postcodeIndexFile: string;
  private readonly folder: string;
  private readonly version: string;
  private readonly indexFile: string;
  private readonly verdictsFile: string;
  private readonly startedAt = Date.now();
  private readonly previous: IndexFile;
  /** The files the last run saw. */
  private readonly previousFiles = new Map<string, FileRecord>();
  private readonly files = new Map<string, FileRecord>();
  /** Whether this run looked at the files on disk (a review may read commits only). */
  private filesSeen = false;
  private result: KeptResult | undefined;
  /** The verdicts kept by earlier runs, as lines of JSON, read on first need. */
  private kept: Map<string, string> | undefined;
  /** How many verdicts the log holds: past twice those in use, it is rewritten. */
  private keptLines = 0;
  /** The verdicts this run used or drew. */
  private readonly verdicts = new Map<string, FileVerdict>();
  /** The verdicts this run drew: their JSON when already written, and whether their line is in the log already. */
  private readonly drawn = new Map<string, { json?: string; logged: boolean }>();
  /** Where this run adds the lines of the verdicts it draws: the log itself, or a new log put in its place at the end. */
  private target: { file: string; temporary: boolean } | undefined;
  private readonly positions = new Map<string, Positions>();
  private indexChanged = false;
  /** The log cannot be appended to (missing, from another version, damaged): it is written whole. */
  private logRewrite = false;

  private constructor(folder: string, version: string, cacheFolder: string) {
    this.folder = folder;
    this.version = version;
    const name = CheckCache.fileName(folder);
    this.indexFile = path.join(cacheFolder, 'check', `${name}.json`);
    this.verdictsFile = path.join(cacheFolder, 'check', `${name}.verdicts`);
    this.postcodeIndexFile = path.join(cacheFolder, 'postcodes.json');
    this.previous = this.readIndex();
    this.result = this.previous.result;
    for (const line of this.previous.files) {
      if (Array.isArray(line) && line.length === 6 && typeof line[0] === 'string')
        this.previousFiles.set(line[0], line.slice(1) as FileRecord);
    }
  }

  /**
   * The cache of a content folder, or undefined when the project's source
   * cannot be found to tell its version (then nothing is cached).
   * `where.folder`: where caches are kept; `where.version`: the version key,
   * drawn from the project's source unless given (tests).
   */
  static open(contentFolder: string, where: { folder?: string; version?: string } = {}): CheckCache | undefined {
    const folder = where.folder ?? cacheFolder();
    const root = projectRoot();
    if (!folder || (!root && where.version === undefined)) return undefined;
    let version = where.version;
    try {
      version ??= versionKey(root!);
    } catch {
      return undefined;
    }
    return new CheckCache(path.resolve(contentFolder), version, folder);
  }

  /** Whether a cache was kept for this content folder (a check ran there before). */
  static kept(contentFolder: string, folder = cacheFolder()): boolean {
    return folder !== undefined && existsSync(path.join(folder, 'check', `${CheckCache.fileName(path.resolve(contentFolder))}.json`));
  }

  private static fileName(folder: string): string {
    return createHash('sha1').update(folder).digest('hex').slice(0, 20);
  }

  private readIndex(): IndexFile {
    const empty: IndexFile = { format: FORMAT, version: this.version, folder: this.folder, verifiedAt: 0, files: [] };
    const kept = readJson(this.indexFile);
    if (
      !isRecord(kept) ||
      kept.format !== FORMAT ||
      kept.version !== this.version ||
      kept.folder !== this.folder ||
      typeof kept.verifiedAt !== 'number' ||
      !Array.isArray(kept.files)
    ) {
      this.indexChanged = true;
      return empty;
    }
    const result = kept.result;
    const validResult =
      isRecord(result) &&
      typeof result.key === 'string' &&
      typeof result.files === 'number' &&
      Array.isArray(result.problems) &&
      result.problems.every((p) => isProblem(p, true));
    return {
      ...(kept as unknown as IndexFile),
      result: validResult ? (result as unknown as KeptResult) : undefined,
      positions: isRecord(kept.positions) ? (kept.positions as Record<string, Positions>) : undefined,
    };
  }

  /** The log of verdicts, read once: key → the verdict's JSON, parsed when used. */
  private keptVerdicts(): Map<string, string> {
    if (this.kept) return this.kept;
    this.kept = new Map();
    let text = '';
    try {
      text = readFileSync(this.verdictsFile, 'utf8');
    } catch {
      // No verdict kept yet.
    }
    const lines = text.split('\n');
    if (lines[0] !== logHeader(this.version)) {
      this.logRewrite = true;
      return this.kept;
    }
    // A last line not ended is cut short (a run stopped while writing): left out, and the log rewritten.
    if (lines.at(-1) !== '') this.logRewrite = true;
    for (let n = 1; n < lines.length - 1; n++) {
      const line = lines[n]!;
      const tab = line.indexOf('\t');
      if (tab > 0) this.kept.set(line.slice(0, tab), line.slice(tab + 1));
    }
    this.keptLines = lines.length - 2;
    return this.kept;
  }

  /** Nothing known yet (a first run): files are parsed without being hashed first. */
  get empty(): boolean {
    return this.previousFiles.size === 0 && this.verdicts.size === 0;
  }

  hashOf(relative: string, [size, mtimeMs, ctimeMs, ino]: StatKey): string | undefined {
    const record = this.previousFiles.get(relative);
    if (!record || typeof record[4] !== 'string') return undefined;
    if (record[0] !== size || record[1] !== mtimeMs || record[2] !== ctimeMs || record[3] !== ino) return undefined;
    // Changed just before or since the run that read it: the same times may hide another change.
    // It is read again, and this run's date written, so that it is trusted once it is older.
    const racy = this.previous.verifiedAt - RACY_MS;
    if (mtimeMs >= racy || ctimeMs >= racy) {
      this.indexChanged = true;
      return undefined;
    }
    return record[4];
  }

  noteFile(relative: string, stat: StatKey, hash: string): void {
    const record: FileRecord = [stat[0], stat[1], stat[2], stat[3], hash];
    this.filesSeen = true;
    this.files.set(relative, record);
    const before = this.previousFiles.get(relative);
    if (!before || before.some((value, i) => value !== record[i])) this.indexChanged = true;
  }

  verdict(hash: string, type: EntryTypeName): FileVerdict | undefined {
    const key = verdictKey(type, hash);
    const used = this.verdicts.get(key);
    if (used) return used;
    const line = this.keptVerdicts().get(key);
    if (line === undefined) return undefined;
    let verdict: unknown;
    try {
      verdict = JSON.parse(line);
    } catch {
      verdict = undefined;
    }
    if (!isVerdict(verdict)) {
      // Damaged: drawn again, and the log rewritten without it.
      this.kept!.delete(key);
      this.logRewrite = true;
      return undefined;
    }
    this.verdicts.set(key, verdict);
    return verdict;
  }

  remember(hash: string, type: EntryTypeName, verdict: FileVerdict, json?: string, logged = false): void {
    const key = verdictKey(type, hash);
    this.verdicts.set(key, verdict);
    const inLog = logged && this.target !== undefined;
    // A verdict already in the log is not kept twice in memory: written again (rarely), it is drawn from its object.
    this.drawn.set(key, inLog ? { logged: true } : { json, logged: false });
  }

  logFile(): string | undefined {
    if (!this.target) {
      try {
        if (this.logIsAppendable()) this.target = { file: this.verdictsFile, temporary: false };
        else {
          const file = `${this.verdictsFile}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
          mkdirSync(path.dirname(file), { recursive: true });
          writeFileSync(file, `${logHeader(this.version)}\n`);
          this.target = { file, temporary: true };
        }
      } catch {
        return undefined;
      }
    }
    return this.target.file;
  }

  /** Whether lines can be added to the log as it is: of this version, its last line whole. */
  private logIsAppendable(): boolean {
    if (this.kept) return !this.logRewrite;
    let fd;
    try {
      fd = openSync(this.verdictsFile, 'r');
    } catch {
      return false;
    }
    try {
      const header = `${logHeader(this.version)}\n`;
      const start = Buffer.alloc(Buffer.byteLength(header));
      readSync(fd, start, 0, start.length, 0);
      const last = Buffer.alloc(1);
      readSync(fd, last, 0, 1, fstatSync(fd).size - 1);
      return start.toString() === header && last[0] === 0x0a;
    } finally {
      closeSync(fd);
    }
  }

  private positionsOf(key: string): Positions | undefined {
    let known = this.positions.get(key);
    if (!known) {
      const kept = this.previous.positions?.[key];
      if (!isRecord(kept)) return undefined;
      this.positions.set(key, (known = { ...kept }));
    }
    return known;
  }

  position(hash: string, type: EntryTypeName, place: string): SourcePosition | undefined {
    const known = this.positionsOf(verdictKey(type, hash));
    const position = known && Object.hasOwn(known, place) ? known[place] : undefined;
    return Array.isArray(position) && typeof position[0] === 'number' && typeof position[1] === 'number'
      ? { line: position[0], column: position[1] }
      : undefined;
  }

  notePosition(hash: string, type: EntryTypeName, place: string, { line, column }: SourcePosition): void {
    const key = verdictKey(type, hash);
    let known = this.positionsOf(key);
    if (!known) this.positions.set(key, (known = {}));
    known[place] = [line, column];
    this.indexChanged = true;
  }

  /** The key of the answer for these files (`surveyFingerprint`) on this day. */
  resultKey(fingerprint: string, today: string): string {
    return createHash('sha1').update(`${today}\0${fingerprint}`).digest('hex');
  }

  /** The last run's answer, when it was for the same files on the same day. */
  lastResult(key: string): { files: number; problems: Problem[] } | undefined {
    return this.result?.key === key ? { files: this.result.files, problems: this.result.problems } : undefined;
  }

  keepResult(key: string, files: number, problems: Problem[]): void {
    if (this.result?.key === key) return;
    this.result = { key, files, problems };
    this.indexChanged = true;
  }

  /**
   * Writes what this run read: the files seen, the verdicts drawn, the
   * positions found, the answer. Never fails the check: a cache that cannot
   * be written only makes the next run slower.
   */
  save(): void {
    // Files gone since the last run: the cache forgets them.
    if (this.filesSeen && this.files.size !== this.previousFiles.size) this.indexChanged = true;
    try {
      this.saveVerdicts();
      if (!this.indexChanged) return;
      // The positions of the verdicts this run used; all of them when it read none (its answer was the last one).
      let positions = this.previous.positions;
      if (this.kept || this.drawn.size > 0) {
        positions = {};
        for (const key of this.verdicts.keys()) {
          const known = this.positions.get(key) ?? this.previous.positions?.[key];
          if (known) positions[key] = known;
        }
      }
      const data: IndexFile = {
        format: FORMAT,
        version: this.version,
        folder: this.folder,
        verifiedAt: this.filesSeen ? this.startedAt : this.previous.verifiedAt,
        // A run that read commits only leaves the record of the files on disk as it was.
        files: this.filesSeen ? [...this.files].map(([relative, record]): FileLine => [relative, ...record]) : this.previous.files,
        result: this.result,
        positions,
      };
      writeAtomically(this.indexFile, JSON.stringify(data));
      this.prune();
    } catch {
      // Read-only project, full disk: the check still gives its answer.
    }
  }

  /** Adds the verdicts drawn this run to the log; rewrites it when it must, or when most of it is unused. */
  private saveVerdicts(): void {
    const unlogged = [...this.drawn].filter(([, drawn]) => !drawn.logged).map(([key]) => key);
    if (!this.target && unlogged.length === 0 && !this.logRewrite) return;
    const line = (key: string) => {
      const drawn = this.drawn.get(key);
      const json = drawn ? (drawn.json ?? JSON.stringify(this.verdicts.get(key))) : this.kept!.get(key)!;
      return `${key}\t${json}\n`;
    };
    if (this.target?.temporary) {
      // A new log: the verdicts used this run that it does not hold yet, then in place of the old one.
      this.keptVerdicts();
      const missing = [...this.verdicts.keys()].filter((key) => !this.drawn.get(key)?.logged);
      appendFileSync(this.target.file, missing.map(line).join(''));
      renameSync(this.target.file, this.verdictsFile);
    } else {
      const kept = this.keptVerdicts();
      const added = unlogged.filter((key) => !kept.has(key));
      const lines = this.keptLines + [...this.drawn.keys()].filter((key) => !kept.has(key)).length;
      if (this.logRewrite || lines > 2 * this.verdicts.size + 1000) {
        // The verdicts in use only.
        const parts = [`${logHeader(this.version)}\n`];
        for (const key of this.verdicts.keys()) parts.push(line(key));
        writeAtomically(this.verdictsFile, parts.join(''));
      } else if (added.length > 0) {
        appendFileSync(this.verdictsFile, added.map(line).join(''));
      } else if (!this.target) return;
    }
    this.indexChanged = true;
  }

  /** Keeps the caches of the most recently checked folders only. */
  private prune(): void {
    const folder = path.dirname(this.indexFile);
    const indexes = readdirSync(folder)
      .filter((name) => /^[0-9a-f]+\.json$/.test(name))
      .map((name) => {
        try {
          return { name, time: statSync(path.join(folder, name)).mtimeMs };
        } catch {
          return { name, time: 0 };
        }
      })
      .sort((a, b) => b.time - a.time);
    for (const { name } of indexes.slice(KEPT_FOLDERS)) {
      rmSync(path.join(folder, name), { force: true });
      rmSync(path.join(folder, name.replace(/\.json$/, '.verdicts')), { force: true });
    }
  }
}
