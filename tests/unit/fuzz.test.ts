/**
 * The loader survives anything: valid files of the demo content, mutated
 * thousands of times (truncation, random bytes, deep nesting, huge strings,
 * BOM, CRLF, duplicate keys, alias bombs, other encodings), always end in
 * bounded time with located French problems — never an exception — and the
 * command line never prints a stack trace.
 */
import { execFile } from 'node:child_process';
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validate } from '../../src/loader/index.ts';
import { parseSource } from '../../src/loader/parse.ts';
import { entryTypes, MAX_FILE_BYTES, type EntryTypeName } from '../../src/schemas/index.ts';
import { BASE, FIXTURES } from '../content/helpers.ts';

const root = path.resolve(import.meta.dirname, '../..');
const run = promisify(execFile);

/** Seeded, so that a failure can be replayed: the seed is in the test name. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Mutation = (bytes: Uint8Array, rand: () => number) => Uint8Array;
const enc = new TextEncoder();
const dec = new TextDecoder();
const text = (b: Uint8Array) => dec.decode(b);
const at = (rand: () => number, n: number) => Math.floor(rand() * (n + 1));

const mutations: Record<string, Mutation> = {
  truncate: (b, r) => b.slice(0, at(r, b.length)),
  randomBytes: (b, r) => {
    const out = Uint8Array.from(b);
    for (let i = 0; i < 1 + at(r, 20); i++) out[at(r, out.length - 1)] = at(r, 255);
    return out;
  },
  insertGarbage: (b, r) => {
    const pos = at(r, b.length);
    const garbage = Uint8Array.from({ length: 1 + at(r, 64) }, () => at(r, 255));
    return Uint8Array.from([...b.slice(0, pos), ...garbage, ...b.slice(pos)]);
  },
  bom: (b) => Uint8Array.from([0xef, 0xbb, 0xbf, ...b]),
  crlf: (b) => enc.encode(text(b).replace(/\n/g, '\r\n')),
  duplicateLine: (b, r) => {
    const lines = text(b).split('\n');
    const i = at(r, lines.length - 1);
    lines.splice(i, 0, lines[i] ?? '');
    return enc.encode(lines.join('\n'));
  },
  deepNesting: (b, r) => {
    const depth = 1 + at(r, 20000);
    return enc.encode(text(b).replace(/\n/, `\nnested: ${'['.repeat(depth)}${']'.repeat(depth)}\n`));
  },
  deepIndentation: (b, r) => {
    const depth = 1 + at(r, 300);
    const lines = Array.from({ length: depth }, (_, i) => `${' '.repeat(i * 2)}k${i}:`).join('\n');
    return enc.encode(text(b).replace(/\n/, `\n${lines} x\n`));
  },
  hugeString: (b, r) => {
    const size = r() < 0.5 ? MAX_FILE_BYTES + 1 : at(r, 200_000);
    return enc.encode(text(b).replace(/\n/, `\nname: "${'é'.repeat(size / 2)}"\n`));
  },
  aliasBomb: (b) => {
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (const [i, name] of ['b', 'c', 'd', 'e', 'f', 'g', 'h', 'i'].entries()) {
      const prev = i === 0 ? 'a' : ['b', 'c', 'd', 'e', 'f', 'g', 'h'][i - 1];
      bomb.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(',')}]`);
    }
    return enc.encode(text(b).replace(/\n/, `\n${bomb.join('\n')}\n`));
  },
  latin1: (b) => Uint8Array.from([...text(b)].map((c) => (c.charCodeAt(0) < 256 ? c.charCodeAt(0) : 63))),
  utf16: (b) => {
    const s = text(b);
    const out = new Uint8Array(s.length * 2 + 2);
    out[0] = 0xff;
    out[1] = 0xfe;
    for (let i = 0; i < s.length; i++) {
      out[2 + i * 2] = s.charCodeAt(i) & 0xff;
      out[3 + i * 2] = s.charCodeAt(i) >> 8;
    }
    return out;
  },
  yamlSpecials: (b, r) => {
    const specials = [
      ': ',
      '- ',
      '? ',
      '&',
      '*',
      '!',
      '!!js/function',
      '|',
      '>',
      '%YAML 1.1',
      '---',
      '...',
      '{',
      '}',
      '[',
      ']',
      '#',
      '"',
      "'",
      '\t',
      '@',
      '`',
    ];
    const out = text(b).split('');
    for (let i = 0; i < 1 + at(r, 10); i++) out.splice(at(r, out.length), 0, specials[at(r, specials.length - 1)]!);
    return enc.encode(out.join(''));
  },
  frontMatterIsList: (b) =>
    enc.encode(
      text(b)
        .replace(/^---\n/, '---\n- ')
        .replace(/\n(\w)/g, '\n- $1'),
    ),
  emptyFile: () => new Uint8Array(),
  onlyDelimiters: () => enc.encode('---\n---\n'),
};

interface Seed {
  type: EntryTypeName;
  format: 'markdown' | 'yaml';
  bytes: Uint8Array;
}

const seeds: Seed[] = [];
const ITERATIONS = 3000;

beforeAll(async () => {
  // Valid files of the test corpus, and the files that each show one mistake.
  for (const folder of [BASE, path.join(FIXTURES, 'bad'), path.join(FIXTURES, 'warnings')]) {
    for (const type of Object.keys(entryTypes) as EntryTypeName[]) {
      const dir = path.join(folder, type);
      const names = (await readdir(dir).catch(() => [] as string[])).filter((n) => /\.(md|ya?ml)$/.test(n)).slice(0, 6);
      for (const name of names) {
        seeds.push({ type, format: entryTypes[type].format, bytes: new Uint8Array(await readFile(path.join(dir, name))) });
      }
    }
  }
});

describe('the loader facing damaged files', () => {
  it(`never throws and places every problem (${ITERATIONS} mutations, seed 20261128)`, () => {
    const rand = prng(20261128);
    const names = Object.keys(mutations);
    let slowest = 0;
    const seen = new Set<string>();
    for (let i = 0; i < ITERATIONS; i++) {
      const seed = seeds[at(rand, seeds.length - 1)]!;
      const name = names[at(rand, names.length - 1)]!;
      let bytes = mutations[name]!(seed.bytes, rand);
      // Sometimes stack a second mutation on the first.
      if (rand() < 0.3) bytes = mutations[names[at(rand, names.length - 1)]!]!(bytes, rand);
      const started = performance.now();
      let outcome: string;
      try {
        const parsed = parseSource(bytes, seed.format, MAX_FILE_BYTES);
        for (const problem of parsed.problems) {
          expect(problem.line, `${name}: ${problem.message}`).toBeGreaterThanOrEqual(1);
          expect(problem.column).toBeGreaterThanOrEqual(1);
          expect(problem.message).toMatch(/\p{L}/u);
        }
        if (parsed.problems.length === 0) {
          const { problems } = validate(entryTypes[seed.type].schema, parsed.data, parsed.locate, 'fichier.md');
          for (const problem of problems) {
            expect(problem.line).toBeGreaterThanOrEqual(1);
            expect(problem.message.length).toBeGreaterThan(5);
          }
        }
        outcome = 'ok';
      } catch (error) {
        throw new Error(`mutation « ${name} » n° ${i} a levé : ${(error as Error).stack}`, { cause: error });
      }
      seen.add(`${name}:${outcome}`);
      slowest = Math.max(slowest, performance.now() - started);
    }
    // Bounded: no input blows up, even an alias bomb or 20,000 brackets. A
    // pathological file takes minutes; the margin absorbs a busy machine's pauses.
    expect(slowest).toBeLessThan(10_000);
    expect(seen.size).toBeGreaterThanOrEqual(names.length);
  });
});

describe('the check command facing a folder of damaged files', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'emancipasso-fuzz-'));
    await cp(BASE, dir, { recursive: true });
    const rand = prng(42);
    const names = Object.keys(mutations);
    // Every mutation at least once, on a provider, a recommendation and a taxonomy.
    for (const [i, name] of names.entries()) {
      const seed = seeds.filter((s) => s.type === 'providers')[i % 3]!;
      await writeFile(path.join(dir, 'providers', `abime-${i}.md`), mutations[name]!(seed.bytes, rand));
      const rec = seeds.filter((s) => s.type === 'recommendations')[i % 3]!;
      await writeFile(path.join(dir, 'recommendations', `abime--${i}.md`), mutations[name]!(rec.bytes, rand));
    }
    const taxonomy = new Uint8Array(await readFile(path.join(dir, 'taxonomies/tools.yml')));
    await writeFile(path.join(dir, 'taxonomies/tools.yml'), mutations.duplicateLine!(mutations.yamlSpecials!(taxonomy, rand), rand));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('answers in bounded time, names each file and prints no stack trace', async () => {
    const started = performance.now();
    const result = await run(process.execPath, ['scripts/check.ts', '--content', dir], { cwd: root, timeout: 60_000 }).catch(
      (error: { code: number; stdout: string; stderr: string }) => error,
    );
    const { stdout, stderr } = result as { stdout: string; stderr: string };
    expect((result as { code?: number }).code ?? 0).toBe(1);
    expect(performance.now() - started).toBeLessThan(60_000);
    expect(stderr).toBe('');
    expect(stdout).not.toMatch(/^\s+at /m);
    expect(stdout).not.toMatch(/\b(TypeError|RangeError|ReferenceError|SyntaxError|Error):/);
    const lines = stdout.trim().split('\n');
    const summary = lines.pop()!;
    expect(summary).toMatch(/^✘ \d+ erreurs?/);
    for (const line of lines) expect(line.startsWith(dir)).toBe(true);
    // Every provider file that a mutation surely breaks is named (a BOM or CRLF alone breaks nothing).
    const breaking = ['aliasBomb', 'latin1', 'utf16', 'frontMatterIsList', 'emptyFile', 'onlyDelimiters', 'deepIndentation'];
    Object.keys(mutations).forEach((name, i) => {
      if (breaking.includes(name)) expect(stdout, name).toContain(`/providers/abime-${i}.md:`);
    });
  });
});
