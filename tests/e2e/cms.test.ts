/**
 * The CMS as a newcomer meets it: `npm start` on a fresh repository made from
 * the demo content, /admin/ in Chromium, a provider written with the form.
 * The CMS refuses what the schema refuses, with the schema's words; what it
 * saves becomes a `cms/…` branch of the scratch clone, never a change of the
 * working copy, and that branch passes `npm run check`. Ctrl-C stops it all.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { cp, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInFrance } from '../../src/domain/text/dates.ts';
import { providerSchema } from '../../src/schemas/provider.ts';
import { browserAvailable, launchBrowser } from './harness.ts';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../..');
const enabled = browserAvailable();

let work: string;
let source: string;
let scratch: string;
let start: ChildProcess | undefined;
let output = '';
let siteUrl: string;
let ports: number[] = [];
let browser: Browser | undefined;

/** Two different free ports: both are held until both are known. */
async function freePorts(): Promise<number[]> {
  const servers = [createServer(), createServer()];
  const found = await Promise.all(
    servers.map((server) => new Promise<number>((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as { port: number }).port)))),
  );
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  return found;
}

async function portIsOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(true));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(false)));
  });
}

const git = async (cwd: string, ...args: string[]) => (await run('git', args, { cwd })).stdout.trim();
const draftBranches = async () => (await git(scratch, 'branch', '--list', 'cms/*', '--format=%(refname:short)')).split('\n').filter(Boolean);

/** What the schema says of a web address without https, as the check prints it. */
function schemaMessageForHttp(): string {
  const result = providerSchema.shape.website.safeParse('http://atelier-essai.example.org');
  if (result.success) throw new Error('le schéma accepte une adresse en http://');
  // Decap ends its sentence itself: the message comes without its final stop.
  return result.error.issues[0]!.message.replace(/^./, (c) => c.toUpperCase()).replace(/\.$/, '');
}

/** Replaces what a Decap text field holds, as a person would: select all, type. */
async function retype(page: Page, fieldName: string, text: string) {
  await page.locator(`input[id^="${fieldName}-field-"]`).click();
  await page.keyboard.press('Control+A');
  await page.keyboard.type(text);
}

/** A react-select list of Decap: open it, type the option's label, take it. */
async function choose(page: Page, fieldName: string, label: string) {
  const input = page.locator(`input[id^="${fieldName}-field-"]`);
  await input.click();
  await input.fill(label);
  await page.keyboard.press('Enter');
}

beforeAll(async () => {
  if (!enabled) return;
  work = await mkdtemp(path.join(os.tmpdir(), 'emancipasso-cms-'));
  // A repository of its own, made from the demo content: the project's working copy stays out of it.
  source = path.join(work, 'depot');
  scratch = path.join(work, 'copie-cms');
  await mkdir(source);
  await cp(path.join(root, 'content'), path.join(source, 'content'), { recursive: true });
  await git(source, 'init', '--quiet', '-b', 'main');
  await git(source, 'add', '.');
  await git(source, '-c', 'user.name=Essai', '-c', 'user.email=essai@example.org', 'commit', '--quiet', '-m', 'Contenu de démonstration');

  ports = await freePorts();
  start = spawn(process.execPath, ['scripts/start.ts'], {
    cwd: root,
    env: {
      // As a person starts it: without what the test runner adds (Astro behaves differently under Vitest).
      ...Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^(VITEST|NODE_ENV$|TEST$)/.test(key))),
      CMS_SOURCE: source,
      CMS_SCRATCH: scratch,
      CMS_LOCAL_PORT: String(ports[0]),
      SITE_PORT: String(ports[1]),
      ASTRO_CACHE_DIR: path.join(work, 'cache-astro'),
      ASTRO_TELEMETRY_DISABLED: '1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  start.stdout!.on('data', (chunk) => (output += chunk));
  start.stderr!.on('data', (chunk) => (output += chunk));
  await new Promise<void>((resolve, reject) => {
    const timer = setInterval(() => {
      if (output.includes('✔ Prêt.')) {
        clearInterval(timer);
        resolve();
      } else if (start!.exitCode !== null) {
        clearInterval(timer);
        reject(new Error(`npm start s’est arrêté :\n${output}`));
      }
    }, 200);
  });
  siteUrl = /Le site :\s+(\S+)/.exec(output)![1]!;
  browser = await launchBrowser();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  if (start && start.exitCode === null) start.kill('SIGKILL');
  if (work) await rm(work, { recursive: true, force: true });
});

describe.skipIf(!enabled)('npm start et le CMS local', () => {
  it('annonce le site, le CMS et la copie de travail, en français', () => {
    expect(output).toContain(`${siteUrl}admin/`);
    expect(output).toContain(scratch);
    expect(output).toContain('branche cms/');
  });

  it('refuse ce que le schéma refuse, puis enregistre une fiche comme une branche cms/… qui passe la vérification', async () => {
    const page = await browser!.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${siteUrl}admin/`);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.getByText('Prestataires').first().waitFor();
    await page.goto(`${siteUrl}admin/#/collections/providers/new`);

    const name = 'Atelier numérique d’essai';
    await page.locator('input[id^="name-field-"]').fill(name);
    await choose(page, 'structure', 'Coopérative');
    await page.locator('input[id^="website-field-"]').fill('http://atelier-essai.example.org');
    await page.locator('input[id^="email-field-"]').fill('contact@atelier-essai.example.org');
    await page.locator('input[id^="city-field-"]').fill('Lyon');
    await page.locator('input[id^="postcode-field-"]').fill('69001');
    await choose(page, 'department', '69 — Rhône');
    await choose(page, 'services', 'Diagnostic des outils');
    await choose(page, 'services', 'Formation des utilisateur');
    await choose(page, 'sizes', 'Petites associations');
    await choose(page, 'model', 'Sur devis');
    await page.locator('input[id^="updated-field-"]').fill(todayInFrance());
    await page.locator('[aria-label="markdown field"] [contenteditable="true"]').click();
    await page.keyboard.type(
      'L’Atelier numérique d’essai accompagne les associations lyonnaises qui quittent les outils des GAFAM : diagnostic de leurs usages, choix de logiciels libres, formation des bénévoles et des salarié·es, puis suivi pendant six mois pour que chacun·e soit à l’aise.',
    );

    // 1. The field's own rule, with the schema's message: nothing is saved.
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await expect.poll(() => page.getByText(schemaMessageForHttp(), { exact: false }).count()).toBeGreaterThan(0);
    expect(await draftBranches()).toEqual([]);

    // 2. A rule across fields (at least one area served), checked before saving: refused, in French.
    await retype(page, 'website', 'https://atelier-essai.example.org');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await expect.poll(() => page.getByText('indiquez au moins une zone d’intervention', { exact: false }).count()).toBeGreaterThan(0);
    expect(await draftBranches()).toEqual([]);

    // 3. Fixed: the CMS saves, as a branch of the scratch clone. (A refused save leaves Decap's own rejected promise behind.)
    errors.length = 0;
    await page.locator('button[id^="remote-field-"]').click();
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await expect.poll(async () => (await draftBranches()).length, { timeout: 20_000 }).toBe(1);
    const [branch] = await draftBranches();
    // The file name is made from the name, as the slug rules of the schemas want it.
    expect(branch).toMatch(/^cms\/providers\/atelier-numerique-d-?essai$/);
    const slug = branch!.slice('cms/providers/'.length);
    // decap-server creates the branch, then commits on it: wait for the commit.
    const onBranch = () => git(scratch, 'ls-tree', '--name-only', branch!, 'content/providers/').catch(() => '');
    await expect.poll(onBranch, { timeout: 20_000 }).toContain(`content/providers/${slug}.md`);
    expect(errors).toEqual([]);
    await page.close();

    // The published branch and the working copy are untouched.
    expect(await git(scratch, 'ls-tree', '--name-only', 'main', 'content/providers/')).not.toContain(slug);
    expect(await git(root, 'branch', '--list', 'cms/*')).toBe('');

    // The branch's content passes the project's check.
    const checked = path.join(work, 'branche');
    await mkdir(checked);
    await run('sh', ['-c', `git -C "${scratch}" archive "${branch}" content | tar -x -C "${checked}"`]);
    const saved = await git(scratch, 'show', `${branch}:content/providers/${slug}.md`);
    expect(saved).toContain(`name: ${name}`);
    expect(saved).toContain('website: https://atelier-essai.example.org');
    const check = await run(process.execPath, ['scripts/check.ts', '--content', path.join(checked, 'content')], { cwd: root }).then(
      ({ stdout }) => ({ code: 0, stdout }),
      (error: { code: number; stdout: string }) => error,
    );
    expect(check.code, check.stdout).toBe(0);
  });

  it('garde les propositions d’une fois sur l’autre, et refuse d’écrire dans la copie de travail', async () => {
    const scratchTool = (env: Record<string, string>) =>
      run(process.execPath, ['scripts/cms-scratch.ts'], { cwd: root, env: { ...process.env, CMS_SOURCE: source, ...env } }).then(
        ({ stdout }) => ({ code: 0, output: stdout }),
        (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, output: error.stdout + error.stderr }),
      );
    const again = await scratchTool({ CMS_SCRATCH: scratch });
    expect(again.code, again.output).toBe(0);
    expect(again.output).toMatch(/Propositions déjà enregistrées \(branches\) : cms\/providers\//);
    const refused = await scratchTool({ CMS_SCRATCH: root });
    expect(refused.code).toBe(1);
    expect(refused.output).toContain('désigne la copie de travail elle-même');
  });

  it('s’arrête proprement avec Ctrl-C : le site et decap-server', async () => {
    const exited = new Promise<number | null>((resolve) => start!.once('exit', (code) => resolve(code)));
    start!.kill('SIGINT');
    expect(await exited).toBe(0);
    expect(output).toContain('sont arrêtés');
    for (const port of ports) expect(await portIsOpen(port)).toBe(false);
  });
});
