/**
 * The one loader: reads every file of the content folder, parses it keeping
 * positions, and applies its schema. What is valid comes back typed; every
 * problem comes back with its file, line, column and field.
 */
import { readFileSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { Worker } from 'node:worker_threads';
import path from 'node:path';
import type { z } from 'zod';
import { formatPath, type Problem } from '../domain/problems.ts';
import type { Content, Entry } from '../domain/content.ts';
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
import { entryIdProblem } from '../domain/entry-names.ts';
import { taxonomies, taxonomyNames, TERMS_KEY, type Vocabularies } from '../schemas/taxonomies.ts';
import { explainIssue } from './issues.ts';
import { parseSource, type Locate } from './parse.ts';
import { legacyListWarning, notAVocabulary, vocabularyEnvelope, vocabularyShape } from './vocabulary.ts';

export interface LoadOptions {
  /** How file paths are shown in messages: relative to this folder (the project). */
  displayRoot?: string;
  /** Use a worker thread for large folders (command line only: Astro's bundler cannot start one). */
  parallel?: boolean;
}

export interface LoadResult {
  content: Content;
  problems: Problem[];
  /** How many files were read. */
  files: number;
}

/** Thrown when the content folder itself cannot be read: the check exits with code 2. */
export class ContentFolderError extends Error {}

const IMAGE = /\.(png|jpe?g|webp|svg|avif|gif)$/i;

/** Validates parsed data against a schema, turning issues into located problems. */
export function validate<S extends z.ZodType>(
  schema: S,
  data: unknown,
  locate: Locate,
  file: string,
  /** False when the source holds no empty string: skips a copy of the data. */
  mayHoldEmptyStrings = true,
): { value?: z.output<S>; problems: Problem[] } {
  const result = schema.safeParse(mayHoldEmptyStrings ? dropEmptyStrings(data) : data, { reportInput: true });
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

async function listFiles(dir: string): Promise<string[]> {
  try {
    const entries = await readdir(dir, { withFileTypes: true });
    return entries
      .filter((e) => e.isFile() && !e.name.startsWith('.'))
      .map((e) => e.name)
      .sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

interface FileTask {
  typeName: EntryTypeName;
  name: string;
  abs: string;
  /** Path shown in messages. */
  file: string;
}

interface FileResult {
  entry?: Entry<unknown>;
  /** An entry its schema rejected, kept with its raw data for the rules that can still run. */
  rejected?: Entry<unknown>;
  problems: Problem[];
}

/** Below this many files, a worker thread costs more to start than it saves. */
const PARALLEL_THRESHOLD = 4000;

/** Reads, parses and validates one entry file. */
function loadEntryFile({ typeName, name, abs, file }: FileTask): FileResult {
  const type: EntryType = entryTypes[typeName];
  const extension = type.format === 'markdown' ? /\.md$/ : /\.ya?ml$/;
  const fileProblem = (message: string): FileResult => ({ problems: [{ file, line: 1, column: 1, path: '', severity: 'error', message }] });
  if (!extension.test(name)) {
    return fileProblem(
      `ce fichier est ignoré : dans ${type.name}/, une fiche se termine par ${type.format === 'markdown' ? '« .md »' : '« .yml »'}. Renommez-le ou déplacez-le.`,
    );
  }
  const id = name.replace(extension, '');
  const nameProblem = entryIdProblem(typeName, id, name);
  if (nameProblem) return fileProblem(nameProblem);
  let parsed;
  try {
    parsed = parseSource(readFileSync(abs), type.format, MAX_FILE_BYTES);
  } catch {
    return fileProblem('ce fichier ne peut pas être lu (droits d’accès ?) : vérifiez qu’il s’agit d’un fichier texte ordinaire.');
  }
  if (parsed.problems.length > 0) {
    return {
      problems: parsed.problems.map((p) => ({ file, line: p.line, column: p.column, path: '', severity: 'error', message: p.message })),
    };
  }
  const { value, problems } = validate(type.schema, parsed.data, parsed.locate, file, parsed.mayHoldEmptyStrings);
  if (type.body) {
    const length = [...parsed.body.trim()].length;
    const message = bodyLengthProblem(type.body, length);
    if (message) problems.push({ file, line: parsed.bodyLine, column: 1, path: 'body', severity: 'error', message });
  }
  const entry: Entry<unknown> = {
    id,
    file,
    data: value ?? parsed.data,
    body: parsed.body,
    bodyLine: parsed.bodyLine,
    locate: parsed.locate,
  };
  return value ? { entry, problems } : { rejected: entry, problems };
}

/** Positions for an entry parsed elsewhere: the file is read again, only if a problem needs them. */
function lazyFileLocate(abs: string, format: 'markdown' | 'yaml'): Locate {
  let locate: Locate | undefined;
  return (p, keyOfLast) => {
    locate ??= parseSource(readFileSync(abs), format, MAX_FILE_BYTES, { positions: true }).locate;
    return locate(p, keyOfLast);
  };
}

/** Runs `loadEntryFile` on `tasks` in a worker thread; entries come back without `locate`. */
function loadInWorker(tasks: FileTask[]): Promise<FileResult[]> {
  // Started synchronously, so it works while this thread parses its own half.
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./worker.ts', import.meta.url), { workerData: tasks });
    worker.once('message', (results: FileResult[]) => {
      resolve(results);
      void worker.terminate();
    });
    worker.once('error', reject);
  });
}

/** The worker's side: plain data only, since functions cannot cross threads. */
export function loadFilesForWorker(tasks: FileTask[]): FileResult[] {
  return tasks.map((task) => {
    const result = loadEntryFile(task);
    const strip = (entry?: Entry<unknown>) => (entry ? ({ ...entry, locate: undefined } as unknown as Entry<unknown>) : undefined);
    return { entry: strip(result.entry), rejected: strip(result.rejected), problems: result.problems };
  });
}

export async function loadContent(contentDir: string, options: LoadOptions = {}): Promise<LoadResult> {
  const root = path.resolve(contentDir);
  try {
    if (!(await stat(root)).isDirectory()) throw new Error();
  } catch {
    throw new ContentFolderError(`Le dossier de contenu « ${contentDir} » n’existe pas ou n’est pas un dossier.`);
  }
  const displayRoot = options.displayRoot ?? process.cwd();
  const display = (abs: string) => {
    const relative = path.relative(displayRoot, abs);
    // Outside the project, the absolute path is clearer than a chain of « ../ ».
    return (relative.startsWith('..') ? abs : relative).split(path.sep).join('/');
  };
  const problems: Problem[] = [];
  let files = 0;

  const readParsed = async (abs: string, format: 'markdown' | 'yaml') => {
    files++;
    // Synchronous reads: the check is CPU-bound, and promise-based reads of
    // tens of thousands of small files cost more than they overlap.
    const bytes = readFileSync(abs);
    return parseSource(bytes, format, MAX_FILE_BYTES);
  };
  const report = (file: string, parsed: { problems: { line: number; column: number; message: string }[] }) => {
    for (const p of parsed.problems)
      problems.push({ file, line: p.line, column: p.column, path: '', severity: 'error', message: p.message });
  };

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
    ids: {} as Content['ids'],
    rejected: [],
  };

  const tasks: FileTask[] = [];
  await Promise.all(
    entryTypeNames.map(async (typeName: EntryTypeName) => {
      const type: EntryType = entryTypes[typeName];
      const dir = path.join(root, type.name);
      const extension = type.format === 'markdown' ? /\.md$/ : /\.ya?ml$/;
      const names = await listFiles(dir);
      content.ids[typeName] = new Set(names.filter((n) => extension.test(n)).map((n) => n.replace(extension, '')));
      for (const name of names) {
        const abs = path.join(dir, name);
        if (!extension.test(name) && typeName === 'providers' && IMAGE.test(name)) continue; // a logo beside its entry
        tasks.push({ typeName, name, abs, file: display(abs) });
      }
    }),
  );

  // Tens of thousands of files: parse half of them in a worker thread, on the second core.
  const results: FileResult[] = new Array(tasks.length);
  const inWorker = options.parallel && tasks.length >= PARALLEL_THRESHOLD ? tasks.filter((_, i) => i % 2 === 1) : [];
  const fromWorker = inWorker.length > 0 ? loadInWorker(inWorker) : Promise.resolve([]);
  tasks.forEach((task, i) => {
    if (inWorker.length === 0 || i % 2 === 0) results[i] = loadEntryFile(task);
  });
  (await fromWorker).forEach((result, j) => {
    const task = inWorker[j]!;
    const format = entryTypes[task.typeName].format;
    const locate = lazyFileLocate(task.abs, format);
    if (result.entry) result.entry.locate = locate;
    if (result.rejected) result.rejected.locate = locate;
    results[j * 2 + 1] = result;
  });
  files += tasks.length;
  for (const [i, result] of results.entries()) {
    const typeName = tasks[i]!.typeName;
    problems.push(...result.problems);
    if (result.entry) (content[typeName] as Entry<unknown>[]).push(result.entry);
    if (result.rejected) content.rejected.push({ type: typeName, entry: result.rejected });
  }

  await Promise.all(
    taxonomyNames.map(async (name) => {
      const abs = path.join(root, taxonomies[name].file);
      const file = display(abs);
      // Unreadable until it is read as a list of terms.
      content.taxonomyFiles[name] = { file, locate: () => ({ line: 1, column: 1 }), termsAt: [TERMS_KEY], unreadable: true };
      let parsed;
      try {
        parsed = await readParsed(abs, 'yaml');
      } catch {
        problems.push({
          file,
          line: 1,
          column: 1,
          path: '',
          severity: 'error',
          message: `le fichier de taxonomie manque : créez ${taxonomies[name].file} (sous « ${TERMS_KEY}: », une liste de « slug, label, description »).`,
        });
        return;
      }
      if (parsed.problems.length > 0) return report(file, parsed);
      const shape = vocabularyShape(parsed.data);
      content.taxonomyFiles[name] = { file, locate: parsed.locate, termsAt: shape.terms ? shape.at : [TERMS_KEY] };
      const fileProblem = (message: string, severity: Problem['severity'] = 'error') =>
        problems.push({ file, line: 1, column: 1, path: '', severity, message });
      if (!shape.terms) {
        content.taxonomyFiles[name].unreadable = true;
        fileProblem(notAVocabulary);
        return;
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
      for (const [index, item] of shape.terms.entries()) {
        const at = [...shape.at, index];
        const locate: Locate = (p, key) => parsed.locate([...at, ...p], key);
        const { value, problems: itemProblems } = validate(taxonomies[name].schema, item, locate, file);
        const prefix = formatPath(at);
        for (const p of itemProblems) p.path = `${prefix}${p.path ? (p.path.startsWith('[') ? '' : '.') + p.path : ''}`;
        problems.push(...itemProblems);
        if (value) terms.push({ index, value });
      }
      (content.taxonomies[name] as unknown[]) = terms.map((t) => t.value);
      content.taxonomyFiles[name].indices = terms.map((t) => t.index);
    }),
  );

  const settingsPath = path.join(root, SETTINGS_FILE);
  try {
    const parsed = await readParsed(settingsPath, 'yaml');
    const file = display(settingsPath);
    if (parsed.problems.length > 0) report(file, parsed);
    else {
      const { value, problems: settingsProblems } = validate(settingsSchema, parsed.data, parsed.locate, file);
      problems.push(...settingsProblems);
      content.settings = value;
    }
  } catch {
    problems.push({
      file: display(settingsPath),
      line: 1,
      column: 1,
      path: '',
      severity: 'error',
      message: 'le fichier des réglages manque : créez settings.yml (demo, site_url, contact_email, repository).',
    });
  }

  for (const typeName of entryTypeNames) (content[typeName] as Entry<unknown>[]).sort((a, b) => a.id.localeCompare(b.id));
  return { content, problems, files };
}
