/**
 * The visitor's journeys on the built demo site, with JavaScript, on a phone
 * (375 px) and a laptop (1280 px): search by text, filter by service and
 * département, open a profile, read a project, use the guided finder. And the
 * publication rule seen from outside: unpublished providers appear nowhere.
 */
import { routes } from '../../src/domain/routes.ts';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AVERAGES_EXPLAINED, buildDirectory, type Directory } from '../../src/domain/directory/index.ts';
import { buildFacets, type FacetIndex } from '../../src/domain/directory/facets.ts';
import { countOf } from '../../src/domain/text/format.ts';
import { groupForPlace, placeWhere } from '../../src/domain/directory/places.ts';
import type { PlaceCounts } from '../../src/domain/directory/place-rank.ts';
import { SEARCH_PAGE, searchStatus } from '../../src/domain/directory/search-words.ts';
import { loadContent } from '../../src/loader/index.ts';
import { browserAvailable, launchBrowser, serveStatic, type StaticSite } from './harness.ts';

const DIST = path.resolve(process.env.DIST_DIR ?? 'dist');
const UNPUBLISHED = ['isula-libera', 'cle-de-touraine-conseil', 'volcans-numeriques'];
const WIDTHS = [375, 1280];

let site: StaticSite;
let browser: Browser;
let directory: Directory;
let facets: FacetIndex;
let unpublishedNames: string[];

const run = browserAvailable();

beforeAll(async () => {
  const { content } = await loadContent('content');
  directory = buildDirectory(content, '2026-11-28');
  facets = buildFacets(directory.providers, content.taxonomies);
  unpublishedNames = content.providers.filter((p) => UNPUBLISHED.includes(p.id)).map((p) => p.data.name);
  site = await serveStatic(DIST, '/');
  if (run) browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

async function open(width: number, pathname: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height: 900 } });
  const page = await context.newPage();
  await page.goto(site.url + pathname);
  return page;
}

const nameOf = (id: string) => directory.providers.find((p) => p.id === id)!.data.name;
const resultNames = (page: Page) => page.locator('#resultats-liste .provider-card :is(h3, h4) a').allTextContents();

describe.skipIf(!run).each(WIDTHS)('with JavaScript, %i px wide', (width) => {
  it('finds a provider by a word of its profile, and the address keeps the query', async () => {
    const page = await open(width, routes.directory());
    await page.fill('#q', 'Collabora');
    await page.locator('#resultats-liste li').first().waitFor();
    expect(await resultNames(page)).toContain(nameOf('nuage-cooperatif-du-vercors'));
    expect(await page.locator('#annuaire-statique').isHidden()).toBe(true);
    expect(new URL(page.url()).searchParams.get('q')).toBe('Collabora');
    await page.context().close();
  });

  it('filters by service and département, with the same providers, in the same groups, as the static pages', async () => {
    const page = await open(width, routes.search({ service: 'diagnostic', departement: '38' }));
    await page.locator('#resultats-liste li').first().waitFor();
    const groups = groupForPlace(directory.providers, 'departement', '38').map((g) => ({
      ...g,
      providers: g.providers.filter((p) => facets.members.service.get('diagnostic')!.includes(p.id)),
    }));
    // The first results of each group, in the order of the place's page.
    const firstOf = (lists: string[][]) =>
      lists.filter((l) => l.length > 0).flatMap((l, i) => l.slice(0, i === 0 ? SEARCH_PAGE.first : SEARCH_PAGE.otherGroups));
    const expected = firstOf(groups.map((g) => g.providers.map((p) => p.data.name)));
    expect(expected.length).toBeGreaterThan(1);
    await expect.poll(() => resultNames(page)).toEqual(expected);
    const counts = Object.fromEntries(groups.map((g) => [g.group, g.providers.length])) as PlaceCounts;
    await expect
      .poll(() => page.locator('#resultats-etat').textContent())
      .toBe(searchStatus({ words: '', filtered: true, total: 0, place: { where: placeWhere('departement', '38'), counts } }));
    expect(await page.locator('select[name="service"]').inputValue()).toBe('diagnostic');
    expect(await page.locator('select[name="departement"]').inputValue()).toBe('38');

    // Changing a filter in the form narrows the list and the address follows.
    await page.selectOption('select[name="taille"]', 'moyenne');
    await expect.poll(() => new URL(page.url()).searchParams.get('taille')).toBe('moyenne');
    const narrowed = firstOf(groups.map((g) => g.providers.filter((p) => p.data.sizes.includes('moyenne')).map((p) => p.data.name)));
    await expect.poll(async () => resultNames(page)).toEqual(narrowed);
    await page.context().close();
  });

  it('opens a profile from the results, with its badges, ratings, recommendations and structured data', async () => {
    const page = await open(width, routes.search({ q: 'Grenoble' }));
    await page.locator('#resultats-liste li').first().waitFor();
    await page.getByRole('link', { name: nameOf('nuage-cooperatif-du-vercors') }).click();
    await page.waitForURL(/\/annuaire\/nuage-cooperatif-du-vercors\/$/);
    const provider = directory.providers.find((p) => p.id === 'nuage-cooperatif-du-vercors')!;
    expect(await page.locator('h1').textContent()).toBe(provider.data.name);
    expect(await page.locator('.badges').textContent()).toContain(`${provider.recommendations.length} recommandations vérifiées`);
    expect(await page.locator('.badges').textContent()).toContain('Membre\u00A0: CHATONS');
    expect(await page.locator('article.recommendation').count()).toBe(provider.recommendations.length);
    // Each criterion: its average, then how many gave each rating and « Non concerné », as the domain counts them.
    const rows = page.locator('table.ratings tbody tr');
    expect(await rows.count()).toBe(provider.ratings.filter((r) => r.count + r.notConcerned > 0).length);
    expect(await rows.first().locator('td.average').textContent()).toMatch(/^\d,\d sur 5 \d+\u00a0notes?$/);
    expect(await rows.first().locator('td.count').allTextContents()).toEqual(
      [...provider.ratings[0]!.distribution, provider.ratings[0]!.notConcerned].map(String),
    );
    expect(await page.getByText(AVERAGES_EXPLAINED).isVisible()).toBe(true);
    const jsonLd = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent())!);
    expect(jsonLd).toMatchObject({ '@type': 'Organization', name: provider.data.name, aggregateRating: { bestRating: 5 } });
    const report = page.getByRole('link', { name: /Signaler une erreur/ });
    expect(await report.getAttribute('href')).toMatch(/^https:\/\/github\.com\/emancipasso\/annuaire\/issues\/new\?title=/);
    await page.context().close();
  });

  it('reads a project and finds where to give, outside the site', async () => {
    const page = await open(width, routes.projects());
    await page.getByRole('link', { name: 'Module de relance des adhésions pour Paheko' }).click();
    await page.waitForURL(/\/projets\/paheko-relance-des-adhesions\/$/);
    const project = directory.projects.find((p) => p.id === 'paheko-relance-des-adhesions')!;
    const bar = page.locator('progress#financement-barre');
    expect(Number(await bar.getAttribute('value'))).toBe(project.funding.pledged);
    expect(Number(await bar.getAttribute('max'))).toBe(project.data.goal_eur);
    expect(
      await page
        .getByText(/promis sur/)
        .first()
        .textContent(),
    ).toMatch(/\(55[\u00a0\u202f]%\)/);
    const give = page.getByRole('link', { name: /^Contribuer sur / });
    expect(await give.getAttribute('href')).toBe(project.data.payment_url);
    expect(await page.locator('ol.milestones li').count()).toBe(project.data.milestones.length);
    await page.context().close();
  });

  it('answers the guided finder instantly, with the reasons of each match', async () => {
    const page = await open(width, routes.finder());
    await page.selectOption('#service', 'diagnostic');
    await page.selectOption('#departement', '38');
    await page.getByRole('button', { name: 'Voir les structures' }).click();
    await page.locator('#finder-list li').first().waitFor();
    const first = page.locator('#finder-list li').first();
    expect(await first.locator('a').textContent()).toBe(nameOf('nuage-cooperatif-du-vercors'));
    expect(await first.textContent()).toContain('basée à Grenoble, dans l’Isère');
    expect(await first.textContent()).toContain('propose\u00A0: Diagnostic des outils et des usages');
    expect(new URL(page.url()).searchParams.get('departement')).toBe('38');
    // Every provider listed offers the need and reaches the département, on site, everywhere or remotely.
    for (const text of await page.locator('#finder-list li').allTextContents()) {
      expect(text).toMatch(/basée à|intervient|accompagne à distance/);
    }
    await page.context().close();
  });
});

async function walk(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await walk(full)));
    else out.push(full);
  }
  return out;
}

describe('unpublished providers', () => {
  it('appear in no page, data file or search index of the public site', async () => {
    const found: string[] = [];
    for (const file of await walk(DIST)) {
      const rel = path.relative(DIST, file);
      // The committee's dashboard lists them on purpose; the CMS edits every file. The
      // no-account forms know every slug: a waiting provider gets its first recommendation
      // through /recommander/, and /proposer/ checks that a new slug is free.
      if (/^(comite|admin|proposer|recommander)\//.test(rel)) continue;
      let text: string;
      const raw = await readFile(file);
      if (rel.startsWith('pagefind/') && /\.pf_|\.pagefind$/.test(rel)) {
        // Pagefind's index files are gzip-compressed behind a short signature.
        try {
          text = gunzipSync(raw).toString('utf8');
        } catch {
          text = raw.toString('utf8');
        }
      } else if (/\.(html|json|xml|csv|txt|js|css)$/.test(rel)) {
        text = raw.toString('utf8');
      } else continue;
      for (const needle of [...UNPUBLISHED, ...unpublishedNames]) if (text.includes(needle)) found.push(`${rel} : ${needle}`);
    }
    expect(found).toEqual([]);
    expect(unpublishedNames).toHaveLength(3);
  });

  it('get no profile page', async () => {
    for (const slug of UNPUBLISHED) {
      const response = await fetch(`${site.url}${routes.provider(slug)}`);
      expect(response.status).toBe(404);
    }
  });

  it('are not counted on the map', async () => {
    const html = await readFile(path.join(DIST, 'index.html'), 'utf8');
    // Corse: Isula Libera is located there but unpublished; only providers working everywhere count.
    const corse = facets.members.region.get('94') ?? [];
    expect(corse.some((id) => UNPUBLISHED.includes(id))).toBe(false);
    expect(html).toMatch(new RegExp(`>Corse</a>(?:&nbsp;|\u00A0): ${countOf(corse.length, 'structure', 'structures')}<`));
  });

  it.skipIf(!run)('are not found by the search', async () => {
    const page = await open(1280, routes.search({ q: 'Isula' }));
    await expect.poll(() => page.locator('#resultats-etat').textContent(), { timeout: 10_000 }).toMatch(/Aucune structure/);
    await page.context().close();
  });
});
