/**
 * The comparison page in the browser: reads the providers named by the
 * address (`?s=a,b,c`, comparison-choice.ts), fetches what each one shows
 * (`routes.comparisonData`, built from the comparison's descriptor) and
 * draws one table: a provider per column, a criterion per row. Names the
 * slugs it cannot find, and keeps the first three. Every text goes in as
 * text: nothing a contributor wrote is ever read as HTML.
 */
import {
  COMPARE_PARAM,
  comparisonTitle,
  droppedMessage,
  loadFailedMessage,
  oneMoreMessage,
  parseComparison,
  unknownMessage,
} from '../../../domain/directory/comparison-choice.ts';
import type { ComparisonFile } from '../../../domain/directory/comparison.ts';
import { routes } from '../../../domain/routes.ts';
import { href } from '../../../site/href.ts';
import { setPicks, startTray } from '../../../components/compare-tray.ts';

/** A provider's file, or null when the site has none by that name. */
async function load(id: string): Promise<ComparisonFile | null> {
  const response = await fetch(href(routes.comparisonData(id)));
  if (response.status === 404) return null;
  if (!response.ok) throw new Error(`${response.status}`);
  return (await response.json()) as ComparisonFile;
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, className?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

function cell(tag: 'td', lines: readonly string[]): HTMLTableCellElement {
  const td = element(tag);
  if (lines.length === 1) {
    td.textContent = lines[0]!;
    return td;
  }
  const list = element('ul', undefined, 'cell-list');
  for (const line of lines) list.append(element('li', line));
  td.append(list);
  return td;
}

const titleOf = (files: readonly ComparisonFile[]) => comparisonTitle(files.map((f) => f.name));

function table(files: readonly ComparisonFile[]): HTMLElement[] {
  // The caption is said again above the table, out of it: a caption is as wide as its table, and would scroll away.
  const title = element('h2', titleOf(files), 'table-title');
  title.id = 'comparaison-titre';
  const region = element('div', undefined, 'table-scroll');
  region.setAttribute('role', 'region');
  region.setAttribute('aria-labelledby', 'comparaison-titre');
  region.tabIndex = 0;
  const tableElement = element('table', undefined, 'comparison comparison-columns');
  const caption = element('caption', title.textContent!, 'visually-hidden');
  const head = element('thead');
  const headRow = element('tr');
  const corner = element('th', 'Critère');
  corner.scope = 'col';
  headRow.append(corner);
  const ids = files.map((f) => f.id);
  for (const file of files) {
    const th = element('th');
    th.scope = 'col';
    const link = element('a', file.name);
    link.href = href(routes.provider(file.id));
    const remove = element('a', 'Retirer', 'compare-remove');
    remove.href = href(routes.compare(ids.filter((id) => id !== file.id)));
    remove.append(element('span', ` ${file.name} de la comparaison`, 'visually-hidden'));
    th.append(link, element('br'), remove);
    headRow.append(th);
  }
  head.append(headRow);
  const body = element('tbody');
  // Every file is built from the same descriptor; the first one gives the rows' order and labels.
  for (const [rowId, label] of files[0]!.rows) {
    const tr = element('tr');
    const th = element('th', label);
    th.scope = 'row';
    tr.append(th);
    for (const file of files) tr.append(cell('td', file.rows.find(([id]) => id === rowId)?.[2] ?? ['—']));
    body.append(tr);
  }
  tableElement.append(caption, head, body);
  region.append(tableElement);
  return [title, region];
}

export async function startComparison(): Promise<void> {
  startTray();
  const params = new URLSearchParams(location.search);
  const asked = params.getAll(COMPARE_PARAM);
  if (asked.length === 0) return;
  const messages = document.getElementById('comparer-messages')!;
  const result = document.getElementById('comparer-resultat')!;
  const help = document.getElementById('comparer-aide')!;
  const choice = parseComparison(asked);
  const say = (text: string) => {
    if (text) messages.append(element('p', text));
  };
  let files: Array<ComparisonFile | null>;
  try {
    files = await Promise.all(choice.kept.map(load));
  } catch {
    say(loadFailedMessage());
    return;
  }
  const found = files.filter((f): f is ComparisonFile => f !== null);
  say(unknownMessage([...choice.malformed, ...choice.kept.filter((_, i) => files[i] === null)]));
  say(droppedMessage(choice.dropped));
  if (found.length === 0) return;
  if (found.length === 1) say(oneMoreMessage());
  // The visitor goes on from this choice: the tray now holds it.
  setPicks(found.map((f) => ({ id: f.id, name: f.name })));
  document.title = `${titleOf(found)} · ${document.title.split(' · ').at(-1)}`;
  result.replaceChildren(...table(found));
  result.hidden = false;
  help.hidden = true;
}
