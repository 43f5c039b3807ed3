/**
 * What a visitor downloads for a search on a built site, page included:
 * `npm run bench` measures it on its synthetic corpus (docs/qualite.md).
 */
import { gzipSync } from 'node:zlib';
import { launchBrowser, serveStatic } from './browser.ts';

/** A search as a visitor makes it: the words typed on /annuaire/, or an address that holds words and filters. */
export interface SearchScenario {
  label: string;
  path: string;
  typed?: string;
  /** What it may transfer in all, page included, in kB (gzip), at up to 10 000 providers. */
  maxKilobytes: number;
}

export const SEARCH_SCENARIOS: SearchScenario[] = [
  { label: 'recherche tapée sur /annuaire/ (« nextcloud »)', path: 'annuaire/', typed: 'nextcloud', maxKilobytes: 150 },
  { label: 'lieu tapé sur /annuaire/ (« Lyon »)', path: 'annuaire/', typed: 'Lyon', maxKilobytes: 150 },
  { label: 'recherche avec filtres dans l’adresse', path: 'annuaire/?q=nextcloud&departement=69', maxKilobytes: 200 },
];

/**
 * Everything a visitor downloads for a search on the built site, from the
 * page itself to the last result: HTML, styles, scripts, Pagefind's script,
 * WebAssembly, index chunks, filters, result fragments, the places and
 * commune files, with text files counted gzipped as any static host serves
 * them (Pagefind's own files are compressed already).
 */
export async function measureSearch(
  dist: string,
  scenario: SearchScenario,
): Promise<{ kilobytes: number; requests: number; files: Array<[string, number]> }> {
  const site = await serveStatic(dist);
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    const files: Array<[string, number]> = [];
    const pending: Array<Promise<void>> = [];
    page.on('response', (response) => {
      pending.push(
        (async () => {
          const url = new URL(response.url());
          const body = await response.body().catch(() => Buffer.alloc(0));
          const text = /\.(html|js|json|css|svg)$|\/$/.test(url.pathname);
          files.push([url.pathname + url.search, text ? gzipSync(body).length : body.length]);
        })(),
      );
    });
    await page.goto(`${site.url}${scenario.path}`, { waitUntil: 'networkidle' });
    if (scenario.typed) await page.fill('#q', scenario.typed);
    await page.locator('#resultats-liste li').first().waitFor({ timeout: 60_000 });
    await page.waitForLoadState('networkidle');
    await Promise.all(pending);
    const bytes = files.reduce((sum, [, b]) => sum + b, 0);
    return { kilobytes: bytes / 1024, requests: files.length, files: files.sort((a, b) => b[1] - a[1]) };
  } finally {
    await browser.close();
    await site.close();
  }
}
