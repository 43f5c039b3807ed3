/**
 * What browser tests and page measurements share: a static server over
 * `dist/` (as any static host would serve it) and Debian's Chromium driven
 * by Playwright. Without a
 * Chromium, tests skip with a loud message; in CI (CI=true) they fail.
 *
 * The server sends the headers of the site's own `_headers` file
 * (public/_headers, copied into dist/), as Cloudflare Pages or Netlify
 * would: browser tests see the security headers the project ships, and
 * prove what they allow (embeds framed by another origin) and forbid
 * (every other page in a frame).
 */
import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { headersFor, parseHeadersFile } from './headers-file.ts';

export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export function chromiumPath(): string | undefined {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  return candidates.find((p): p is string => !!p && existsSync(p));
}

/** True when browser tests can run; otherwise says why, loudly, and fails in CI. */
export function browserAvailable(): boolean {
  if (chromiumPath()) return true;
  const message =
    '\n\n!!! Chromium est introuvable : les tests dans le navigateur sont IGNORÉS.\n!!! Installez-le : sudo apt-get install -y chromium (ou indiquez CHROMIUM_PATH).\n';
  if (process.env.CI) throw new Error(message);
  console.warn(message);
  return false;
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), headless: true, args: CHROMIUM_FLAGS });
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.xml': 'application/xml; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.webmanifest': 'application/manifest+json',
};

export interface StaticSite {
  url: string;
  /** Every path requested, to count requests. */
  requests: string[];
  close(): Promise<void>;
}

/**
 * Serves `root` under `base` (`/` or `/repo/`), with 404.html for missing
 * pages, like GitHub Pages, and the headers of `root/_headers` when there is
 * one. Its rules name paths from the site's home (`/integrer/…`): under a
 * base path they are matched after it, as a host serving the site at the
 * root of its own domain would.
 */
export async function serveStatic(root: string, base = '/', options: { headers?: boolean } = {}): Promise<StaticSite> {
  const requests: string[] = [];
  // `headers: false` serves the files alone, as GitHub Pages would: a test shows what the headers change.
  const rules = options.headers === false ? [] : parseHeadersFile(await readFile(path.join(root, '_headers'), 'utf8').catch(() => ''));
  const server: Server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    requests.push(url.pathname);
    let pathname = decodeURIComponent(url.pathname);
    if (!pathname.startsWith(base)) {
      res.writeHead(404).end();
      return;
    }
    pathname = pathname.slice(base.length - 1);
    for (const [name, value] of headersFor(rules, pathname)) res.setHeader(name, value);
    // Hosts read _headers; they do not serve it.
    if (pathname === '/_headers') pathname = '/nulle-part';
    let file = path.join(root, path.normalize(pathname));
    if (!file.startsWith(root)) {
      res.writeHead(403).end();
      return;
    }
    try {
      if ((await stat(file)).isDirectory()) file = path.join(file, 'index.html');
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' }).end(body);
    } catch {
      try {
        const body = await readFile(path.join(root, '404.html'));
        res.writeHead(404, { 'content-type': TYPES['.html']! }).end(body);
      } catch {
        res.writeHead(404).end('Not found');
      }
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${base}`,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
