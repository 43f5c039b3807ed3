/**
 * Giving to a project from a phone: on a project's page at 375 px the
 * pledges are read one by one, each value with its column's name, nothing
 * cut or scrolled sideways; screen readers still read a table, at every
 * width. And the page says which money its percentage counts.
 */
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FUNDING_COUNTS } from '../../src/domain/projects.ts';
import { routes } from '../../src/domain/routes.ts';
import { browserAvailable, launchBrowser, serveStatic, type StaticSite } from './harness.ts';

const DIST = path.resolve(process.env.DIST_DIR ?? 'dist');
const PROJECT = 'paheko-relance-des-adhesions';
const run = browserAvailable();
let site: StaticSite;
let browser: Browser;

beforeAll(async () => {
  if (!run) return;
  site = await serveStatic(DIST);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

describe.skipIf(!run)('the pledges of a project', () => {
  it('stack on a phone, each value with its label, nothing wider than the screen', async () => {
    const page = await browser.newPage({ viewport: { width: 375, height: 800 } });
    await page.goto(site.url + routes.project(PROJECT));
    const table = page.locator('table.pledges');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    // The column headers are out of sight; each value says what it is.
    expect(await table.locator('thead').boundingBox()).toMatchObject({ width: 1, height: 1 });
    const rows = table.locator('tbody tr');
    expect(await rows.count()).toBe(4);
    const first = await rows.first().evaluate((row) =>
      [...row.querySelectorAll('td')].map((cell) => ({
        label: getComputedStyle(cell, '::before').content,
        text: cell.textContent!.trim(),
        width: cell.getBoundingClientRect().width,
      })),
    );
    expect(first.map((c) => c.label)).toEqual(['"Montant promis\u00A0: " / ""', '"Promis le\u00A0: " / ""', '"Versé\u00A0: " / ""']);
    expect(first.map((c) => c.text)).toEqual(['500\u00A0€', '1 mars 2026', 'oui']);
    // A block per pledge: the funder's name and each value get the whole width, not a column of a few letters.
    const funder = await rows.first().locator('th').boundingBox();
    expect(funder!.width).toBeGreaterThan(300);
    for (const cell of first) expect(cell.width).toBeGreaterThan(300);
    await page.close();
  });

  it('remain a table for screen readers, on a phone as on a computer, the labels drawn for the eyes only', async () => {
    for (const width of [375, 1280]) {
      const page = await browser.newPage({ viewport: { width, height: 800 } });
      await page.goto(site.url + routes.project(PROJECT));
      const tree = await page.locator('table.pledges').ariaSnapshot();
      expect(tree, `${width} px`).toContain('table "Les engagements des financeurs"');
      expect(tree).toContain('columnheader "Montant promis"');
      expect(tree).toContain('rowheader "Vélo Solidaire Rennes (exemple)"');
      expect(tree).toContain('cell "500 €"');
      expect(tree).not.toContain('Montant promis :');
      await page.close();
    }
  });

  it('come with what the percentage counts: promises, paid or not, and what was paid apart', async () => {
    const page = await browser.newPage({ viewport: { width: 375, height: 800 } });
    await page.goto(site.url + routes.project(PROJECT));
    const section = page.locator('section[aria-labelledby="financement"]');
    const text = (await section.textContent())!;
    expect(text).toContain(FUNDING_COUNTS);
    expect(text).toContain('dont 800\u00A0€ déjà versés');
    expect(text).toContain('il manque 2\u202F700\u00A0€ de promesses');
    // The project's own threshold says which money it counts.
    expect(await page.locator('.prose').textContent()).toMatch(
      /moitié du budget, soit 3\u202F000\u00A0€, aura été versée, et pas seulement promise/,
    );
    await page.close();
  });
});
