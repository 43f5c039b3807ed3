/**
 * The security headers the project ships: how a `_headers` file is read
 * (the test server applies it as Cloudflare Pages does), what
 * public/_headers gives each kind of page (only embeds may be framed by
 * other sites), and that the nginx recipe of docs/deploiement.md gives the
 * very same headers.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { headersFor, parseHeadersFile } from '../../scripts/lib/headers-file.ts';
import { routes } from '../../src/domain/routes.ts';
import { ROOT } from '../content/helpers.ts';

const shipped = parseHeadersFile(readFileSync(`${ROOT}public/_headers`, 'utf8'));
const at = (route: string) => `/${route}`;

describe('a _headers file', () => {
  const rules = parseHeadersFile(
    [
      '# comment',
      '/*',
      '  X-Frame-Options: DENY',
      '  Cache-Control: no-cache',
      '',
      '/static/*',
      '  Cache-Control: max-age=60',
      '/embed/:name/',
      '  ! X-Frame-Options',
      '  X-Robots-Tag: noindex',
    ].join('\n'),
  );

  it('attaches the headers of every matching rule, in order, joining a header attached twice', () => {
    expect(Object.fromEntries(headersFor(rules, '/'))).toEqual({ 'x-frame-options': 'DENY', 'cache-control': 'no-cache' });
    expect(headersFor(rules, '/static/a/b.css').get('cache-control')).toBe('no-cache, max-age=60');
  });

  it('removes with « ! » a header that an earlier rule attached; a placeholder matches one segment', () => {
    expect(Object.fromEntries(headersFor(rules, '/embed/x/'))).toEqual({ 'cache-control': 'no-cache', 'x-robots-tag': 'noindex' });
    expect(headersFor(rules, '/embed/x/y/').get('x-frame-options')).toBe('DENY');
  });

  it('says in French what it cannot read', () => {
    expect(() => parseHeadersFile('  X-A: b')).toThrow('_headers, ligne 1 : un en-tête avant tout chemin.');
    expect(() => parseHeadersFile('/*\n  pas un en-tête')).toThrow('_headers, ligne 2 : « Nom: valeur » attendu');
    expect(() => parseHeadersFile('https://exemple.org/*\n  X-A: b')).toThrow('seuls des chemins');
  });
});

/** One page of each kind that keeps the general rule: no frame anywhere. */
const UNFRAMEABLE = [
  routes.home(),
  routes.directory(),
  routes.provider('atelier-libre'),
  routes.facetValue('reseau', 'chatons'),
  routes.facetValue('region', '84'),
  routes.embeds(),
  routes.openData(),
  routes.providersJson(),
  routes.propose(),
  '404.html',
];
const EMBEDS = [
  routes.embed('reseau', 'chatons'),
  routes.embed('region', '84'),
  routes.embed('region', '975'),
  routes.embedJson('reseau', 'chatons'),
  routes.embedFeed('region', '84'),
];

describe('public/_headers', () => {
  it.each(UNFRAMEABLE)('forbids any frame of /%s', (route) => {
    const headers = headersFor(shipped, at(route));
    expect(headers.get('content-security-policy')).toBe("frame-ancestors 'none'");
    expect(headers.get('x-frame-options')).toBe('DENY');
    expect(headers.get('access-control-allow-origin')).toBeUndefined();
  });

  it.each(EMBEDS)('lets any site frame and read /%s, keeping the other protections', (route) => {
    const headers = headersFor(shipped, at(route));
    expect(headers.get('content-security-policy')).toBe('frame-ancestors *');
    expect(headers.has('x-frame-options')).toBe(false);
    expect(headers.get('access-control-allow-origin')).toBe('*');
    expect(headers.get('x-content-type-options')).toBe('nosniff');
    expect(headers.get('referrer-policy')).toBe('no-referrer');
    expect(headers.get('permissions-policy')).toContain('camera=()');
  });

  it('lets the CMS frame its own preview, and no one else', () => {
    const headers = headersFor(shipped, at(routes.admin()));
    expect(headers.get('content-security-policy')).toBe("frame-ancestors 'self'");
    expect(headers.get('x-frame-options')).toBe('SAMEORIGIN');
  });
});

// ---------------------------------------------------------------------------
// The nginx recipe, read as nginx reads it: the longest matching prefix
// location, unless a regular-expression location matches first; a location
// with add_header lines of its own inherits none of the server's.

interface Location {
  modifier: string;
  pattern: string;
  headers: Array<[string, string]>;
}

function nginxRecipe(markdown: string): { server: Array<[string, string]>; locations: Location[] } {
  const block = /```nginx\n([\s\S]*?)\n```/.exec(markdown)?.[1];
  if (!block) throw new Error('Pas de recette nginx dans docs/deploiement.md.');
  const server: Array<[string, string]> = [];
  const locations: Location[] = [];
  let current: Location | undefined;
  for (const raw of block.split('\n')) {
    const line = raw.trim();
    const location = /^location\s+(?:(=|~\*?|\^~)\s+)?(\S+)\s*\{$/.exec(line);
    if (location) locations.push((current = { modifier: location[1] ?? '', pattern: location[2]!, headers: [] }));
    else if (line === '}') current = undefined;
    const header = /^add_header\s+(\S+)\s+"([^"]*)"/.exec(line);
    if (header) (current?.headers ?? server).push([header[1]!.toLowerCase(), header[2]!]);
  }
  return { server, locations };
}

function nginxHeaders(recipe: ReturnType<typeof nginxRecipe>, path: string): Map<string, string> {
  const prefixes = recipe.locations.filter((l) => !l.modifier.startsWith('~') && path.startsWith(l.pattern));
  const longest = prefixes.sort((a, b) => b.pattern.length - a.pattern.length)[0];
  const regex =
    longest?.modifier === '^~'
      ? undefined
      : recipe.locations.find((l) => l.modifier.startsWith('~') && new RegExp(l.pattern, l.modifier === '~*' ? 'i' : '').test(path));
  const location = regex ?? longest;
  return new Map(location && location.headers.length > 0 ? location.headers : recipe.server);
}

describe('the nginx recipe of docs/deploiement.md', () => {
  const recipe = nginxRecipe(readFileSync(`${ROOT}docs/deploiement.md`, 'utf8'));
  const withoutCaching = (headers: Map<string, string>) => new Map([...headers].filter(([name]) => name !== 'cache-control'));

  it.each([...UNFRAMEABLE, ...EMBEDS, routes.admin()])('sends /%s the headers of public/_headers', (route) => {
    expect(withoutCaching(nginxHeaders(recipe, at(route)))).toEqual(headersFor(shipped, at(route)));
  });

  it('is read as nginx reads it: a location with headers of its own inherits none of the server’s', () => {
    expect(nginxHeaders(recipe, '/_astro/site.css').get('cache-control')).toContain('immutable');
    expect(nginxHeaders(recipe, '/_astro/site.css').has('content-security-policy')).toBe(false);
  });
});
