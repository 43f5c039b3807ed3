/**
 * A project site lives under a path (https://organisation.github.io/<dépôt>/).
 * Build the demo site under /emancipasso/ and crawl every file of the output:
 * every internal link, asset, feed, data file and search path must stay under
 * that path and lead to a file that exists.
 */
import { routes } from '../../src/domain/routes.ts';
import { execFile } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listFiles } from '../../scripts/lib/dist-files.ts';
import { browserAvailable, launchBrowser, serveStatic, withoutViteEnv } from './harness.ts';

const root = path.resolve(import.meta.dirname, '../..');
const BASE = '/emancipasso/';
const SITE = 'https://asso.example.org';
let work: string;
let dist: string;

/** Where a site path points in dist/, as a static host would resolve it. */
function resolves(sitePath: string): boolean {
  const clean = decodeURIComponent(sitePath.split(/[?#]/)[0]!);
  if (!clean.startsWith(BASE)) return false;
  const file = path.join(dist, clean.slice(BASE.length));
  if (existsSync(file) && statSync(file).isFile()) return true;
  return existsSync(path.join(file, 'index.html'));
}

beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'emancipasso-base-'));
  dist = path.join(work, 'dist');
  await promisify(execFile)(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build', '--outDir', dist], {
    cwd: root,
    // Vitest sets BASE_URL (and MODE…) in its own environment; Astro would take it over the configured base.
    env: {
      ...withoutViteEnv(process.env),
      BASE_PATH: BASE,
      SITE_URL: SITE,
      ASTRO_CACHE_DIR: path.join(work, 'cache'),
      ASTRO_TELEMETRY_DISABLED: '1',
    },
    maxBuffer: 64 * 1024 * 1024,
  });
}, 300_000);

afterAll(() => rm(work, { recursive: true, force: true }));

describe(`the site built under ${BASE}`, () => {
  it('has no broken internal link, nor one outside the site’s path', async () => {
    const broken: string[] = [];
    const files = (await listFiles(dist))
      .map((f) => path.join(dist, f))
      .filter((f) => /\.(html|css|xml|json|webmanifest|txt)$/.test(f) && !f.includes(`${path.sep}pagefind${path.sep}`));
    let checked = 0;
    for (const file of files) {
      const text = await readFile(file, 'utf8');
      const rel = path.relative(dist, file);
      const refs = new Set<string>();
      if (file.endsWith('.html')) {
        for (const m of text.matchAll(/\s(?:href|src|action|poster|data-[\w-]*url)="([^"]+)"/g)) refs.add(m[1]!.replace(/&amp;/g, '&'));
        for (const m of text.matchAll(/\ssrcset="([^"]+)"/g)) for (const part of m[1]!.split(',')) refs.add(part.trim().split(/\s+/)[0]!);
      }
      if (file.endsWith('.css') || file.endsWith('.html'))
        for (const m of text.matchAll(/url\(\s*['"]?([^'")]+)['"]?\s*\)/g)) refs.add(m[1]!);
      if (file.endsWith('.xml') || file.endsWith('.txt') || file.endsWith('.json')) {
        for (const m of text.matchAll(new RegExp(`${SITE.replace(/\./g, '\\.')}(/[^\\s"<>]*)`, 'g'))) refs.add(m[1]!);
      }
      for (const ref of refs) {
        if (/^(https?:|mailto:|tel:|data:|#|javascript:)/i.test(ref) && !ref.startsWith(SITE)) continue;
        const target = ref.startsWith(SITE) ? ref.slice(SITE.length) : ref;
        if (!target.startsWith('/')) continue; // relative to the page: resolved by the browser test below
        checked++;
        if (!resolves(target)) broken.push(`${rel} → ${ref}`);
      }
    }
    expect(checked).toBeGreaterThan(100);
    expect(broken, broken.slice(0, 20).join('\n')).toEqual([]);
  });

  it('has no style attribute, which the pages’ security policy would block', async () => {
    const styled: string[] = [];
    for (const rel of await listFiles(dist)) {
      if (!rel.endsWith('.html') || rel.startsWith('admin/')) continue;
      const match = /<[a-z][^>]*\sstyle\s*=\s*["'][^"']*/i.exec(await readFile(path.join(dist, rel), 'utf8'));
      if (match) styled.push(`${rel} : ${match[0].slice(0, 100)}`);
    }
    expect(styled).toEqual([]);
  });

  it('serves search, style sheets and scripts under that path in a browser', async () => {
    if (!browserAvailable()) return;
    const site = await serveStatic(dist, BASE);
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage();
      const failed: string[] = [];
      page.on('response', (response) => {
        if (response.status() >= 400) failed.push(`${response.status()} ${response.url()}`);
      });
      page.on('requestfailed', (request) => failed.push(`échec ${request.url()}`));
      for (const url of ['', routes.directory(), routes.projects(), routes.resources(), routes.openData()]) {
        await page.goto(`${site.url}${url}`, { waitUntil: 'networkidle' });
      }
      // Every request stayed on the site and under its path.
      for (const requested of site.requests) expect(requested.startsWith(BASE), requested).toBe(true);
      expect(failed).toEqual([]);
    } finally {
      await browser.close();
      await site.close();
    }
  });
});
