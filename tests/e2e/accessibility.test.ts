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
  { name: 'annuaire', path: 'annuaire/' },
  { name: 'recherche avec filtres', path: 'annuaire/?q=Nextcloud&service=hebergement', ready: '#resultats-liste li' },
  { name: 'recherche par lieu, en groupes', path: 'annuaire/?q=Lyon', ready: '#resultats-liste .result-group h3' },
  { name: 'recherche sans résultat', path: 'annuaire/?q=zzqx', ready: '#resultats-aide:not([hidden])' },
  { name: 'liste d’une facette', path: 'annuaire/departement/' },
  { name: 'liste des régions, avec la carte', path: 'annuaire/region/' },
  { name: 'page d’un service', path: 'annuaire/service/diagnostic/' },
  { name: 'page d’un département', path: 'annuaire/departement/38/' },
  { name: 'page d’une région', path: 'annuaire/region/84/' },
  { name: 'page d’une zone', path: 'annuaire/zone/distance/' },
  { name: 'page d’un service remplacé', path: 'annuaire/remplace/google-drive/' },
  { name: 'fiche de structure', path: 'annuaire/nuage-cooperatif-du-vercors/' },
  { name: 'trouver un accompagnement', path: 'trouver/?service=diagnostic&departement=69&budget=petit', ready: '#finder-list li' },
  { name: 'projets', path: 'projets/' },
  { name: 'projet', path: 'projets/paheko-relance-des-adhesions/' },
  { name: 'ressources', path: 'ressources/' },
  { name: 'ressource', path: 'ressources/diagnostic/' },
  { name: 'partenaires', path: 'partenaires/' },
  { name: 'page éditoriale', path: 'a-propos/' },
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
