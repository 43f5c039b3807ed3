/**
 * axe (WCAG 2.0 A to 2.2 AA) finds no violation on any public page type, at
 * 375 px and 1280 px, including the states JavaScript adds: search results
 * with their filters, and the guided finder's answer. Light and dark themes.
 * The embeds for partner sites are checked as pages of their own: inside a
 * frame, that is what a screen reader reads.
 */
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routes } from '../../src/domain/routes.ts';
import { browserAvailable, launchBrowser, serveStatic, type StaticSite } from './harness.ts';

const DIST = path.resolve(process.env.DIST_DIR ?? 'dist');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const run = browserAvailable();

/** One address per page type, and what to wait for once JavaScript has done its part. */
const PAGES: Array<{ name: string; path: string; ready?: string }> = [
  { name: 'accueil', path: '' },
  { name: 'annuaire', path: routes.directory() },
  { name: 'recherche avec filtres', path: routes.search({ q: 'Nextcloud', service: 'hebergement' }), ready: '#resultats-liste li' },
  { name: 'recherche par lieu, en groupes', path: routes.search({ q: 'Lyon' }), ready: '#resultats-liste .result-group h3' },
  { name: 'recherche sans résultat', path: routes.search({ q: 'zzqx' }), ready: '#resultats-aide:not([hidden])' },
  { name: 'liste d’une facette', path: routes.facet('departement') },
  { name: 'liste des régions, avec la carte', path: routes.facet('region') },
  { name: 'page d’un service', path: routes.facetValue('service', 'diagnostic') },
  { name: 'page d’un département', path: routes.facetValue('departement', '38') },
  { name: 'page d’une région', path: routes.facetValue('region', '84') },
  { name: 'page d’une zone', path: routes.facetValue('zone', 'distance') },
  { name: 'page d’un service remplacé', path: routes.facetValue('remplace', 'google-drive') },
  { name: 'fiche de structure', path: routes.provider('nuage-cooperatif-du-vercors') },
  { name: 'vue tableau de l’annuaire', path: routes.directoryTable() },
  { name: 'vue tableau d’un département, avec ses raisons', path: routes.facetValueTable('departement', '38') },
  { name: 'comparer, sans choix', path: routes.compare() },
  {
    name: 'comparer trois structures, avec une inconnue',
    path: routes.compare(['nuage-cooperatif-du-vercors', 'bocage-numerique', 'structure-inconnue', 'estuaire-libre']),
    ready: '#comparer-resultat table',
  },
  {
    name: 'trouver un accompagnement',
    path: routes.finder({ service: 'diagnostic', departement: '69', budget: 'petit' }),
    ready: '#finder-list li',
  },
  { name: 'projets', path: routes.projects() },
  { name: 'projet', path: routes.project('paheko-relance-des-adhesions') },
  { name: 'ressources', path: routes.resources() },
  { name: 'ressource', path: routes.resource('diagnostic') },
  { name: 'partenaires', path: routes.partners() },
  { name: 'page éditoriale', path: routes.page('a-propos') },
  { name: 'importer une fiche à la main', path: routes.importGuide() },
  { name: 'page introuvable', path: 'nulle-part/' },
  { name: 'intégrer l’annuaire', path: routes.embeds() },
  // The frames other sites show: pages of their own, checked alone as a screen reader meets them inside a frame.
  { name: 'cadre d’un réseau', path: routes.embed('reseau', 'chatons') },
  { name: 'cadre d’une région', path: routes.embed('region', '84') },
  { name: 'cadre sans structure', path: routes.embed('reseau', 'adullact') },
];

let site: StaticSite;
let browser: Browser;

beforeAll(async () => {
  site = await serveStatic(DIST, '/');
  if (run) browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

describe.skipIf(!run).each([
  { width: 375, scheme: 'light' as const },
  { width: 1280, scheme: 'light' as const },
  { width: 1280, scheme: 'dark' as const },
])('axe at $width px, $scheme theme', ({ width, scheme }) => {
  it.each(PAGES)('$name has no violation', async ({ path: pathname, ready }) => {
    const context = await browser.newContext({ viewport: { width, height: 900 }, colorScheme: scheme });
    const page = await context.newPage();
    await page.goto(site.url + pathname);
    if (ready) await page.locator(ready).first().waitFor();
    const { violations } = await new AxeBuilder({ page }).withTags(TAGS).analyze();
    const summary = violations.map(
      (v) =>
        `${v.id} (${v.impact}) : ${v.help} → ${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 3)
          .join(' ; ')}`,
    );
    expect(summary).toEqual([]);
    // Nothing wider than the screen: no sideways scrolling on a phone.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    await context.close();
  });
});
