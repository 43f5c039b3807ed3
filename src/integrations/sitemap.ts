/**
 * Writes `sitemap.xml` once the site is built, from the HTML pages really in
 * `dist/`: every facet and pagination page is listed without keeping a second
 * list of routes. Left out: the committee dashboard, the CMS, error pages and
 * any page that asks not to be indexed.
 */
import { open, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { Parser } from 'htmlparser2';
import { isErrorPage, isPrivatePage, listFiles, pagePath } from '../../scripts/lib/dist-files.ts';

/** The sitemap protocol allows 50,000 addresses per file. */
const MAX_URLS = 50_000;

/** True when the page's head carries `<meta name="robots" content="…noindex…">`. */
export function asksNoIndex(html: string): boolean {
  const end = html.search(/<\/head>/i);
  const head = end === -1 ? html : html.slice(0, end);
  // Most pages never say "noindex": no need to parse them.
  if (!/noindex/i.test(head)) return false;
  let noindex = false;
  const parser = new Parser({
    onopentag(name, attributes) {
      if (name === 'meta' && attributes.name?.toLowerCase() === 'robots' && /noindex/i.test(attributes.content ?? '')) noindex = true;
    },
  });
  parser.end(head);
  return noindex;
}

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function urlset(urls: string[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls
    .map((u) => `  <url><loc>${escapeXml(u)}</loc></url>`)
    .join('\n')}\n</urlset>\n`;
}

/** The start of a page, up to the end of its head: big sites have tens of thousands of pages to read. */
async function readHead(file: string): Promise<string> {
  const handle = await open(file, 'r');
  try {
    const chunk = Buffer.alloc(16_384);
    let text = '';
    for (;;) {
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
      text += chunk.toString('utf8', 0, bytesRead);
      if (bytesRead < chunk.length || /<\/head>|<body[\s>]/i.test(text)) return text;
    }
  } finally {
    await handle.close();
  }
}

/** The public addresses of the indexable pages of a built site. */
export async function sitemapUrls(distDir: string, home: string): Promise<string[]> {
  const pages = (await listFiles(distDir)).filter((file) => file.endsWith('.html') && !isPrivatePage(file) && !isErrorPage(file));
  const urls: string[] = [];
  // A few files at a time: fast on many pages, without opening them all at once.
  for (let i = 0; i < pages.length; i += 64) {
    const batch = pages.slice(i, i + 64);
    const heads = await Promise.all(batch.map((file) => readHead(path.join(distDir, file))));
    batch.forEach((file, j) => {
      // Addresses are encoded as a browser would send them (accents, spaces).
      if (!asksNoIndex(heads[j]!)) urls.push(new URL(encodeURI(pagePath(file)), home).href);
    });
  }
  return urls.sort();
}

/** Writes `sitemap.xml` (or, past 50,000 addresses, an index of `sitemap-N.xml` files). */
export async function writeSitemap(distDir: string, home: string): Promise<number> {
  const urls = await sitemapUrls(distDir, home);
  if (urls.length <= MAX_URLS) {
    await writeFile(path.join(distDir, 'sitemap.xml'), urlset(urls));
    return urls.length;
  }
  const parts: string[] = [];
  for (let i = 0; i * MAX_URLS < urls.length; i++) {
    const name = `sitemap-${i + 1}.xml`;
    await writeFile(path.join(distDir, name), urlset(urls.slice(i * MAX_URLS, (i + 1) * MAX_URLS)));
    parts.push(new URL(name, home).href);
  }
  await writeFile(
    path.join(distDir, 'sitemap.xml'),
    `<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${parts
      .map((u) => `  <sitemap><loc>${escapeXml(u)}</loc></sitemap>`)
      .join('\n')}\n</sitemapindex>\n`,
  );
  return urls.length;
}

export default function sitemap(): AstroIntegration {
  let home = '';
  return {
    name: 'emancipasso:sitemap',
    hooks: {
      'astro:config:done': ({ config }) => {
        if (!config.site) throw new Error('L’adresse publique du site manque : indiquez SITE_URL pour construire le plan du site.');
        home = new URL(config.base.endsWith('/') ? config.base : `${config.base}/`, config.site).href;
      },
      'astro:build:done': async ({ dir, logger }) => {
        const count = await writeSitemap(fileURLToPath(dir), home);
        logger.info(`Plan du site : ${count} pages dans sitemap.xml.`);
      },
    },
  };
}
