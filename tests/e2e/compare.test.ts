/**
 * Comparing providers on the built site, at 375 px and 1280 px: with
 * JavaScript, a visitor ticks « Comparer » on cards and on a profile, is
 * refused a fourth pick, and opens one table of three providers, readable
 * and scrollable from the keyboard on a phone; without JavaScript, the lists'
 * « vue tableau » shows the same rows, and the comparison page explains
 * itself. The comparison's figures are the profiles' figures.
 */
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allComparisonRows } from '../../src/domain/directory/comparison.ts';
import { compareBoxLabel, droppedMessage, fullMessage, trayLabel, unknownMessage } from '../../src/domain/directory/comparison-choice.ts';
import { buildDirectory, type Directory } from '../../src/domain/directory/index.ts';
import { paginate } from '../../src/domain/directory/pagination.ts';
import { routes } from '../../src/domain/routes.ts';
import type { Content } from '../../src/domain/content.ts';
import { loadContent } from '../../src/loader/index.ts';
import { browserAvailable, launchBrowser, serveStatic, type StaticSite } from './harness.ts';

const DIST = path.resolve(process.env.DIST_DIR ?? 'dist');
const WIDTHS = [375, 1280];
const run = browserAvailable();

let site: StaticSite;
let browser: Browser;
let content: Content;
let directory: Directory;

beforeAll(async () => {
  ({ content } = await loadContent('content'));
  directory = buildDirectory(content, '2026-11-28');
  site = await serveStatic(DIST, '/');
  if (run) browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

async function open(width: number, route: string, javaScriptEnabled = true): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height: 900 }, javaScriptEnabled });
  const page = await context.newPage();
  await page.goto(site.url + route);
  return page;
}

const nameOf = (id: string) => directory.providers.find((p) => p.id === id)!.data.name;
/** The text of each cell of a row of the comparison, by its label. */
const rowCells = (page: Page, label: string) =>
  page
    .locator('#comparer-resultat tbody tr', { has: page.locator('th', { hasText: label }) })
    .locator('td')
    .allTextContents();
const labels = () => allComparisonRows(content.taxonomies.criteria).map((r) => r.label);

describe.skipIf(!run).each(WIDTHS)('comparing at %i px', (width) => {
  it('picks three providers from a list and a profile, refuses a fourth, and shows them in one table', async () => {
    const page = await open(width, routes.facetValue('service', 'diagnostic'));
    const boxes = page.locator('.results input[data-compare-id]');
    expect(await boxes.count()).toBeGreaterThanOrEqual(4);
    const ids = await boxes.evaluateAll((all) => all.map((b) => (b as HTMLInputElement).dataset.compareId!));
    // Each box says whom it picks, beginning with the word it shows.
    const firstName = (await boxes.nth(0).getAttribute('data-compare-name'))!;
    expect(await page.getByRole('checkbox', { name: compareBoxLabel(firstName), exact: true }).count()).toBe(1);
    await boxes.nth(0).check();
    await expect.poll(() => page.locator('.compare-open').textContent()).toBe(trayLabel(1));
    await boxes.nth(1).check();
    await expect.poll(() => page.locator('.compare-open').textContent()).toBe(trayLabel(2));

    // The third from its profile: picks follow the visitor from page to page.
    await page.goto(site.url + routes.provider(ids[2]!));
    await page.locator(`input[data-compare-id="${ids[2]}"]`).check();
    await expect.poll(() => page.locator('.compare-open').textContent()).toBe(trayLabel(3));

    // A fourth is refused, the box unticked again, and the reason said aloud.
    await page.goto(site.url + routes.facetValue('service', 'diagnostic'));
    await expect.poll(() => page.locator('.results input[data-compare-id]:checked').count()).toBe(3);
    const fourth = page.locator(`.results input[data-compare-id="${ids[3]}"]`);
    await fourth.click();
    await expect.poll(() => page.locator('.compare-status[role="status"]').textContent()).toBe(fullMessage());
    expect(await fourth.isChecked()).toBe(false);

    await page.locator('.compare-open').click();
    await page.waitForURL((url) => url.search === `?s=${ids.slice(0, 3).join(',')}`);
    const table = page.locator('#comparer-resultat table');
    await table.waitFor();
    expect(await table.locator('caption').textContent()).toMatch(/^Comparaison de /);
    expect(await table.locator('thead th[scope="col"] > a:not(.compare-remove)').allTextContents()).toEqual(ids.slice(0, 3).map(nameOf));
    expect(await table.locator('tbody th[scope="row"]').allTextContents()).toEqual(labels());
    // The page itself never widens: the table scrolls inside its region, the criteria staying in view.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    const region = page.getByRole('region', { name: /^Comparaison de / });
    await region.focus();
    if (width === 375) {
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('ArrowRight');
      await expect.poll(() => region.evaluate((r) => r.scrollLeft)).toBeGreaterThan(0);
      const [regionBox, criterionBox] = await Promise.all([region.boundingBox(), table.locator('tbody th').first().boundingBox()]);
      expect(Math.abs(criterionBox!.x - regionBox!.x)).toBeLessThan(2);
    }
    await page.context().close();
  });

  it('names the providers it cannot find and keeps the first three, asking nothing of another site', async () => {
    const [a, b, c, d] = directory.providers.map((p) => p.id);
    const context = await browser.newContext({ viewport: { width, height: 900 } });
    const hosts = new Set<string>();
    context.on('request', (request) => hosts.add(new URL(request.url()).host));
    let page = await context.newPage();
    await page.goto(site.url + routes.compare([a!, 'structure-inconnue', b!]));
    await page.locator('#comparer-resultat table').waitFor();
    expect(await page.locator('#comparer-messages').textContent()).toBe(unknownMessage(['structure-inconnue']));
    expect(await page.locator('#comparer-resultat thead th[scope="col"] > a:not(.compare-remove)').allTextContents()).toEqual([
      nameOf(a!),
      nameOf(b!),
    ]);
    expect([...hosts]).toEqual([new URL(site.url).host]);
    await context.close();

    page = await open(width, routes.compare([a!, b!, c!, d!]));
    await page.locator('#comparer-resultat table').waitFor();
    expect(await page.locator('#comparer-messages').textContent()).toBe(droppedMessage([d!]));
    expect(await page.locator('#comparer-resultat thead th[scope="col"] > a:not(.compare-remove)').allTextContents()).toEqual(
      [a, b, c].map((id) => nameOf(id!)),
    );
    await page.context().close();
  });

  it('publishes no data file for a provider that waits for a verified recommendation', async () => {
    expect(directory.waiting.length).toBeGreaterThan(0);
    for (const waiting of directory.waiting) expect((await fetch(site.url + routes.comparisonData(waiting.id))).status).toBe(404);
    expect((await fetch(site.url + routes.comparisonData(directory.providers[0]!.id))).status).toBe(200);
  });

  it('shows each criterion’s average, its answers and the recommendations as the profiles do', async () => {
    const ids = [...directory.providers]
      .sort((x, y) => y.recommendations.length - x.recommendations.length)
      .slice(0, 3)
      .map((p) => p.id);
    const page = await open(width, routes.compare(ids));
    await page.locator('#comparer-resultat table').waitFor();
    const profile = await page.context().newPage();
    for (const [column, id] of ids.entries()) {
      await profile.goto(site.url + routes.provider(id));
      const badge = await profile.locator('.badge-strong').textContent();
      expect((await rowCells(page, 'Recommandations vérifiées'))[column]).toBe(badge);
      const ratings = profile.locator('table.ratings tbody tr');
      expect(await ratings.count()).toBeGreaterThan(0);
      for (const row of await ratings.all()) {
        const question = (await row.locator('th').textContent())!;
        const average = (await row.locator('td strong').textContent())!;
        const answers = (await row.locator('td .muted').textContent())!;
        expect((await rowCells(page, question))[column]).toBe(`${average} (${answers})`);
      }
    }
    await page.context().close();
  });

  it('without JavaScript, offers the list as a table with the same rows, and explains the comparison page', async () => {
    const page = await open(width, routes.directory(), false);
    expect(await page.locator('input[data-compare-id]').first().isHidden()).toBe(true);
    await page.getByRole('link', { name: 'Vue tableau de ces structures' }).click();
    await page.waitForURL((url) => url.pathname === `/${routes.directoryTable()}`);
    const region = page.getByRole('region', { name: /^Annuaire\s: / });
    expect(await region.locator('thead th[scope="col"]').allTextContents()).toEqual(['Structure', ...labels()]);
    expect(await region.locator('tbody th[scope="row"]').allTextContents()).toEqual(
      paginate(directory.providers)[0]!.items.map((p) => p.data.name),
    );
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);

    // A facet page's table: the same providers as the page, with why each is listed.
    await page.goto(site.url + routes.facetValue('departement', '38'));
    const listed = await page.locator('.results .provider-card :is(h3, h4) a').allTextContents();
    await page.getByRole('link', { name: 'Vue tableau de ces structures' }).click();
    await page.waitForURL((url) => url.pathname === `/${routes.facetValueTable('departement', '38')}`);
    expect(await page.locator('tbody th[scope="row"]').allTextContents()).toEqual(listed);
    expect(await page.locator('thead th').last().textContent()).toBe('Pourquoi dans cette liste');

    // A shared comparison cannot be read without JavaScript: the page says so, and leads to the tables.
    await page.goto(site.url + routes.compare(directory.providers.slice(0, 3).map((p) => p.id)));
    const text = await page.evaluate(() => document.body.innerText);
    expect(text).toContain('Cette page a besoin de JavaScript pour lire les structures nommées dans son adresse');
    await page.getByRole('link', { name: 'La vue tableau de l’annuaire' }).click();
    await page.waitForURL((url) => url.pathname === `/${routes.directoryTable()}`);
    await page.context().close();
  });
});
