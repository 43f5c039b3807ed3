/**
 * A provider's card drawn in the browser (search results, the finder's
 * answer): the same markup as ProviderCard.astro, from the same lines
 * (card-view.ts). Every text goes in as text: nothing a contributor wrote is
 * ever read as HTML.
 */
import { cardLines, type ProviderCardView } from '../domain/directory/card-view.ts';
import { routes } from '../domain/routes.ts';
import { href } from '../site/href.ts';

export function providerCardElement(view: ProviderCardView, reasons: readonly string[], headingLevel: 2 | 3 | 4): HTMLLIElement {
  const item = document.createElement('li');
  item.className = 'card provider-card';
  const heading = document.createElement(`h${headingLevel}`);
  const link = document.createElement('a');
  link.href = href(routes.provider(view.id));
  link.textContent = view.name;
  heading.append(link);
  item.append(heading);
  for (const line of cardLines(view, reasons)) {
    const p = document.createElement('p');
    p.className = line.kind;
    p.textContent = line.text;
    item.append(p);
  }
  return item;
}
