/**
 * The CMS as a newcomer meets it: `npm start` on a fresh repository made from
 * the demo content, /admin/ in Chromium, a provider written with the form.
 * The CMS refuses what the schema refuses, with the schema's words; what it
 * saves becomes a `cms/…` branch of the scratch clone, never a change of the
 * working copy, under a file name the check accepts whatever the name holds,
 * and that branch passes `npm run check`. What is typed and not yet saved
 * survives a reload: Decap's local backup, restored, brings every value back.
 * The preview pane shows a provider, a recommendation and a project as their
 * built public pages show them (`npm run build` first). The committee adds a
 * software to a vocabulary, a provider uses it, and removing it while used
 * is refused by the check, on the vocabulary's file too. Ctrl-C stops it all.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { cp, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Browser, Frame, Page } from 'playwright-core';
import { parse as parseYaml } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInFrance } from '../../src/domain/text/dates.ts';
import { providerSchema } from '../../src/schemas/provider.ts';
import { PREVIEW_NOTE } from '../../src/cms/preview.ts';
import { unpublishedNotice } from '../../src/domain/directory/profile-view.ts';
import { routes } from '../../src/domain/routes.ts';
import { frenchTypography } from '../../src/domain/text/format.ts';
import { browserAvailable, launchBrowser, serveStatic, type StaticSite } from './harness.ts';
import { publishedCopy } from '../../scripts/cms-scratch.ts';

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
let built: StaticSite | undefined;

/** Two different free ports: both are held until both are known. */
async function freePorts(): Promise<number[]> {
  const servers = [createServer(), createServer()];
  const found = await Promise.all(
    servers.map(
      (server) =>
        new Promise<number>((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as { port: number }).port))),
    ),
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
const draftBranches = async () =>
  (await git(scratch, 'branch', '--list', 'cms/*', '--format=%(refname:short)')).split('\n').filter(Boolean);

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

/** The question Decap asks when it finds a local backup of the form (its French locale). */
const RESTORE_QUESTION = /Une sauvegarde locale a été trouvée pour cette entrée\. Voulez-vous l.utiliser/;

/**
 * Answers the page's dialogs: leaving a page with unsaved changes is allowed;
 * Decap's restore question gets the answer set with `answer`, and is recorded.
 */
function dialogs(page: Page) {
  const asked: string[] = [];
  let answer: 'accept' | 'dismiss' = 'accept';
  page.on('dialog', async (dialog) => {
    if (dialog.type() === 'beforeunload') return dialog.accept();
    asked.push(dialog.message());
    await (answer === 'accept' ? dialog.accept() : dialog.dismiss());
  });
  return { asked, answer: (next: 'accept' | 'dismiss') => void (answer = next) };
}

/** The local backup Decap keeps of a form (`backup.providers` for a new provider), as it stores it in IndexedDB. */
async function localBackup(page: Page, key: string): Promise<string | undefined> {
  return page.evaluate(
    (wanted) =>
      new Promise<string | undefined>((resolve, reject) => {
        const open = indexedDB.open('localforage');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('keyvaluepairs')) return resolve(undefined);
          const request = db.transaction('keyvaluepairs').objectStore('keyvaluepairs').get(wanted);
          request.onsuccess = () => resolve((request.result as { raw?: string } | undefined)?.raw);
          request.onerror = () => reject(request.error);
        };
      }),
    key,
  );
}

/** /admin/, connected to decap-server. */
async function openCms(page: Page) {
  await page.goto(`${siteUrl}admin/`);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.getByText('Prestataires').first().waitFor();
}

const field = (page: Page, name: string) => page.locator(`[id^="${name}-field-"]`).first();
/** A select of Decap as a person reads it: its label, the chosen options, its hint. */
const select = (page: Page, name: string) => page.locator(`[aria-label="select field"]:has(> div > label[for^="${name}-field-"])`);
/** The text fields of a list of Decap. */
const listItems = (page: Page, name: string) =>
  page.locator(`[aria-label="list field"]:has(> div > label[for^="${name}-field-"]) input[id^="item-field-"]`);
const markdownBody = (page: Page) => page.locator('[aria-label="markdown field"] [contenteditable="true"]');

/** Types into a list of Decap: a new item, filled. */
async function addListItem(page: Page, name: string, label: RegExp, text: string) {
  await page.getByRole('button', { name: label }).click();
  await listItems(page, name).last().fill(text);
}

/**
 * Reloads the form once Decap has kept what was typed, answers its restore
 * question, and waits for the form to settle (the defect put the form back
 * as it was a moment after the restore).
 */
async function reloadAndAnswer(page: Page, answers: ReturnType<typeof dialogs>, key: string, answer: 'accept' | 'dismiss', typed: string) {
  await expect.poll(() => localBackup(page, key), { timeout: 10_000 }).toContain(typed);
  answers.answer(answer);
  const before = answers.asked.length;
  await page.reload();
  await expect.poll(() => answers.asked.length, { timeout: 20_000 }).toBe(before + 1);
  expect(answers.asked.at(-1)).toMatch(RESTORE_QUESTION);
  await page.waitForTimeout(3000);
}

/**
 * What a visitor reads of a page, in order: headings, paragraphs, list items,
 * table cells, terms, labels, each as its text. Markdown bodies are compared
 * apart (Decap renders them with its own Markdown), the preview's own notes
 * are not part of the page.
 */
function pageTexts(root: Element, left: string): string[] {
  return (
    [...root.querySelectorAll('h1, h2, h3, p, li, dt, dd, th, td, caption, label')]
      // The page's own tools for visitors with JavaScript (« Comparer ») are not part of the entry.
      .filter((element) => !element.closest(`.prose, blockquote, template, .js-only, ${left}`))
      .map((element) => element.textContent!.replace(/[ \t\r\n]+/g, ' ').trim())
      .filter(Boolean)
  );
}

/** A Markdown body's words, whatever renders it: French typography and spacing set aside. */
const bodyWords = (text: string) => text.normalize('NFKC').replace(/[’']/g, "'").replace(/\s+/g, '');

/** `npm run check` on the content of a branch of the scratch clone, as the forge's check would run on its pull request. */
async function checkBranch(branch: string): Promise<{ code: number; stdout: string }> {
  const checked = await mkdtemp(path.join(work, 'branche-'));
  await run('sh', ['-c', `git -C "${scratch}" archive "${branch}" content | tar -x -C "${checked}"`]);
  return run(process.execPath, ['scripts/check.ts', '--content', path.join(checked, 'content')], { cwd: root }).then(
    ({ stdout }) => ({ code: 0, stdout }),
    (error: { code: number; stdout: string }) => error,
  );
}

/** « Publier » in the editorial workflow: status « Prêt », then « Publier maintenant » (the branch is merged into main). */
async function publish(page: Page, branch: string) {
  await page.getByText('Statut: Brouillon').click();
  await page.getByRole('menuitem', { name: 'Prêt' }).click();
  await page.getByRole('button', { name: 'Publier', exact: true }).click();
  await page.getByRole('menuitem', { name: 'Publier maintenant' }).click();
  await expect.poll(draftBranches, { timeout: 20_000 }).not.toContain(branch);
}

/**
 * Waits until the page has not reloaded for 5 seconds, 30 at most. The
 * local site shows what is published (--follow-cms): after a publication
 * changes its files, astro dev reloads its pages once, /admin/ included.
 */
async function settled(page: Page) {
  let loads = 0;
  const count = () => loads++;
  page.on('load', count);
  const started = Date.now();
  let quiet = 0;
  while (quiet < 5000 && Date.now() - started < 30_000) {
    const seen = loads;
    await page.waitForTimeout(1000);
    quiet = loads === seen ? quiet + 1000 : 0;
  }
  page.off('load', count);
}

/**
 * Closes a page once astro dev has reloaded it after a publication. Closing
 * it in the middle of that reload could leave Chromium waiting for minutes:
 * five seconds are enough for a page the test no longer reads.
 */
async function closeAfterReloads(page: Page) {
  await settled(page);
  await Promise.race([page.close(), new Promise((resolve) => setTimeout(resolve, 5000))]);
}

/** The CMS's preview pane, once it shows `ready`. */
async function previewPane(page: Page, ready: string): Promise<Frame> {
  await page.locator('#preview-pane').waitFor();
  const frame = (await (await page.locator('#preview-pane').elementHandle())!.contentFrame())!;
  await frame.locator(ready).first().waitFor({ timeout: 20_000 });
  return frame;
}

/** The same texts from the built site (`npm run build`), served as a static host would. */
async function builtTexts(route: string, scope: string) {
  const page = await browser!.newPage();
  const response = await page.goto(`${built!.url}${route}`);
  expect(response?.status(), `${route} : lancez « npm run build » avant ce test`).toBe(200);
  const texts = await page.locator(scope).evaluate(pageTexts, `.${PREVIEW_NOTE}`);
  const bodies = await page.locator(`${scope} .prose, ${scope} blockquote`).allTextContents();
  await page.close();
  return { texts, bodies: bodies.map(bodyWords) };
}

async function previewTexts(frame: Frame, scope: string) {
  const texts = await frame.locator(scope).first().evaluate(pageTexts, `.${PREVIEW_NOTE}`);
  const bodies = await frame.locator(`${scope} .prose, ${scope} blockquote`).allTextContents();
  return { texts, bodies: bodies.map(bodyWords) };
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
  // --follow-cms: the local site shows what is published in the local CMS, as a deployed site does after its rebuild.
  start = spawn(process.execPath, ['scripts/start.ts', '--follow-cms'], {
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
  built = await serveStatic(path.join(root, 'dist'));
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await built?.close();
  if (start && start.exitCode === null && start.signalCode === null) {
    // Ctrl-C first, so that npm start stops decap-server and the site too (a run of some tests only skips that test).
    const exited = new Promise((resolve) => start!.once('exit', resolve));
    start.kill('SIGINT');
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
    if (start.exitCode === null) start.kill('SIGKILL');
  }
  if (work) await rm(work, { recursive: true, force: true });
});

describe.skipIf(!enabled)('npm start and the local CMS', () => {
  it('announces the site, the CMS and the scratch clone, in French', () => {
    expect(output).toContain(`${siteUrl}admin/`);
    expect(output).toContain(scratch);
    expect(output).toContain(`Le site montre ce qui est publié dans le CMS local (${publishedCopy(scratch)}).`);
    expect(output).toContain('branche cms/');
  });

  // First, on the demo content as it came: the tests after it save proposals that change the local site's folder.
  // Two publications, each followed by one reload of the open pages: about 40 s, 4 min at most on a busy machine.
  it('lets the committee add a software to a vocabulary, used at once by a provider, and refuses removing it while used', async () => {
    let page = await browser!.newPage();
    dialogs(page);
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await openCms(page);

    // 1. Vocabulaires › Logiciels libres: a new software, saved as a proposal, which passes the check, then published.
    const vocabularyBranch = 'cms/vocabularies/tools';
    await page.goto(`${siteUrl}admin/#/collections/vocabularies/entries/tools`);
    await settled(page);
    // The list as saved first: a term added before it arrives would be replaced by it.
    await page.getByText('Nextcloud (nextcloud)', { exact: true }).waitFor();
    await page.getByRole('button', { name: 'Ajouter un logiciel' }).click();
    // The other terms are folded: the new one's fields are the only ones shown.
    const last = (name: string) => page.locator(`[id^="${name}-field-"]:visible`);
    await expect.poll(() => last('slug').count()).toBe(1);
    await last('slug').fill('zulip');
    await last('label').fill('Zulip');
    await last('description').fill('Messagerie d’équipe organisée en fils de discussion.');
    await last('license').fill('Apache-2.0');
    await last('website').fill('https://zulip.com');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await expect.poll(draftBranches, { timeout: 20_000 }).toContain(vocabularyBranch);
    const onBranch = () => git(scratch, 'show', `${vocabularyBranch}:content/taxonomies/tools.yml`).catch(() => '');
    await expect.poll(onBranch, { timeout: 20_000 }).toContain('slug: zulip');
    expect((await onBranch()).startsWith('terms:')).toBe(true);
    const added = await checkBranch(vocabularyBranch);
    expect(added.code, added.stdout).toBe(0);
    await publish(page, vocabularyBranch);
    // The local site shows the published branch (--follow-cms): the CMS offers the new software.
    await expect.poll(async () => (await fetch(`${siteUrl}admin/config.yml`)).text(), { timeout: 30_000 }).toContain('value: zulip');

    // 2. A provider that offers it: saved, it passes the check; published. (A new page: the CMS reads its configuration when it loads.)
    await closeAfterReloads(page);
    page = await browser!.newPage();
    dialogs(page);
    page.on('pageerror', (error) => errors.push(error.message));
    await openCms(page);
    await page.goto(`${siteUrl}admin/#/collections/providers/new`);
    await settled(page);
    await field(page, 'name').waitFor();
    const typed = {
      name: 'Messageries du Léman',
      website: 'https://messageries-leman.example.org',
      email: 'contact@messageries-leman.example.org',
      city: 'Thonon-les-Bains',
      postcode: '74200',
      updated: todayInFrance(),
    };
    for (const [name, value] of Object.entries(typed)) await field(page, name).fill(value);
    await choose(page, 'structure', 'Collectif');
    await choose(page, 'department', '74 — Haute-Savoie');
    await choose(page, 'services', 'Accompagnement aux usages');
    await choose(page, 'sizes', 'Petites associations');
    await choose(page, 'tools', 'Zulip');
    await choose(page, 'model', 'Sur devis');
    await page.locator('button[id^="remote-field-"]').click();
    await markdownBody(page).click();
    await page.keyboard.type(
      'Les Messageries du Léman aident les associations du Chablais à quitter les messageries des GAFAM pour Zulip : installation sur un hébergement associatif, formation des bénévoles et des salarié·es, puis suivi pendant trois mois.',
    );
    expect(await select(page, 'tools').innerText()).toContain('Zulip');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    const providerBranch = 'cms/providers/messageries-du-leman';
    await expect.poll(draftBranches, { timeout: 20_000 }).toContain(providerBranch);
    const providerFile = () => git(scratch, 'show', `${providerBranch}:content/providers/messageries-du-leman.md`).catch(() => '');
    await expect.poll(providerFile, { timeout: 20_000 }).toContain('zulip');
    const used = await checkBranch(providerBranch);
    expect(used.code, used.stdout).toBe(0);
    await publish(page, providerBranch);

    // 3. The software taken out of the list while the provider uses it: the check refuses, on the vocabulary too, naming the provider.
    await page.goto(`${siteUrl}admin/#/collections/vocabularies/entries/tools`);
    await settled(page);
    const summary = page.getByText('Zulip (zulip)', { exact: true });
    await summary.waitFor();
    await summary.locator('xpath=preceding-sibling::div[1]//button').last().click();
    await expect.poll(() => page.getByText('Zulip (zulip)', { exact: true }).count()).toBe(0);
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await expect.poll(draftBranches, { timeout: 20_000 }).toContain(vocabularyBranch);
    await expect.poll(onBranch, { timeout: 20_000 }).not.toContain('zulip');
    const removed = await checkBranch(vocabularyBranch);
    expect(removed.code, removed.stdout).toBe(1);
    expect(removed.stdout).toContain('tools[0] : « zulip » n’est pas un outil connu.');
    expect(removed.stdout).toMatch(
      /content\/taxonomies\/tools\.yml:1:1 terms : Le logiciel « zulip » n’est pas \(ou plus\) dans cette liste, mais 1\u00a0fichier l’utilise : \S+\/content\/providers\/messageries-du-leman\.md ; remettez-le dans la liste s’il en a été retiré, sinon corrigez ce fichier\./,
    );
    expect(errors).toEqual([]);
    await closeAfterReloads(page);
    // The refused proposal withdrawn: the tests after this one count the proposals they make.
    await git(scratch, 'branch', '-D', vocabularyBranch);
    expect(await draftBranches()).toEqual([]);
    // Three saves, two publications and three runs of the check, on a shared machine.
  }, 240_000);

  it('restores every value typed in a new provider after a reload, and starts empty when the restore is declined', async () => {
    const page = await browser!.newPage();
    const answers = dialogs(page);
    await openCms(page);
    await page.goto(`${siteUrl}admin/#/collections/providers/new`);
    const typed = {
      name: 'Atelier de la sauvegarde',
      website: 'https://sauvegarde.example.org',
      email: 'contact@sauvegarde.example.org',
      city: 'Quimper',
      postcode: '29000',
      trained: '2021',
      updated: todayInFrance(),
    };
    for (const [name, value] of Object.entries(typed)) await field(page, name).fill(value);
    await choose(page, 'structure', 'Collectif');
    await choose(page, 'department', '29 — Finistère');
    await choose(page, 'services', 'Diagnostic des outils');
    await choose(page, 'services', 'Médiation numérique');
    await choose(page, 'sizes', 'Grandes associations');
    await choose(page, 'model', 'Adhésion');
    await choose(page, 'languages', 'Breton');
    await markdownBody(page).click();
    await page.keyboard.type('L’Atelier de la sauvegarde accompagne les associations du Finistère, en breton et en français.');

    await reloadAndAnswer(page, answers, 'backup.providers', 'accept', 'Atelier de la sauvegarde');
    // Texts, in the entry and in its objects (contact, seat), a number, a date.
    for (const [name, value] of Object.entries(typed)) expect(await field(page, name).inputValue(), name).toBe(value);
    // Single and multiple choices.
    await expect.poll(() => select(page, 'structure').innerText()).toContain('Collectif');
    expect(await select(page, 'department').innerText()).toContain('29 — Finistère');
    expect(await select(page, 'services').innerText()).toMatch(/Diagnostic des outils[^]*Médiation numérique/);
    expect(await select(page, 'sizes').innerText()).toContain('Grandes associations');
    expect(await select(page, 'model').innerText()).toContain('Adhésion');
    // Languages chosen by name, the default one kept, and the Markdown body.
    expect(await select(page, 'languages').innerText()).toMatch(/Français[^]*Breton/);
    expect(await markdownBody(page).innerText()).toContain('en breton et en français.');

    // Declined: an empty form, and the backup is gone (no question on the next visit).
    await reloadAndAnswer(page, answers, 'backup.providers', 'dismiss', 'Atelier de la sauvegarde');
    expect(await field(page, 'name').inputValue()).toBe('');
    expect(await field(page, 'city').inputValue()).toBe('');
    expect(await markdownBody(page).innerText()).not.toContain('breton');
    await expect.poll(() => localBackup(page, 'backup.providers')).toBeUndefined();
    await page.reload();
    await field(page, 'name').waitFor();
    await page.waitForTimeout(2000);
    expect(answers.asked).toHaveLength(2);
    await page.close();
  });

  it('restores every value typed in a new project after a reload', async () => {
    const page = await browser!.newPage();
    const answers = dialogs(page);
    await openCms(page);
    await page.goto(`${siteUrl}admin/#/collections/projects/new`);
    const typed = {
      title: 'Traduire Mobilizon en occitan',
      summary: 'Une traduction complète de l’interface, relue par des associations.',
      name: 'Mobilizon',
      url: 'https://mobilizon.example.org',
      proposed: todayInFrance(),
      proposed_by: 'Octets solidaires',
      goal_eur: '4800',
    };
    for (const [name, value] of Object.entries(typed)) await field(page, name).fill(value);
    await choose(page, 'kind', 'Traduction');
    await addListItem(page, 'supporters', /^Ajouter associations/, 'Radio Ardèche Sud');
    await markdownBody(page).click();
    await page.keyboard.type('Les associations occitanes ont besoin d’un agenda libre dans leur langue.');

    await reloadAndAnswer(page, answers, 'backup.projects', 'accept', 'Traduire Mobilizon en occitan');
    for (const [name, value] of Object.entries(typed)) expect(await field(page, name).inputValue(), name).toBe(value);
    await expect.poll(() => select(page, 'kind').innerText()).toContain('Traduction');
    expect(await listItems(page, 'supporters').evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value))).toEqual([
      'Radio Ardèche Sud',
    ]);
    expect(await markdownBody(page).innerText()).toContain('un agenda libre dans leur langue.');

    await reloadAndAnswer(page, answers, 'backup.projects', 'dismiss', 'Traduire Mobilizon en occitan');
    expect(await field(page, 'title').inputValue()).toBe('');
    await expect.poll(() => localBackup(page, 'backup.projects')).toBeUndefined();
    await page.close();
  });

  it('shows a provider in the preview as its built profile shows it, with its verified recommendations', async () => {
    const page = await browser!.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await openCms(page);
    const slug = 'atelier-garonne-numerique';
    const site = await builtTexts(routes.provider(slug), 'main');
    await page.goto(`${siteUrl}admin/#/collections/providers/entries/${slug}`);
    const frame = await previewPane(page, 'h1');
    // Labels, not slugs: the services, the area, the sizes, the software, the criteria, in the page's words and order;
    // the verified recommendations once the preview has read them.
    await expect.poll(async () => (await previewTexts(frame, 'body')).texts, { timeout: 20_000 }).toEqual(site.texts);
    const preview = await previewTexts(frame, 'body');
    expect(preview.texts).toContain('Diagnostic des outils et des usages');
    expect(preview.bodies).toEqual(site.bodies);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows a recommendation in the preview as the profile shows it', async () => {
    const page = await browser!.newPage();
    await openCms(page);
    const slug = 'atelier-garonne-numerique--alimentation-durable-gironde';
    const association = 'Collectif Alimentation Durable Gironde (exemple)';
    const block = `article.recommendation:has(h3:text-is("${association}"))`;
    const site = await builtTexts(routes.provider('atelier-garonne-numerique'), block);
    await page.goto(`${siteUrl}admin/#/collections/recommendations/entries/${slug}`);
    const frame = await previewPane(page, 'article.recommendation h3');
    const preview = await previewTexts(frame, 'article.recommendation');
    expect(preview.texts).toEqual(site.texts);
    expect(preview.bodies).toEqual(site.bodies);
    await expect.poll(() => frame.locator(`.${PREVIEW_NOTE}`).innerText()).toContain('Atelier Garonne Numérique (exemple)');
    await page.close();
  });

  it('shows a project in the preview as its built page shows it', async () => {
    const page = await browser!.newPage();
    await openCms(page);
    const slug = 'accessibilite-nextcloud-forms';
    const site = await builtTexts(routes.project(slug), 'main');
    await page.goto(`${siteUrl}admin/#/collections/projects/entries/${slug}`);
    const frame = await previewPane(page, 'h1');
    // The maker, a published provider, is named once its entry is read.
    await expect.poll(async () => (await previewTexts(frame, 'body')).texts, { timeout: 20_000 }).toEqual(site.texts);
    const preview = await previewTexts(frame, 'body');
    expect(preview.texts).toContain('Accessibilité');
    expect(preview.bodies).toEqual(site.bodies);
    await page.close();
  });

  it('previews a provider being created: its name, its labels, and no verified recommendation yet', async () => {
    const page = await browser!.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    dialogs(page);
    await openCms(page);
    await page.goto(`${siteUrl}admin/#/collections/providers/new`);
    const frame = await previewPane(page, 'h1');
    // Nothing typed yet: the page's outline, what remains to fill, and never a slug.
    expect(await frame.locator(`.${PREVIEW_NOTE}`).first().innerText()).toContain('Nom de la structure');
    await field(page, 'name').fill("L'Atelier de l'aperçu");
    await choose(page, 'structure', 'Collectif');
    await choose(page, 'services', 'Diagnostic des outils');
    await field(page, 'city').fill('Brest');
    await choose(page, 'department', '29 — Finistère');
    await expect.poll(() => frame.locator('h1').innerText()).toBe(frenchTypography("L'Atelier de l'aperçu"));
    const text = await frame.locator('body').innerText();
    expect(text).toContain('Collectif à Brest (Finistère)');
    expect(await frame.locator('h2:text-is("Services proposés") + ul li').allInnerTexts()).toEqual(['Diagnostic des outils et des usages']);
    expect(text).toContain(unpublishedNotice);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('refuses what the schema refuses, then saves an entry as a cms/… branch that passes the check', async () => {
    const page = await browser!.newPage();
    const answers = dialogs(page);
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await openCms(page);
    await page.goto(`${siteUrl}admin/#/collections/providers/new`);

    // Accents, both apostrophes, « _ », « ~ », an emoji, several spaces: the file name keeps none of them.
    const name = "L’Atelier_numérique  d'essai ~ Émilie 🌱";
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
    // The file name is made from the name, as the check wants it.
    expect(branch).toBe('cms/providers/l-atelier-numerique-d-essai-emilie');
    const slug = branch!.slice('cms/providers/'.length);
    // decap-server creates the branch, then commits on it: wait for the commit.
    const onBranch = () => git(scratch, 'ls-tree', '--name-only', branch!, 'content/providers/').catch(() => '');
    await expect.poll(onBranch, { timeout: 20_000 }).toContain(`content/providers/${slug}.md`);
    expect(errors).toEqual([]);
    // Saved: the local backup of the form is gone, and a new form starts empty, without a question.
    await expect.poll(() => localBackup(page, 'backup.providers'), { timeout: 10_000 }).toBeUndefined();
    await page.goto(`${siteUrl}admin/#/collections/providers/new`);
    await page.reload();
    await field(page, 'name').waitFor();
    await page.waitForTimeout(3000);
    expect(await field(page, 'name').inputValue()).toBe('');
    expect(answers.asked).toEqual([]);
    await page.close();

    // The published branch and the working copy are untouched.
    expect(await git(scratch, 'ls-tree', '--name-only', 'main', 'content/providers/')).not.toContain(slug);
    expect(await git(root, 'branch', '--list', 'cms/*')).toBe('');

    // The branch's content passes the project's check.
    const saved = await git(scratch, 'show', `${branch}:content/providers/${slug}.md`);
    const frontMatter = parseYaml(saved.split(/^---$/m)[1]!) as { name: string; website: string };
    expect(frontMatter.name).toBe(name);
    expect(frontMatter.website).toBe('https://atelier-essai.example.org');
    const check = await checkBranch(branch!);
    expect(check.code, check.stdout).toBe(0);
  });

  it('restores unsaved changes to a saved proposal after a reload', async () => {
    const [branch] = await draftBranches();
    const slug = branch!.slice('cms/providers/'.length);
    const page = await browser!.newPage();
    const answers = dialogs(page);
    await openCms(page);
    await page.goto(`${siteUrl}admin/#/collections/providers/entries/${slug}`);
    await expect.poll(() => field(page, 'city').inputValue(), { timeout: 20_000 }).toBe('Lyon');
    await retype(page, 'city', 'Villeurbanne');
    await reloadAndAnswer(page, answers, `backup.providers.${slug}`, 'accept', 'Villeurbanne');
    expect(await field(page, 'city').inputValue()).toBe('Villeurbanne');
    expect(await field(page, 'website').inputValue()).toBe('https://atelier-essai.example.org');
    await page.close();
  });

  it('keeps proposals from one run to the next, and refuses to write into the working copy', async () => {
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

  it('stops cleanly on Ctrl-C: the site and decap-server', async () => {
    const exited = new Promise<number | null>((resolve) => start!.once('exit', (code) => resolve(code)));
    start!.kill('SIGINT');
    expect(await exited).toBe(0);
    expect(output).toContain('sont arrêtés');
    for (const port of ports) expect(await portIsOpen(port)).toBe(false);
  });
});
