/**
 * npm run quality [-- --dist dist] [-- --runs 3]
 *
 * Runs Lighthouse (Debian's Chromium, mobile profile) on the built site's
 * home, directory, a provider profile and a project page, and computes each
 * page's Ecoindex from what the browser really loaded: DOM elements, requests
 * and transferred bytes. Scores are medians over several runs. Exits 1 when a
 * page scores under 100 in accessibility, best practices or SEO, or under
 * grade A; performance is reported (it depends on the machine's load).
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import type { Browser } from 'playwright-core';
import { ecoindex } from './budget.ts';
import { CHROMIUM_FLAGS, chromiumPath, launchBrowser, serveStatic } from './lib/browser.ts';
import { LIST_PAGE_WORD, reservedProviderSlugs, routes } from '../src/domain/routes.ts';

const { values } = parseArgs({ options: { dist: { type: 'string', default: 'dist' }, runs: { type: 'string', default: '3' } } });
const dist = path.resolve(values.dist);
const runs = Math.max(1, Number(values.runs));
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

/** The first page of a folder of pages, for "a profile" and "a project". */
async function firstPage(route: (id: string) => string, ownWords: readonly string[]): Promise<string | undefined> {
  try {
    // The folder a route's pages live in (`annuaire/x/` → `annuaire`); the list's own pages (`page/2/`…) aside.
    const dir = path.posix.dirname(route('x'));
    const entries = await readdir(path.join(dist, dir), { withFileTypes: true });
    const page = entries.find((e) => e.isDirectory() && !ownWords.includes(e.name));
    return page ? route(page.name) : undefined;
  } catch {
    return undefined;
  }
}

/** DOM elements as Ecoindex counts them: every element but the insides of inline SVG. */
async function countElements(browser: Browser, url: string): Promise<number> {
  const page = await browser.newPage();
  try {
    await page.goto(url, { waitUntil: 'networkidle' });
    return await page.evaluate(() => document.getElementsByTagName('*').length - document.querySelectorAll('svg *').length);
  } finally {
    await page.close();
  }
}

interface PageResult {
  label: string;
  path: string;
  scores: Record<(typeof CATEGORIES)[number], number>;
  elements: number;
  requests: number;
  kilobytes: number;
  ecoindex: { score: number; grade: string };
}

async function main(): Promise<number> {
  const chromePath = chromiumPath();
  if (!chromePath) {
    console.error('Chromium est introuvable : installez-le (sudo apt-get install -y chromium) ou indiquez CHROMIUM_PATH.');
    return 2;
  }
  const pages: Array<[string, string | undefined]> = [
    ['Accueil', routes.home()],
    ['Annuaire', routes.directory()],
    ['Fiche de structure', await firstPage(routes.provider, reservedProviderSlugs)],
    ['Projet', await firstPage(routes.project, [LIST_PAGE_WORD])],
  ];
  const site = await serveStatic(dist);
  const chrome = await chromeLauncher.launch({ chromePath, chromeFlags: ['--headless=new', ...CHROMIUM_FLAGS] });
  const counter = await launchBrowser();
  const results: PageResult[] = [];
  try {
    for (const [label, pagePath] of pages) {
      if (pagePath === undefined) {
        console.warn(`${label} : aucune page trouvée dans ${dist}.`);
        continue;
      }
      const url = `${site.url}${pagePath}`;
      const samples: Array<Omit<PageResult, 'label' | 'path' | 'ecoindex'>> = [];
      for (let i = 0; i < runs; i++) {
        const result = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: [...CATEGORIES] });
        if (!result) throw new Error(`Lighthouse n’a rien rendu pour ${url}`);
        const { lhr } = result;
        const requests = (lhr.audits['network-requests']?.details as { items?: unknown[] } | undefined)?.items?.length ?? 0;
        samples.push({
          scores: Object.fromEntries(CATEGORIES.map((c) => [c, Math.round((lhr.categories[c]?.score ?? 0) * 100)])) as PageResult['scores'],
          elements: await countElements(counter, url),
          requests,
          kilobytes: (lhr.audits['total-byte-weight']?.numericValue ?? 0) / 1024,
        });
      }
      const scores = Object.fromEntries(CATEGORIES.map((c) => [c, median(samples.map((s) => s.scores[c]))])) as PageResult['scores'];
      const elements = median(samples.map((s) => s.elements));
      const requests = median(samples.map((s) => s.requests));
      const kilobytes = median(samples.map((s) => s.kilobytes));
      results.push({
        label,
        path: `/${pagePath}`,
        scores,
        elements,
        requests,
        kilobytes,
        ecoindex: ecoindex(elements, requests, kilobytes),
      });
    }
  } finally {
    await counter.close();
    chrome.kill();
    await site.close();
  }

  console.log(`Qualité des pages (Lighthouse, profil mobile, médianes sur ${runs} passages) et Ecoindex mesuré dans le navigateur :\n`);
  const rows = [
    ['Page', 'Performance', 'Accessibilité', 'Bonnes pratiques', 'SEO', 'Éléments', 'Requêtes', 'Ko transférés', 'Ecoindex'],
    ...results.map((r) => [
      `${r.label} (${r.path})`,
      ...CATEGORIES.map((c) => String(r.scores[c])),
      String(r.elements),
      String(r.requests),
      r.kilobytes.toFixed(1).replace('.', ','),
      `${r.ecoindex.score} (${r.ecoindex.grade})`,
    ]),
  ];
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((row) => row[i]!.length)));
  for (const row of rows) console.log(row.map((cell, i) => cell.padEnd(widths[i]!)).join('  '));

  const failing = results.filter(
    (r) => r.scores.accessibility < 100 || r.scores['best-practices'] < 100 || r.scores.seo < 100 || r.ecoindex.grade !== 'A',
  );
  for (const r of failing)
    console.error(`✘ ${r.label} : sous l’objectif (100 en accessibilité, bonnes pratiques et SEO ; note Ecoindex A).`);
  const slow = results.filter((r) => r.scores.performance < 100);
  for (const r of slow) console.warn(`⚠ ${r.label} : performance ${r.scores.performance} (dépend aussi de la charge de la machine).`);
  return failing.length > 0 ? 1 : 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`La mesure n’a pas pu aller au bout : ${(error as Error).message}`);
    process.exitCode = 2;
  },
);
