/**
 * Every page of the built site is valid HTML for the Nu Html Checker (the
 * W3C's validator), checked in one Java process over all of them, together
 * with a page made faulty on purpose that shows the check does catch errors.
 *
 * Checked: every `.html` file of `dist/`, that is every public page (home,
 * directory and its facet pages, profiles, projects, resources, editorial
 * pages, finder, forms, open data, 404), the committee dashboard, and the
 * CMS page `/admin/`: its HTML is ours (src/pages/admin/index.astro) and
 * served to anyone, so it is held to the same rule; what Decap draws in it
 * with JavaScript afterwards is beyond a check of the served HTML.
 *
 * Only errors fail the test. Warnings are printed, grouped. Those about the
 * Content Security Policy are expected, and wrong here: the checker reads
 * the pages from disk, where no address is 'self'; it does not match the
 * hash of an inline style ending with a newline, which browsers accept; and
 * it counts a JSON-LD block as a script although browsers never run it.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtSiteHome, listFiles, pagePath } from '../../scripts/lib/dist-files.ts';
import { checkHtml, formatMessage, javaAvailable, type HtmlMessage } from '../../scripts/lib/html-checker.ts';
import { privateSections, routes } from '../../src/domain/routes.ts';

const DIST = path.resolve(process.env.DIST_DIR ?? 'dist');

// Line 3: a heading skips a level and an id repeats; line 4: a section
// without a heading (a warning); line 6: a script after </html>.
const FAULTY_PAGE = [
  '<!doctype html>',
  '<html lang="fr"><head><meta charset="utf-8"><title>Page fautive</title></head><body><main>',
  '<h1 id="titre">Titre</h1><h3 id="titre">Sous-titre</h3>',
  '<section><p>Une section sans titre.</p></section>',
  '</main></body></html>',
  '<script src="/x.js"></script>',
].join('\n');

// Without Java: skipped, loudly; in CI, fails.
const canRun = javaAvailable();
let scratch: string;
let pages: string[] = [];
let messages: HtmlMessage[] = [];
let checkSeconds = 0;

beforeAll(async () => {
  if (!existsSync(path.join(DIST, 'index.html'))) throw new Error(`Pas de site construit dans ${DIST} : lancez « npm run build ».`);
  if (!canRun) return;
  scratch = await mkdtemp(path.join(os.tmpdir(), 'html-validity-'));
  await writeFile(path.join(scratch, 'fautive.html'), FAULTY_PAGE);
  pages = (await listFiles(DIST)).filter((f) => f.endsWith('.html'));
  const started = performance.now();
  messages = await checkHtml([...pages.map((f) => path.join(DIST, f)), path.join(scratch, 'fautive.html')]);
  checkSeconds = (performance.now() - started) / 1000;
});

afterAll(async () => {
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

const inside = (root: string) => (m: HtmlMessage) => m.file.startsWith(root + path.sep);

describe('the HTML check', () => {
  it.skipIf(!canRun)('reports each error as file:line:column message, and tells errors from warnings', () => {
    const faulty = messages.filter(inside(scratch));
    const errors = faulty.filter((m) => m.level === 'error').map((m) => formatMessage(m, scratch));
    expect(errors).toContainEqual(expect.stringMatching(/^fautive\.html:3:\d+ The heading “h3” .* skipping 1 heading level/));
    expect(errors).toContainEqual(expect.stringMatching(/^fautive\.html:3:\d+ Duplicate ID “titre”\.$/));
    expect(errors).toContainEqual(expect.stringMatching(/^fautive\.html:6:1 Stray start tag “script”\.$/));
    const warnings = faulty.filter((m) => m.level === 'warning').map((m) => formatMessage(m, scratch));
    expect(warnings).toContainEqual(expect.stringMatching(/^fautive\.html:4:\d+ Section lacks heading\./));
  });
});

describe('the built site', () => {
  it.skipIf(!canRun)('checks every page, public or not', async () => {
    const home = await builtSiteHome(DIST);
    // The sitemap lists the public pages (tests/e2e/open-data.test.ts): an index, then its parts.
    const locs = async (file: string) =>
      [...(await readFile(path.join(DIST, file), 'utf8')).matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!));
    const listed: string[] = [];
    for (const part of await locs(routes.sitemap())) {
      for (const url of await locs(part.pathname.slice(home.pathname.length)))
        listed.push(decodeURI(url.pathname.slice(home.pathname.length)));
    }
    const checked = new Set(pages.map(pagePath));
    expect(listed.length).toBeGreaterThan(20);
    expect(listed.filter((p) => !checked.has(p))).toEqual([]);
    // Beyond the sitemap: the error page, the committee's dashboard, the CMS.
    expect(pages).toContain('404.html');
    for (const route of privateSections) expect(checked).toContain(route);
    console.log(`Nu Html Checker : ${pages.length} pages vérifiées en ${checkSeconds.toFixed(1)} s (démarrage de Java compris).`);
  });

  it.skipIf(!canRun)('is valid HTML on every page', () => {
    const site = messages.filter(inside(DIST));
    const warnings = new Map<string, { count: number; first: string }>();
    for (const m of site.filter((m) => m.level === 'warning')) {
      const seen = warnings.get(m.message);
      if (seen) seen.count++;
      else warnings.set(m.message, { count: 1, first: formatMessage(m, DIST) });
    }
    if (warnings.size > 0) {
      console.warn(
        [`Avertissements du Nu Html Checker (ils ne font pas échouer le test) :`]
          .concat([...warnings.values()].map((w) => `  ${w.count} × ${w.first}`))
          .join('\n'),
      );
    }
    expect(site.filter((m) => m.level === 'error').map((m) => formatMessage(m, DIST))).toEqual([]);
  });
});
