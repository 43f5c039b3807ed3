/**
 * The same journeys with JavaScript turned off, through the static pages
 * only: the search box still leads to the directory, facets are real links
 * (service, then département), profiles and projects read in full, the guided
 * finder lands on the directory page that answers, and a missing page helps.
 */
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDirectory, type Directory } from '../../src/domain/directory/index.ts';
import { buildFacets, type FacetIndex } from '../../src/domain/directory/facets.ts';
import { loadContent } from '../../src/loader/index.ts';
import { groupForPlace, placeWhere } from '../../src/domain/directory/places.ts';
import { placeGroupHeading } from '../../src/domain/directory/place-rank.ts';
import { finderQuestions } from '../../src/domain/finder/index.ts';
import { NEED_FORM, supportersCount } from '../../src/domain/project-needs.ts';
import { absoluteUrl, routes } from '../../src/domain/routes.ts';
import type { Settings } from '../../src/schemas/editorial.ts';
import { browserAvailable, launchBrowser, serveStatic, type StaticSite } from './harness.ts';

const DIST = path.resolve(process.env.DIST_DIR ?? 'dist');
const WIDTHS = [375, 1280];
const run = browserAvailable();

let site: StaticSite;
let browser: Browser;
let directory: Directory;
let facets: FacetIndex;
let settings: Settings;

beforeAll(async () => {
  const { content } = await loadContent('content');
  directory = buildDirectory(content, '2026-11-28');
  facets = buildFacets(directory.providers, content.taxonomies);
  settings = content.settings!;
  site = await serveStatic(DIST, '/');
  if (run) browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

async function open(width: number, pathname: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height: 900 }, javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(site.url + pathname);
  return page;
}

const nameOf = (id: string) => directory.providers.find((p) => p.id === id)!.data.name;
const cardNames = (page: Page) => page.locator('.results .provider-card :is(h3, h4) a').allTextContents();

describe.skipIf(!run).each(WIDTHS)('without JavaScript, %i px wide', (width) => {
  it('sends the home page’s search to the directory, which lists everyone and says how to filter', async () => {
    const page = await open(width, '');
    await page.getByLabel('Rechercher une structure, un logiciel, une ville').fill('Nextcloud');
    await page.getByRole('button', { name: 'Rechercher' }).click();
    await page.waitForURL(/\/annuaire\/\?q=Nextcloud$/);
    // innerText is what is rendered: the <noscript> note shows only without JavaScript.
    expect(await page.evaluate(() => document.body.innerText)).toContain('Sans JavaScript, la recherche par mots');
    expect(await page.locator('#filtres').isHidden()).toBe(true);
    expect(await cardNames(page)).toHaveLength(Math.min(24, directory.providers.length));
    await page.context().close();
  });

  it('filters by service, then by département, through links with counts', async () => {
    const page = await open(width, routes.directory());
    const diagnostic = facets.facets.find((f) => f.key === 'service')!.values.find((v) => v.value === 'diagnostic')!;
    await page.getByRole('link', { name: diagnostic.label, exact: true }).first().click();
    await page.waitForURL(/\/annuaire\/service\/diagnostic\/$/);
    expect(await page.locator('h1').textContent()).toContain('Diagnostic des outils et des usages');
    expect((await cardNames(page)).sort()).toEqual(facets.members.service.get('diagnostic')!.map(nameOf).sort());

    await page.goto(site.url + routes.facet('departement'));
    await page.getByRole('link', { name: 'Isère (38)' }).click();
    await page.waitForURL(/\/annuaire\/departement\/38\/$/);
    expect(await page.locator('h1').textContent()).toBe('Structures dans l’Isère');
    // Every provider the place rule lists, in its groups: on the spot, everywhere, remotely.
    const groups = groupForPlace(directory.providers, 'departement', '38');
    expect(await cardNames(page)).toEqual(groups.flatMap((g) => g.providers.map((p) => p.data.name)));
    expect(await page.locator('.results .group-title').allTextContents()).toEqual(
      groups
        .filter((g) => g.providers.length > 0)
        .map((g) => placeGroupHeading(g.group, g.providers.length, placeWhere('departement', '38'))),
    );
    // The providers located there come first, each with the reason it is listed.
    const first = page.locator('.results .cards > li').first();
    expect(await first.locator('h4').textContent()).toBe(nameOf('nuage-cooperatif-du-vercors'));
    expect(await first.locator('.reasons').textContent()).toContain('basée à Grenoble, dans l’Isère');
    expect(await page.locator('.results .reasons', { hasText: 'intervient partout en France' }).count()).toBe(
      directory.providers.filter((p) => p.data.area.national).length,
    );
    await page.context().close();
  });

  it('opens a profile and reads it in full', async () => {
    const page = await open(width, routes.directory());
    await page.getByRole('link', { name: nameOf('octets-solidaires') }).click();
    await page.waitForURL(/\/annuaire\/octets-solidaires\/$/);
    const provider = directory.providers.find((p) => p.id === 'octets-solidaires')!;
    expect(await page.locator('h1').textContent()).toBe(provider.data.name);
    expect(await page.locator('article.recommendation').count()).toBe(provider.recommendations.length);
    expect(await page.getByRole('heading', { name: 'Zone d’intervention' }).isVisible()).toBe(true);
    expect(await page.getByRole('link', { name: /Signaler une erreur/ }).isVisible()).toBe(true);
    await page.context().close();
  });

  it('reads a project with its progress and where to give', async () => {
    const page = await open(width, routes.projects());
    await page.getByRole('link', { name: 'Module de relance des adhésions pour Paheko' }).click();
    await page.waitForURL(/\/projets\/paheko-relance-des-adhesions\/$/);
    expect(await page.locator('h2#contribuer').textContent()).toBe('Comment contribuer');
    expect(await page.getByLabel(/promis sur/).getAttribute('value')).toBe('3300');
    expect(await page.getByRole('link', { name: /^Contribuer sur / }).isVisible()).toBe(true);
    await page.context().close();
  });

  it('lets an association say it needs a project too, through plain links to the forge’s form and to the committee', async () => {
    const project = directory.projects.find((p) => p.id === 'paheko-relance-des-adhesions')!;
    const list = await open(width, routes.projects());
    const card = list.locator('.project-card', { has: list.getByRole('link', { name: project.data.title }) });
    expect(await card.textContent()).toContain(supportersCount(project.data.supporters));
    await list.context().close();

    const page = await open(width, routes.project('paheko-relance-des-adhesions'));
    const action = page.getByRole('link', { name: 'Nous en avons besoin aussi' });
    expect(await action.isVisible()).toBe(true);
    expect(await action.evaluate((a) => a.tagName)).toBe('A');
    const forge = new URL((await action.getAttribute('href'))!);
    expect(forge.origin + forge.pathname).toBe(`${settings.repository.url.replace(/\/$/, '')}/issues/new`);
    expect(forge.searchParams.get('template')).toBe(NEED_FORM.template);
    expect(forge.searchParams.get(NEED_FORM.fields.project)).toBe(
      `${project.data.title} (${absoluteUrl(settings.site_url, routes.project(project.id))})`,
    );
    const mail = (await page.getByRole('link', { name: 'écrivez au comité de pilotage' }).getAttribute('href'))!;
    expect(mail.startsWith(`mailto:${settings.contact_email}?subject=`)).toBe(true);
    const body = new URLSearchParams(mail.slice(mail.indexOf('?'))).get('body') ?? '';
    expect(body).toContain(project.data.title);
    expect(body).toContain('Nom de notre association');
    const supporters = await page.locator('section.need li').allTextContents();
    expect(supporters).toEqual(project.data.supporters);
    await page.context().close();
  });

  it('guides to the static page that answers the finder’s question', async () => {
    const page = await open(width, routes.finder());
    expect(await page.locator('#finder').isHidden()).toBe(true);
    await page.getByRole('link', { name: 'Diagnostic des outils et des usages' }).click();
    await page.waitForURL(/\/annuaire\/service\/diagnostic\/$/);
    await page.goto(site.url + routes.finder());
    await page.getByRole('link', { name: 'Choisir votre département' }).click();
    await page.waitForURL(/\/annuaire\/departement\/$/);
    await page.context().close();
  });

  it('helps on a missing page', async () => {
    const page = await open(width, routes.provider('structure-inconnue'));
    expect(await page.locator('h1').textContent()).toBe('Cette page est introuvable');
    await page.getByRole('link', { name: `Trouver un accompagnement en ${finderQuestions}` }).click();
    await page.waitForURL(/\/trouver\/$/);
    await page.context().close();
  });
});
