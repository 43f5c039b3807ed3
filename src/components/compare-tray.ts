/**
 * Picking providers to compare, in the browser: the « Comparer » box of each
 * card and profile, the visitor's picks (kept for the visit, in
 * sessionStorage, so that they follow from page to page), and the tray
 * « Comparer (2/3) » that opens `/comparer/?s=a,b`. A fourth pick is refused
 * with a message read aloud. Without JavaScript the boxes are not shown:
 * every list has its table view instead.
 */
import { MAX_COMPARED, fullMessage, oneMoreMessage, pickedMessage, trayLabel } from '../domain/directory/comparison-choice.ts';
import { routes } from '../domain/routes.ts';
import { href } from '../site/href.ts';

export interface Pick {
  id: string;
  name: string;
}

const KEY = 'emancipasso-comparaison';

export function picks(): Pick[] {
  try {
    const stored: unknown = JSON.parse(sessionStorage.getItem(KEY) ?? '[]');
    if (!Array.isArray(stored)) return [];
    return stored.filter((p): p is Pick => typeof p?.id === 'string' && typeof p?.name === 'string').slice(0, MAX_COMPARED);
  } catch {
    // Storage refused (private browsing, settings): picks last for the page only.
    return memory;
  }
}
let memory: Pick[] = [];

export function setPicks(list: readonly Pick[]): void {
  memory = list.slice(0, MAX_COMPARED);
  try {
    sessionStorage.setItem(KEY, JSON.stringify(memory));
  } catch {
    // Kept in memory (above).
  }
  refresh();
}

/** The « Comparer » box of a card drawn in the browser: the same markup as ComparePick.astro. */
export function comparePickElement(id: string, name: string): HTMLParagraphElement {
  const p = document.createElement('p');
  p.className = 'compare-pick js-only';
  const label = document.createElement('label');
  const box = document.createElement('input');
  box.type = 'checkbox';
  box.dataset.compareId = id;
  box.dataset.compareName = name;
  box.checked = picks().some((x) => x.id === id);
  const hidden = document.createElement('span');
  hidden.className = 'visually-hidden';
  hidden.textContent = ` ${name}`;
  label.append(box, ' Comparer', hidden);
  p.append(label);
  return p;
}

let tray: { root: HTMLElement; link: HTMLAnchorElement; status: HTMLElement } | undefined;

function makeTray() {
  const root = document.createElement('div');
  root.className = 'compare-tray';
  root.setAttribute('role', 'region');
  root.setAttribute('aria-label', 'Structures à comparer');
  const link = document.createElement('a');
  link.className = 'compare-open';
  const clear = document.createElement('button');
  clear.type = 'button';
  clear.className = 'button secondary';
  clear.textContent = 'Vider';
  clear.setAttribute('aria-label', 'Vider la comparaison');
  clear.addEventListener('click', () => {
    setPicks([]);
    say('La comparaison est vide.');
  });
  const status = document.createElement('p');
  status.className = 'compare-status';
  status.setAttribute('role', 'status');
  root.append(link, ' ', clear, status);
  document.body.append(root);
  return { root, link, status };
}

function say(message: string) {
  if (tray) tray.status.textContent = message;
}

function refresh() {
  const list = picks();
  tray ??= makeTray();
  tray.link.textContent = trayLabel(list.length);
  tray.link.href = href(routes.compare(list.map((p) => p.id)));
  tray.root.classList.toggle('compare-tray-open', list.length > 0 || tray.status.textContent !== '');
  const ids = new Set(list.map((p) => p.id));
  for (const box of document.querySelectorAll<HTMLInputElement>('input[data-compare-id]')) box.checked = ids.has(box.dataset.compareId!);
}

function onChange(event: Event) {
  const box = event.target;
  if (!(box instanceof HTMLInputElement) || !box.dataset.compareId) return;
  const id = box.dataset.compareId;
  const name = box.dataset.compareName ?? id;
  const list = picks().filter((p) => p.id !== id);
  if (!box.checked) {
    setPicks(list);
    say(pickedMessage(name, false, list.length));
    return;
  }
  if (list.length >= MAX_COMPARED) {
    box.checked = false;
    say(fullMessage());
    refresh();
    return;
  }
  const next = [...list, { id, name }];
  setPicks(next);
  say(`${pickedMessage(name, true, next.length)}${next.length === 1 ? ` ${oneMoreMessage()}` : ''}`);
}

let started = false;
/** Shows the tray and keeps every box of the page in step with the picks. */
export function startComparePicks(): void {
  if (started) return;
  started = true;
  document.addEventListener('change', onChange);
  // Back to a page from the browser's history: the picks may have changed since.
  window.addEventListener('pageshow', () => refresh());
  refresh();
}
