/**
 * The tray « Comparer (2/3) » that opens `/comparer/?s=a,b`, and what a pick
 * does: a fourth one is refused with a message read aloud (role="status").
 * Loaded by compare-picks.ts once a visitor has picked a provider. Without
 * JavaScript the boxes are not shown: every list has its table view instead.
 */
import { MAX_COMPARED, fullMessage, oneMoreMessage, pickedMessage, trayLabel } from '../domain/directory/comparison-choice.ts';
import { routes } from '../domain/routes.ts';
import { href } from '../site/href.ts';
import { picks, storePicks, syncBoxes, type Pick } from './compare-picks.ts';

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
  tray ??= makeTray();
  tray.status.textContent = message;
  refresh();
}

function refresh() {
  const list = picks().slice(0, MAX_COMPARED);
  tray ??= makeTray();
  tray.link.textContent = trayLabel(list.length);
  tray.link.href = href(routes.compare(list.map((p) => p.id)));
  tray.root.classList.toggle('compare-tray-open', list.length > 0 || tray.status.textContent !== '');
  syncBoxes();
}

/** The picks, at most MAX_COMPARED, and the tray and boxes in step. */
export function setPicks(list: readonly Pick[]): void {
  storePicks(list.slice(0, MAX_COMPARED));
  refresh();
}

/** What ticking or unticking a box does. */
export function pick(box: HTMLInputElement): void {
  const id = box.dataset.compareId!;
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
    return;
  }
  const next = [...list, { id, name }];
  setPicks(next);
  say(`${pickedMessage(name, true, next.length)}${next.length === 1 ? ` ${oneMoreMessage()}` : ''}`);
}

let started = false;
/** Shows the tray and answers every box of the page. */
export function startTray(): void {
  if (started) return;
  started = true;
  document.addEventListener('change', (event) => {
    const box = event.target;
    if (box instanceof HTMLInputElement && box.dataset.compareId) pick(box);
  });
  window.addEventListener('pageshow', refresh);
  refresh();
}
