/**
 * Finding by place, as the treasurer of a small sports association in Lyon
 * does it, on a phone (375 px) and a laptop (1280 px), with and without
 * JavaScript: « Lyon », « 69 », « Rhône », « rhone » list the providers that
 * serve the Rhône, in the groups of the place rule; the Rhône's page, its
 * région's page, the map, the finder and the search say the same numbers
 * (computed here from the domain); nothing ends on a blank; « Afficher
 * plus » shows only when there is more; without JavaScript, no link drops a
 * filter; on a phone, the filters are reachable before the list.
 */
import path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDirectory, type Directory } from '../../src/domain/directory/index.ts';
import { groupForPlace, placeCounts, placeWhere } from '../../src/domain/directory/places.ts';
import { placeGroupHeading, placeNumber, placeSummary, type PlaceCounts } from '../../src/domain/directory/place-rank.ts';
import { finderQuestions } from '../../src/domain/finder/index.ts';
import { SEARCH_PAGE } from '../../src/domain/directory/search-words.ts';
import { countOf } from '../../src/domain/text/format.ts';
import { routes } from '../../src/domain/routes.ts';
import { loadContent } from '../../src/loader/index.ts';
import { regionName } from '../../src/schemas/geography.ts';
import { browserAvailable, launchBrowser, serveStatic, type StaticSite } from './harness.ts';

const DIST = path.resolve(process.env.DIST_DIR ?? 'dist');
const WIDTHS = [375, 1280];
const RHONE = '69';
const REGION = '84';
/** The provider of Marseille, whose profile says « Bouches-du-Rhône ». */
const MARSEILLE = 'pixels-et-partage';
const run = browserAvailable();

let site: StaticSite;
let browser: Browser;
let directory: Directory;
let rhone: PlaceCounts;
let region: PlaceCounts;

beforeAll(async () => {
  const { content } = await loadContent('content');
  directory = buildDirectory(content, '2026-11-28');
  rhone = placeCounts(directory.providers, 'departement', RHONE);
  region = placeCounts(directory.providers, 'region', REGION);
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

const rhoneWhere = () => placeWhere('departement', RHONE);
const nameOf = (id: string) => directory.providers.find((p) => p.id === id)!.data.name;
/** The Rhône's list by the rule: names in their groups, the closest first. */
const rhoneGroups = () => groupForPlace(directory.providers, 'departement', RHONE).filter((g) => g.providers.length > 0);
const cardNames = (scope: Locator) => scope.locator('.provider-card :is(h3, h4) a').allTextContents();
const waitForResults = (page: Page) => page.locator('#resultats-liste .provider-card').first().waitFor({ timeout: 15_000 });

/** What a card shows, element by element: the same on the pages and in the search. */
async function cardShape(card: Locator): Promise<string[]> {
  // The page's script for the « Comparer » boxes sits in the first card that uses them: it is not part of the card.
  return card.evaluate((li) =>
    [li, ...Array.from(li.querySelectorAll(':not(script)'))].map(
      (el) =>
        `${el.tagName} ${el.getAttribute('class') ?? ''} ${el.getAttribute('href') ?? ''} ${el.children.length ? '' : el.textContent}`,
    ),
  );
}

describe.skipIf(!run).each(WIDTHS)('the Lyon treasurer with JavaScript, %i px wide', (width) => {
  it.each(['Lyon', '69', 'Rhône', 'rhone'])('finds the providers serving the Rhône with « %s », in their groups', async (query) => {
    const page = await open(width, routes.directory());
    await page.fill('#q', query);
    await waitForResults(page);
    await expect.poll(() => page.locator('#resultats-etat').textContent(), { timeout: 10_000 }).toBe(placeSummary(rhone, rhoneWhere()));
    const groups = rhoneGroups();
    expect(await page.locator('#resultats-liste h3').allTextContents()).toEqual(
      groups.map((g) => placeGroupHeading(g.group, g.providers.length, rhoneWhere())),
    );
    // Each group shows its first cards, in the order of the Rhône's page.
    const shown = page.locator('#resultats-liste .result-group');
    for (const [i, g] of groups.entries()) {
      const names = await cardNames(shown.nth(i));
      expect(names.length).toBeGreaterThan(0);
      expect(names).toEqual(g.providers.slice(0, names.length).map((p) => p.data.name));
    }
    const first = (await cardNames(page.locator('#resultats-liste')))[0];
    expect(first).not.toBe(nameOf(MARSEILLE));
    expect(groups[0]!.group).toBe('local');
    // The place's pages are offered.
    await expect
      .poll(() => page.locator('#resultats-lieu a').first().getAttribute('href'))
      .toBe(`/${routes.facetValue('departement', RHONE)}`);
    if (query === 'Lyon') expect(await page.locator('#resultats-lieu').textContent()).toContain('Lyon est dans le Rhône (69).');
    expect(new URL(page.url()).searchParams.get('q')).toBe(query);
    await page.context().close();
  });

  it('draws each result as the very card of the Rhône’s page', async () => {
    const page = await open(width, routes.search({ q: 'Lyon' }));
    await waitForResults(page);
    const vercors = nameOf('nuage-cooperatif-du-vercors');
    const inSearch = await cardShape(page.locator('#resultats-liste .provider-card', { hasText: vercors }));
    await page.goto(site.url + routes.facetValue('departement', RHONE));
    const onPage = await cardShape(page.locator('.results .provider-card', { hasText: vercors }));
    expect(inSearch).toEqual(onPage);
    expect(inSearch.join('\n')).toMatch(/P price +Tarif\u00a0: Sur devis · à partir de 300[\u00a0\u202f]€/);
    expect(inSearch.join('\n')).toMatch(/P reasons +Pourquoi ici\u00a0: intervient dans toute la région Auvergne-Rhône-Alpes/);
    await page.context().close();
  });

  it('says the same numbers on the Rhône’s page, its région’s page, the map, the finder and the search', async () => {
    const page = await open(width, routes.facetValue('departement', RHONE));
    expect(await page.locator('p.lead').textContent()).toBe(placeSummary(rhone, rhoneWhere()));
    await page.goto(site.url + routes.facetValue('region', REGION));
    expect(await page.locator('p.lead').textContent()).toBe(placeSummary(region, placeWhere('region', REGION)));
    // The map, on the home page and on the régions' page: its list, and each région's name on hover.
    const name = regionName(REGION)!;
    const onMap = `${name}\u00a0: ${countOf(placeNumber(region), 'structure', 'structures')}`;
    await page.goto(site.url + routes.home());
    expect(await page.locator('.france-map .regions li', { hasText: name }).textContent()).toBe(onMap);
    await page.goto(site.url + routes.facet('region'));
    expect(await page.locator(`.france-map svg a[href="/${routes.facetValue('region', REGION)}"] title`).textContent()).toBe(onMap);
    expect(await page.locator('.value-list li', { hasText: name }).textContent()).toBe(`${name} (${placeNumber(region)})`);
    await page.goto(site.url + routes.finder({ departement: RHONE }));
    await page.locator('#finder-list .provider-card').first().waitFor();
    expect(await page.locator('#finder-place').textContent()).toContain(placeSummary(rhone, rhoneWhere()));
    await page.goto(site.url + routes.search({ departement: RHONE }));
    await waitForResults(page);
    await expect.poll(() => page.locator('#resultats-etat').textContent(), { timeout: 10_000 }).toBe(placeSummary(rhone, rhoneWhere()));
    await page.context().close();
  });

  it('ends a search that finds nothing on help: the finder and the place pages', async () => {
    const page = await open(width, routes.directory());
    await page.fill('#q', 'zzqx vrombl');
    await expect
      .poll(() => page.locator('#resultats-etat').textContent(), { timeout: 10_000 })
      .toBe('Aucune structure ne correspond à «\u00a0zzqx vrombl\u00a0».');
    const help = page.locator('#resultats-aide');
    expect(await help.isVisible()).toBe(true);
    const links = await help.locator('a:visible').evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
    expect(links).toEqual(
      expect.arrayContaining([
        `/${routes.finder()}`,
        `/${routes.facet('departement')}`,
        `/${routes.facet('region')}`,
        `/${routes.directory()}`,
      ]),
    );
    expect(await help.getByRole('link', { name: `Trouver un accompagnement en ${finderQuestions}` }).isVisible()).toBe(true);

    // Words that match nothing in a place: the place's page and the finder for it.
    await page.fill('#q', 'zzqx Lyon');
    await expect.poll(() => page.locator('#resultats-etat').textContent(), { timeout: 10_000 }).toMatch(/^Aucune structure ne correspond/);
    expect(await help.getByRole('link', { name: /Toutes les structures dans le Rhône/ }).getAttribute('href')).toBe(
      `/${routes.facetValue('departement', RHONE)}`,
    );
    expect(await help.getByRole('link', { name: /Trouver un accompagnement/ }).getAttribute('href')).toBe(
      `/${routes.finder({ departement: RHONE })}`,
    );
    await page.context().close();
  });

  it('offers « Afficher plus » only when there is more, and moves the focus to the first new result', async () => {
    const page = await open(width, routes.search({ q: 'Lyon' }));
    await waitForResults(page);
    const groups = rhoneGroups();
    const boxes = page.locator('#resultats-liste .result-group');
    await expect.poll(() => boxes.count()).toBe(groups.length);
    for (const [i, g] of groups.entries()) {
      const box = boxes.nth(i);
      const shown = Math.min(g.providers.length, i === 0 ? SEARCH_PAGE.first : SEARCH_PAGE.otherGroups);
      await expect.poll(() => box.locator('.provider-card').count()).toBe(shown);
      const more = box.getByRole('button', { name: /Afficher plus/ });
      await expect.poll(() => more.isVisible()).toBe(shown < g.providers.length);
      if (shown === g.providers.length) continue;
      await more.click();
      const after = Math.min(g.providers.length, shown + SEARCH_PAGE.more);
      await expect.poll(() => box.locator('.provider-card').count()).toBe(after);
      await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe(g.providers[shown]!.data.name);
      expect(await more.isVisible()).toBe(after < g.providers.length);
    }
    expect(groups.some((g, i) => g.providers.length > (i === 0 ? SEARCH_PAGE.first : SEARCH_PAGE.otherGroups))).toBe(true);
    // A search with few results has no « Afficher plus » at all.
    await page.fill('#q', 'Sympa');
    await expect.poll(() => page.locator('#resultats-etat').textContent(), { timeout: 10_000 }).toMatch(/pour «\u00a0Sympa\u00a0»/);
    await expect.poll(() => page.locator('#resultats-liste .provider-card').count()).toBeGreaterThan(0);
    expect(
      await page
        .getByRole('button', { name: /Afficher plus/ })
        .filter({ visible: true })
        .count(),
    ).toBe(0);
    await page.context().close();
  });
});

describe.skipIf(!run).each(WIDTHS)('the Lyon treasurer without JavaScript, %i px wide', (width) => {
  it('goes from « Lyon » typed on the home page to the Rhône’s providers, in their groups', async () => {
    const page = await open(width, routes.home(), false);
    await page.getByLabel('Rechercher une structure, un logiciel, une ville').fill('Lyon');
    await page.getByRole('button', { name: 'Rechercher' }).click();
    await page.waitForURL(/\/annuaire\/\?q=Lyon$/);
    // The directory says plainly that the words were not searched, and where to go.
    await page.getByRole('link', { name: 'votre département' }).click();
    await page.waitForURL(new RegExp(`/${routes.facet('departement')}$`));
    await page.getByRole('link', { name: 'Rhône (69)', exact: true }).click();
    await page.waitForURL(new RegExp(`/${routes.facetValue('departement', RHONE)}$`));
    expect(await page.locator('p.lead').textContent()).toBe(placeSummary(rhone, rhoneWhere()));
    const groups = rhoneGroups();
    expect(await page.locator('.results .group-title').allTextContents()).toEqual(
      groups.map((g) => placeGroupHeading(g.group, g.providers.length, rhoneWhere())),
    );
    const names = await cardNames(page.locator('.results'));
    expect(names).toEqual(groups.flatMap((g) => g.providers.map((p) => p.data.name)));
    expect(names[0]).not.toBe(nameOf(MARSEILLE));
    await page.context().close();
  });

  it('never shows a link that would drop the page’s filter, and says so where filters cannot apply', async () => {
    for (const route of [
      routes.facetValue('departement', RHONE),
      routes.facetValue('region', REGION),
      routes.facetValue('service', 'diagnostic'),
    ]) {
      const page = await open(width, route, false);
      const visible = await page
        .locator('a[href*="?"]')
        .evaluateAll((as) =>
          as.filter((a) => (a as HTMLElement).offsetParent !== null).map((a) => (a as HTMLAnchorElement).getAttribute('href')),
        );
      expect(visible.filter((href) => href!.includes('/annuaire/?'))).toEqual([]);
      await page.context().close();
    }
    const page = await open(width, routes.search({ departement: RHONE }), false);
    expect(await page.evaluate(() => document.body.innerText)).toContain('les filtres indiqués dans l’adresse ne s’appliquent pas');
    expect(await page.getByRole('link', { name: 'votre département' }).getAttribute('href')).toBe(`/${routes.facet('departement')}`);
    await page.context().close();
  });
});

describe.skipIf(!run).each([true, false])('the filters on a phone (JavaScript %s)', (javaScriptEnabled) => {
  it('are reached from a link before the list', async () => {
    const page = await open(375, routes.facetValue('departement', RHONE), javaScriptEnabled);
    const link = page.getByRole('link', { name: /^Filtrer par service, lieu/ });
    expect(await link.isVisible()).toBe(true);
    const linkTop = (await link.boundingBox())!.y;
    const firstCard = (await page.locator('.results .provider-card').first().boundingBox())!.y;
    expect(linkTop).toBeLessThan(firstCard);
    await link.click();
    await page.waitForURL(/#filtres-annuaire$/);
    expect(await page.locator('#filtres-annuaire').isVisible()).toBe(true);
    // On a laptop the filters are beside the list: no such link.
    await page.setViewportSize({ width: 1280, height: 900 });
    expect(await link.isVisible()).toBe(false);
    await page.context().close();
  });
});
