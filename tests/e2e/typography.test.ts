/**
 * French typography on every page of the built site, in the text a reader
 * sees (scripts/lib/page-text.ts reads it as a browser lays it out): no word
 * glued to a link or a number, no « 1 autres », a no-break space before
 * « : ; ? ! » and inside « guillemets ». Then the same in the states that
 * JavaScript draws: search results, the finder's answer, the forms' errors.
 */
import { routes } from '../../src/domain/routes.ts';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listFiles } from '../../scripts/lib/dist-files.ts';
import { typographyFindings } from '../../scripts/lib/page-text.ts';
import { countOf } from '../../src/domain/text/format.ts';
import { browserAvailable, launchBrowser, serveStatic, type StaticSite } from './harness.ts';

const DIST = path.resolve(process.env.DIST_DIR ?? 'dist');

/** One line per distinct mistake: where it is (first page, and how many pages), what, and the text around it. */
function report(found: Array<{ page: string; message: string; excerpt: string }>): string[] {
  const grouped = new Map<string, { pages: string[]; message: string }>();
  for (const f of found) {
    const key = `${f.message}\n    ${f.excerpt}`;
    const seen = grouped.get(key) ?? { pages: [], message: f.message };
    seen.pages.push(f.page);
    grouped.set(key, seen);
  }
  return [...grouped].map(
    ([key, { pages }]) =>
      `${pages[0]}${pages.length > 1 ? ` (et ${countOf(pages.length - 1, 'autre page', 'autres pages')})` : ''} : ${key}`,
  );
}

describe('French typography of the built site', () => {
  it('is right in the text of every page', async () => {
    if (!existsSync(path.join(DIST, 'index.html'))) throw new Error(`Pas de site construit dans ${DIST} : lancez « npm run build ».`);
    const pages = (await listFiles(DIST)).filter((f) => f.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(100);
    const found = [];
    for (const page of pages) {
      for (const finding of typographyFindings(await readFile(path.join(DIST, page), 'utf8'))) found.push({ page, ...finding });
    }
    expect(report(found)).toEqual([]);
  });
});

const run = browserAvailable();
let site: StaticSite;
let browser: Browser;

beforeAll(async () => {
  if (!run) return;
  site = await serveStatic(DIST, '/');
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

/** Pages in the states their scripts draw: what to open, what to do, what to wait for. */
const STATES: Array<{ name: string; path: string; act?: string; ready: string }> = [
  { name: 'search results', path: routes.search({ q: 'Nextcloud', service: 'hebergement' }), ready: '#resultats-liste li' },
  { name: 'a search with no result', path: routes.search({ q: 'zzzzzz' }), ready: '#resultats-etat:has-text("Aucune")' },
  { name: 'the finder’s answer', path: routes.finder({ service: 'diagnostic', departement: '69' }), ready: '#finder-list li' },
  { name: 'the listing form sent empty', path: routes.propose(), act: 'Vérifier mes réponses', ready: '[data-summary] li' },
  { name: 'the recommendation form sent empty', path: routes.recommend(), act: 'Vérifier mes réponses', ready: '[data-summary] li' },
];

describe.skipIf(!run)('French typography drawn by scripts', () => {
  it.each(STATES)('is right in $name', async ({ path: pathname, act, ready }) => {
    const page = await browser.newPage();
    try {
      await page.goto(site.url + pathname);
      if (act) await page.getByRole('button', { name: act }).click();
      await page.locator(ready).first().waitFor();
      // What the page holds before its script runs is checked above: only what the script drew counts here.
      const file = path.join(DIST, pathname.split('?')[0]!, 'index.html');
      const before = new Set(typographyFindings(await readFile(file, 'utf8')).map((f) => `${f.message}\n${f.excerpt}`));
      const found = typographyFindings(await page.content())
        .filter((f) => !before.has(`${f.message}\n${f.excerpt}`))
        .map((f) => ({ page: pathname, ...f }));
      expect(report(found)).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
