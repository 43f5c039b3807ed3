/**
 * The « Comparer » boxes of cards and profiles, at the lightest: the picks
 * of the visit (sessionStorage, so that they follow from page to page) and
 * the box of a card drawn in the browser. The tray and its messages
 * (compare-tray.ts) start only once a visitor has picked a provider. They
 * come with this script rather than on demand: a dynamic import here makes
 * the bundler split its import helper out of the forms' code, a kilobyte
 * the forms' 40 kB cannot spare (docs/qualite.md).
 */
import * as trayModule from './compare-tray.ts';
import { compareBoxLabel } from '../domain/directory/comparison-choice.ts';

export interface Pick {
  id: string;
  name: string;
}

const KEY = 'emancipasso-comparaison';
// When the browser refuses storage (private browsing, settings), picks last for the page only.
let memory: Pick[] = [];

export function picks(): Pick[] {
  try {
    const stored: unknown = JSON.parse(sessionStorage.getItem(KEY) ?? '[]');
    if (!Array.isArray(stored)) return [];
    return stored.filter((p): p is Pick => typeof p?.id === 'string' && typeof p?.name === 'string');
  } catch {
    return memory;
  }
}

export function storePicks(list: readonly Pick[]): void {
  memory = [...list];
  try {
    sessionStorage.setItem(KEY, JSON.stringify(memory));
  } catch {
    // Kept in memory (above).
  }
}

/** Ticks the boxes of the picked providers, unticks the others. */
export function syncBoxes(): void {
  const ids = new Set(picks().map((p) => p.id));
  for (const box of document.querySelectorAll<HTMLInputElement>('input[data-compare-id]')) box.checked = ids.has(box.dataset.compareId!);
}

/** The « Comparer » box of a card drawn in the browser: the same markup as ComparePick.astro. */
export function comparePickElement(id: string, name: string): HTMLLabelElement {
  const label = document.createElement('label');
  label.className = 'compare-pick js-only';
  const box = document.createElement('input');
  box.type = 'checkbox';
  box.dataset.compareId = id;
  box.dataset.compareName = name;
  box.setAttribute('aria-label', compareBoxLabel(name));
  box.checked = picks().some((x) => x.id === id);
  label.append(box, ' Comparer');
  return label;
}

let started = false;

/** Keeps the boxes in step with the picks; brings the tray when there are picks, or at the first one. */
export function startComparePicks(): void {
  if (started) return;
  started = true;
  // Boxes ticked while the tray loads are handed to it, in order; then it answers them itself.
  const waiting: HTMLInputElement[] = [];
  let tray: Promise<unknown> | undefined;
  const load = () =>
    (tray ??= Promise.resolve(trayModule).then((t) => {
      document.removeEventListener('change', first);
      // The waiting boxes first: starting the tray sets every box to the stored picks.
      for (const box of waiting.splice(0)) t.pick(box);
      t.startTray();
    }));
  const first = (event: Event) => {
    const box = event.target;
    if (!(box instanceof HTMLInputElement) || !box.dataset.compareId) return;
    waiting.push(box);
    void load();
  };
  document.addEventListener('change', first);
  // Back to a page from the browser's history: the picks may have changed since.
  window.addEventListener('pageshow', syncBoxes);
  syncBoxes();
  if (picks().length > 0) void load();
}
