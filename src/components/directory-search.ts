/**
 * Browser side of the directory search (see DirectorySearch.astro). Kept
 * small and dependency-free: Pagefind's own JavaScript is loaded from the
 * site's /pagefind/ only when the visitor searches or opens the filters.
 */
import { routes } from '../domain/routes.ts';
import { href } from '../site/href.ts';
import { frenchTypography } from '../domain/text/format.ts';

interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
}
interface PagefindSearch {
  results: Array<{ id: string; data(): Promise<PagefindResultData> }>;
  filters: Record<string, Record<string, number>>;
}
interface Pagefind {
  options(options: { baseUrl: string; noWorker?: boolean }): Promise<void>;
  init?(): Promise<void>;
  filters(): Promise<Record<string, Record<string, number>>>;
  search(query: string | null, options: { filters: Record<string, string> }): Promise<PagefindSearch | null>;
}
/** What the build writes in annuaire/filtres.json. */
interface FilterLabels {
  facets: Array<{ key: string; title: string; values: Array<[value: string, label: string, count: number]> }>;
}

/** Results shown at a time: each one costs a small download. */
const PAGE = 8;

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
 * providers the place filters weigh hundreds of kilobytes: they are all
 * loaded only when the visitor starts choosing filters.
 */
let allFilters: Promise<unknown> | undefined;
let allFiltersLoaded = false;
function loadAllFilters(): Promise<unknown> {
  allFilters ??= loadPagefind()
    .then((pf) => pf.filters())
    .then(() => (allFiltersLoaded = true));
  return allFilters;
}

let labels: Promise<FilterLabels> | undefined;
function loadLabels(): Promise<FilterLabels> {
  labels ??= fetch(href(routes.filterLabels())).then((r) => r.json() as Promise<FilterLabels>);
  return labels;
}

/** Pagefind's excerpt with only its <mark> kept: everything else becomes text. */
function excerptNodes(excerpt: string): Node[] {
  const doc = new DOMParser().parseFromString(`<p>${excerpt}</p>`, 'text/html');
  const out: Node[] = [];
  const walk = (node: Node) => {
    for (const child of Array.from(node.childNodes)) {
      // Pagefind's excerpts lose the pages' no-break spaces: put back those French typography needs.
      if (child.nodeType === Node.TEXT_NODE) out.push(document.createTextNode(frenchTypography(child.textContent ?? '')));
      else if (child.nodeName === 'MARK') {
        const mark = document.createElement('mark');
        mark.textContent = child.textContent;
        out.push(mark);
      } else walk(child);
    }
  };
  walk(doc.body.firstChild!);
  return out;
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, className?: string): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (text !== undefined) el.textContent = text;
  if (className) el.className = className;
  return el;
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
  const list = document.getElementById('resultats-liste')!;
  const more = document.getElementById('resultats-plus') as HTMLButtonElement;
  const staticList = document.getElementById(form.dataset.replaces ?? '');
  const selects = new Map<string, HTMLSelectElement>();
  const initial = new URLSearchParams(location.search);
  let shown: PagefindSearch['results'] = [];
  let run = 0;
  details.hidden = false;

  async function buildFilters(): Promise<void> {
    if (selects.size) return;
    const { facets } = await loadLabels();
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
      select.addEventListener('change', () => void search());
      // Up-to-date counts once the visitor turns to the filters.
      select.addEventListener('focus', () => void loadAllFilters().then(search), { once: true });
      selects.set(facet.key, select);
      filtersBox.append(label);
    }
  }

  /** Counts of the current search beside each option, as on the static pages. */
  function showCounts(counts: PagefindSearch['filters']): void {
    for (const [key, select] of selects) {
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

  async function render(results: PagefindSearch['results'], from: number): Promise<void> {
    const slice = results.slice(from, from + PAGE);
    const data = await Promise.all(slice.map((r) => r.data()));
    for (const d of data) {
      const item = element('li', undefined, 'card');
      const heading = element('h3');
      const link = element('a', d.meta.title ?? d.url);
      link.href = d.url;
      heading.append(link);
      const excerpt = element('p');
      excerpt.append(...excerptNodes(d.excerpt));
      item.append(heading);
      if (d.meta.lieu) item.append(element('p', d.meta.lieu, 'muted'));
      item.append(excerpt);
      if (d.meta.recommandations) item.append(element('p', d.meta.recommandations));
      list.append(item);
    }
    more.hidden = from + PAGE >= results.length;
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
    let result: PagefindSearch | null;
    try {
      result = await (await loadPagefind()).search(query || null, { filters });
    } catch {
      status.textContent = 'La recherche n’a pas pu se charger. Utilisez les filtres de l’annuaire, qui fonctionnent sans elle.';
      if (staticList) staticList.hidden = false;
      return;
    }
    if (ticket !== run || !result) return;
    shown = result.results;
    list.replaceChildren();
    const n = shown.length;
    status.textContent =
      n === 0
        ? 'Aucune structure ne correspond. Essayez d’autres mots ou retirez un filtre.'
        : n === 1
          ? '1 structure trouvée.'
          : `${n} structures trouvées.`;
    if (selects.size && allFiltersLoaded) showCounts(result.filters);
    await render(shown, 0);
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
  more.addEventListener('click', () => {
    const from = list.children.length;
    void render(shown, from).then(() => (list.children[from]?.querySelector('a') as HTMLAnchorElement | null)?.focus());
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
