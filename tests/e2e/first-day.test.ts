/**
 * The first days of a real deployment: the site built with no provider,
 * then one, then three (`demo: false`, no demo providers, recommendations
 * or projects; the taxonomies, editorial pages and resources of the
 * repository), each once, side by side, and walked in Chromium. On every
 * page: no heading without content under it, no empty list, French
 * typography, links that lead somewhere; on every page type: axe at 375 and
 * 1280 px; everywhere: valid HTML, and feeds and data files that parse.
 * And the pages say what to do next: how a structure joins, how an
 * association recommends one.
 */
import { execFile } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import AxeBuilder from '@axe-core/playwright';
import { parse as parseCsv } from 'csv-parse/sync';
import { XMLParser } from 'fast-xml-parser';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listFiles, pagePath } from '../../scripts/lib/dist-files.ts';
import { checkHtml, formatMessage, javaAvailable, type HtmlMessage } from '../../scripts/lib/html-checker.ts';
import { typographyFindings } from '../../scripts/lib/page-text.ts';
import { routes } from '../../src/domain/routes.ts';
import { browserAvailable, launchBrowser, serveStatic, withoutViteEnv, type StaticSite } from './harness.ts';
import { PROVIDERS, writeSite } from './first-day-site.ts';

const root = path.resolve(import.meta.dirname, '../..');
const run = promisify(execFile);

interface Site {
  providers: number;
  dist: string;
  pages: string[];
  server?: StaticSite;
}
const SITES: Site[] = [0, 1, 3].map((providers) => ({ providers, dist: '', pages: [] }));
let work: string;
let buildSeconds = 0;

const withBrowser = browserAvailable();
let browser: Browser;

beforeAll(async () => {
  // Inside the project: Astro writes each build's page modules beside an output folder within the project
  // (else into one ./.astro/ that builds running together would share), and those modules load the project's packages.
  await mkdir(path.join(root, 'node_modules/.cache'), { recursive: true });
  work = await mkdtemp(path.join(root, 'node_modules/.cache/emancipasso-first-day-'));
  const started = performance.now();
  // Each small site built once, all at the same time: each build waits on files as much as on the processor.
  await Promise.all(
    SITES.map(async (site) => {
      const dir = path.join(work, `site-${site.providers}`);
      await writeSite(dir, site.providers);
      site.dist = path.join(dir, 'dist');
      await run(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build', '--outDir', site.dist], {
        cwd: root,
        env: {
          ...withoutViteEnv(process.env),
          CONTENT_DIR: path.join(dir, 'content'),
          ASTRO_CACHE_DIR: path.join(dir, 'cache'),
          ASTRO_TELEMETRY_DISABLED: '1',
        },
        maxBuffer: 64 * 1024 * 1024,
      });
      site.pages = (await listFiles(site.dist)).filter((f) => f.endsWith('.html') && !f.startsWith('admin/'));
    }),
  );
  buildSeconds = (performance.now() - started) / 1000;
  console.log(`Trois petits sites (0, 1 et 3 structures) construits en ${buildSeconds.toFixed(1)} s.`);
  if (withBrowser) {
    browser = await launchBrowser();
    for (const site of SITES) site.server = await serveStatic(site.dist);
  }
}, 300_000);

afterAll(async () => {
  await browser?.close();
  for (const site of SITES) await site.server?.close();
  if (work) await rm(work, { recursive: true, force: true });
});

const read = (site: Site, file: string) => readFile(path.join(site.dist, file), 'utf8');

/**
 * In the page: every visible heading followed by nothing, or directly by a
 * heading of the same or a higher level; every visible list with no
 * visible item; every drop-down list with nothing to choose.
 */
function emptiness(): string[] {
  const visible = (el: Element) => el.checkVisibility({ visibilityProperty: true });
  const levelOf = (el: Element) => Number(el.tagName.slice(1));
  const describe = (el: Element) => `<${el.tagName.toLowerCase()}> « ${(el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 60)} »`;
  const problems: string[] = [];
  const lastDescendant = (node: Node) => {
    while (node.lastChild) node = node.lastChild;
    return node;
  };
  for (const heading of document.querySelectorAll('h1, h2, h3, h4, h5, h6')) {
    if (!visible(heading)) continue;
    const scope = heading.closest('section, article, aside, nav, main, li, body')!;
    const walker = document.createTreeWalker(scope, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
    walker.currentNode = lastDescendant(heading);
    let next: string | undefined = 'rien';
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.nodeType === Node.TEXT_NODE) {
        if (node.textContent!.trim() && node.parentElement && visible(node.parentElement)) {
          next = undefined;
          break;
        }
        continue;
      }
      const el = node as Element;
      if (!visible(el)) {
        walker.currentNode = lastDescendant(el);
        continue;
      }
      if (/^H[1-6]$/.test(el.tagName)) {
        next = levelOf(el) <= levelOf(heading) ? describe(el) : undefined;
        break;
      }
      if (el.matches('img, svg, input, select, textarea, button, progress, iframe, video')) {
        next = undefined;
        break;
      }
    }
    if (next) problems.push(`titre vide : ${describe(heading)}, suivi de ${next}`);
  }
  for (const list of document.querySelectorAll('ul, ol, dl, table, select')) {
    if (!visible(list)) continue;
    const items =
      list.tagName === 'DL'
        ? list.querySelectorAll(':scope > dt, :scope > div > dt')
        : list.tagName === 'TABLE'
          ? list.querySelectorAll('tbody > tr')
          : list.tagName === 'SELECT'
            ? list.querySelectorAll('option:not([value=""])')
            : list.querySelectorAll(':scope > li');
    if (![...items].some((item) => list.tagName === 'SELECT' || visible(item))) problems.push(`liste vide : ${describe(list)}`);
  }
  return problems;
}

/**
 * The pages to walk in a browser: one of each shape (every page but one
 * facet value page per facet, one resource), as pages of one shape come from
 * one template; the checks of every page's HTML below cover them all.
 */
function oneOfEachShape(site: Site): string[] {
  const seen = new Set<string>();
  return site.pages.map(pagePath).filter((page) => {
    const shape = page.replace(/^(annuaire\/[^/]+\/)[^/]+\/$/, '$1*/').replace(/^ressources\/[^/]+\/$/, 'ressources/*/');
    if (seen.has(shape)) return false;
    seen.add(shape);
    return true;
  });
}

/**
 * Reported to the forms, kept visible here: before the first publication the
 * recommendation form's list of structures has nothing to choose. The page
 * says why, and a waiting structure's own link (?structure=…) fills it.
 */
function reportedToTheForms(site: Site, problem: string): boolean {
  return site.providers === 0 && /^recommander\/ (\(sans JavaScript\) )?: liste vide : <select>/.test(problem);
}

async function open(site: Site, pathname: string, options: { width?: number; javaScript?: boolean } = {}): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: options.width ?? 1280, height: 900 },
    javaScriptEnabled: options.javaScript ?? true,
  });
  const page = await context.newPage();
  const response = await page.goto(site.server!.url + pathname, { waitUntil: 'networkidle' });
  expect(response?.status(), pathname).toBe(pathname === '404.html' ? 404 : 200);
  return page;
}

describe.skipIf(!withBrowser)('the check for empty headings and lists', () => {
  it('finds a heading followed by its equal, a heading with nothing under it, an empty list, a choice of nothing', async () => {
    const page = await browser.newPage();
    await page.setContent(
      [
        '<main><h1>Titre</h1><p>Texte.</p>',
        '<section><h2>Vide</h2></section><section><h2>Plein</h2><h3>Sous-titre</h3><p>Texte.</p></section>',
        '<h2>Liste</h2><ul></ul><ul><li hidden>caché</li></ul><select><option value="">— Choisir —</option></select>',
        '<h2>Caché</h2><p hidden>Texte caché.</p><h2>Fin</h2><p>Texte.</p></main>',
      ].join(''),
    );
    expect(await page.evaluate(emptiness)).toEqual([
      'titre vide : <h2> « Vide », suivi de rien',
      'titre vide : <h2> « Caché », suivi de <h2> « Fin »',
      'liste vide : <ul> «  »',
      'liste vide : <ul> « caché »',
      'liste vide : <select> « — Choisir — »',
    ]);
    await page.close();
  });
});

describe.each(SITES)('the site with $providers published providers', (site) => {
  it('has its pages, and no more than it needs', () => {
    expect(site.pages).toContain('index.html');
    expect(site.pages).toContain(`${routes.directory()}index.html`);
    expect(site.pages.filter((p) => /^annuaire\/[^/]+\/index\.html$/.test(p) && !p.includes('/page/'))).toEqual(
      expect.arrayContaining(PROVIDERS.slice(0, site.providers).map((p) => `${routes.provider(p.id)}index.html`)),
    );
    if (site.providers === 1) expect(site.pages).not.toContain(`${routes.provider('nuage-partage')}index.html`);
  });

  it.skipIf(!withBrowser)('has no empty heading and no empty list on any kind of page, with or without JavaScript', async () => {
    const problems: string[] = [];
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    for (const pathname of oneOfEachShape(site)) {
      await page.goto(site.server!.url + pathname);
      for (const p of await page.evaluate(emptiness)) problems.push(`${pathname || '/'} : ${p}`);
    }
    await context.close();
    // Without JavaScript the pages show what scripts would replace (the finder's answers by link…).
    const quiet = await browser.newContext({ viewport: { width: 1280, height: 900 }, javaScriptEnabled: false });
    const still = await quiet.newPage();
    for (const pathname of ['', routes.directory(), routes.finder(), routes.projects(), routes.recommend(), routes.propose()]) {
      await still.goto(site.server!.url + pathname);
      for (const p of await still.evaluate(emptiness)) problems.push(`${pathname || '/'} (sans JavaScript) : ${p}`);
    }
    await quiet.close();
    expect(problems.filter((p) => !reportedToTheForms(site, p))).toEqual([]);
  });

  it('writes French right on every page: counts, plurals, spaces', async () => {
    const found: string[] = [];
    for (const file of site.pages) {
      for (const f of typographyFindings(await read(site, file))) found.push(`${file} : ${f.message} ${f.excerpt}`);
    }
    expect(found).toEqual([]);
  });

  it('links only to pages that exist', async () => {
    const broken: string[] = [];
    for (const file of site.pages) {
      for (const m of (await read(site, file)).matchAll(/\shref="(\/[^"#?]*)/g)) {
        const target = path.join(site.dist, decodeURIComponent(m[1]!));
        const exists = existsSync(target) && (statSync(target).isFile() || existsSync(path.join(target, 'index.html')));
        if (!exists) broken.push(`${file} → ${m[1]}`);
      }
    }
    expect(broken).toEqual([]);
  });

  it.skipIf(!withBrowser)('publishes feeds and data files that parse, with what is published', async () => {
    // Well-formed XML, as a feed reader needs it: the browser's own XML parser says so.
    const page = await browser.newPage();
    for (const file of [routes.providersFeed(), routes.projectsFeed(), routes.sitemap()]) {
      const text = await read(site, file);
      const error = await page.evaluate(
        (xml) => new DOMParser().parseFromString(xml, 'application/xml').querySelector('parsererror')?.textContent,
        text,
      );
      expect(error, file).toBeUndefined();
    }
    await page.close();
    for (const feed of [routes.providersFeed(), routes.projectsFeed()]) {
      expect(new XMLParser().parse(await read(site, feed)).rss.channel.title, feed).toBeTruthy();
    }
    const providersFeed = new XMLParser().parse(await read(site, routes.providersFeed())).rss.channel;
    expect([providersFeed.item ?? []].flat()).toHaveLength(site.providers);
    const providers = JSON.parse(await read(site, routes.providersJson()));
    expect(providers.providers).toHaveLength(site.providers);
    const csv = parseCsv(await read(site, routes.providersCsv()), { bom: true }) as string[][];
    expect(csv[0]!.length).toBeGreaterThan(5);
    expect(csv).toHaveLength(site.providers + 1);
    const projects = JSON.parse(await read(site, routes.projectsJson()));
    expect(projects.projects).toHaveLength(site.providers >= 3 ? 1 : 0);
  });

  it.skipIf(!withBrowser)('tells a visitor what the directory is for and what to do next', async () => {
    const page = await open(site, '');
    const main = page.locator('main');
    const text = (await main.textContent())!.replace(/[ \t\r\n]+/g, ' ');
    const links = await main.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    if (site.providers === 0) {
      expect(text).toContain('aucune structure n’y est encore publiée');
      // How a structure joins, how an association recommends one.
      expect(links).toEqual(expect.arrayContaining([`/${routes.propose()}`, `/${routes.recommend()}`]));
      // Nothing to search, to filter or to map yet.
      expect(await page.locator('main form[role="search"], main .france-map, main .cards').count()).toBe(0);
      for (const pathname of [routes.directory(), routes.finder(), routes.facet('service')]) {
        const other = await open(site, pathname);
        const otherLinks = await other.locator('main a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
        expect(otherLinks, pathname).toEqual(expect.arrayContaining([`/${routes.propose()}`, `/${routes.recommend()}`]));
        expect(await other.locator('main form, main .france-map, main nav.facets').count(), pathname).toBe(0);
        await other.context().close();
      }
    } else {
      const count = site.providers === 1 ? 'présente 1\u00A0structure qui sait' : `présente ${site.providers}\u00A0structures qui savent`;
      expect(text).toContain(count);
      expect(await page.locator('section[aria-labelledby="nouvelles"] .cards > li').count()).toBe(site.providers);
      expect(links).toEqual(expect.arrayContaining([`/${routes.propose()}`, `/${routes.recommend()}`]));
    }
    await page.context().close();
  });
});

/** One page of each type the site has, to check with axe. */
function pageTypes(site: Site): string[] {
  // The pages whose content changes with the number of providers; the others are the demo's (tests/e2e/accessibility.test.ts).
  if (site.providers === 0) return ['', routes.directory(), routes.facet('service'), routes.finder(), routes.projects(), routes.partners()];
  if (site.providers === 1) return ['', routes.directory(), routes.facet('reseau'), routes.provider(PROVIDERS[0].id)];
  return ['', routes.directory(), routes.projects()];
}

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

describe.skipIf(!withBrowser).each(SITES)('axe on the site with $providers published providers', (site) => {
  it.each([375, 1280])('finds no violation at %i px, nor anything wider than the screen', async (width) => {
    const found: string[] = [];
    const context = await browser.newContext({ viewport: { width, height: 900 } });
    const page = await context.newPage();
    for (const pathname of pageTypes(site)) {
      await page.goto(site.server!.url + pathname);
      const { violations } = await new AxeBuilder({ page }).withTags(TAGS).analyze();
      for (const v of violations)
        found.push(
          `${pathname || '/'} : ${v.id} → ${v.nodes
            .map((n) => n.target.join(' '))
            .slice(0, 3)
            .join(' ; ')}`,
        );
      const wide = await page.evaluate(() => document.documentElement.scrollWidth);
      if (wide > width) found.push(`${pathname || '/'} : ${wide} px de large`);
    }
    await context.close();
    expect(found).toEqual([]);
  });
});

describe('the three small sites', () => {
  const canCheck = javaAvailable();
  it.skipIf(!canCheck)('are valid HTML on every page', async () => {
    const files = SITES.flatMap((site) => site.pages.map((p) => path.join(site.dist, p)));
    const messages: HtmlMessage[] = await checkHtml(files);
    const errors = messages.filter((m) => m.level === 'error').map((m) => formatMessage(m, work));
    expect(errors).toEqual([]);
  });
});
