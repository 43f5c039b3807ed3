/**
 * Strings smuggled through YAML fields (names, cities, testimonies, URLs,
 * project titles, funders) pass the check — they are just text — and must
 * reach every built file as text. Build the demo content plus a hostile
 * provider, recommendation and project, parse every page and feed of the
 * output as a browser or feed reader would and look for anything that runs,
 * then browse the pages and search, watching for dialogs. (Search fragments
 * hold the pages' text; the search script shows it as text, which the
 * browser part proves.)
 */
import { routes } from '../../src/domain/routes.ts';
import { execFile } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { stringify } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeHTML } from 'entities';
import { listFiles } from '../../scripts/lib/dist-files.ts';
import { NEED_FORM } from '../../src/domain/project-needs.ts';
import { executableFindings, FILLER, smuggled } from '../content/hostile.ts';
import { browserAvailable, launchBrowser, serveStatic } from './harness.ts';

const root = path.resolve(import.meta.dirname, '../..');
const run = promisify(execFile);
let work: string;
let dist: string;

const md = (data: unknown, body: string) => `---\n${stringify(data)}---\n${body}\n`;

beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'emancipasso-hostile-build-'));
  const content = path.join(work, 'content');
  dist = path.join(work, 'dist');
  await cp(path.join(root, 'content'), content, { recursive: true });
  await writeFile(
    path.join(content, 'providers/structure-hostile.md'),
    md(
      {
        name: smuggled.name,
        structure: 'association',
        website: smuggled.website,
        contact: { email: 'contact@hostile.example.org' },
        location: { city: smuggled.city, postcode: '69001', department: '69' },
        area: { remote: true, departments: ['69'] },
        services: ['diagnostic', 'hebergement'],
        tools: ['nextcloud'],
        sizes: ['petite'],
        pricing: { model: 'devis', details: smuggled.details, url: smuggled.website },
        updated: '2026-10-01',
      },
      `${FILLER}${smuggled.testimony}`,
    ),
  );
  await writeFile(
    path.join(content, 'recommendations/structure-hostile--association-hostile.md'),
    md(
      {
        provider: 'structure-hostile',
        association: { name: smuggled.association, city: smuggled.city, department: '69', size: 'petite', website: smuggled.website },
        project: { title: smuggled.projectTitle, start: '2026-01-05', end: '2026-06-30', services: ['diagnostic'], tools: ['nextcloud'] },
        ratings: Object.fromEntries(
          (await readFile(path.join(content, 'taxonomies/criteria.yml'), 'utf8')).match(/slug: [\w-]+/g)!.map((m) => [m.slice(6), 4]),
        ),
        recommend: true,
        verification: { status: 'verified', date: '2026-09-01', method: 'entretien', by: 'copil-test' },
      },
      smuggled.testimony.repeat(2),
    ),
  );
  await writeFile(
    path.join(content, 'projects/projet-hostile.md'),
    md(
      {
        title: smuggled.projectTitle,
        summary: smuggled.summary,
        kind: 'fonctionnalite',
        software: { name: smuggled.name.slice(0, 70), url: smuggled.website },
        status: 'en-financement',
        proposed: '2026-03-01',
        proposed_by: smuggled.association,
        supporters: [smuggled.association],
        goal_eur: 1000,
        pledges: [{ funder: smuggled.funder, amount_eur: 200, date: '2026-04-01', paid: true }],
        milestones: [{ title: smuggled.projectTitle, amount_eur: 1000, done: false }],
        maker: 'structure-hostile',
        payment_url: smuggled.website,
      },
      `${FILLER}${smuggled.testimony}`,
    ),
  );
  await run(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build', '--outDir', dist], {
    cwd: root,
    env: { ...process.env, CONTENT_DIR: content, ASTRO_CACHE_DIR: path.join(work, 'cache'), ASTRO_TELEMETRY_DISABLED: '1' },
    maxBuffer: 64 * 1024 * 1024,
  });
}, 300_000);

afterAll(() => rm(work, { recursive: true, force: true }));

describe('hostile content built into the site', () => {
  it('is published, but only as text, in every file produced', async () => {
    const profile = await readFile(path.join(dist, `${routes.provider('structure-hostile')}index.html`), 'utf8');
    // Not vacuous: the hostile entries are on their pages, escaped.
    expect(profile).toContain('&lt;script&gt;alert(');
    const project = await readFile(path.join(dist, `${routes.project('projet-hostile')}index.html`), 'utf8');
    expect(project).toContain('&lt;/title&gt;');
    // The hostile title goes whole into the pre-filled request, as one parameter's value.
    const need = new URL(decodeHTML(/<a class="button" href="([^"]+)"[^>]*>\s*Nous en avons besoin aussi/.exec(project)![1]!));
    expect([...need.searchParams.keys()]).toEqual(['template', 'title', NEED_FORM.fields.project]);
    expect(need.searchParams.get(NEED_FORM.fields.project)!.startsWith(`${smuggled.projectTitle} (https://`)).toBe(true);

    const findings: string[] = [];
    let scanned = 0;
    const payload = /alert\('(nom|ville|tarif|asso|projet|résumé|entité|code|url|financeur)'\)/;
    for (const rel of await listFiles(dist)) {
      const file = path.join(dist, rel);
      if (/\.(html|svg)$/.test(rel)) {
        findings.push(...executableFindings(await readFile(file, 'utf8')).map((f) => `${rel} : ${f}`));
      } else if (/\.xml$/.test(rel)) {
        findings.push(...executableFindings(await readFile(file, 'utf8'), { xml: true }).map((f) => `${rel} : ${f}`));
      } else if (/\.(m?js|css)$/.test(rel) && !rel.startsWith('admin/')) {
        // Contributor text has no business in the site's scripts and styles.
        if (payload.test(await readFile(file, 'utf8')))
          findings.push(`${rel} : une chaîne du contenu dans un script ou une feuille de style`);
      } else continue;
      scanned++;
    }
    expect(scanned).toBeGreaterThan(20);
    expect(findings).toEqual([]);
  });

  it('runs nothing in a browser, neither on the pages nor in the search', async () => {
    if (!browserAvailable()) return;
    const site = await serveStatic(dist);
    const browser = await launchBrowser();
    const dialogs: string[] = [];
    try {
      const page = await browser.newPage();
      page.on('dialog', async (dialog) => {
        dialogs.push(dialog.message());
        await dialog.dismiss();
      });
      for (const url of [
        '',
        routes.directory(),
        routes.provider('structure-hostile'),
        routes.projects(),
        routes.project('projet-hostile'),
        routes.openData(),
        routes.committee(),
      ]) {
        await page.goto(`${site.url}${url}`, { waitUntil: 'networkidle' });
      }
      await page.goto(`${site.url}annuaire/?q=hostile`, { waitUntil: 'networkidle' });
      await page.waitForTimeout(1500);
      expect(dialogs).toEqual([]);
    } finally {
      await browser.close();
      await site.close();
    }
  });
});
