/**
 * The check's cache: a repeated check reads again only the files that
 * changed, and never gives a stale answer. Each test checks a corpus once to
 * fill a cache, changes something (a file, a taxonomy, another file a rule
 * reads, the code's version, the cache itself), and compares the next run
 * with a run that uses no cache at all: same problems, same positions.
 */
import { appendFile, mkdir, mkdtemp, readdir, readFile, rm, stat, unlink, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CheckCache, versionKey } from '../../src/check/cache.ts';
import { checkContent, checkProblems, type CheckOptions, type CheckSummary } from '../../src/check/index.ts';
import { BASE, corpus, edited, filesOf, removeCorpora, ROOT, TODAY } from '../content/helpers.ts';

const folders: string[] = [];
afterAll(async () => {
  await removeCorpora();
  await Promise.all(folders.map((folder) => rm(folder, { recursive: true, force: true })));
});

/** A cache folder of the test's own. */
async function cacheFolder(): Promise<string> {
  const folder = await mkdtemp(path.join(os.tmpdir(), 'emancipasso-cache-test-'));
  folders.push(folder);
  return folder;
}

/** Every file of the fixtures that show a mistake or a warning, laid over the base corpus: many problems, at many places. */
const troubled = () => ({ ...filesOf('bad'), ...filesOf('warnings') });

/** `npm run check` as the command runs it, with the cache in `folder`. */
async function run(dir: string, folder: string, options: Omit<CheckOptions, 'cache'> & { cache?: boolean } = {}): Promise<CheckSummary> {
  return checkProblems(dir, { today: TODAY, displayRoot: dir, cache: true, cacheFolder: folder, ...options });
}

/** The same check without any cache: the reference. */
async function fresh(dir: string, today = TODAY): Promise<CheckSummary> {
  const { problems, errors, warnings, files } = await checkContent(dir, { today, displayRoot: dir });
  return { problems, errors, warnings, files };
}

/** Checks with a cache of the given code version, opened here. */
async function runWith(dir: string, folder: string, version: string): Promise<CheckSummary> {
  const cache = CheckCache.open(dir, { folder, version })!;
  const { problems, errors, warnings, files } = await checkContent(dir, { today: TODAY, displayRoot: dir, cache });
  cache.save();
  return { problems, errors, warnings, files };
}

const verdictLog = async (folder: string) => {
  const names = await readdir(path.join(folder, 'check'));
  return path.join(
    folder,
    'check',
    names.find((name) => name.endsWith('.verdicts'))!,
  );
};
const indexFile = async (folder: string) => {
  const names = await readdir(path.join(folder, 'check'));
  return path.join(
    folder,
    'check',
    names.find((name) => name.endsWith('.json'))!,
  );
};

describe('a repeated check', () => {
  it('gives the same problems, at the same lines and columns, as a check without cache', async () => {
    const dir = await corpus(troubled());
    const folder = await cacheFolder();
    const reference = await fresh(dir);
    expect(reference.errors).toBeGreaterThan(20);
    expect(reference.warnings).toBeGreaterThan(2);
    const first = await run(dir, folder);
    const second = await run(dir, folder);
    expect(first).toEqual(reference);
    expect(second).toEqual(reference);
    // And when the answer is not the last one: verdicts and positions come from the cache, the rules run again.
    await appendFile(path.join(dir, 'pages/a-propos.md'), '\nUne phrase de plus.\n');
    const third = await run(dir, folder);
    expect(third).toEqual(await fresh(dir));
  });

  it('gives the same answer when a worker thread parses half of the files', async () => {
    const dir = await corpus(troubled());
    const folder = await cacheFolder();
    const reference = await fresh(dir);
    expect(await run(dir, folder, { parallel: true, parallelFrom: 1 })).toEqual(reference);
    await appendFile(path.join(dir, 'pages/a-propos.md'), '\nUne phrase de plus.\n');
    expect(await run(dir, folder, { parallel: true, parallelFrom: 1 })).toEqual(await fresh(dir));
  });

  it('reads again a file whose bytes changed, though its size and modification time did not', async () => {
    const dir = await corpus();
    const folder = await cacheFolder();
    const file = path.join(dir, 'providers/nuage-des-exemples.md');
    // Kept from long ago: the cache trusts a file's times only once they are old enough.
    const old = new Date('2026-01-01T10:00:00Z');
    await utimes(file, old, old);
    expect((await run(dir, folder)).errors).toBe(0);
    const before = await stat(file);
    const text = await readFile(file, 'utf8');
    // « https » → « http_ », same length: the website is no longer https.
    const changed = text.replace('website: https://', 'website: http_://');
    expect(changed).not.toBe(text);
    expect(Buffer.byteLength(changed)).toBe(before.size);
    await writeFile(file, changed);
    await utimes(file, before.atime, before.mtime);
    expect((await stat(file)).mtimeMs).toBe(before.mtimeMs);
    const after = await run(dir, folder);
    expect(after).toEqual(await fresh(dir));
    expect(after.problems).toEqual([
      expect.objectContaining({ file: 'providers/nuage-des-exemples.md', path: 'website', severity: 'error' }),
    ]);
  });

  it('calls a recommendation’s provider unknown once its file is gone, though the recommendation did not change', async () => {
    const dir = await corpus();
    const folder = await cacheFolder();
    expect((await run(dir, folder)).errors).toBe(0);
    await unlink(path.join(dir, 'providers/cooperative-exemple-libre.md'));
    const after = await run(dir, folder);
    expect(after).toEqual(await fresh(dir));
    expect(after.problems).toContainEqual(
      expect.objectContaining({
        file: 'recommendations/cooperative-exemple-libre--theatre-exemple.md',
        path: 'provider',
        message: expect.stringContaining('aucune structure n’a l’identifiant « cooperative-exemple-libre »'),
      }),
    );
  });

  it('checks every entry against a taxonomy that changed', async () => {
    const dir = await corpus();
    const folder = await cacheFolder();
    expect((await run(dir, folder)).errors).toBe(0);
    const services = edited('taxonomies/services.yml', [/ *- slug: migration\n.*\n.*\n/, '']);
    await writeFile(path.join(dir, 'taxonomies/services.yml'), services);
    const after = await run(dir, folder);
    expect(after).toEqual(await fresh(dir));
    const unknown = after.problems.filter((p) => p.message.includes('« migration » n’est pas un service connu'));
    expect(unknown.map((p) => p.file)).toContain('providers/nuage-des-exemples.md');
    expect(unknown.find((p) => p.file === 'providers/nuage-des-exemples.md')).toMatchObject({ line: 17, column: 37, path: 'services[2]' });
  });

  it('gives the warnings of another day on another day', async () => {
    const dir = await corpus();
    const folder = await cacheFolder();
    expect((await run(dir, folder)).warnings).toBe(0);
    const later = await run(dir, folder, { today: '2029-06-01' });
    expect(later).toEqual(await fresh(dir, '2029-06-01'));
    expect(later.warnings).toBeGreaterThan(0);
  });

  it('draws every verdict again when the code that draws them changes', async () => {
    const dir = await corpus();
    const folder = await cacheFolder();
    await runWith(dir, folder, 'version-a');
    // A verdict as a version of the code could have drawn it, that this one would not: a problem more.
    const log = await verdictLog(folder);
    const lines = (await readFile(log, 'utf8')).split('\n');
    const index = lines.findIndex((line) => line.startsWith('providers:') && line.includes('Nuage des Exemples'));
    const verdict = JSON.parse(lines[index]!.slice(lines[index]!.indexOf('\t') + 1));
    verdict.problems.push({ line: 2, column: 7, path: 'name', severity: 'error', message: 'ce nom vient d’une autre version du code.' });
    lines[index] = `${lines[index]!.slice(0, lines[index]!.indexOf('\t'))}\t${JSON.stringify(verdict)}`;
    await writeFile(log, lines.join('\n'));
    // The same version serves it (the cache is read)…
    const same = await runWith(dir, folder, 'version-a');
    expect(same.problems.map((p) => p.message)).toContain('ce nom vient d’une autre version du code.');
    // …another one never does.
    expect(await runWith(dir, folder, 'version-b')).toEqual(await fresh(dir));
  });

  it('draws its version from the code of the schemas, domain, loader and check, and from the locked dependencies', async () => {
    const root = await cacheFolder();
    await writeFile(path.join(root, 'package.json'), '{}');
    for (const folder of ['src/schemas', 'src/domain', 'src/loader', 'src/check']) {
      await mkdir(path.join(root, folder), { recursive: true });
      await writeFile(path.join(root, folder, 'a.ts'), 'export const a = 1;\n');
    }
    expect(versionKey(root)).toBe(versionKey(root));
    for (const file of ['src/schemas/a.ts', 'src/domain/a.ts', 'src/loader/a.ts', 'src/check/a.ts', 'package.json', 'package-lock.json']) {
      const previous = versionKey(root);
      await writeFile(path.join(root, file), `// ${file} changed\n`);
      expect(versionKey(root), file).not.toBe(previous);
    }
    // The project's own key is drawn from the project.
    expect(versionKey(ROOT)).toMatch(/^[0-9a-f]{40}$/);
  });

  it('ignores a damaged cache and writes it anew, never failing', async () => {
    const dir = await corpus(troubled());
    const folder = await cacheFolder();
    const reference = await fresh(dir);
    await run(dir, folder);
    const log = await verdictLog(folder);
    const index = await indexFile(folder);
    for (const damage of [
      async () => writeFile(index, '{"format": 1, "files": {'),
      async () => writeFile(log, (await readFile(log, 'utf8')).slice(0, 5000)),
      async () => writeFile(log, (await readFile(log, 'utf8')).replace(/"problems":\[/g, '"problems":[null,')),
      async () => writeFile(index, 'pas du JSON'),
      async () => writeFile(log, new Uint8Array([0, 1, 2, 255, 254])),
      async () => writeFile(index, JSON.stringify({ format: 1, version: 'x', folder: dir, verifiedAt: 'hier', files: [] })),
    ]) {
      await damage();
      // Whatever the file now holds, a change makes the check read the cache rather than give its last answer.
      await appendFile(path.join(dir, 'pages/a-propos.md'), '\nUne ligne.\n');
      expect(await run(dir, folder)).toEqual(await fresh(dir));
      expect(await run(dir, folder)).toEqual(await fresh(dir));
    }
    expect(reference.errors).toBeGreaterThan(0);
  });

  it('says the same with --no-cache and leaves no cache behind', async () => {
    const dir = await corpus(troubled());
    const folder = await cacheFolder();
    expect(await run(dir, folder, { cache: false })).toEqual(await fresh(dir));
    expect(await readdir(folder)).toEqual([]);
  });

  it('keeps a renamed file’s verdict, and names the file by its new name', async () => {
    const dir = await corpus(troubled());
    const folder = await cacheFolder();
    await run(dir, folder);
    const from = path.join(dir, 'providers/http-website.md');
    await writeFile(path.join(dir, 'providers/site-en-http.md'), await readFile(from));
    await unlink(from);
    const after = await run(dir, folder);
    expect(after).toEqual(await fresh(dir));
    expect(after.problems.some((p) => p.file === 'providers/site-en-http.md' && p.path === 'website')).toBe(true);
  });

  it('does not mistake the base corpus for a copy elsewhere', async () => {
    const folder = await cacheFolder();
    const dir = await corpus();
    await run(BASE, folder, { displayRoot: ROOT });
    const elsewhere = await run(dir, folder, { displayRoot: ROOT });
    expect(elsewhere).toEqual(
      await checkContent(dir, { today: TODAY, displayRoot: ROOT }).then(({ problems, errors, warnings, files }) => ({
        problems,
        errors,
        warnings,
        files,
      })),
    );
    expect(elsewhere.problems.every((p) => !p.file.startsWith('tests/'))).toBe(true);
  });
});

describe('the version of the code the cache is kept for', () => {
  it('covers every module the check, the loader and its worker thread load', async () => {
    const { readFileSync } = await import('node:fs');
    const covered = ['src/schemas/', 'src/domain/', 'src/loader/', 'src/check/'];
    const seen = new Set<string>();
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      const source = readFileSync(path.join(ROOT, file), 'utf8');
      // Static imports, dynamic ones and `require`: every relative module named in the file.
      for (const [, specifier] of source.matchAll(/(?:from|import\(|require\()\s*'(\.{1,2}\/[^']+)'/g)) {
        visit(
          path
            .relative(ROOT, path.resolve(ROOT, path.dirname(file), specifier!))
            .split(path.sep)
            .join('/'),
        );
      }
    };
    for (const entry of ['src/check/index.ts', 'src/loader/worker.ts', 'src/loader/index.ts']) visit(entry);
    expect(seen.size).toBeGreaterThan(20);
    for (const file of seen)
      expect(
        covered.some((folder) => file.startsWith(folder)),
        file,
      ).toBe(true);
  });
});
