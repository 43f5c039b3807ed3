/**
 * The body of a list's table view as HTML, written at once: a table view
 * holds some 400 cells, and a site has as many table views as list pages,
 * so Astro's rendering of each cell would weigh on the build. Every text is
 * escaped: a provider's name is contributor text, never HTML.
 */
import { escapeUTF8 } from 'entities/escape';
import type { ComparisonTable } from '../domain/directory/comparison.ts';
import { NOTHING_SAID } from '../domain/directory/comparison.ts';

/** One row per provider: its name linked to its profile, one cell per column, then why it is listed when `reasons` is given. */
export function tableRowsHtml(table: ComparisonTable, profileHref: (id: string) => string, reasons?: Record<string, string[]>): string {
  return table.providers
    .map((p) => {
      const cells = p.cells.map((lines) => `<td>${escapeUTF8(lines.join(' · '))}</td>`);
      if (reasons) cells.push(`<td>${escapeUTF8((reasons[p.id] ?? []).join(' · ') || NOTHING_SAID)}</td>`);
      return `<tr><th scope="row"><a href="${escapeUTF8(profileHref(p.id))}">${escapeUTF8(p.name)}</a></th>${cells.join('')}</tr>`;
    })
    .join('');
}
