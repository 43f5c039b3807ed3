/**
 * Page budget: every public page of the built site weighs at most 40 kB of
 * HTML + CSS + JS gzipped (search index aside). The measure itself is
 * checked on a small folder whose sizes are known.
 */
import { routes } from '../../src/domain/routes.ts';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  PAGE_BUDGET_BYTES,
  belowGradeA,
  ecoindex,
  formatSummary,
  measurePages,
  overBudget,
  pageType,
  summarise,
} from '../../scripts/budget.ts';

const DIST = path.resolve(process.env.DIST_DIR ?? 'dist');
let scratch: string;

beforeAll(async () => {
  scratch = await mkdtemp(path.join(os.tmpdir(), 'budget-'));
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

async function site(name: string, files: Record<string, string>): Promise<string> {
  const root = path.join(scratch, name);
  for (const [file, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(root, file)), { recursive: true });
    await writeFile(path.join(root, file), text);
  }
  return root;
}

const gz = (text: string) => gzipSync(Buffer.from(text)).length;

describe('the measure', () => {
  it('adds the HTML, its style sheets and the modules its scripts import, but not the search index', async () => {
    const files = {
      'robots.txt': 'User-agent: *\nSitemap: https://annuaire.example.org/base/sitemap.xml\n',
      [`${routes.directory()}index.html`]:
        '<!doctype html><html><head><link rel="stylesheet" href="/base/_astro/site.css"><script type="module" src="../_astro/app.js"></script></head><body><img src="/base/logo.png" alt=""><svg><path d="M0"/><path d="M1"/></svg></body></html>',
      '_astro/site.css': '@import "./more.css"; body { color: black; background: url(/base/bg.png) }',
      '_astro/more.css': '.x { margin: 0 }',
      '_astro/app.js': 'import{a}from"./chunk.js";document.querySelector("input").onfocus=()=>import("/base/pagefind/pagefind.js");',
      '_astro/chunk.js': 'export const a = 1;',
      'pagefind/pagefind.js': 'export const search = () => import("./fragment/x.pf_fragment");'.repeat(50),
      'logo.png': 'PNGDATA',
      'bg.png': 'BACKGROUND',
    };
    const root = await site('measure', files);
    const [page] = await measurePages(root);
    expect(page!.file).toBe(`${routes.directory()}index.html`);
    expect(page!.type).toBe('directory');
    expect(page!.html).toBe(gz(files[`${routes.directory()}index.html`]!));
    expect(page!.css).toBe(gz(files['_astro/site.css']) + gz(files['_astro/more.css']));
    expect(page!.js).toBe(gz(files['_astro/app.js']) + gz(files['_astro/chunk.js']));
    expect(page!.weight).toBe(page!.html + page!.css + page!.js);
    // HTML, 2 style sheets, 2 scripts, the logo and the background image.
    expect(page!.requests).toBe(7);
    expect(page!.transfer).toBe(page!.weight + 'PNGDATA'.length + 'BACKGROUND'.length);
    // html, head, link, script, body, img, svg: the paths of the SVG are not counted.
    expect(page!.elements).toBe(7);
    expect(page!.assets).not.toContain('pagefind/pagefind.js');
  });

  it('counts a Pagefind script that the page loads at start', async () => {
    const root = await site('pagefind', {
      'robots.txt': 'Sitemap: https://annuaire.example.org/sitemap.xml\n',
      'index.html': '<html><head><script src="/pagefind/pagefind-ui.js"></script></head><body></body></html>',
      'pagefind/pagefind-ui.js': 'x'.repeat(1000),
    });
    const [page] = await measurePages(root);
    expect(page!.assets).toEqual(['pagefind/pagefind-ui.js']);
    expect(page!.js).toBe(gz('x'.repeat(1000)));
  });

  it('measures the form’s import apart: loaded only when a person opens it, with what only it loads', async () => {
    const files = {
      'robots.txt': 'Sitemap: https://annuaire.example.org/sitemap.xml\n',
      [`${routes.propose()}index.html`]: '<html><head><script type="module" src="/_astro/page.js"></script></head><body></body></html>',
      '_astro/page.js': 'onfocus=()=>import("./submit.js");ontoggle=()=>import("./prefill.A1b.js");',
      '_astro/submit.js': 'import{f}from"./format.js";export const s=f;',
      '_astro/prefill.A1b.js': 'import{f}from"./format.js";import{n}from"./normalise.js";export const p=[f,n];'.repeat(3),
      '_astro/format.js': 'export const f=1;',
      '_astro/normalise.js': 'export const n=2;',
    };
    const [page] = await measurePages(await site('import', files));
    // A module both load counts with the form's checks, once; one only the import loads counts with the import.
    expect(page!.onDemand).toBe(gz(files['_astro/submit.js']) + gz(files['_astro/format.js']));
    expect(page!.onDemandImport).toBe(gz(files['_astro/prefill.A1b.js']) + gz(files['_astro/normalise.js']));
  });

  it('tells page types apart from the address', () => {
    const profiles = new Set(['octets-solidaires']);
    expect(pageType('index.html', profiles)).toBe('home');
    expect(pageType(`${routes.directory()}index.html`, profiles)).toBe('directory');
    expect(pageType(`${routes.directory(2)}index.html`, profiles)).toBe('directory');
    expect(pageType(`${routes.provider('octets-solidaires')}index.html`, profiles)).toBe('profile');
    expect(pageType(`${routes.facetValue('service', 'diagnostic')}index.html`, profiles)).toBe('facet');
    expect(pageType(`${routes.facet('departement')}index.html`, profiles)).toBe('facet');
    expect(pageType(`${routes.directoryTable()}index.html`, profiles)).toBe('table');
    expect(pageType(`${routes.directoryTable(2)}index.html`, profiles)).toBe('table');
    expect(pageType(`${routes.facetValueTable('service', 'diagnostic')}index.html`, profiles)).toBe('table');
    expect(pageType(`${routes.facetValueTable('service', 'diagnostic', 3)}index.html`, profiles)).toBe('table');
    expect(pageType('comparer/index.html', profiles)).toBe('compare');
    expect(pageType(`${routes.projects()}index.html`, profiles)).toBe('projects');
    expect(pageType(`${routes.project('paheko')}index.html`, profiles)).toBe('project');
    expect(pageType(`${routes.resource('diagnostic')}index.html`, profiles)).toBe('resource');
    expect(pageType(`${routes.finder()}index.html`, profiles)).toBe('finder');
    expect(pageType(`${routes.openData()}index.html`, profiles)).toBe('openData');
    expect(pageType('a-propos/index.html', profiles)).toBe('editorial');
    expect(pageType('404.html', profiles)).toBe('notFound');
    expect(pageType(`${routes.committee()}index.html`, profiles)).toBe('committee');
    expect(pageType(`${routes.embeds()}index.html`, profiles)).toBe('embeds');
    expect(pageType(`${routes.embed('reseau', 'chatons')}index.html`, profiles)).toBe('embed');
    expect(pageType(`${routes.embed('region', '84')}index.html`, profiles)).toBe('embed');
  });

  it('grades Ecoindex like ecoindex.fr', () => {
    expect(ecoindex(0, 0, 0)).toEqual({ score: 100, grade: 'A' });
    // A light page: 200 elements, 3 requests, 30 kB.
    expect(ecoindex(200, 3, 30).grade).toBe('A');
    // A heavy one: 2,000 elements, 100 requests, 3 MB.
    expect(ecoindex(2000, 100, 3000).grade).toMatch(/[D-G]/);
  });

  it('reports a public page type whose worst page is below grade A, not the committee’s nor the CMS’s', async () => {
    // 500 elements: grade B with 4 requests.
    const crowded = `<html><body>${'<p>x</p>'.repeat(500)}</body></html>`;
    const root = await site('grades', {
      'robots.txt': 'Sitemap: https://annuaire.example.org/sitemap.xml\n',
      'index.html': '<html><body><p>Accueil</p></body></html>',
      [`${routes.propose()}index.html`]: crowded,
      [`${routes.committee()}index.html`]: crowded,
    });
    const low = belowGradeA(summarise(await measurePages(root)));
    expect(low.map((s) => [s.type, s.worstGrade])).toEqual([['propose', 'B']]);
  });

  it('holds the committee dashboard and the CMS out of the 40 kB rule', async () => {
    // Text that does not compress: a pseudo-random sequence, 100,000 characters.
    let seed = 1;
    const noise = Array.from({ length: 100_000 }, () => ((seed = (seed * 48271) % 2147483647) % 36).toString(36)).join('');
    const heavy = `<html><body><p>${noise}</p></body></html>`;
    const root = await site('private', {
      'robots.txt': 'Sitemap: https://annuaire.example.org/sitemap.xml\n',
      'admin/index.html': heavy,
      [`${routes.committee()}index.html`]: heavy,
      'index.html': heavy,
    });
    const pages = await measurePages(root);
    expect(pages.every((p) => p.weight > PAGE_BUDGET_BYTES)).toBe(true);
    expect(overBudget(pages).map((p) => p.file)).toEqual(['index.html']);
  });
});

describe('the built site', () => {
  it(`keeps every public page within ${PAGE_BUDGET_BYTES / 1000} kB`, async () => {
    if (!existsSync(path.join(DIST, 'index.html'))) throw new Error(`Pas de site construit dans ${DIST} : lancez « npm run build ».`);
    const pages = await measurePages(DIST);
    const summaries = summarise(pages);
    console.log(`\n${formatSummary(summaries)}\n`);
    expect(summaries.map((s) => s.type)).toEqual(expect.arrayContaining(['home', 'directory', 'profile', 'openData', 'embeds', 'embed']));
    expect(overBudget(pages).map((p) => `${p.file}: ${p.weight} octets`)).toEqual([]);
    // Ecoindex is reported here (npm run budget warns): lists and profiles grow with the demo content, which the
    // committee edits freely; the forms, which do not grow, are held to grade A by tests/e2e/forms.test.ts.
    for (const s of belowGradeA(summaries)) console.warn(`⚠ ${s.label} : Ecoindex ${s.minEcoindex} (${s.worstGrade}), ${s.heaviest}`);
  });
});
