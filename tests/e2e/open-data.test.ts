/**
 * The open data of the built site: the files exist and parse, hold only the
 * published directory, and the feeds, sitemap and robots.txt point where
 * they should, under the base path.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { parse as parseCsv } from 'csv-parse/sync';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDirectory } from '../../src/domain/directory/index.ts';
import { routes } from '../../src/domain/routes.ts';
import { providerCsvColumns } from '../../src/domain/exports/csv.ts';
import { projectFieldDocs, type ProjectsExport } from '../../src/domain/exports/projects.ts';
import { providerFieldDocs, type ProvidersExport } from '../../src/domain/exports/providers.ts';
import { builtSiteHome, isErrorPage, isPrivatePage, listFiles, pagePath } from '../../scripts/lib/dist-files.ts';
import { loadContent } from '../../src/loader/index.ts';
import type { Content } from '../../src/domain/content.ts';
import type { Criterion } from '../../src/schemas/taxonomies.ts';
import { browserAvailable, launchBrowser, serveStatic, type StaticSite } from './harness.ts';
import type { Browser } from 'playwright-core';

const DIST = path.resolve(process.env.DIST_DIR ?? 'dist');
const read = (file: string) => readFile(path.join(DIST, file), 'utf8');
const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' });
const asList = <T>(value: T | T[] | undefined): T[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

let home: URL;
let content: Content;
let providers: ProvidersExport;
let projects: ProjectsExport;
/** The criteria in the order the build used (the order of the site's taxonomy collection). */
let criteria: Criterion[];

beforeAll(async () => {
  if (!existsSync(path.join(DIST, 'index.html'))) throw new Error(`Pas de site construit dans ${DIST} : lancez « npm run build ».`);
  home = await builtSiteHome(DIST);
  content = (await loadContent(process.env.CONTENT_DIR ?? 'content')).content;
  providers = JSON.parse(await read(routes.providersJson())) as ProvidersExport;
  projects = JSON.parse(await read(routes.projectsJson())) as ProjectsExport;
  criteria = Object.keys(providers.providers[0]!.ratings).map((slug) => content.taxonomies.criteria.find((c) => c.slug === slug)!);
  expect(criteria.map((c) => c.slug).sort()).toEqual(content.taxonomies.criteria.map((c) => c.slug).sort());
});

describe('prestataires.json and prestataires.csv', () => {
  it('list exactly the published providers', () => {
    const published = buildDirectory(content, providers.generated).providers.map((p) => p.id);
    expect(providers.providers.map((p) => p.slug).sort()).toEqual([...published].sort());
    expect(providers.count).toBe(published.length);
    for (const p of providers.providers) {
      expect(p.verified_recommendations).toBeGreaterThan(0);
      expect(p.url).toBe(new URL(routes.provider(p.slug), home).href);
      // Every profile the export points to exists in the built site.
      expect(existsSync(path.join(DIST, 'annuaire', p.slug, 'index.html')), p.slug).toBe(true);
    }
  });

  it('carry only verified recommendations', () => {
    const json = JSON.stringify(providers);
    for (const rec of content.recommendations.filter((r) => r.data.verification.status !== 'verified')) {
      expect(json).not.toContain(rec.data.association.name);
    }
    for (const p of providers.providers) for (const r of p.recommendations) expect(r.verification.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('CSV: one row per provider, the documented columns, no cell a spreadsheet would run', async () => {
    const rows = parseCsv(await read(routes.providersCsv()), { columns: true }) as Record<string, string>[];
    expect(rows.map((r) => r.slug)).toEqual(providers.providers.map((p) => p.slug));
    expect(Object.keys(rows[0]!)).toEqual(providerCsvColumns(criteria));
    for (const row of rows) {
      for (const cell of Object.values(row)) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
      const json = providers.providers.find((p) => p.slug === row.slug)!;
      expect(row.services).toBe(json.services.join(';'));
      expect(Number(row.verified_recommendations)).toBe(json.verified_recommendations);
    }
  });
});

describe('projets.json', () => {
  it('holds every project with the funding.json fields', () => {
    expect(projects.projects.map((p) => p.slug).sort()).toEqual(content.projects.map((p) => p.id).sort());
    for (const p of projects.projects) {
      expect(p.guid.length).toBeLessThanOrEqual(32);
      expect(p.webpageUrl.url).toBe(new URL(routes.project(p.slug), home).href);
      expect(p.repositoryUrl.url).toMatch(/^https:\/\//);
      expect(p.funding.plans[0]).toMatchObject({ currency: 'EUR', frequency: 'one-time', amount: p.goal_eur });
      if (p.maker) expect(providers.providers.map((x) => x.slug)).toContain(p.maker.slug);
    }
  });
});

describe('unpublished providers', () => {
  it('appear in no public file: pages, search, exports, feeds, sitemap', async () => {
    const directory = buildDirectory(content, providers.generated);
    const hidden = directory.waiting.flatMap((w) => [w.id, w.data.name]);
    expect(directory.waiting.map((w) => w.id)).toEqual(
      expect.arrayContaining(['isula-libera', 'cle-de-touraine-conseil', 'volcans-numeriques']),
    );
    const offenders: string[] = [];
    for (const file of await listFiles(DIST)) {
      // The committee dashboard lists them on purpose; the CMS edits them.
      if (isPrivatePage(file) || !/\.(html|xml|json|csv|txt|js|mjs|css|svg)$/.test(file)) continue;
      const text = await read(file);
      for (const term of hidden) if (text.includes(term)) offenders.push(`${file} : ${term}`);
    }
    expect(offenders).toEqual([]);
  });
});

describe('RSS feeds', () => {
  it('list newly published providers, dated by their first verified recommendation', async () => {
    const feed = xml.parse(await read(routes.providersFeed()));
    expect(feed.rss['@version']).toBe('2.0');
    const items = asList(feed.rss.channel.item as Array<{ link: string; pubDate: string; title: string }>);
    expect(items).toHaveLength(providers.count);
    for (const item of items) {
      const provider = providers.providers.find((p) => p.url === item.link)!;
      expect(provider, item.link).toBeDefined();
      expect(new Date(item.pubDate).toISOString().slice(0, 10)).toBe(provider.published_since);
    }
    expect(feed.rss.channel['atom:link']['@href']).toBe(new URL(routes.providersFeed(), home).href);
  });

  it('list projects, dated by the day they were proposed', async () => {
    const feed = xml.parse(await read(routes.projectsFeed()));
    const items = asList(feed.rss.channel.item as Array<{ link: string; pubDate: string }>);
    expect(items).toHaveLength(projects.count);
    for (const item of items) {
      const project = projects.projects.find((p) => p.url === item.link)!;
      expect(new Date(item.pubDate).toISOString().slice(0, 10)).toBe(project.proposed);
    }
  });

  it('can be discovered from the pages', async () => {
    const html = await read('index.html');
    for (const feed of [routes.providersFeed(), routes.projectsFeed()]) {
      expect(html).toMatch(new RegExp(`<link[^>]+rel="alternate"[^>]+type="application/rss\\+xml"[^>]+href="${home.pathname}${feed}"`));
    }
  });
});

describe('the sitemap and robots.txt', () => {
  it('the sitemap lists every public page and nothing else', async () => {
    const index = xml.parse(await read(routes.sitemap()));
    const parts = asList(index.sitemapindex.sitemap as Array<{ loc: string }>).map((s) =>
      new URL(s.loc).pathname.slice(home.pathname.length),
    );
    const locs: string[] = [];
    for (const part of parts) locs.push(...asList(xml.parse(await read(part)).urlset.url as Array<{ loc: string }>).map((u) => u.loc));
    const expected: string[] = [];
    for (const file of await listFiles(DIST)) {
      if (!file.endsWith('.html') || isPrivatePage(file) || isErrorPage(file)) continue;
      const html = await read(file);
      if (/<meta[^>]+name="robots"[^>]+noindex/.test(html)) continue;
      expected.push(new URL(encodeURI(pagePath(file)), home).href);
    }
    expect([...locs].sort()).toEqual(expected.sort());
    expect(locs).toContain(home.href);
    expect(locs).toContain(new URL(routes.openData(), home).href);
    for (const loc of locs) {
      expect(loc.startsWith(home.href)).toBe(true);
      expect(loc).not.toMatch(/\/(comite|admin)\/|404/);
    }
  });

  it('robots.txt keeps crawlers out of the dashboard and the CMS, and points to the sitemap', async () => {
    const robots = await read('robots.txt');
    expect(robots).toContain('User-agent: *');
    expect(robots).toContain(`Disallow: ${home.pathname}comite/`);
    expect(robots).toContain(`Disallow: ${home.pathname}admin/`);
    expect(robots).toContain(`Sitemap: ${new URL(routes.sitemap(), home).href}`);
  });
});

describe('the /donnees/ page', () => {
  it('links to every file and feed, and describes every field from the schemas', async () => {
    const html = await read(`${routes.openData()}index.html`);
    for (const file of [
      routes.providersJson(),
      routes.providersCsv(),
      routes.projectsJson(),
      routes.providersFeed(),
      routes.projectsFeed(),
      routes.sitemap(),
    ]) {
      expect(html).toContain(`href="${home.pathname}${file}"`);
      expect(existsSync(path.join(DIST, file)), file).toBe(true);
    }
    const described = [...html.matchAll(/<dt[^>]*>([^<]+)<\/dt>/g)].map((m) => m[1]!);
    const { providers, recommendations } = providerFieldDocs(criteria);
    const fields = [...providers, ...recommendations, ...projectFieldDocs()];
    expect(described).toEqual(fields.map((f) => f.key));
    expect(html).toContain('Licence Ouverte 2.0');
  });

  describe('in a browser', () => {
    let browser: Browser | undefined;
    let site: StaticSite;
    beforeAll(async () => {
      if (!browserAvailable()) return;
      browser = await launchBrowser();
      site = await serveStatic(DIST, home.pathname);
    });
    afterAll(async () => {
      await browser?.close();
      await site?.close();
    });

    for (const width of [375, 1280]) {
      it(`has no accessibility violation and no horizontal scroll at ${width} px`, async ({ skip }) => {
        if (!browser) return skip();
        const context = await browser.newContext({ viewport: { width, height: 900 } });
        const page = await context.newPage();
        await page.goto(`${site.url}donnees/`);
        const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
        expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`)).toEqual([]);
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
        // The files download from the site itself.
        const response = await page.request.get(`${site.url}donnees/prestataires.csv`);
        expect(response.status()).toBe(200);
        await context.close();
      });
    }
  });
});
