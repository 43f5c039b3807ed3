/**
 * Content fixtures for the tests: a small valid corpus (`fixtures/base/`),
 * files that each show one mistake (`fixtures/bad/`, `fixtures/broken/`,
 * `fixtures/warnings/`), and the means to check a copy of the corpus with
 * some files laid over it, in a temporary folder, as of a fixed day.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { checkContent, type CheckResult } from '../../src/check/index.ts';
import type { Problem, Severity } from '../../src/domain/problems.ts';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const FIXTURES = path.join(ROOT, 'tests/content/fixtures');
export const BASE = path.join(FIXTURES, 'base');
/** The day the rule tests live in: fixtures are dated around it. */
export const TODAY = '2026-11-28';

/** A corpus: relative path → file content; `null` removes the file. */
export type Overlay = Record<string, string | Uint8Array | null>;

/** The text of a fixture file, `bad/providers/no-area.md` or `base/settings.yml`. */
export function fixture(relative: string): string {
  return readFileSync(path.join(FIXTURES, relative), 'utf8');
}

/**
 * A base file with some text replaced. Each replacement must match: an edit
 * that changes nothing would let a test pass without showing anything.
 */
export function edited(relative: string, ...replacements: Array<[string | RegExp, string]>): string {
  let text = fixture(`base/${relative}`);
  for (const [from, to] of replacements) {
    const next = text.replace(from, to);
    if (next === text) throw new Error(`« ${String(from)} » is not in base/${relative}`);
    text = next;
  }
  return text;
}

/** Every file of a fixture folder (`bad`, `broken`, `warnings`), keyed by its path inside the content folder. */
export function filesOf(folder: string): Record<string, Buffer> {
  const root = path.join(FIXTURES, folder);
  const files: Record<string, Buffer> = {};
  for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const abs = path.join(entry.parentPath, entry.name);
    files[path.relative(root, abs).split(path.sep).join('/')] = readFileSync(abs);
  }
  return files;
}

/** One fixture file laid at the same place in the content folder. */
export function the(folder: 'bad' | 'broken' | 'warnings', relative: string): Overlay {
  return { [relative]: fixture(`${folder}/${relative}`) };
}

const created: string[] = [];

/** A copy of the base corpus in a temporary folder, with `overlay` laid over it. */
export async function corpus(overlay: Overlay = {}): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'emancipasso-content-'));
  created.push(dir);
  await cp(BASE, dir, { recursive: true });
  for (const [relative, data] of Object.entries(overlay)) {
    const target = path.join(dir, relative);
    if (data === null) {
      await rm(target, { force: true, recursive: true });
      continue;
    }
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, data);
  }
  return dir;
}

/** Removes every corpus the tests made (call it in `afterAll`). */
export async function removeCorpora(): Promise<void> {
  await Promise.all(created.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
}

/** Checks the base corpus with `overlay`, as of TODAY; problem files are relative to the content folder. */
export async function check(overlay: Overlay = {}, today = TODAY): Promise<CheckResult> {
  const dir = await corpus(overlay);
  const result = await checkContent(dir, { today, displayRoot: dir });
  await rm(dir, { recursive: true, force: true });
  return result;
}

/** The problems found in one file (the first of the overlay when none is named). */
export async function problemsOf(overlay: Overlay, file = Object.keys(overlay)[0]!, today = TODAY): Promise<Problem[]> {
  const result = await check(overlay, today);
  return result.problems.filter((p) => p.file === file);
}

/** Matches a problem at a place, whose message says `saying` (and more). */
export function at(line: number, column: number, fieldPath: string, saying: string, severity: Severity = 'error') {
  return expect.objectContaining({ line, column, path: fieldPath, severity, message: expect.stringContaining(saying) });
}

export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `node scripts/check.ts …` with the Node running the tests, as a volunteer would run `npm run check`. */
export function runCheck(args: string[], env: Record<string, string | undefined> = {}, cwd = ROOT): Run {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, CONTENT_DIR: undefined, EMANCIPASSO_TODAY: undefined, ...env };
  for (const key of Object.keys(childEnv)) if (childEnv[key] === undefined) delete childEnv[key];
  const run = spawnSync(process.execPath, [path.join(ROOT, 'scripts/check.ts'), ...args], {
    cwd,
    env: childEnv,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** What a volunteer must never see: a JavaScript stack trace or an exception's name. */
export function expectNoStackTrace(run: Run) {
  for (const output of [run.stdout, run.stderr]) {
    expect(output).not.toMatch(/^\s+at /m);
    expect(output).not.toMatch(/\b\w*Error:/);
    expect(output).not.toMatch(/node:internal|\.ts:\d+:\d+\)/);
  }
}

/** `file:line:column path : message`, the line `npm run check` prints for a problem. */
export const PROBLEM_LINE = /^(?<file>[^:\n]+):(?<line>\d+):(?<column>\d+)(?: (?<path>[^\s:]+))?(?<warning> \(avertissement\))? : (?<message>\S.*)$/;
