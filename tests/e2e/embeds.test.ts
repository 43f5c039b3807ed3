/**
 * The directory on partner sites, in Chromium. The built site is served
 * with the headers of its own `_headers` file (public/_headers, applied by
 * the test server as Cloudflare Pages would: scripts/lib/browser.ts), and a
 * partner page on ANOTHER origin (another local port, named `localhost`
 * where the site is `127.0.0.1`) pastes the code the guide /integrer/ gives.
 *
 * An embed shows inside that frame at 320, 375 and 1280 px, without
 * sideways scrolling, its links leaving the frame for the whole window; the
 * home page and a profile are refused by the browser because of the
 * headers (served without them, the same frame would show them). The guide
 * previews an embed and, with JavaScript, switches it; the JSON and RSS of
 * every embed list the providers of the matching facet page.
 */
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { decodeHTML } from 'entities';
import { XMLParser } from 'fast-xml-parser';
import type { Browser, ConsoleMessage, Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EMBED_LIMIT, embedProviders, embedTargets, type EmbedTarget } from '../../src/domain/directory/embeds.ts';
import { buildFacets, facetVocabulary, type FacetIndex } from '../../src/domain/directory/facets.ts';
import { buildDirectory, type Directory } from '../../src/domain/directory/index.ts';
import { FEED_ITEMS } from '../../src/domain/exports/feeds.ts';
import { routes } from '../../src/domain/routes.ts';
import { countOf } from '../../src/domain/text/format.ts';
import { loadContent } from '../../src/loader/index.ts';
import { browserAvailable, launchBrowser, serveStatic, type StaticSite } from './harness.ts';

const DIST = path.resolve(process.env.DIST_DIR ?? 'dist');
const run = browserAvailable();

let site: StaticSite;
let bare: StaticSite;
let browser: Browser;
let partner: { server: Server; url: string; pages: Map<string, string> };
let directory: Directory;
let index: FacetIndex;
let targets: EmbedTarget[];
let publicHome: string;

const providerOf = (id: string) => directory.providers.find((p) => p.id === id)!;
const listOf = (t: EmbedTarget) => embedProviders(t, index, providerOf);
const targetOf = (kind: EmbedTarget['kind'], code: string) => targets.find((t) => t.kind === kind && t.code === code)!;

/** A page of another origin that serves whatever HTML a test gives it. */
async function partnerSite() {
  const pages = new Map<string, string>();
  const server = createServer((req, res) => {
    const html = pages.get(new URL(req.url ?? '/', 'http://localhost').pathname);
    if (html) res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
    else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, 'localhost', resolve));
  return { server, pages, url: `http://localhost:${(server.address() as AddressInfo).port}` };
}

/** The code the guide gives for an embed, as a partner copies it, pointed at the test server. */
async function snippetFor(t: EmbedTarget, served: StaticSite = site): Promise<string> {
  const guide = await readFile(path.join(DIST, routes.embeds(), 'index.html'), 'utf8');
  const pre = new RegExp(`<pre class="snippet" id="code-${t.kind}-${t.code}"[^>]*>([\\s\\S]*?)</pre>`).exec(guide);
  if (!pre) throw new Error(`Pas de code à copier pour ${t.kind}/${t.code} sur /integrer/.`);
  return decodeHTML(pre[1]!).replaceAll(publicHome, served.url);
}

/** A partner's page holding `body`, opened at `width` px; the console is kept to read refusals. */
async function openPartner(width: number, body: string, name = `/page-${Math.random().toString(36).slice(2)}`) {
  partner.pages.set(
    name,
    `<!doctype html><html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>Site d’un réseau</title></head><body style="margin:0"><h1>Nos membres</h1>${body}</body></html>`,
  );
  const context = await browser.newContext({ viewport: { width, height: 800 } });
  const page = await context.newPage();
  const console: string[] = [];
  page.on('console', (m: ConsoleMessage) => console.push(m.text()));
  await page.goto(partner.url + name);
  return { page, console };
}

async function childFrame(page: Page): Promise<Frame> {
  await page.locator('iframe').first().waitFor();
  await expect.poll(() => page.frames().length).toBeGreaterThan(1);
  const frame = page.frames().find((f) => f !== page.mainFrame())!;
  await frame.waitForLoadState('load');
  return frame;
}

beforeAll(async () => {
  const { content } = await loadContent('content');
  directory = buildDirectory(content, '2026-11-28');
  index = buildFacets(directory.providers, content.taxonomies);
  targets = embedTargets(facetVocabulary(content.taxonomies));
  publicHome = new URL('./', /^Sitemap:\s*(\S+)/m.exec(await readFile(path.join(DIST, 'robots.txt'), 'utf8'))![1]!).href;
  site = await serveStatic(DIST, '/');
  bare = await serveStatic(DIST, '/', { headers: false });
  partner = await partnerSite();
  if (run) browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
  await bare?.close();
  await new Promise((resolve) => partner?.server.close(resolve));
});

describe('the headers the project ships', () => {
  const frameRule = async (route: string) => {
    const response = await fetch(site.url + route);
    return { csp: response.headers.get('content-security-policy'), xfo: response.headers.get('x-frame-options'), status: response.status };
  };

  it('let any site frame an embed, and no site frame any other page', async () => {
    for (const route of [routes.embed('reseau', 'chatons'), routes.embed('region', '84'), routes.embedJson('reseau', 'pana')]) {
      expect(await frameRule(route)).toEqual({ csp: 'frame-ancestors *', xfo: null, status: 200 });
    }
    for (const route of [
      routes.home(),
      routes.embeds(),
      routes.provider(directory.providers[0]!.id),
      routes.facetValue('reseau', 'chatons'),
    ]) {
      expect(await frameRule(route)).toEqual({ csp: "frame-ancestors 'none'", xfo: 'DENY', status: 200 });
    }
  });
});

describe.skipIf(!run).each([320, 375, 1280])('on a partner site, %i px wide', (width) => {
  it('shows the embed of a network inside the frame, without sideways scrolling, its links leaving the frame', async () => {
    const chatons = targetOf('reseau', 'chatons');
    const { page } = await openPartner(width, await snippetFor(chatons));
    const frame = await childFrame(page);
    expect(frame.url()).toBe(site.url + routes.embed('reseau', 'chatons'));
    expect(await frame.locator('h1').textContent()).toBe('Membres du réseau CHATONS');
    const expected = listOf(chatons).slice(0, EMBED_LIMIT);
    expect(await frame.locator('.embed-list h2 a').allTextContents()).toEqual(expected.map((p) => p.data.name));
    const links = frame.locator('a');
    for (let i = 0; i < (await links.count()); i++) expect(await links.nth(i).getAttribute('target')).toBe('_top');
    expect(await frame.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    // The plain link under the frame, for where frames are not shown.
    expect(await page.locator('body > p a').getAttribute('href')).toBe(site.url + routes.facetValue('reseau', 'chatons'));
    await page.context().close();
  });
});

describe.skipIf(!run)('on a partner site', () => {
  it('opens a profile in the whole window when a provider of the frame is clicked', async () => {
    const region = targetOf('region', '84');
    const { page } = await openPartner(375, await snippetFor(region));
    const frame = await childFrame(page);
    const first = listOf(region)[0]!;
    await frame.getByRole('link', { name: first.data.name }).click();
    await page.waitForURL(site.url + routes.provider(first.id));
    expect(page.frames()).toHaveLength(1);
    await page.context().close();
  });

  it('shows an empty embed with a sentence and the ways to join', async () => {
    const empty = targets.find((t) => listOf(t).length === 0);
    expect(empty, 'the demonstration should keep a network with no published member').toBeDefined();
    const { page } = await openPartner(320, await snippetFor(empty!));
    const frame = await childFrame(page);
    expect(await frame.locator('main').textContent()).toContain(`Aucun membre du réseau ${empty!.label} n’est encore dans l’annuaire.`);
    expect(await frame.locator('main a[target="_top"]').allTextContents()).toEqual([
      'Proposer une structure',
      'Recommander une structure',
      'Annuaire Emancip’Asso',
    ]);
    await page.context().close();
  });

  it.each([
    ['the home page', () => routes.home()],
    ['a profile', () => routes.provider(directory.providers[0]!.id)],
  ])('sees %s refused in a frame because of the headers, and shown without them', async (_name, route) => {
    const frameOf = (served: StaticSite) => `<iframe src="${served.url}${route()}" title="Essai" width="100%" height="400"></iframe>`;
    const refused = await openPartner(1280, frameOf(site));
    const blocked = await childFrame(refused.page);
    await expect.poll(() => refused.console.some((m) => m.includes("frame-ancestors 'none'"))).toBe(true);
    expect(blocked.url()).toMatch(/^chrome-error:/);
    // The browser's error page stands in the frame: nothing of the site's page.
    expect(await blocked.locator('#contenu').count()).toBe(0);
    await refused.page.context().close();

    const shown = await openPartner(1280, frameOf(bare));
    const frame = await childFrame(shown.page);
    expect(frame.url()).toBe(bare.url + route());
    expect(await frame.locator('#contenu h1').count()).toBe(1);
    await shown.page.context().close();
  });
});

describe.skipIf(!run)('the guide /integrer/', () => {
  it('previews an embed, and with JavaScript switches the preview and the code to another', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(site.url + routes.embeds());
    const preview = page.frameLocator('#apercu-cadre');
    expect(await preview.locator('h1').textContent()).toBe('Membres du réseau CHATONS');
    await page.getByLabel('Réseau ou région à prévisualiser').selectOption({ label: 'Auvergne-Rhône-Alpes' });
    expect(await page.locator('#code-choisi').textContent()).toContain(`${publicHome}${routes.embed('region', '84')}`);
    await expect.poll(() => preview.locator('h1').textContent()).toBe('Structures en Auvergne-Rhône-Alpes');
    await context.close();
  });

  it('without JavaScript, links every embed with its code, its JSON and its feed', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(site.url + routes.embeds());
    expect(await page.getByLabel('Réseau ou région à prévisualiser').isVisible()).toBe(false);
    for (const t of targets) {
      const item = page.locator('.embed-targets li', { has: page.locator(`a[href="/${routes.embed(t.kind, t.code)}"]`) });
      expect(await item.locator(`a[href="/${routes.embedJson(t.kind, t.code)}"]`).count()).toBe(1);
      expect(await item.locator(`a[href="/${routes.embedFeed(t.kind, t.code)}"]`).count()).toBe(1);
      expect(await item.locator('pre').textContent()).toContain(`src="${publicHome}${routes.embed(t.kind, t.code)}"`);
    }
    await context.close();
  });
});

describe('the JSON and RSS of each embed', () => {
  it('list the providers of the matching facet page, in its order, and say as many as it does', async () => {
    const parser = new XMLParser({ isArray: (name) => name === 'item' });
    for (const t of targets) {
      const expected = listOf(t);
      const json = (await (await fetch(site.url + routes.embedJson(t.kind, t.code))).json()) as {
        count: number;
        providers: Array<{ slug: string }>;
      };
      expect(json.count).toBe(expected.length);
      expect(json.providers.map((p) => p.slug)).toEqual(expected.map((p) => p.id));
      const feed = parser.parse(await (await fetch(site.url + routes.embedFeed(t.kind, t.code))).text());
      const items: Array<{ link: string }> = feed.rss.channel.item ?? [];
      expect(items).toHaveLength(Math.min(expected.length, FEED_ITEMS));
      expect(new Set(items.map((i) => i.link))).toEqual(new Set(expected.map((p) => `${publicHome}${routes.provider(p.id)}`)));
      if (expected.length > 0) {
        const facetPage = await readFile(path.join(DIST, routes.facetValue(t.kind, t.code), 'index.html'), 'utf8');
        // A network's page heads its list with the number; a place's page says it in the place's sentence (placeSummary).
        expect(facetPage).toMatch(new RegExp(`>${countOf(expected.length, 'structure', 'structures')}(</h2>| intervien)`));
      }
    }
  });
});
