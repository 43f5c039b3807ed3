/**
 * No page may load anything from another host: the scan over the built site
 * finds nothing, and it does catch what a careless change would plant.
 */
import { routes } from '../../src/domain/routes.ts';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtSiteHome } from '../../scripts/lib/dist-files.ts';
import { CMS_BUNDLE, findThirdPartyRequests, formatRequest } from '../../scripts/check-dist.ts';

const DIST = path.resolve(process.env.DIST_DIR ?? 'dist');
const OWN = { ownHosts: ['annuaire.example.org'] };

let scratch: string;

/** A folder shaped like `dist/`, holding the given files. */
async function site(name: string, files: Record<string, string>): Promise<string> {
  const root = path.join(scratch, name);
  for (const [file, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(root, file)), { recursive: true });
    await writeFile(path.join(root, file), text);
  }
  return root;
}

const page = (head: string, body = '') =>
  `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>t</title>${head}</head><body>${body}</body></html>`;

beforeAll(async () => {
  scratch = await mkdtemp(path.join(os.tmpdir(), 'third-party-'));
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

describe('the third-party scan', () => {
  it('catches a script loaded from a CDN', async () => {
    const root = await site('cdn', { 'index.html': page('<script src="https://cdn.example.com/x.js"></script>') });
    const found = await findThirdPartyRequests(root, OWN);
    expect(found).toEqual([{ file: 'index.html', line: 1, via: '<script src>', url: 'https://cdn.example.com/x.js' }]);
    expect(formatRequest(found[0]!)).toContain('https://cdn.example.com/x.js');
  });

  it('catches every way a page, a style sheet or a script loads an address', async () => {
    const root = await site('many', {
      'index.html': page(
        [
          '<link rel="stylesheet" href="//fonts.example.net/f.css">',
          '<link rel="preconnect" href="https://analytics.example.com">',
          '<link rel="icon" href="https://cdn.example.com/favicon.ico">',
          '<style>@import "https://cdn.example.com/reset.css"; .map { background: url(https://tiles.example.org/1/2/3.png) }</style>',
          '<script type="module">import { x } from "https://esm.example.com/x.js"; fetch("https://api.example.com/stats");</script>',
        ].join('\n'),
        [
          '<img src="https://images.example.com/a.png" alt="">',
          '<img srcset="/local.png 1x, https://images.example.com/b.png 2x" alt="">',
          '<iframe src="https://video.example.com/embed/1" title="v"></iframe>',
          '<div style="background-image: url(\'https://tiles.example.org/x.png\')"></div>',
          '<a href="/ok/" ping="https://track.example.com/p">x</a>',
        ].join('\n'),
      ),
      '_astro/site.css': 'body { font-family: x; }\n@font-face { src: url("https://fonts.example.net/x.woff2") }',
      '_astro/app.js':
        'const a = 1;\nawait import("https://esm.example.com/lazy.js");\nnavigator.sendBeacon("https://track.example.com/b");\nimg.src = "https://images.example.com/c.png";',
    });
    const found = await findThirdPartyRequests(root, OWN);
    const urls = found.map((f) => f.url).sort();
    expect(urls).toEqual(
      [
        '//fonts.example.net/f.css',
        'https://analytics.example.com',
        'https://cdn.example.com/favicon.ico',
        'https://cdn.example.com/reset.css',
        'https://tiles.example.org/1/2/3.png',
        'https://esm.example.com/x.js',
        'https://api.example.com/stats',
        'https://images.example.com/a.png',
        'https://images.example.com/b.png',
        'https://video.example.com/embed/1',
        'https://tiles.example.org/x.png',
        'https://track.example.com/p',
        'https://fonts.example.net/x.woff2',
        'https://esm.example.com/lazy.js',
        'https://track.example.com/b',
        'https://images.example.com/c.png',
      ].sort(),
    );
    // Each finding says where it stands.
    expect(found.find((f) => f.url === 'https://images.example.com/c.png')).toMatchObject({ file: '_astro/app.js', line: 4 });
    expect(found.find((f) => f.url === 'https://fonts.example.net/x.woff2')).toMatchObject({ file: '_astro/site.css', line: 2 });
  });

  it('leaves alone links to follow, namespaces, JSON-LD and the site’s own addresses', async () => {
    const root = await site('good', {
      'index.html': page(
        [
          '<link rel="canonical" href="https://annuaire.example.org/">',
          '<link rel="alternate" type="application/rss+xml" href="/flux/prestataires.xml">',
          '<link rel="stylesheet" href="/_astro/site.css">',
          '<script type="application/ld+json">{"@context":"https://schema.org","@type":"Organization","url":"https://provider.example.com","logo":"https://provider.example.com/logo.png"}</script>',
          '<script type="module" src="/_astro/app.js"></script>',
        ].join('\n'),
        [
          '<a href="https://provider.example.com">Site de la structure</a>',
          '<a href="mailto:contact@provider.example.com">Écrire</a>',
          '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"><use href="#shape"/></svg>',
          '<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" alt="">',
          '<img src="https://annuaire.example.org/logo.png" alt="">',
          '<form action="https://annuaire.example.org/trouver/"></form>',
          '<p>Voir https://cdn.example.com/x.js en texte.</p>',
        ].join('\n'),
      ),
      '_astro/site.css': '.x { background: url(/img/a.png) } .y { background: url("data:image/svg+xml,%3Csvg%3E") }',
      'admin/decap-cms.js': 'fetch("https://api.netlify.com/api/v1/sites");',
      '_astro/app.js':
        'img.src = "//:0"; const ns = "http://www.w3.org/2000/svg"; const link = document.createElement("a"); const to = "https://provider.example.com"; fetch("/pagefind/pagefind.js");',
      [routes.providersFeed()]: '<rss version="2.0"><channel><link>https://elsewhere.example.com/</link></channel></rss>',
    });
    expect(await findThirdPartyRequests(root, { ...OWN, vendored: CMS_BUNDLE })).toEqual([]);
    // Without the CMS exception, its bundle would be reported.
    expect((await findThirdPartyRequests(root, OWN)).map((r) => r.file)).toEqual(['admin/decap-cms.js']);
  });

  it('still scans the CMS page, so that the CMS never comes from a CDN', async () => {
    const root = await site('cms', {
      'admin/index.html': page('<script src="https://unpkg.com/decap-cms@^3/dist/decap-cms.js"></script>'),
    });
    expect((await findThirdPartyRequests(root, { ...OWN, vendored: CMS_BUNDLE })).map((r) => r.url)).toEqual([
      'https://unpkg.com/decap-cms@^3/dist/decap-cms.js',
    ]);
  });
});

describe('the built site', () => {
  it('loads nothing from another host, on any page', async () => {
    if (!existsSync(path.join(DIST, 'index.html'))) throw new Error(`Pas de site construit dans ${DIST} : lancez « npm run build ».`);
    const home = await builtSiteHome(DIST);
    const found = await findThirdPartyRequests(DIST, { ownHosts: [home.hostname], vendored: CMS_BUNDLE });
    expect(found.map(formatRequest)).toEqual([]);
  });

  it('serves the CMS from the site itself', async () => {
    if (!existsSync(path.join(DIST, 'admin', 'index.html'))) return;
    const home = await builtSiteHome(DIST);
    const cmsPage = await findThirdPartyRequests(DIST, { ownHosts: [home.hostname] });
    expect(cmsPage.filter((r) => r.file.startsWith('admin/') && !CMS_BUNDLE(r.file)).map(formatRequest)).toEqual([]);
  });
});
