/**
 * Page budget: what a visitor downloads for each page of the built site.
 *
 *   npm run budget [-- --dist DIR] [--json]
 *
 * For every HTML page of `dist/`: the gzipped size of the HTML plus every
 * style sheet and script it loads (following the imports of local modules),
 * the number of requests, the number of elements and an Ecoindex estimate.
 * Prints a table per page type (maximum and median) and fails when a public
 * page weighs more than 40 kB, or when any page loads something from another
 * site. The search index (`/pagefind/` chunks, loaded only when searching)
 * is left aside; a Pagefind script that a page loads at start is counted.
 * The committee dashboard (`/comite/`) and the CMS (`/admin/`) are measured
 * but not held to the 40 kB rule. The no-account forms (`/proposer/`,
 * `/recommander/`) are held to 40 kB with the code they load when the form is
 * used (their checks); code that this code loads only for some answers (the
 * Markdown reader, for a text holding a link or a tag) is reported apart.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { init as initLexer, parse as parseModule } from 'es-module-lexer';
import { Parser } from 'htmlparser2';
import { builtSiteHome, isErrorPage, isPrivatePage, listFiles, pagePath } from './lib/dist-files.ts';
import { CMS_BUNDLE, distDirFromArgs, findThirdPartyRequests, formatRequest } from './check-dist.ts';
import { isEmbed, routes, TABLE_WORD } from '../src/domain/routes.ts';

/** HTML + CSS + JS of a public page, gzipped (docs/qualite.md). */
export const PAGE_BUDGET_BYTES = 40_000;
/** A form page, with the code its form loads when used. */
export const FORM_PAGE_BUDGET_BYTES = 40_000;
/** The page types whose on-demand code counts: the no-account forms. */
export const FORM_PAGE_TYPES: readonly string[] = ['propose', 'recommend'];
/**
 * The forms' Markdown reader (src/domain/rules/markdown.ts and
 * markdown-parser.ts, about 24 kB): it
 * loads only for a text that holds a link or a tag (`mightBeRefused`), and is
 * reported apart.
 */
const MARKDOWN_READER = /(^|\/)markdown(-parser)?\.[\w-]+\.js$/;
/**
 * The provider form's import (src/forms/prefill.ts and what only it loads):
 * it loads only when a person opens « Importer depuis librehost.json ou
 * ChatonsInfos », and is measured apart (`onDemandImport`).
 */
const IMPORT_READER = /(^|\/)prefill\.[\w-]+\.js$/;

export interface PageMeasure {
  /** File in `dist/`, relative. */
  file: string;
  type: string;
  /** Held to the 40 kB budget (public pages). */
  budgeted: boolean;
  /** Gzipped bytes of the HTML, of its style sheets and of its scripts. */
  html: number;
  css: number;
  js: number;
  /** html + css + js. */
  weight: number;
  /** Everything transferred, images and fonts included (gzipped where text). */
  transfer: number;
  requests: number;
  /** Elements of the page, children of inline SVG aside (as Ecoindex counts them). */
  elements: number;
  ecoindex: number;
  grade: string;
  /** Local files the page loads, relative to `dist/`. */
  assets: string[];
  /**
   * Gzipped bytes of the code a page imports only when a person uses it (the
   * no-account forms' checks, loaded when the form is first used): measured
   * apart; counted with the page for the forms (FORM_PAGE_BUDGET_BYTES).
   */
  onDemand: number;
  /** Gzipped bytes that on-demand code imports in its turn only when needed (the Markdown reader, the postcodes of the forms). */
  onDemandIfNeeded: number;
  /**
   * The largest of those files, the Markdown reader aside: what a use of the
   * form adds at most (one tenth of the postcodes, for the listing's postcode).
   */
  onDemandLargestPiece: number;
  /** The files loaded only when needed, with their gzipped sizes. */
  assetsIfNeeded: Array<{ file: string; bytes: number }>;
  /** Gzipped bytes of the import code (IMPORT_READER and what only it loads), loaded when a person opens the import. */
  onDemandImport: number;
}

// ---------------------------------------------------------------------------
// Page types

export const PAGE_TYPES: Record<string, string> = {
  home: 'Accueil',
  directory: 'Annuaire',
  facet: 'Page de facette',
  table: 'Vue tableau',
  compare: 'Comparer',
  profile: 'Fiche de structure',
  projects: 'Liste des projets',
  project: 'Projet',
  resources: 'Liste des ressources',
  resource: 'Ressource',
  finder: 'Trouver un accompagnement',
  search: 'Recherche',
  openData: 'Données ouvertes',
  propose: 'Proposer une structure',
  recommend: 'Recommander',
  embeds: 'Intégrer l’annuaire',
  embed: 'Cadre à intégrer',
  editorial: 'Page éditoriale',
  notFound: 'Page 404',
  committee: 'Comité (hors budget)',
  cms: 'CMS (hors budget)',
};

/** The page type of a built page, from its address; `profiles` are the published providers' slugs. */
export function pageType(file: string, profiles: ReadonlySet<string>): keyof typeof PAGE_TYPES {
  if (isErrorPage(file)) return 'notFound';
  if (isEmbed(pagePath(file))) return 'embed';
  if (pagePath(file) === routes.embeds()) return 'embeds';
  const parts = pagePath(file).split('/').filter(Boolean);
  const [first, second] = parts;
  switch (first) {
    case undefined:
      return 'home';
    case 'annuaire':
      // `…/tableau/`, `…/tableau/page/2/`.
      if (parts.at(-1) === TABLE_WORD || parts.at(-3) === TABLE_WORD) return 'table';
      if (parts.length === 1 || second === 'page') return 'directory';
      return parts.length === 2 && profiles.has(second!) ? 'profile' : 'facet';
    case 'projets':
      return parts.length === 1 || second === 'page' ? 'projects' : 'project';
    case 'ressources':
      return parts.length === 1 ? 'resources' : 'resource';
    case 'donnees':
      return 'openData';
    case routes.compare().split('/')[0]:
      return 'compare';
    case 'proposer':
      // The form's page; its guide to importing by hand (routes.importGuide) is a page to read.
      return parts.length === 1 ? 'propose' : 'editorial';
    case 'recommander':
      return 'recommend';
    case 'recherche':
      return 'search';
    case 'comite':
      return 'committee';
    case 'admin':
      return 'cms';
    default:
      return first.startsWith('trouver') ? 'finder' : 'editorial';
  }
}

// ---------------------------------------------------------------------------
// Ecoindex (ecoindex.fr): DOM elements, requests and transferred kB against
// quantiles of the HTTP Archive, weighted 3, 2 and 1.

const QUANTILES = {
  dom: [0, 47, 75, 159, 233, 298, 358, 417, 476, 537, 603, 674, 753, 843, 949, 1076, 1237, 1459, 1801, 2479, 594601],
  req: [0, 2, 15, 25, 34, 42, 49, 56, 63, 70, 78, 86, 95, 105, 117, 130, 147, 170, 205, 281, 3920],
  size: [
    0, 1.37, 144.7, 319.53, 479.46, 631.97, 783.38, 937.91, 1098.62, 1265.47, 1448.32, 1648.27, 1876.08, 2142.06, 2465.37, 2866.31, 3401.59,
    4155.73, 5400.08, 8037.54, 223212.26,
  ],
};

function quantilePosition(quantiles: readonly number[], value: number): number {
  for (let i = 1; i < quantiles.length; i++) {
    if (value < quantiles[i]!) return i - 1 + (value - quantiles[i - 1]!) / (quantiles[i]! - quantiles[i - 1]!);
  }
  return quantiles.length - 1;
}

export function ecoindex(elements: number, requests: number, kilobytes: number): { score: number; grade: string } {
  const score = Math.round(
    100 -
      (5 *
        (3 * quantilePosition(QUANTILES.dom, elements) +
          2 * quantilePosition(QUANTILES.req, requests) +
          quantilePosition(QUANTILES.size, kilobytes))) /
        6,
  );
  const grades: Array<[number, string]> = [
    [80, 'A'],
    [70, 'B'],
    [55, 'C'],
    [40, 'D'],
    [25, 'E'],
    [10, 'F'],
  ];
  return { score, grade: grades.find(([min]) => score > min)?.[1] ?? 'G' };
}

// ---------------------------------------------------------------------------
// Reading pages and what they load

interface PageRefs {
  styles: string[];
  scripts: string[];
  /** Other files the browser fetches at load: images, icons, preloads. */
  others: string[];
  elements: number;
}

function srcsetFirsts(value: string): string[] {
  // The browser picks one candidate: count the first.
  const first = value.split(/,\s+/)[0]?.trim().split(/\s+/)[0];
  return first ? [first] : [];
}

export function pageRefs(html: string): PageRefs {
  const refs: PageRefs = { styles: [], scripts: [], others: [], elements: 0 };
  let svgDepth = 0;
  const parser = new Parser(
    {
      onopentag(name, a) {
        if (svgDepth === 0) refs.elements++;
        // Like the paths of an SVG, what a <template> holds is not in the page's DOM.
        if (name === 'svg' || name === 'template' || svgDepth > 0) svgDepth++;
        const rel = (a.rel ?? '').toLowerCase().split(/\s+/);
        if (name === 'link' && a.href) {
          if (rel.includes('stylesheet')) refs.styles.push(a.href);
          else if (rel.includes('modulepreload') || (rel.includes('preload') && a.as === 'script')) refs.scripts.push(a.href);
          else if (rel.includes('preload') && a.as === 'style') refs.styles.push(a.href);
          else if (rel.some((r) => ['icon', 'preload', 'manifest', 'apple-touch-icon'].includes(r))) refs.others.push(a.href);
        }
        if (name === 'script' && a.src) refs.scripts.push(a.src);
        if ((name === 'img' || name === 'source' || name === 'input') && (a.srcset || a.src)) {
          if (name !== 'input' || a.type === 'image') refs.others.push(...(a.srcset ? srcsetFirsts(a.srcset) : [a.src!]));
        }
        if ((name === 'video' && a.poster) || ((name === 'iframe' || name === 'embed') && a.src)) refs.others.push((a.poster ?? a.src)!);
      },
      onclosetag(name) {
        if (svgDepth > 0) svgDepth--;
        void name;
      },
    },
    { lowerCaseAttributeNames: true, recognizeSelfClosing: true },
  );
  parser.end(html);
  return refs;
}

/**
 * Static imports load with the module; dynamic ones load later, when the code
 * asks for them. Read with es-module-lexer, as Vite reads them; a dynamic
 * import of a computed address (Pagefind's, from the base path) is not a
 * file of the page and is left out.
 */
// The lexer is WebAssembly: ready once this promise resolves, before any page is read.
await initLexer;

export function jsImports(js: string): { static: string[]; dynamic: string[] } {
  const [imports] = parseModule(js);
  const statics: string[] = [];
  const dynamic: string[] = [];
  for (const i of imports) {
    if (i.n === undefined) continue;
    if (i.d === -1) statics.push(i.n);
    else if (i.d >= 0) dynamic.push(i.n);
  }
  return { static: statics, dynamic };
}

export function cssRefs(css: string): { imports: string[]; urls: string[] } {
  const imports = [...css.matchAll(/@import\s+(?:url\(\s*)?(['"]?)([^'")\s;]+)\1/gi)].map((m) => m[2]!);
  const urls = [...css.matchAll(/url\(\s*(['"]?)([^'")\s]+)\1\s*\)/gi)]
    .map((m) => m[2]!)
    .filter((u) => !u.startsWith('data:') && !imports.includes(u));
  return { imports, urls };
}

class BuiltSite {
  private gz = new Map<string, number>();
  private texts = new Map<string, string>();
  readonly dist: string;
  /** `https://host/base/` */
  readonly home: URL;
  constructor(dist: string, home: URL) {
    this.dist = dist;
    this.home = home;
  }

  /** The `dist/` file an address points to, or undefined when it is not on this site. */
  resolve(ref: string, fromFile: string): string | undefined {
    if (/^(data|blob|mailto|tel|javascript):/i.test(ref) || ref.startsWith('#')) return undefined;
    const from = new URL(pagePath(fromFile), this.home);
    const url = new URL(ref, from);
    if (url.origin !== this.home.origin || !url.pathname.startsWith(this.home.pathname)) return undefined;
    let file = decodeURIComponent(url.pathname.slice(this.home.pathname.length));
    if (file === '' || file.endsWith('/')) file += 'index.html';
    return file;
  }

  async text(file: string): Promise<string> {
    let text = this.texts.get(file);
    if (text === undefined) {
      text = await readFile(path.join(this.dist, file), 'utf8').catch(() => '');
      this.texts.set(file, text);
    }
    return text;
  }

  /** Bytes sent for a file: gzipped for text, as they are for images and fonts. */
  async size(file: string): Promise<number> {
    let size = this.gz.get(file);
    if (size === undefined) {
      const bytes = await readFile(path.join(this.dist, file)).catch(() => Buffer.alloc(0));
      size = /\.(html?|css|m?js|svg|json|xml|txt|webmanifest)$/i.test(file) ? gzipSync(bytes).length : bytes.length;
      this.gz.set(file, size);
    }
    return size;
  }
}

async function measurePage(site: BuiltSite, file: string, type: keyof typeof PAGE_TYPES): Promise<PageMeasure> {
  const html = await site.text(file);
  const refs = pageRefs(html);
  const styles = new Set<string>();
  const scripts = new Set<string>();
  const others = new Set<string>();
  let external = 0;

  const addStyle = async (ref: string, from: string): Promise<void> => {
    const local = site.resolve(ref, from);
    if (!local) return void external++;
    if (styles.has(local)) return;
    styles.add(local);
    const { imports, urls } = cssRefs(await site.text(local));
    for (const i of imports) await addStyle(i, local);
    for (const u of urls) {
      const asset = site.resolve(u, local);
      if (asset) others.add(asset);
      else if (!u.startsWith('data:')) external++;
    }
  };
  // Level 0: loaded with the page; 1: imported later, on a person's request; 2: imported by that code only when needed.
  const onDemand = new Set<string>();
  const ifNeeded = new Set<string>();
  // 3: the import code, and what only it loads.
  const importing = new Set<string>();
  const levels = [scripts, onDemand, ifNeeded, importing];
  const addScript = async (ref: string, from: string, level: number): Promise<void> => {
    const local = site.resolve(ref, from);
    if (!local) return void external++;
    if (IMPORT_READER.test(local)) level = 3;
    // The search index and the code Pagefind loads on its own (index chunks, wasm) are left aside;
    // a Pagefind script that the page itself loads at start is counted.
    if (level > 0 && local.startsWith('pagefind/')) return;
    // A file is counted once, at the earliest level it loads.
    if (levels.slice(0, level + 1).some((set) => set.has(local))) return;
    for (const later of levels.slice(level + 1)) later.delete(local);
    levels[level]!.add(local);
    const imports = jsImports(await site.text(local));
    for (const i of imports.static) await addScript(i, local, level);
    for (const i of imports.dynamic) await addScript(i, local, level === 3 ? 3 : Math.min(level + 1, 2));
  };

  for (const s of refs.styles) await addStyle(s, file);
  for (const s of refs.scripts) await addScript(s, file, 0);
  // Inline module scripts may import local modules too.
  for (const m of html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/gi)) {
    const imports = jsImports(m[1]!);
    for (const i of imports.static) await addScript(i, file, 0);
    for (const i of imports.dynamic) await addScript(i, file, 1);
  }
  for (const o of refs.others) {
    const local = site.resolve(o, file);
    if (local) others.add(local);
    else if (!/^data:/i.test(o)) external++;
  }

  const htmlSize = await site.size(file);
  let css = 0;
  for (const s of styles) css += await site.size(s);
  let js = 0;
  for (const s of scripts) js += await site.size(s);
  let otherSize = 0;
  for (const o of others) otherSize += await site.size(o);
  const requests = 1 + styles.size + scripts.size + others.size + external;
  const weight = htmlSize + css + js;
  const transfer = weight + otherSize;
  const { score, grade } = ecoindex(refs.elements, requests, transfer / 1024);
  return {
    file,
    type,
    budgeted: !isPrivatePage(file),
    html: htmlSize,
    css,
    js,
    weight,
    transfer,
    requests,
    elements: refs.elements,
    ecoindex: score,
    grade,
    assets: [...styles, ...scripts, ...others].sort(),
    onDemand: await [...onDemand].reduce(async (sum, f) => (await sum) + (await site.size(f)), Promise.resolve(0)),
    onDemandIfNeeded: await [...ifNeeded].reduce(async (sum, f) => (await sum) + (await site.size(f)), Promise.resolve(0)),
    onDemandLargestPiece: Math.max(
      0,
      ...(await Promise.all([...ifNeeded].filter((f) => !MARKDOWN_READER.test(f)).map((f) => site.size(f)))),
    ),
    assetsIfNeeded: await Promise.all([...ifNeeded].sort().map(async (f) => ({ file: f, bytes: await site.size(f) }))),
    onDemandImport: await [...importing].reduce(async (sum, f) => (await sum) + (await site.size(f)), Promise.resolve(0)),
  };
}

/** Published providers, read from the site's own open data, to tell profiles from facet pages. */
async function profileSlugs(distDir: string): Promise<Set<string>> {
  try {
    const data = JSON.parse(await readFile(path.join(distDir, 'donnees', 'prestataires.json'), 'utf8')) as {
      providers: Array<{ slug: string }>;
    };
    return new Set(data.providers.map((p) => p.slug));
  } catch {
    return new Set();
  }
}

/** Measures every HTML page of a built site. */
export async function measurePages(distDir: string): Promise<PageMeasure[]> {
  const site = new BuiltSite(distDir, await builtSiteHome(distDir));
  const profiles = await profileSlugs(distDir);
  const pages: PageMeasure[] = [];
  for (const file of await listFiles(distDir)) {
    if (!file.endsWith('.html')) continue;
    pages.push(await measurePage(site, file, pageType(file, profiles)));
  }
  return pages;
}

export function overBudget(pages: readonly PageMeasure[]): PageMeasure[] {
  return pages.filter((p) => p.budgeted && p.weight > PAGE_BUDGET_BYTES);
}

/**
 * The form pages, and whether each holds its budget with the code its form
 * loads when used; `withImport` adds the import code to that, for a person
 * who imports a file and then sends the form.
 */
export function formPages(pages: readonly PageMeasure[]): Array<PageMeasure & { withForm: number; withImport: number; over: boolean }> {
  return pages
    .filter((p) => FORM_PAGE_TYPES.includes(p.type))
    .map((p) => {
      const withForm = p.weight + p.onDemand + p.onDemandLargestPiece;
      return { ...p, withForm, withImport: withForm + p.onDemandImport, over: withForm > FORM_PAGE_BUDGET_BYTES };
    });
}

// ---------------------------------------------------------------------------
// Report

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} ko`;

export interface TypeSummary {
  type: string;
  label: string;
  pages: number;
  maxWeight: number;
  medianWeight: number;
  maxRequests: number;
  medianRequests: number;
  maxElements: number;
  minEcoindex: number;
  worstGrade: string;
  heaviest: string;
}

export function summarise(pages: readonly PageMeasure[]): TypeSummary[] {
  return Object.keys(PAGE_TYPES)
    .map((type) => {
      const of = pages.filter((p) => p.type === type);
      if (of.length === 0) return undefined;
      const heaviest = of.reduce((a, b) => (b.weight > a.weight ? b : a));
      const worst = of.reduce((a, b) => (b.ecoindex < a.ecoindex ? b : a));
      return {
        type,
        label: PAGE_TYPES[type]!,
        pages: of.length,
        maxWeight: heaviest.weight,
        medianWeight: median(of.map((p) => p.weight)),
        maxRequests: Math.max(...of.map((p) => p.requests)),
        medianRequests: median(of.map((p) => p.requests)),
        maxElements: Math.max(...of.map((p) => p.elements)),
        minEcoindex: worst.ecoindex,
        worstGrade: worst.grade,
        heaviest: heaviest.file,
      };
    })
    .filter((s): s is TypeSummary => s !== undefined);
}

/**
 * The page types whose worst page is estimated below Ecoindex A; the committee's and the CMS's pages are not held to it.
 * Reported, not failed: lists and profiles grow with the content (a full page of 24 cards, a provider with many
 * recommendations), so the demo content alone would decide; the forms, which do not grow, fail their own test.
 */
export function belowGradeA(summaries: readonly TypeSummary[]): TypeSummary[] {
  return summaries.filter((s) => s.worstGrade !== 'A' && !['committee', 'cms'].includes(s.type));
}

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows
    .map((r) => r.map((cell, i) => (i === 0 || i === r.length - 1 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  '))
    .join('\n');
}

export function formatSummary(summaries: readonly TypeSummary[]): string {
  return table([
    ['Type de page', 'pages', 'poids max', 'médian', 'requêtes max', 'médian', 'éléments max', 'Ecoindex min', 'page la plus lourde'],
    ...summaries.map((s) => [
      s.label,
      String(s.pages),
      kb(s.maxWeight),
      kb(s.medianWeight),
      String(s.maxRequests),
      String(s.medianRequests),
      String(s.maxElements),
      `${s.minEcoindex} (${s.worstGrade})`,
      s.heaviest,
    ]),
  ]);
}

async function main() {
  const args = process.argv.slice(2);
  const dist = distDirFromArgs(args);
  const pages = await measurePages(dist);
  if (pages.length === 0) {
    console.error(`Aucune page dans ${dist} : lancez d’abord « npm run build ».`);
    process.exit(2);
  }
  const summaries = summarise(pages);
  const over = overBudget(pages);
  const forms = formPages(pages);
  const thirdParty = await findThirdPartyRequests(dist, { ownHosts: [(await builtSiteHome(dist)).hostname], vendored: CMS_BUNDLE });
  const lowGrades = belowGradeA(summaries);
  const failed = over.length > 0 || thirdParty.length > 0 || forms.some((p) => p.over);
  if (args.includes('--json')) {
    console.log(JSON.stringify({ budgetBytes: PAGE_BUDGET_BYTES, summaries, over, forms, thirdParty, lowGrades }, null, 2));
  } else {
    console.log(
      `Poids des pages (HTML + CSS + JS, gzip), requêtes et Ecoindex estimé : ${pages.length} pages dans ${path.relative(process.cwd(), dist) || '.'}\n`,
    );
    console.log(formatSummary(summaries));
    console.log('');
    for (const p of over)
      console.error(
        `✘ ${p.file} : ${kb(p.weight)} (HTML ${kb(p.html)}, CSS ${kb(p.css)}, JS ${kb(p.js)}), au-dessus du budget de ${kb(PAGE_BUDGET_BYTES)}.`,
      );
    console.log('Formulaires sans compte, avec le code chargé à l’usage du formulaire :');
    for (const p of forms) {
      const reader = p.assetsIfNeeded.filter((f) => MARKDOWN_READER.test(f.file)).reduce((sum, f) => sum + f.bytes, 0);
      const importing = p.onDemandImport
        ? ` L’import d’un fichier, ${kb(p.onDemandImport)}, ne vient qu’à l’ouverture de « Importer » : ${kb(p.withImport)} en tout avec lui.`
        : '';
      const line = `${p.file} : ${kb(p.weight)} au chargement + ${kb(p.onDemand + p.onDemandLargestPiece)} à l’usage = ${kb(p.withForm)} (budget ${kb(FORM_PAGE_BUDGET_BYTES)}) ; le lecteur Markdown, ${kb(reader)}, ne vient que pour un texte avec un lien ou une balise.${importing}`;
      if (p.over) console.error(`✘ ${line}`);
      else console.log(`  ${line}`);
    }
    console.log('');
    for (const r of thirdParty) console.error(`✘ ${formatRequest(r)}`);
    for (const s of lowGrades)
      console.warn(
        `⚠ ${s.label} : Ecoindex estimé ${s.minEcoindex} (${s.worstGrade}) pour ${s.heaviest}, en dessous de la note A promise.`,
      );
    if (!failed) {
      console.log(
        `✔ Chaque page publique pèse au plus ${kb(PAGE_BUDGET_BYTES)} et aucune ne charge de ressource d’un autre site${lowGrades.length === 0 ? ' ; chaque type de page est estimé en Ecoindex A' : ''}.`,
      );
    }
  }
  if (failed) process.exit(1);
}

if (import.meta.main) await main();
