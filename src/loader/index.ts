/**
 * The one loader: reads every file of the content folder, parses it keeping
 * positions, and applies its schema. What is valid comes back typed; every
 * problem comes back with its file, line, column and field.
 *
 * What one file says depends on its bytes alone: the check keeps each file's
 * verdict in a cache (`VerdictCache`), so that a run reads again only the
 * files that changed.
 */
import { createHash } from 'node:crypto';
import { appendFileSync } from 'node:fs';
import * as z from 'zod/mini';
import { formatPath, type Problem } from '../domain/problems.ts';
import type { Content, Entry } from '../domain/content.ts';
import { checkFileRules } from '../domain/rules/index.ts';
import {
  bodyLengthProblem,
  dropEmptyStrings,
  entryTypeNames,
  entryTypes,
  MAX_FILE_BYTES,
  SETTINGS_FILE,
  settingsSchema,
  type EntryType,
  type EntryTypeName,
} from '../schemas/index.ts';
import type { PostcodeIndex } from '../schemas/geography.ts';
import { entryIdProblem } from '../domain/entry-names.ts';
import { taxonomies, taxonomyNames, TERMS_KEY, type Vocabularies } from '../schemas/taxonomies.ts';
import { explainIssue } from './issues.ts';
import { parseSource, preloadFastParser, type Locate } from './parse.ts';
import { legacyListWarning, notAVocabulary, vocabularyEnvelope, vocabularyShape } from './vocabulary.ts';
import { lazyPostcodeIndex } from './postcodes.ts';
import { blobHash, FolderSource, readWithStat, type ContentSource, type StatKey } from './source.ts';
import { verdictLine, type FileProblem, type FileVerdict, type VerdictCache } from './verdicts.ts';
import { newLoaderWorker, PARALLEL_THRESHOLD, takeLoaderWorker } from './worker-start.ts';

export { blobHash, FolderSource, type ContentSource } from './source.ts';

export interface LoadOptions {
  /** How file paths are shown in messages: relative to this folder (the project). */
  displayRoot?: string;
  /** Use a worker thread for large folders (command line only: Astro's bundler cannot start one). */
  parallel?: boolean;
  /** From how many files to parse a worker thread helps (tests lower it). */
  parallelFrom?: number;
  /**
   * Also run the rules of one file alone (`checkFileRules`: Markdown safety,
   * contact details, postcode) on each entry, their problems among the
   * file's: what the check does, so that its cache keeps them.
   */
  fileRules?: boolean;
  /** Verdicts of files read before (the check's cache): a file whose bytes did not change is not read again. */
  cache?: VerdictCache;
  /** Where the files come from: the folder on disk by default; the review reads commits. */
  source?: ContentSource;
  /** Where the postcode index derived from the INSEE data is kept (the check's cache folder). */
  postcodeIndexFile?: string;
}

export interface LoadResult {
  content: Content;
  problems: Problem[];
  /** How many files were read. */
  files: number;
  /**
   * Gives their line and column to problems found after loading (the rules)
   * in files of a source read in batches (a commit): they were located in one
   * go, after the fact. Nothing to do for a folder on disk.
   */
  resolvePositions(problems: Problem[]): void;
}

/** Thrown when the content folder itself cannot be read: the check exits with code 2. */
export class ContentFolderError extends Error {}

const IMAGE = /\.(png|jpe?g|webp|svg|avif|gif)$/i;

export type { FileProblem, FileVerdict, VerdictCache } from './verdicts.ts';

/**
 * The schema compiled by zod into a function of its own (`z.compile`): valid
 * data, most files, is checked several times faster; invalid data goes
 * through the schema as written, which says what is wrong. Same answers.
 */
const compiledSchemas = new WeakMap<z.ZodMiniType, z.ZodMiniType>();
function compiled<S extends z.ZodMiniType>(schema: S): S {
  let fast = compiledSchemas.get(schema);
  if (!fast) compiledSchemas.set(schema, (fast = z.compile(schema)));
  return fast as S;
}

/** Validates parsed data against a schema, turning issues into located problems. */
export function validate<S extends z.ZodMiniType>(
  schema: S,
  data: unknown,
  locate: Locate,
  file: string,
  /** False when the source holds no empty string: skips a copy of the data. */
  mayHoldEmptyStrings = true,
): { value?: z.output<S>; problems: Problem[] } {
  const result = compiled(schema).safeParse(mayHoldEmptyStrings ? dropEmptyStrings(data) : data, { reportInput: true });
  if (result.success) return { value: result.data, problems: [] };
  const problems: Problem[] = [];
  for (const issue of result.error.issues) {
    for (const located of explainIssue(issue, schema)) {
      const pos = locate(located.path, located.atKey);
      problems.push({ file, ...pos, path: formatPath(located.path), severity: 'error', message: located.message });
    }
  }
  return { problems };
}

interface FileTask {
  typeName: EntryTypeName;
  name: string;
  /** Path inside the content folder. */
  relative: string;
  /** Where a worker thread reads it, on disk. */
  abs?: string;
  /** Its bytes, when already read. */
  bytes?: Uint8Array;
}

/** What the worker thread is asked. */
export interface WorkerJob {
  tasks: FileTask[];
  /** The next task to claim, shared with the main thread. */
  next: SharedArrayBuffer;
  fileRules: boolean;
  /** Hash each file and send its verdict as JSON, for the cache. */
  forCache: boolean;
  /** The cache's log, to add the lines of the verdicts drawn to. */
  logFile?: string;
  postcodeIndexFile?: string;
}

/** What the worker thread sends after each chunk of files, and once it is done. */
interface WorkerMessage {
  outcomes: WorkerOutcome[];
  done?: boolean;
}

interface Computed {
  verdict: FileVerdict;
  hash?: string;
  /** The verdict as JSON, for the cache, which writes it as is. */
  json?: string;
  /** Its line is already in the cache's log. */
  logged?: boolean;
  /** Positions in the bytes just parsed, when parsed on this thread. */
  locate?: Locate;
}

/** What the worker thread sends back for one file: `k`, its place in the job's list. */
interface WorkerOutcome {
  k: number;
  verdict?: FileVerdict;
  json?: string;
  hash?: string;
  stat?: StatKey;
}

/** Files claimed at a time by each thread from the shared list. */
const CHUNK = 32;

/**
 * The next chunk of tasks for this thread, claimed from a counter shared with
 * the other thread: whichever is faster (the other one starts later, or the
 * machine is busy) takes more, and both end together. Undefined when none is left.
 */
function claim(count: number, next: Int32Array): [start: number, end: number] | undefined {
  const start = Atomics.add(next, 0, CHUNK);
  return start < count ? [start, Math.min(count, start + CHUNK)] : undefined;
}

/** Adds lines to the cache's log: one write, appended whole, whichever thread writes. */
function appendLines(file: string | undefined, lines: string[]): void {
  if (!file || lines.length === 0) return;
  try {
    appendFileSync(file, lines.join(''));
  } catch {
    // A log that cannot be written only makes the next run slower.
  }
}

/** Entries written by the committee, most often with links in their text first. */
const EDITORIAL: readonly EntryTypeName[] = ['pages', 'resources', 'partners', 'projects'];

function extensionOf(type: EntryType): RegExp {
  return type.format === 'markdown' ? /\.md$/ : /\.ya?ml$/;
}

/** What the file's name alone says is wrong with it; such a file is not read. */
function nameVerdict(typeName: EntryTypeName, name: string): FileVerdict | undefined {
  const type: EntryType = entryTypes[typeName];
  const problem = (message: string): FileVerdict => ({ problems: [{ line: 1, column: 1, path: '', severity: 'error', message }] });
  const extension = extensionOf(type);
  if (!extension.test(name)) {
    return problem(
      `ce fichier est ignoré : dans ${type.name}/, une fiche se termine par ${type.format === 'markdown' ? '« .md »' : '« .yml »'}. Renommez-le ou déplacez-le.`,
    );
  }
  const nameProblem = entryIdProblem(typeName, name.replace(extension, ''), name);
  return nameProblem ? problem(nameProblem) : undefined;
}

const unreadable: FileVerdict = {
  problems: [
    {
      line: 1,
      column: 1,
      path: '',
      severity: 'error',
      message: 'ce fichier ne peut pas être lu (droits d’accès ?) : vérifiez qu’il s’agit d’un fichier texte ordinaire.',
    },
  ],
};

/** Characters as a reader counts them (an emoji is one), as `[...text].length` does. */
function codePoints(text: string): number {
  if (!/[\uD800-\uDBFF]/.test(text)) return text.length;
  return [...text].length;
}

const withoutFile = ({ line, column, path, severity, message }: Problem): FileProblem => ({ line, column, path, severity, message });

/** Parses and validates one entry file's bytes, then runs the rules of one file alone when asked. */
function computeVerdict(
  typeName: EntryTypeName,
  name: string,
  bytes: Uint8Array,
  fileRules: boolean,
  postcodes: () => PostcodeIndex,
): Computed {
  const type: EntryType = entryTypes[typeName];
  const parsed = parseSource(bytes, type.format, MAX_FILE_BYTES);
  if (parsed.problems.length > 0) {
    return {
      verdict: {
        problems: parsed.problems.map((p) => ({ line: p.line, column: p.column, path: '', severity: 'error', message: p.message })),
      },
    };
  }
  const { value, problems } = validate(type.schema, parsed.data, parsed.locate, '', parsed.mayHoldEmptyStrings);
  if (type.body) {
    const length = codePoints(parsed.body.trim());
    const message = bodyLengthProblem(type.body, length);
    if (message) problems.push({ file: '', line: parsed.bodyLine, column: 1, path: 'body', severity: 'error', message });
  }
  const data = value ?? parsed.data;
  if (fileRules) {
    const entry: Entry<unknown> = {
      id: name.replace(extensionOf(type), ''),
      file: '',
      data,
      body: parsed.body,
      bodyLine: parsed.bodyLine,
      locate: parsed.locate,
    };
    problems.push(...checkFileRules(typeName, entry, value !== undefined, { departmentsOfPostcode: (postcode) => postcodes()(postcode) }));
  }
  return {
    verdict: {
      kind: value ? 'entry' : 'rejected',
      data,
      body: parsed.body,
      bodyLine: parsed.bodyLine,
      problems: problems.map(withoutFile),
    },
    locate: parsed.locate,
  };
}

/** The worker's side: plain data only, since functions cannot cross threads. Sends each chunk's outcomes as it goes. */
export function computeVerdictsForWorker(job: WorkerJob, send: (message: WorkerMessage) => void): void {
  const postcodes = lazyPostcodeIndex(job.postcodeIndexFile);
  const next = new Int32Array(job.next);
  for (let chunk = claim(job.tasks.length, next); chunk; chunk = claim(job.tasks.length, next)) {
    const outcomes: WorkerOutcome[] = [];
    const lines: string[] = [];
    for (let k = chunk[0]; k < chunk[1]; k++) {
      const task = job.tasks[k]!;
      let bytes: Uint8Array;
      let stat: StatKey | undefined;
      try {
        if (task.bytes) bytes = task.bytes;
        else ({ bytes, stat } = readWithStat(task.abs!));
      } catch {
        outcomes.push({ k, verdict: unreadable });
        continue;
      }
      const { verdict } = computeVerdict(task.typeName, task.name, bytes, job.fileRules, () => postcodes);
      if (!job.forCache) {
        outcomes.push({ k, verdict });
        continue;
      }
      // As JSON, the verdict crosses to the other thread as one string; its line goes to the cache's log from here.
      const json = JSON.stringify(verdict);
      const hash = blobHash(bytes);
      outcomes.push({ k, json, hash, stat });
      lines.push(verdictLine(task.typeName, hash, json));
    }
    appendLines(job.logFile, lines);
    send({ outcomes });
  }
  send({ outcomes: [], done: true });
}

/**
 * Positions wanted in files that are read in batches: each request gets a
 * placeholder position (a negative line that numbers it), replaced once the
 * files were read.
 */
class DeferredPositions {
  private readonly requests: Array<{ relative: string; format: 'markdown' | 'yaml'; path: PropertyKey[]; keyOfLast?: boolean }> = [];

  private readonly source: ContentSource;

  constructor(source: ContentSource) {
    this.source = source;
  }

  locate(relative: string, format: 'markdown' | 'yaml'): Locate {
    return (path, keyOfLast) => {
      this.requests.push({ relative, format, path: [...path], keyOfLast });
      return { line: -this.requests.length, column: 0 };
    };
  }

  resolve(problems: Problem[]): void {
    const waiting = problems.filter((p) => p.line < 0 && this.requests[-p.line - 1]);
    if (waiting.length === 0) return;
    const files = [...new Set(waiting.map((p) => this.requests[-p.line - 1]!.relative))];
    this.source.prefetch?.(files);
    const located = new Map<string, Locate>();
    for (const problem of waiting) {
      const request = this.requests[-problem.line - 1]!;
      let locate = located.get(request.relative);
      if (!locate) {
        try {
          locate = parseSource(this.source.read(request.relative), request.format, MAX_FILE_BYTES).locate;
        } catch {
          locate = () => ({ line: 1, column: 1 });
        }
        located.set(request.relative, locate);
      }
      Object.assign(problem, locate(request.path, request.keyOfLast));
    }
  }
}

/** How `FileVerdict.positions` names a place. */
function positionKey(path: readonly PropertyKey[], keyOfLast?: boolean): string {
  return `${keyOfLast ? 'key:' : ''}${JSON.stringify(path.map((segment) => (typeof segment === 'symbol' ? String(segment) : segment)))}`;
}

/** Positions the cache kept for this file first, else from `locate`, then kept. */
function cachedLocate(hash: string, type: EntryTypeName, locate: Locate, cache: VerdictCache): Locate {
  return (path, keyOfLast) => {
    const place = positionKey(path, keyOfLast);
    const known = cache.position(hash, type, place);
    if (known) return known;
    const position = locate(path, keyOfLast);
    // A placeholder (negative line) is resolved later, elsewhere: not kept.
    if (position.line > 0) cache.notePosition(hash, type, place, position);
    return position;
  };
}

/** Positions for an entry parsed elsewhere or earlier: the file is read again, only if a problem needs them. */
function lazyFileLocate(source: ContentSource, relative: string, format: 'markdown' | 'yaml'): Locate {
  let locate: Locate | undefined;
  return (p, keyOfLast) => {
    if (!locate) {
      try {
        // Without asking for positions up front: most are read off the lines, the full parser comes only if needed.
        locate = parseSource(source.read(relative), format, MAX_FILE_BYTES).locate;
      } catch {
        locate = () => ({ line: 1, column: 1 });
      }
    }
    return locate(p, keyOfLast);
  };
}

/** The files of a content folder, and what is known of each without parsing it. */
export interface Survey {
  source: ContentSource;
  tasks: FileTask[];
  ids: Content['ids'];
  /** Size, times and inode of each entry file on disk, taken before it is read. */
  stats: Array<StatKey | undefined>;
  /** Each entry file's hash, when known without reading it: unchanged on disk since the cache read it, or given by a commit. */
  hashes: Array<string | undefined>;
  /** The taxonomies and settings, read (undefined: missing or unreadable): they are parsed at every run. */
  shared: Map<string, Uint8Array | undefined>;
  /** What each file's name alone says is wrong with it (such a file is not read). */
  byName: Array<FileVerdict | undefined>;
}

/** The folder's files, with the hash of each one the cache or the source already knows. */
export function surveyContent(contentDir: string, options: Pick<LoadOptions, 'source' | 'displayRoot' | 'cache'> = {}): Survey {
  const source: ContentSource = options.source ?? new FolderSource(contentDir, options.displayRoot ?? process.cwd());
  if (!source.isFolder()) {
    throw new ContentFolderError(`Le dossier de contenu « ${contentDir} » n’existe pas ou n’est pas un dossier.`);
  }
  const folder = source instanceof FolderSource ? source : undefined;
  const cache = options.cache;
  const tasks: FileTask[] = [];
  const ids = {} as Content['ids'];
  for (const typeName of entryTypeNames) {
    const type: EntryType = entryTypes[typeName];
    const extension = extensionOf(type);
    const names = source.list(type.name);
    ids[typeName] = new Set(names.filter((n) => extension.test(n)).map((n) => n.replace(extension, '')));
    for (const name of names) {
      if (!extension.test(name) && typeName === 'providers' && IMAGE.test(name)) continue; // a logo beside its entry
      tasks.push({ typeName, name, relative: `${type.name}/${name}` });
    }
  }
  const stats: Array<StatKey | undefined> = new Array(tasks.length);
  const hashes: Array<string | undefined> = new Array(tasks.length);
  const byName = tasks.map((task) => nameVerdict(task.typeName, task.name));
  if (cache) {
    const known = !cache.empty;
    tasks.forEach((task, i) => {
      let hash = source.knownHash?.(task.relative);
      // Taken before any read: a file changed after it reads as changed next time. On a
      // first run, nothing is known: each file's is taken as it is read.
      if (!hash && folder && known && !byName[i]) {
        const stat = (stats[i] = folder.stat(task.relative));
        if (stat) hash = cache.hashOf(task.relative, stat);
        if (!hash && stat) {
          // Changed, or touched without a change (a checkout, a copy): its bytes tell.
          try {
            task.bytes = folder.read(task.relative);
            hash = blobHash(task.bytes);
          } catch {
            // Unreadable: said so when it is loaded.
          }
        }
      }
      hashes[i] = hash;
    });
  }
  const sharedFiles = [...taxonomyNames.map((name) => taxonomies[name].file), SETTINGS_FILE];
  source.prefetch?.(sharedFiles);
  const shared = new Map<string, Uint8Array | undefined>();
  for (const relative of sharedFiles) {
    try {
      shared.set(relative, source.read(relative));
    } catch {
      shared.set(relative, undefined);
    }
  }
  return { source, tasks, ids, stats, hashes, shared, byName };
}

/** Records in the cache what the survey saw of each file on disk (its answer was given again, nothing loaded). */
export function noteSurvey(survey: Survey, cache: VerdictCache): void {
  survey.tasks.forEach((task, i) => {
    const stat = survey.stats[i];
    const hash = survey.hashes[i];
    if (stat && hash) cache.noteFile(task.relative, stat, hash);
  });
}

/**
 * What the survey says of every file, as one string, when the hash of every
 * file is known: equal fingerprints, equal files (names and bytes).
 */
export function surveyFingerprint(survey: Survey): string | undefined {
  const fingerprint = createHash('sha1');
  for (const [i, task] of survey.tasks.entries()) {
    const hash = survey.byName[i] ? 'name' : survey.hashes[i];
    if (!hash) return undefined;
    fingerprint.update(`${task.relative}\0${hash}\n`);
  }
  for (const [relative, bytes] of survey.shared) fingerprint.update(`${relative}\0${bytes ? blobHash(bytes) : 'absent'}\n`);
  // Messages name files as the source shows them.
  fingerprint.update(`shown as\0${survey.source.display(SETTINGS_FILE)}`);
  return fingerprint.digest('hex');
}

export async function loadContent(contentDir: string, options: LoadOptions & { survey?: Survey } = {}): Promise<LoadResult> {
  const survey = options.survey ?? surveyContent(contentDir, options);
  const { source, tasks, stats, hashes } = survey;
  const folder = source instanceof FolderSource ? source : undefined;
  const cache = options.cache;
  const fileRules = options.fileRules ?? false;
  const postcodes = lazyPostcodeIndex(options.postcodeIndexFile);
  // The taxonomies and settings are parsed at every run.
  await preloadFastParser();
  const deferred = source.batchedReads ? new DeferredPositions(source) : undefined;
  const problems: Problem[] = [];
  let files = 0;

  const content: Content = {
    providers: [],
    recommendations: [],
    projects: [],
    resources: [],
    partners: [],
    pages: [],
    taxonomies: Object.fromEntries(taxonomyNames.map((name) => [name, []])) as unknown as Vocabularies,
    taxonomyFiles: {} as Content['taxonomyFiles'],
    settings: undefined,
    ids: survey.ids,
    rejected: [],
  };

  // Each file's verdict: from its name alone, from the cache, or computed below.
  const results: Computed[] = new Array(tasks.length);
  const pending: number[] = [];
  tasks.forEach((task, i) => {
    const byName = survey.byName[i];
    if (byName) {
      results[i] = { verdict: byName };
      return;
    }
    const hash = hashes[i];
    const known = cache && hash ? cache.verdict(hash, task.typeName) : undefined;
    if (known) results[i] = { verdict: known, hash };
    else pending.push(i);
  });

  // Editorial entries first: their bodies are the ones with links, whose Markdown parser (sixty
  // modules) is then loaded by this thread alone, before the worker thread has even started.
  const editorialFirst = (i: number) => EDITORIAL.indexOf(tasks[i]!.typeName) >>> 0;
  const toCompute = pending.sort((a, b) => editorialFirst(a) - editorialFirst(b) || a - b);
  source.prefetch?.(toCompute.filter((i) => !tasks[i]!.bytes).map((i) => tasks[i]!.relative));

  // Tens of thousands of files: a worker thread parses them too, on the second core.
  const next = new Int32Array(new SharedArrayBuffer(4));
  const logFile = cache && toCompute.length > 0 ? cache.logFile() : undefined;
  let fromWorker: Promise<void> = Promise.resolve();
  const workerUsed = options.parallel && toCompute.length >= (options.parallelFrom ?? PARALLEL_THRESHOLD);
  if (workerUsed) {
    const job: WorkerJob = {
      tasks: toCompute.map((i) => {
        const { typeName, name, relative, bytes } = tasks[i]!;
        if (bytes) return { typeName, name, relative, bytes };
        return folder
          ? { typeName, name, relative, abs: folder.absolute(relative) }
          : { typeName, name, relative, bytes: source.read(relative) };
      }),
      next: next.buffer as SharedArrayBuffer,
      fileRules,
      forCache: cache !== undefined,
      logFile,
      postcodeIndexFile: options.postcodeIndexFile,
    };
    // Its outcomes come chunk by chunk, taken in between this thread's own chunks.
    const accept = (outcome: WorkerOutcome) => {
      const i = toCompute[outcome.k]!;
      results[i] = {
        verdict: outcome.verdict ?? (JSON.parse(outcome.json!) as FileVerdict),
        json: outcome.json,
        hash: outcome.hash,
        logged: logFile !== undefined,
      };
      stats[i] ??= outcome.stat;
    };
    fromWorker = new Promise((resolve, reject) => {
      // Started synchronously, so it works while this thread parses its own share.
      const worker = takeLoaderWorker() ?? newLoaderWorker();
      worker.on('message', (message: WorkerMessage) => {
        message.outcomes.forEach(accept);
        if (!message.done) return;
        resolve();
        void worker.terminate();
      });
      worker.once('error', reject);
      worker.postMessage(job);
    });
  } else {
    // A worker started beforehand for nothing (few files changed after all) ends now.
    void takeLoaderWorker()?.terminate();
  }
  for (let chunk = claim(toCompute.length, next); chunk; chunk = claim(toCompute.length, next)) {
    const lines: string[] = [];
    for (let k = chunk[0]; k < chunk[1]; k++) {
      const i = toCompute[k]!;
      const task = tasks[i]!;
      let bytes: Uint8Array;
      try {
        if (task.bytes) bytes = task.bytes;
        else if (folder) {
          const read = readWithStat(folder.absolute(task.relative));
          bytes = read.bytes;
          stats[i] ??= read.stat;
        } else bytes = source.read(task.relative);
      } catch {
        results[i] = { verdict: unreadable };
        continue;
      }
      delete task.bytes;
      const computed = (results[i] = computeVerdict(task.typeName, task.name, bytes, fileRules, () => postcodes));
      if (cache) {
        computed.hash = hashes[i] ?? blobHash(bytes);
        // Written for the cache now, while the other thread works too, rather than after.
        computed.json = JSON.stringify(computed.verdict);
        computed.logged = logFile !== undefined;
        lines.push(verdictLine(task.typeName, computed.hash, computed.json));
      }
    }
    appendLines(logFile, lines);
    // Lets the worker thread's outcomes in.
    if (workerUsed) await new Promise((resolve) => setImmediate(resolve));
  }
  await fromWorker;
  if (cache) {
    for (const i of toCompute) {
      const { verdict, hash, json, logged } = results[i]!;
      hashes[i] = hash;
      if (hash && verdict !== unreadable) cache.remember(hash, tasks[i]!.typeName, verdict, json, logged);
      delete results[i]!.json;
    }
    tasks.forEach((task, i) => {
      const stat = stats[i];
      const hash = results[i]!.hash;
      if (stat && hash) cache.noteFile(task.relative, stat, hash);
    });
  }

  files += tasks.length;
  tasks.forEach((task, i) => {
    const { verdict, locate } = results[i]!;
    const file = source.display(task.relative);
    for (const p of verdict.problems)
      problems.push({ file, line: p.line, column: p.column, path: p.path, severity: p.severity, message: p.message });
    if (!verdict.kind) return;
    const format = entryTypes[task.typeName].format;
    const located = locate ?? (deferred ? deferred.locate(task.relative, format) : lazyFileLocate(source, task.relative, format));
    const entry: Entry<unknown> = {
      id: task.name.replace(extensionOf(entryTypes[task.typeName]), ''),
      file,
      data: verdict.data,
      body: verdict.body ?? '',
      bodyLine: verdict.bodyLine ?? 1,
      locate: cache && results[i]!.hash ? cachedLocate(results[i]!.hash!, task.typeName, located, cache) : located,
    };
    if (verdict.kind === 'entry') (content[task.typeName] as Entry<unknown>[]).push(entry);
    else content.rejected.push({ type: task.typeName, entry });
  });

  const readParsed = (relative: string) => {
    files++;
    const bytes = survey.shared.get(relative);
    if (!bytes) throw new Error(`${relative} cannot be read`);
    return parseSource(bytes, 'yaml', MAX_FILE_BYTES);
  };
  const report = (file: string, parsed: { problems: { line: number; column: number; message: string }[] }) => {
    for (const p of parsed.problems)
      problems.push({ file, line: p.line, column: p.column, path: '', severity: 'error', message: p.message });
  };

  for (const name of taxonomyNames) {
    const relative = taxonomies[name].file;
    const file = source.display(relative);
    // Unreadable until it is read as a list of terms.
    content.taxonomyFiles[name] = { file, locate: () => ({ line: 1, column: 1 }), termsAt: [TERMS_KEY], unreadable: true };
    let parsed;
    try {
      parsed = readParsed(relative);
    } catch {
      problems.push({
        file,
        line: 1,
        column: 1,
        path: '',
        severity: 'error',
        message: `le fichier de taxonomie manque : créez ${taxonomies[name].file} (sous « ${TERMS_KEY}: », une liste de « slug, label, description »).`,
      });
      continue;
    }
    if (parsed.problems.length > 0) {
      report(file, parsed);
      continue;
    }
    const shape = vocabularyShape(parsed.data);
    content.taxonomyFiles[name] = { file, locate: parsed.locate, termsAt: shape.terms ? shape.at : [TERMS_KEY] };
    const fileProblem = (message: string, severity: Problem['severity'] = 'error') =>
      problems.push({ file, line: 1, column: 1, path: '', severity, message });
    if (!shape.terms) {
      content.taxonomyFiles[name].unreadable = true;
      fileProblem(notAVocabulary);
      continue;
    }
    if (shape.legacy) {
      content.taxonomyFiles[name].legacy = true;
      fileProblem(legacyListWarning, 'warning');
    } else {
      const envelope = validate(vocabularyEnvelope, parsed.data, parsed.locate, file);
      problems.push(...envelope.problems);
      // Without a list of terms, the terms are unknown: slugs are not checked against an empty list.
      if (!Array.isArray((parsed.data as Record<string, unknown>)[TERMS_KEY])) content.taxonomyFiles[name].unreadable = true;
    }
    const terms = [];
    const locateIn = parsed.locate;
    for (const [index, item] of shape.terms.entries()) {
      const at = [...shape.at, index];
      const locate: Locate = (p, key) => locateIn([...at, ...p], key);
      const { value, problems: itemProblems } = validate(taxonomies[name].schema, item, locate, file);
      const prefix = formatPath(at);
      for (const p of itemProblems) p.path = `${prefix}${p.path ? (p.path.startsWith('[') ? '' : '.') + p.path : ''}`;
      problems.push(...itemProblems);
      if (value) terms.push({ index, value });
    }
    (content.taxonomies[name] as unknown[]) = terms.map((t) => t.value);
    content.taxonomyFiles[name].indices = terms.map((t) => t.index);
  }

  const settingsFile = source.display(SETTINGS_FILE);
  try {
    const parsed = readParsed(SETTINGS_FILE);
    if (parsed.problems.length > 0) report(settingsFile, parsed);
    else {
      const { value, problems: settingsProblems } = validate(settingsSchema, parsed.data, parsed.locate, settingsFile);
      problems.push(...settingsProblems);
      content.settings = value;
    }
  } catch {
    problems.push({
      file: settingsFile,
      line: 1,
      column: 1,
      path: '',
      severity: 'error',
      message: 'le fichier des réglages manque : créez settings.yml (demo, site_url, contact_email, repository).',
    });
  }

  for (const typeName of entryTypeNames) (content[typeName] as Entry<unknown>[]).sort((a, b) => a.id.localeCompare(b.id));
  return { content, problems, files, resolvePositions: (found) => deferred?.resolve(found) };
}
