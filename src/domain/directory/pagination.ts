/** Long lists in pages: every page reachable without JavaScript, a handful of links even for hundreds of pages. */

/** Providers per listing page: short enough for a phone, few enough pages at 10,000 providers. */
export const PAGE_SIZE = 24;

/**
 * A facet value lists at most this many pages (120 providers), the most
 * relevant first: at 10,000 providers every value would otherwise need up to
 * hundreds of pages. The full directory (/annuaire/page/N/) and the search
 * still reach everyone.
 */
export const MAX_FACET_PAGES = 5;

export interface Page<T> {
  items: T[];
  current: number;
  total: number;
}

/** Splits a list into pages of PAGE_SIZE (at most `maxPages`); there is always at least one page. */
export function paginate<T>(items: readonly T[], size = PAGE_SIZE, maxPages = Infinity): Page<T>[] {
  const total = Math.min(maxPages, Math.max(1, Math.ceil(items.length / size)));
  return Array.from({ length: total }, (_, i) => ({ items: items.slice(i * size, (i + 1) * size), current: i + 1, total }));
}

/** The pages a pagination links to: around the current one, plus the first and the last. */
export function pageWindow(current: number, total: number): number[] {
  return [...new Set([1, current - 1, current, current + 1, total])].filter((p) => p >= 1 && p <= total).sort((a, b) => a - b);
}
