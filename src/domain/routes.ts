/**
 * Every address of the site, in one place. Each route is a path relative to
 * the site's home, without a leading slash (`annuaire/atelier-libre/`; the
 * home is ``): pages prefix it with the base path (`href` in
 * src/site/href.ts), exports and feeds with the public address (`absoluteUrl`).
 * Pages, feeds, exports, the sitemap, the dashboard, browser scripts and
 * tests build addresses only through these functions.
 */
import type { FacetKey } from './directory/facet-keys.ts';
import {
  COMMUNES_WORD,
  FILTER_LABELS_WORD,
  LIST_PAGE_WORD,
  PLACES_WORD,
  TABLE_WORD,
  providerRoute,
  recommendRoute,
} from './route-words.ts';

export { LIST_PAGE_WORD, TABLE_WORD, providerRoute, recommendRoute, reservedProviderSlugs } from './route-words.ts';

/** `annuaire/service/x/` for page 1, `annuaire/service/x/page/2/` after. */
function paged(prefix: string, page: number): string {
  return page <= 1 ? prefix : `${prefix}${pageSegment(page)}/`;
}

/** The part of a list's address that names its page: `page/2` (Astro's rest parameter). */
export function pageSegment(page: number): string {
  return `${LIST_PAGE_WORD}/${page}`;
}
/** The comparison of up to three providers, and each provider's data for it (`/comparer/atelier-libre.json`). */
const COMPARE_WORD = 'comparer';

/**
 * What a partner site can show in a frame: the members of a network or the
 * providers of a région, named by the facet words of the directory
 * (`/integrer/reseau/chatons/`, `/integrer/region/84/`).
 */
export const embedKinds = ['reseau', 'region'] as const satisfies readonly FacetKey[];
export type EmbedKind = (typeof embedKinds)[number];
/** The folder of the embeds, outside /annuaire/: its words never meet a provider's file name. */
const EMBEDS_WORD = 'integrer';

export const routes = {
  home: () => '',
  directory: (page = 1) => paged('annuaire/', page),
  provider: providerRoute,
  /** Every value of one facet: `/annuaire/departement/`. */
  facet: (key: FacetKey) => `annuaire/${key}/`,
  /** The providers that take one facet value: `/annuaire/departement/69/`, then `page/2/`… */
  facetValue: (key: FacetKey, value: string, page = 1) => paged(`annuaire/${key}/${value}/`, page),
  /** The directory's page as a table, one provider a row: `/annuaire/tableau/`, then `page/2/`… */
  directoryTable: (page = 1) => paged(`annuaire/${TABLE_WORD}/`, page),
  /** A facet value's page as a table: `/annuaire/service/x/tableau/`, then `page/2/`… */
  facetValueTable: (key: FacetKey, value: string, page = 1) => paged(`annuaire/${key}/${value}/${TABLE_WORD}/`, page),
  /**
   * Up to three providers side by side: `/comparer/?s=a,b,c`. The slugs go
   * in as they are (letters, digits, hyphens), so the address stays readable.
   */
  compare: (ids: readonly string[] = []) => (ids.length > 0 ? `${COMPARE_WORD}/?s=${ids.join(',')}` : `${COMPARE_WORD}/`),
  /** What the comparison shows of one provider, read by the comparison's script. */
  comparisonData: (id: string) => `${COMPARE_WORD}/${id}.json`,
  /** Every provider's `comparisonData` in one file, which the build splits, then removes (src/integrations/data-files.ts). */
  comparisonBundle: () => `${COMPARE_WORD}.json`,
  /** The directory's search, with its query and filters in the address. */
  search: (params: Record<string, string> = {}) => {
    const query = new URLSearchParams(params).toString();
    return query ? `annuaire/?${query}` : 'annuaire/';
  },
  filterLabels: () => `annuaire/${FILTER_LABELS_WORD}.json`,
  /** Every département and région, its words and its counts, for the search and the finder. */
  places: () => `annuaire/${PLACES_WORD}.json`,
  /** The communes whose name starts with `prefix` (three letters, place-query.ts). */
  communes: (prefix: string) => `annuaire/${COMMUNES_WORD}/${prefix}.json`,
  /** Every `communes` file in one, which the build splits, then removes (src/integrations/data-files.ts). */
  communesBundle: () => `annuaire/${COMMUNES_WORD}.json`,
  finder: (params: Record<string, string> = {}) => {
    const query = new URLSearchParams(params).toString();
    return query ? `trouver/?${query}` : 'trouver/';
  },
  /** The finder's data files: `vocabulaire.json`, `departement/69.json`, `partout/tous.json`. */
  finderVocabulary: () => 'trouver/vocabulaire.json',
  finderDepartment: (code: string) => `trouver/departement/${code}.json`,
  finderEverywhere: (service: string | undefined) => `trouver/partout/${service ?? 'tous'}.json`,
  projects: (page = 1) => paged('projets/', page),
  project: (id: string) => `projets/${id}/`,
  resources: () => 'ressources/',
  resource: (id: string) => `ressources/${id}/`,
  /** An editorial page of content/pages/: `/charte/`. */
  page: (id: string) => `${id}/`,
  partners: () => 'partenaires/',
  propose: () => 'proposer/',
  /** Which key of a librehost.json or ChatonsInfos file goes in which field of the form, for copying by hand. */
  importGuide: () => 'proposer/importer/',
  providerTemplate: () => 'proposer/modele-de-fiche.md',
  /**
   * The recommendation questionnaire, with the structure to recommend when a
   * link names it: its slug (what is saved) and, for a structure not published
   * yet, its name (what the form shows, as text).
   */
  recommend: recommendRoute,
  recommendationTemplate: () => 'recommander/modele-de-recommandation.md',
  openData: () => 'donnees/',
  providersJson: () => 'donnees/prestataires.json',
  providersCsv: () => 'donnees/prestataires.csv',
  projectsJson: () => 'donnees/projets.json',
  providersFeed: () => 'flux/prestataires.xml',
  projectsFeed: () => 'flux/projets.xml',
  /** How a partner site shows the directory: the guide, with the code to copy. */
  embeds: () => `${EMBEDS_WORD}/`,
  /** A page made to be framed by other sites: `/integrer/reseau/chatons/`. */
  embed: (kind: EmbedKind, code: string) => `${EMBEDS_WORD}/${kind}/${code}/`,
  /** The same list as open data, and as a feed: `/integrer/reseau/chatons.json`, `.xml`. */
  embedJson: (kind: EmbedKind, code: string) => `${EMBEDS_WORD}/${kind}/${code}.json`,
  embedFeed: (kind: EmbedKind, code: string) => `${EMBEDS_WORD}/${kind}/${code}.xml`,
  /** The sitemap's index, written by @astrojs/sitemap (it points at `sitemap-0.xml`…). */
  sitemap: () => 'sitemap-index.xml',
  committee: () => 'comite/',
  admin: () => 'admin/',
  adminEntry: (collection: string, id: string) => `admin/#/collections/${collection}/entries/${id}`,
  adminNew: (collection: string) => `admin/#/collections/${collection}/new`,
  /** Pagefind's index and script, written by the build. */
  searchIndex: () => 'pagefind/',
  searchScript: () => 'pagefind/pagefind.js',
} as const;

/** Pages kept out of search engines and of the page budget: the committee's dashboard and the CMS. */
export const privateSections = [routes.committee(), routes.admin()] as const;

/** Whether a page, by its path from the site's home (`comite/`, `comite/index.html`), is in a private section. */
export function isPrivatePage(pathFromHome: string): boolean {
  return privateSections.some((section) => pathFromHome.startsWith(section));
}

/**
 * Whether a file, by its path from the site's home (`integrer/reseau/chatons/`,
 * `integrer/region/84.json`), is an embed or its data: the only addresses
 * other sites may frame (public/_headers, docs/deploiement.md). The guide
 * `integrer/` itself is not one.
 */
export function isEmbed(pathFromHome: string): boolean {
  return embedKinds.some((kind) => pathFromHome.startsWith(`${EMBEDS_WORD}/${kind}/`));
}

/** The address of a route on the public site; `home` is the site's home, base path included, ending with `/`. */
export function absoluteUrl(home: string, route: string): string {
  return new URL(route, home.endsWith('/') ? home : `${home}/`).href;
}

/**
 * Contributors link to other pages of the site as `/annuaire/…`. When the
 * site lives under a path (`/emancipasso/`), those links get the path in
 * front, in the sanitised HTML of Markdown bodies.
 */
export function withBase(html: string, base: string): string {
  if (base === '/' || !base) return html;
  return html.replace(/(<a\s[^>]*?href=")\/(?!\/)/g, `$1${base}`);
}
