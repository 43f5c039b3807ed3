/**
 * Browser side of the directory search (see DirectorySearch.astro). Kept
 * small and dependency-free: Pagefind's own JavaScript is loaded from the
 * site's /pagefind/ only when the visitor searches or opens the filters.
 *
 * A place in the query (« Lyon », « 69 », « rhone ») or in the filters
 * (`?departement=69`) turns the search into that place's list: the searches
 * of its plan (place-search.ts), each provider in the first group that finds
 * it, as the place's page lists them. Each result is the directory's card,
 * drawn from the fields the build wrote in the index (card-view.ts).
 */
import { routes } from '../domain/routes.ts';
import { href } from '../site/href.ts';
import { isPlaceFacet, type PlaceKind } from '../domain/directory/facet-keys.ts';
import type { ProviderCardView } from '../domain/directory/card-view.ts';
import { communePrefixes, mayNamePlace, parsePlaceQuery, type CommuneFile, type PlaceQuery } from '../domain/directory/place-query.ts';
import {
  placeSearchPlan,
  readPlaces,
  type Place,
  type Places,
  type PlacesFile,
  type SearchFilter,
} from '../domain/directory/place-search.ts';
import {
  emptyPlaceCounts,
  placeGroupHeading,
  placeGroups,
  placeSentence,
  type PlaceGroup,
  type PlaceMatch,
} from '../domain/directory/place-rank.ts';
import { CARD_FILTER, decodeIndexedCard } from '../domain/directory/search-meta.ts';
import { alsoNamedIntro, alsoNamedIntroMany, communeSentence, SEARCH_PAGE, searchStatus } from '../domain/directory/search-words.ts';
import { frenchTypography } from '../domain/text/format.ts';
import { providerCardElement } from './provider-card.ts';

interface PagefindResultData {
  url: string;
  filters: Record<string, string[] | undefined>;
}
interface PagefindResult {
  id: string;
  data(): Promise<PagefindResultData>;
}
interface PagefindSearch {
  results: PagefindResult[];
  filters: Record<string, Record<string, number>>;
}
type PagefindFilter = SearchFilter | { all: PagefindFilter[] } | { any: PagefindFilter[] };
interface Pagefind {
  options(options: { baseUrl: string; noWorker?: boolean }): Promise<void>;
  init?(): Promise<void>;
  search(query: string | null, options: { filters: PagefindFilter }): Promise<PagefindSearch | null>;
}
/** What the build writes in annuaire/filtres.json. */
interface FilterLabels {
  facets: Array<{ key: string; title: string; values: Array<[value: string, label: string, count: number]> }>;
}

const { first: FIRST, otherGroups: OTHER_GROUPS, more: MORE } = SEARCH_PAGE;

let pagefind: Promise<Pagefind> | undefined;
function loadPagefind(): Promise<Pagefind> {
  pagefind ??= import(/* @vite-ignore */ href(routes.searchScript())).then(async (pf: Pagefind) => {
    // No worker: one request and 12 kB less before the first results; the index is small enough.
    await pf.options({ baseUrl: import.meta.env.BASE_URL, noWorker: true });
    await pf.init?.();
    return pf;
  });
  return pagefind;
}

/**
 * Pagefind counts only the filters it has loaded, and with thousands of
 * providers they weigh tens of kilobytes: those of the form's lists are
 * loaded only when the visitor starts choosing filters, by a search that
 * names them all (Pagefind loads the filters a search uses). Not with
 * `filters()`, which would load every filter, the cards' one too.
 */
let filterCounts: Promise<unknown> | undefined;
let filterCountsLoaded = false;
function loadFilterCounts(keys: string[]): Promise<unknown> {
  filterCounts ??= loadPagefind()
    .then((pf) => pf.search(null, { filters: { any: keys.map((key) => ({ [key]: '' })) } }))
    .then(() => (filterCountsLoaded = true));
  return filterCounts;
}

const json = new Map<string, Promise<unknown>>();
/** A JSON file of the build, fetched once; `fallback` when it is missing (no commune starts with those letters). */
function loadJson<T>(route: string, fallback?: T): Promise<T> {
  let file = json.get(route);
  if (!file) {
    file = fetch(href(route)).then((r) => {
      if (r.ok) return r.json();
      if (fallback !== undefined) return fallback;
      throw new Error(String(r.status));
    });
    json.set(route, file);
  }
  return file as Promise<T>;
}

let places: Promise<Places> | undefined;
function loadPlaces(): Promise<Places> {
  places ??= loadJson<PlacesFile>(routes.places()).then(readPlaces);
  return places;
}

/**
 * The place of a query, after loading the name files it may need; the places
 * file only when the query may name a place: words alone cost nothing more.
 */
async function findPlace(query: string): Promise<{ places?: Places; parsed: PlaceQuery }> {
  const prefixes = communePrefixes(query);
  const files = await Promise.all(prefixes.map((p) => loadJson<CommuneFile>(routes.communes(p), {})));
  const names = new Map(prefixes.map((p, i) => [p, files[i]!]));
  const lookup = (prefix: string) => names.get(prefix);
  if (!mayNamePlace(query, lookup)) return { parsed: { text: query } };
  const known = await loadPlaces();
  return { places: known, parsed: parsePlaceQuery(query, known, lookup) };
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, className?: string): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (text !== undefined) el.textContent = text;
  if (className) el.className = className;
  return el;
}

function link(route: string, text: string): HTMLAnchorElement {
  const a = element('a', text);
  a.href = href(route);
  return a;
}

/** A search result as the directory's card: the card the build wrote in the index, and why it is here for a place. */
function card(
  result: PagefindResultData,
  reasons: (located: { city: string; department: string }) => string[],
  level: 3 | 4,
): HTMLLIElement {
  const indexed = decodeIndexedCard(result.filters[CARD_FILTER]?.[0]);
  const view: ProviderCardView = {
    id: idOf(result.url),
    name: indexed?.name ?? idOf(result.url),
    trust: indexed?.trust ?? '',
    summary: indexed?.summary ?? '',
    pricing: indexed?.pricing ?? '',
    availability: indexed?.availability ?? '',
  };
  return providerCardElement(view, indexed ? reasons(indexed) : [], level);
}

/** The provider's id from a result's address (`/annuaire/x/`). */
function idOf(url: string): string {
  return url.replace(/\/$/, '').split('/').pop() ?? '';
}

interface Group {
  group?: PlaceGroup;
  /** In order; each knows how it reaches the place. */
  results: Array<{ result: PagefindResult; match?: PlaceMatch }>;
}

export function initDirectorySearch(): void {
  const form = document.getElementById('recherche') as HTMLFormElement | null;
  if (!form) return;
  const input = form.querySelector<HTMLInputElement>('input[name="q"]')!;
  const details = document.getElementById('filtres') as HTMLDetailsElement;
  const filtersBox = details.querySelector<HTMLDivElement>('.filters')!;
  const clear = document.getElementById('filtres-effacer') as HTMLButtonElement;
  const section = document.getElementById('resultats')!;
  const status = document.getElementById('resultats-etat')!;
  const placeBox = document.getElementById('resultats-lieu')!;
  const list = document.getElementById('resultats-liste')!;
  const help = document.getElementById('resultats-aide')!;
  const helpPlace = document.getElementById('resultats-aide-lieu')!;
  const finderLink = help.querySelector<HTMLAnchorElement>('a[data-finder]')!;
  const staticList = document.getElementById(form.dataset.replaces ?? '');
  const selects = new Map<string, HTMLSelectElement>();
  const initial = new URLSearchParams(location.search);
  let run = 0;
  details.hidden = false;

  async function buildFilters(): Promise<void> {
    if (selects.size) return;
    const { facets } = await loadJson<FilterLabels>(routes.filterLabels());
    if (selects.size) return;
    for (const facet of facets) {
      if (!facet.values.length) continue;
      const label = element('label');
      const select = element('select');
      select.name = facet.key;
      label.append(facet.title, select);
      select.append(new Option('Tous', ''));
      for (const [value, text, count] of facet.values) {
        const option = new Option(`${text} (${count})`, value);
        option.dataset.label = text;
        select.append(option);
      }
      select.value = initial.get(facet.key) ?? '';
      select.addEventListener('change', () => {
        // One place at a time: a département or a région.
        if (isPlaceFacet(facet.key) && select.value)
          for (const key of ['departement', 'region']) if (key !== facet.key) selects.get(key)!.value = '';
        void search();
      });
      // Up-to-date counts once the visitor turns to the filters.
      select.addEventListener('focus', () => void loadFilterCounts(countedKeys()).then(search), { once: true });
      selects.set(facet.key, select);
      filtersBox.append(label);
    }
  }

  /** The filters whose options show live counts: all but places. */
  const countedKeys = () => [...selects.keys()].filter((key) => !isPlaceFacet(key));

  /**
   * Counts of the current search beside each option, as on the static pages.
   * A place's options keep the place's number: places are not filters of the
   * index (they are cut by région), and their number is the pages' one.
   */
  function showCounts(counts: PagefindSearch['filters']): void {
    for (const [key, select] of selects) {
      if (isPlaceFacet(key)) continue;
      for (const option of Array.from(select.options)) {
        if (!option.value) continue;
        const n = counts[key]?.[option.value] ?? 0;
        option.textContent = `${option.dataset.label} (${n})`;
        option.disabled = n === 0 && select.value !== option.value;
      }
    }
  }

  function currentFilters(): Record<string, string> {
    const filters: Record<string, string> = {};
    for (const [key, select] of selects) if (select.value) filters[key] = select.value;
    // Before the filters are built, the address says which ones apply.
    if (!selects.size) for (const [key, value] of initial) if (key !== 'q' && /^[a-z]+$/.test(key) && value) filters[key] = value;
    return filters;
  }

  function updateAddress(query: string, filters: Record<string, string>): void {
    const params = new URLSearchParams();
    if (query) params.set('q', query);
    for (const [key, value] of Object.entries(filters)) params.set(key, value);
    const search = params.toString();
    history.replaceState(null, '', search ? `?${search}` : location.pathname);
  }

  /** Draws the next results of a group into its list; the new cards' first link, to move the focus to. */
  async function fill(group: Group, cards: HTMLUListElement, count: number, place: Place | undefined, known: Places | undefined) {
    const from = cards.children.length;
    const slice = group.results.slice(from, from + count);
    const data = await Promise.all(slice.map((r) => r.result.data()));
    const level = group.group ? 4 : 3;
    cards.append(
      ...data.map((d, i) => {
        const { match } = slice[i]!;
        const reasons = (located: { city: string; department: string }) =>
          place && match
            ? [
                placeSentence(match, {
                  city: located.city,
                  where: place.where.replace(/ \([^)]*\)$/, ''),
                  regionName: known?.place('region', place.region)?.name,
                  cityDetail: place.kind === 'region' ? known?.place('departement', located.department)?.name : undefined,
                }),
              ]
            : [];
        return card(d, reasons, level);
      }),
    );
    return cards.children[from]?.querySelector('a') ?? undefined;
  }

  function showPlace(parsed: PlaceQuery | undefined, place: Place | undefined, known: Places | undefined): void {
    placeBox.replaceChildren();
    placeBox.hidden = !place;
    helpPlace.replaceChildren();
    helpPlace.hidden = !place;
    finderLink.href = href(routes.finder(place?.kind === 'departement' ? { departement: place.code } : {}));
    if (!place || !known) return;
    const commune = parsed?.place?.commune;
    const intro = commune && place.kind === 'departement' ? communeSentence(commune.name, place) : undefined;
    if (intro) placeBox.append(element('p', frenchTypography(intro)));
    const others = parsed?.place?.alsoNamed ?? [];
    if (others.length) {
      const p = element('p', frenchTypography(others.length > 1 ? alsoNamedIntroMany : alsoNamedIntro));
      others.forEach((c, i) => {
        const d = known.place('departement', c.department);
        if (i > 0) p.append(', ');
        p.append(link(routes.facetValue('departement', c.department), d ? `${c.name} (${d.name}, ${d.code})` : c.name));
      });
      p.append('.');
      placeBox.append(p);
    }
    const pages = element('p');
    pages.append(link(routes.facetValue(place.kind, place.code), frenchTypography(`La page des structures ${place.where}`)));
    const region = place.kind === 'departement' ? known.place('region', place.region) : undefined;
    if (region) pages.append(' · ', link(routes.facetValue('region', region.code), frenchTypography(`celle de la région ${region.name}`)));
    placeBox.append(pages);
    helpPlace.append(link(routes.facetValue(place.kind, place.code), frenchTypography(`Toutes les structures ${place.where}`)));
  }

  async function search(): Promise<void> {
    const ticket = ++run;
    const query = input.value.trim();
    const filters = currentFilters();
    updateAddress(query, filters);
    if (!query && !Object.keys(filters).length) {
      section.hidden = true;
      if (staticList) staticList.hidden = false;
      return;
    }
    status.textContent = 'Recherche en cours…';
    section.hidden = false;
    if (staticList) staticList.hidden = true;
    let groups: Group[];
    let place: Place | undefined;
    let parsed: PlaceQuery | undefined;
    let known: Places | undefined;
    let words = query;
    const others: SearchFilter = {};
    for (const [key, value] of Object.entries(filters)) if (!isPlaceFacet(key)) others[key] = value;
    try {
      const asked = Object.entries(filters).find(([key]) => isPlaceFacet(key)) as [PlaceKind, string] | undefined;
      if (query || asked) {
        const found = query ? await findPlace(query) : { places: undefined, parsed: undefined };
        parsed = found.parsed;
        // A place in the words wins over the place of the filters.
        const target = parsed?.place ?? (asked ? { kind: asked[0], code: asked[1] } : undefined);
        known = found.places ?? (target ? await loadPlaces() : undefined);
        place = target && known ? known.place(target.kind, target.code) : undefined;
        if (parsed?.place) words = parsed.text;
      }
      const pf = await loadPagefind();
      const text = words || null;
      const withOthers = (filter: PagefindFilter): PagefindFilter => (Object.keys(others).length ? { all: [others, filter] } : filter);
      if (place && known) {
        const plan = placeSearchPlan(place.kind, place.code, known);
        const found = await Promise.all(plan.map((step) => pf.search(text, { filters: withOthers(step.filter) })));
        if (ticket !== run) return;
        const seen = new Set<string>();
        groups = placeGroups.map((group) => ({ group, results: [] }));
        plan.forEach((step, i) => {
          for (const result of found[i]?.results ?? []) {
            if (seen.has(result.id)) continue;
            seen.add(result.id);
            groups.find((g) => g.group === step.group)!.results.push({ result, match: step.match });
          }
        });
        if (filterCountsLoaded) {
          // Counts among everyone the place's list shows.
          const union = await pf.search(text, { filters: withOthers({ any: plan.map((s) => s.filter) }) });
          if (union && ticket === run) showCounts(union.filters);
        }
      } else {
        const result = await pf.search(text, { filters: others });
        if (ticket !== run || !result) return;
        groups = [{ results: result.results.map((r) => ({ result: r })) }];
        if (filterCountsLoaded) showCounts(result.filters);
      }
    } catch {
      if (ticket !== run) return;
      status.textContent = 'La recherche n’a pas pu se charger. Utilisez les filtres de l’annuaire, qui fonctionnent sans elle.';
      if (staticList) staticList.hidden = false;
      return;
    }
    if (ticket !== run) return;
    await render(ticket, groups, place, parsed, known, words, Object.keys(others).length > 0);
  }

  /** Draws the results; stops when a newer search has begun (its `ticket` is no longer the last). */
  async function render(
    ticket: number,
    groups: Group[],
    place: Place | undefined,
    parsed: PlaceQuery | undefined,
    known: Places | undefined,
    words: string,
    filtered: boolean,
  ) {
    const counts = emptyPlaceCounts();
    for (const g of groups) if (g.group) counts[g.group] = g.results.length;
    const total = groups.reduce((n, g) => n + g.results.length, 0);
    status.textContent = searchStatus({ words, filtered, total, ...(place ? { place: { where: place.where, counts } } : {}) });
    showPlace(parsed, place, known);
    help.hidden = total > 0;
    list.replaceChildren();
    let first = true;
    for (const group of groups) {
      if (!group.results.length) continue;
      const box = element('div', undefined, 'result-group');
      if (group.group && place)
        box.append(element('h3', frenchTypography(placeGroupHeading(group.group, group.results.length, place.where))));
      const cards = element('ul', undefined, 'cards');
      const more = element('button', 'Afficher plus de résultats');
      more.type = 'button';
      // Shown once the first results are drawn, and only when there are more.
      more.hidden = true;
      if (group.group && place)
        more.append(
          element(
            'span',
            `\u00a0: ${frenchTypography(placeGroupHeading(group.group, group.results.length, place.where))}`,
            'visually-hidden',
          ),
        );
      const moreLine = element('p');
      moreLine.append(more);
      box.append(cards, moreLine);
      list.append(box);
      await fill(group, cards, first ? FIRST : OTHER_GROUPS, place, known);
      if (ticket !== run) return;
      first = false;
      more.hidden = cards.children.length >= group.results.length;
      more.addEventListener('click', () => {
        void fill(group, cards, MORE, place, known).then((target) => {
          more.hidden = cards.children.length >= group.results.length;
          target?.focus();
        });
      });
    }
  }

  let timer: number | undefined;
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = window.setTimeout(() => void search(), 250);
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void search();
  });
  details.addEventListener('toggle', () => {
    if (details.open) void buildFilters().then(search);
  });
  clear.addEventListener('click', () => {
    input.value = '';
    for (const select of selects.values()) select.value = '';
    void search();
    input.focus();
  });

  const q = initial.get('q');
  if (q) input.value = q;
  const hasFilters = [...initial.keys()].some((k) => k !== 'q');
  if (hasFilters)
    details.open = true; // its toggle event builds the filters and searches
  else if (q) void search();
}
