/**
 * No page may make a visitor's browser contact another host than the site's
 * own (no CDN, web font, analytics, map tiles…). This check reads the built
 * site and lists every absolute third-party address that a page, a style
 * sheet or a script would load:
 *
 *   npm run budget            (runs it with the page budget)
 *   node scripts/check-dist.ts [--dist DIR]
 *
 * Links that a visitor follows (`<a href>`), XML namespaces and JSON-LD
 * values are not requests and are left alone.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Parser } from 'htmlparser2';
import { builtSiteHome, listFiles } from './lib/dist-files.ts';

export interface ThirdPartyRequest {
  /** File of `dist/`, relative, with `/` separators. */
  file: string;
  line: number;
  /** What would load it: `<script src>`, `CSS url()`, `JS fetch()`… */
  via: string;
  url: string;
}

export interface ScanOptions {
  /** Hosts that are the site's own (the host of SITE_URL). */
  ownHosts: readonly string[];
  /**
   * Hosts a file may contact besides the site's own, by file: the CMS
   * (`admin/`) talks to the forge where the repository lives.
   */
  allowedHosts?: (file: string) => readonly string[];
  /**
   * Scripts whose text is not scanned: third-party code shipped as it is,
   * whose code paths for other configurations never run here.
   */
  vendored?: (file: string) => boolean;
}

/**
 * Decap CMS is served from `admin/` as its published bundle: the bundle
 * holds code for every backend and media library (Netlify, Cloudinary…),
 * and only the configured one runs, talking to the forge. The CMS page
 * itself is still scanned, so that the bundle can never come from a CDN.
 */
export const CMS_BUNDLE = (file: string) => /^admin\/.*\.m?js$/i.test(file);

/** `<link rel>` values with which a browser fetches or connects to the address. */
const FETCHING_RELS = new Set([
  'stylesheet',
  'icon',
  'shortcut',
  'apple-touch-icon',
  'apple-touch-icon-precomposed',
  'mask-icon',
  'manifest',
  'preload',
  'prefetch',
  'modulepreload',
  'preconnect',
  'dns-prefetch',
  'prerender',
]);

/** Attributes whose address the browser loads, per element (`*`: any element). */
const RESOURCE_ATTRIBUTES: Record<string, readonly string[]> = {
  script: ['src'],
  img: ['src', 'srcset'],
  source: ['src', 'srcset'],
  video: ['src', 'poster'],
  audio: ['src'],
  track: ['src'],
  iframe: ['src'],
  frame: ['src'],
  embed: ['src'],
  object: ['data'],
  input: ['src'],
  image: ['href', 'xlink:href'],
  use: ['href', 'xlink:href'],
  feimage: ['href', 'xlink:href'],
  a: ['ping'],
  area: ['ping'],
  body: ['background'],
  html: ['manifest'],
};

/** The host of an address when it is absolute http(s) or protocol-relative; undefined for anything local. */
export function externalHost(raw: string): string | undefined {
  const url = raw.trim();
  const absolute = url.startsWith('//') ? `https:${url}` : url;
  if (!/^https?:/i.test(absolute)) return undefined;
  // An address without a valid host (`//:0`, a placeholder) makes no request.
  return URL.canParse(absolute) ? new URL(absolute).hostname || undefined : undefined;
}

/** Every address of a `srcset` (candidates are separated by commas followed by a descriptor or a space). */
function srcsetUrls(value: string): string[] {
  return value
    .split(/,(?=\s|[^,]*$)/)
    .map((candidate) => candidate.trim().split(/\s+/)[0] ?? '')
    .filter(Boolean);
}

const CSS_PATTERNS: Array<[RegExp, string]> = [
  [/url\(\s*(['"]?)([^'")\s]+)\1\s*\)/gi, 'CSS url()'],
  [/@import\s+(['"])([^'"]+)\1/gi, 'CSS @import'],
  [/image-set\(\s*(['"])([^'"]+)\1/gi, 'CSS image-set()'],
];

/**
 * JavaScript that loads an address: static and dynamic imports, fetch, XHR,
 * beacons, workers, sockets, event sources, and `src`/`href` assignments.
 * Plain strings (an SVG namespace, a link built for an `<a>`) are not requests.
 */
const JS_PATTERNS: Array<[RegExp, string]> = [
  [/\bimport\s*\(\s*(['"`])((?:https?:)?\/\/[^'"`]+)\1/g, 'JS import()'],
  [/\bimport\s*(?:[\w*${}\s,]+from\s*)?(['"])((?:https?:)?\/\/[^'"]+)\1/g, 'JS import'],
  [/\bexport\s*[\w*{}\s,]*from\s*(['"])((?:https?:)?\/\/[^'"]+)\1/g, 'JS export from'],
  [/\bfetch\s*\(\s*(['"`])((?:https?:)?\/\/[^'"`]+)\1/g, 'JS fetch()'],
  [/\bimportScripts\s*\(\s*(['"`])((?:https?:)?\/\/[^'"`]+)\1/g, 'JS importScripts()'],
  [/\bsendBeacon\s*\(\s*(['"`])((?:https?:)?\/\/[^'"`]+)\1/g, 'JS sendBeacon()'],
  [
    /\bnew\s+(?:WebSocket|EventSource|Worker|SharedWorker)\s*\(\s*(['"`])((?:https?:|wss?:)?\/\/[^'"`]+)\1/g,
    'JS new Worker/WebSocket/EventSource',
  ],
  [/\.open\s*\(\s*(['"])[A-Za-z]+\1\s*,\s*(['"`])((?:https?:)?\/\/[^'"`]+)\2/g, 'JS XMLHttpRequest'],
  [/\.(?:src|href|srcset|poster)\s*=\s*(['"`])((?:https?:)?\/\/[^'"`]+)\1/g, 'JS src/href assignment'],
  [/\.setAttribute\s*\(\s*(['"])(?:src|href|srcset)\1\s*,\s*(['"`])((?:https?:)?\/\/[^'"`]+)\2/g, 'JS setAttribute()'],
  [/\bregister\s*\(\s*(['"`])((?:https?:)?\/\/[^'"`]+)\1/g, 'JS serviceWorker.register()'],
];

function lineAt(text: string, index: number): number {
  let line = 1;
  for (let i = 0; i < index && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

function matches(text: string, patterns: Array<[RegExp, string]>, offset = 0): Array<{ url: string; via: string; index: number }> {
  const found: Array<{ url: string; via: string; index: number }> = [];
  for (const [pattern, via] of patterns) {
    for (const m of text.matchAll(pattern)) {
      // The address is the last captured group of each pattern.
      const url = [...m]
        .slice(1)
        .reverse()
        .find((g) => g !== undefined && /^(?:https?:|wss?:)?\/\//i.test(g));
      if (url) found.push({ url, via, index: offset + (m.index ?? 0) });
    }
  }
  return found;
}

const wsHost = (url: string) => externalHost(url.replace(/^wss?:/i, 'https:'));

/** Addresses a CSS text loads. */
export function cssRequests(css: string) {
  return matches(css, CSS_PATTERNS);
}

/** Addresses a script loads. */
export function jsRequests(js: string) {
  return matches(js, JS_PATTERNS);
}

/** Addresses an HTML (or SVG) document loads, with the index where each was found. */
export function htmlRequests(html: string): Array<{ url: string; via: string; index: number }> {
  const found: Array<{ url: string; via: string; index: number }> = [];
  let rawKind: 'js' | 'css' | 'importmap' | 'skip' | undefined;
  let rawStart = 0;
  let rawText = '';
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        const at = parser.startIndex;
        const tag = name.toLowerCase();
        for (const attribute of RESOURCE_ATTRIBUTES[tag] ?? []) {
          const value = attributes[attribute];
          if (value === undefined) continue;
          const urls = attribute === 'srcset' ? srcsetUrls(value) : attribute === 'ping' ? value.split(/\s+/) : [value];
          for (const url of urls) found.push({ url, via: `<${tag} ${attribute}>`, index: at });
        }
        if (tag === 'link' && attributes.href !== undefined) {
          const rels = (attributes.rel ?? '').toLowerCase().split(/\s+/);
          if (rels.some((r) => FETCHING_RELS.has(r)))
            found.push({ url: attributes.href, via: `<link rel="${attributes.rel}">`, index: at });
          if (attributes.imagesrcset)
            for (const url of srcsetUrls(attributes.imagesrcset)) found.push({ url, via: '<link imagesrcset>', index: at });
        }
        if (attributes.style) for (const m of cssRequests(attributes.style)) found.push({ ...m, via: `${m.via} in style=""`, index: at });
        if (tag === 'script') {
          const type = (attributes.type ?? '').toLowerCase();
          // JSON-LD and other data blocks are never executed or loaded.
          rawKind = type === 'importmap' ? 'importmap' : type === '' || /javascript|module|ecmascript/.test(type) ? 'js' : 'skip';
        } else if (tag === 'style') {
          rawKind = 'css';
        }
        rawStart = parser.endIndex + 1;
        rawText = '';
      },
      ontext(text) {
        if (rawKind) rawText += text;
      },
      onclosetag(name) {
        const tag = name.toLowerCase();
        if ((tag === 'script' || tag === 'style') && rawKind) {
          if (rawKind === 'js') found.push(...matches(rawText, JS_PATTERNS, rawStart).map((m) => ({ ...m, via: `${m.via} in <script>` })));
          if (rawKind === 'css') found.push(...matches(rawText, CSS_PATTERNS, rawStart).map((m) => ({ ...m, via: `${m.via} in <style>` })));
          if (rawKind === 'importmap') {
            for (const m of rawText.matchAll(/(['"])((?:https?:)?\/\/[^'"]+)\1/g))
              found.push({ url: m[2]!, via: '<script type="importmap">', index: rawStart + (m.index ?? 0) });
          }
          rawKind = undefined;
        }
      },
    },
    { lowerCaseAttributeNames: true, recognizeSelfClosing: true },
  );
  parser.end(html);
  return found;
}

const SCANNED = /\.(html?|svg|css|m?js)$/i;

/** Every third-party address the built site would load, with the file and line where it stands. */
export async function findThirdPartyRequests(distDir: string, options: ScanOptions): Promise<ThirdPartyRequest[]> {
  const problems: ThirdPartyRequest[] = [];
  for (const file of await listFiles(distDir)) {
    if (!SCANNED.test(file) || options.vendored?.(file)) continue;
    const text = await readFile(path.join(distDir, file), 'utf8');
    const found = /\.css$/i.test(file) ? cssRequests(text) : /\.m?js$/i.test(file) ? jsRequests(text) : htmlRequests(text);
    const allowed = new Set([...options.ownHosts, ...(options.allowedHosts?.(file) ?? [])].map((h) => h.toLowerCase()));
    for (const { url, via, index } of found) {
      const host = /^wss?:/i.test(url.trim()) ? wsHost(url) : externalHost(url);
      if (host === undefined || allowed.has(host.toLowerCase())) continue;
      problems.push({ file, line: lineAt(text, index), via, url });
    }
  }
  return problems;
}

export function formatRequest(r: ThirdPartyRequest): string {
  return `${r.file}:${r.line} ${r.via} charge ${r.url}`;
}

export function distDirFromArgs(argv: readonly string[]): string {
  const i = argv.indexOf('--dist');
  return path.resolve(i >= 0 && argv[i + 1] ? argv[i + 1]! : (process.env.DIST_DIR ?? 'dist'));
}

async function main() {
  const dist = distDirFromArgs(process.argv.slice(2));
  const problems = await findThirdPartyRequests(dist, { ownHosts: [(await builtSiteHome(dist)).hostname], vendored: CMS_BUNDLE });
  for (const p of problems) console.error(formatRequest(p));
  if (problems.length > 0) {
    console.error(
      `✘ ${problems.length} adresse(s) d’un autre site chargée(s) par les pages : servez ces fichiers depuis le site lui-même.`,
    );
    process.exit(1);
  }
  console.log('✔ Aucune page ne charge de ressource d’un autre site.');
}

if (import.meta.main) await main();
