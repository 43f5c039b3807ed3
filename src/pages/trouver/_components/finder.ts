/**
 * Browser side of the guided finder (see pages/trouver/index.astro): reads
 * the answers, fetches a few small files written by the build, ranks with
 * the same code the tests check (domain/finder/index.ts), and shows each
 * match as its card (card-view.ts), in the groups of every place's list,
 * under the sentence the place's page says (place-rank.ts).
 */
import {
  decodeCandidate,
  finderGroups,
  finderQueryKeys,
  mergeCandidates,
  queryFromSearch,
  rankProviders,
  sizeSentence,
  type EncodedCandidate,
  type FinderVocabulary,
} from '../../../domain/finder/index.ts';
import { cardView } from '../../../domain/directory/card-view.ts';
import { placeGroupTitle, placeSummary, type PlaceCounts } from '../../../domain/directory/place-rank.ts';
import { readPlaces, type PlacesFile } from '../../../domain/directory/place-search.ts';
import { frenchTypography } from '../../../domain/text/format.ts';
import { providerCardElement } from '../../../components/provider-card.ts';
import { routes } from '../../../domain/routes.ts';
import { href } from '../../../site/href.ts';

interface CandidateFile {
  providers: EncodedCandidate[];
  where?: string;
  regionName?: string;
  place?: { where: string; counts: PlaceCounts };
}
const files = new Map<string, Promise<unknown>>();

function load<T = CandidateFile>(route: string): Promise<T> {
  let file = files.get(route);
  if (!file) {
    file = fetch(href(route)).then((r) => {
      if (!r.ok) throw new Error(String(r.status));
      return r.json();
    });
    files.set(route, file);
  }
  return file as Promise<T>;
}

export function initFinder(): void {
  const form = document.getElementById('finder') as HTMLFormElement | null;
  if (!form) return;
  const results = document.getElementById('finder-results')!;
  const placeLine = document.getElementById('finder-place')!;
  const status = document.getElementById('finder-status')!;
  const list = document.getElementById('finder-list')!;
  const hint = document.getElementById('finder-hint')!;
  const select = (name: string) => form.elements.namedItem(name) as HTMLSelectElement;
  const optionText = (name: string, value: string) =>
    Array.from(select(name).options)
      .find((o) => o.value === value)
      ?.textContent?.replace(/\s*\(\d+\)$/, '') ?? value;
  form.hidden = false;
  let ticket = 0;

  async function run(): Promise<void> {
    const mine = ++ticket;
    const query = queryFromSearch(new URLSearchParams(finderQueryKeys.map((key) => [key, select(key).value])).toString());
    history.replaceState(null, '', href(routes.finder(query as Record<string, string>)));
    results.hidden = false;
    status.textContent = 'Recherche en cours…';
    let vocabulary: FinderVocabulary, placesFile: PlacesFile, everywhere: CandidateFile, local: CandidateFile | undefined;
    try {
      [vocabulary, placesFile, everywhere, local] = await Promise.all([
        load<FinderVocabulary>(routes.finderVocabulary()),
        load<PlacesFile>(routes.places()),
        load(routes.finderEverywhere(query.service)),
        query.departement ? load(routes.finderDepartment(query.departement)) : undefined,
      ]);
    } catch {
      status.textContent = 'La liste n’a pas pu se charger. Parcourez l’annuaire par service ou par département.';
      return;
    }
    if (mine !== ticket) return;
    const places = readPlaces(placesFile);
    const decode = (list: EncodedCandidate[]) => list.map((e) => decodeCandidate(e, vocabulary));
    const candidates = mergeCandidates(decode(everywhere.providers), decode(local?.providers ?? []));
    const ranked = rankProviders(candidates, query, {
      service: (v) => optionText('service', v),
      size: (v) => sizeSentence(optionText('taille', v)),
      remplace: (v) => optionText('remplace', v),
      where: local?.where,
      regionName: local?.regionName,
    });
    const words = {
      label: (key: string, value: string) => vocabulary.labels[key]?.[value] ?? value,
      departmentName: (code: string) => places.place('departement', code)?.name,
    };
    const place = query.departement ? places.place('departement', query.departement) : undefined;
    placeLine.replaceChildren();
    if (place && local?.place) {
      // The same sentence as the place's page, with a link to it.
      const link = document.createElement('a');
      link.href = href(routes.facetValue('departement', place.code));
      link.textContent = `Voir toutes les structures ${place.where}`;
      placeLine.append(`${placeSummary(local.place.counts, local.place.where)} `, link);
    }
    const grouped = place ? finderGroups(ranked) : [{ group: undefined, results: ranked }];
    list.replaceChildren(
      ...grouped.flatMap(({ group, results: members }) => {
        const cards = document.createElement('ul');
        cards.className = 'cards';
        cards.append(...members.map((r) => providerCardElement(cardView(r.candidate, words), r.reasons, group ? 4 : 3)));
        if (!group || !place) return [cards];
        const heading = document.createElement('h3');
        heading.textContent = frenchTypography(placeGroupTitle(group, place.where));
        return [heading, cards];
      }),
    );
    status.textContent =
      ranked.length === 0
        ? 'Aucune structure ne correspond à toutes vos réponses. Essayez sans préciser le besoin ou le budget, ou parcourez l’annuaire.'
        : ranked.length === 1
          ? 'Une structure vous correspond.'
          : `${ranked.length} structures vous correspondent, les plus adaptées d’abord.`;
    hint.hidden = !!query.departement;
  }

  const initial = queryFromSearch(location.search);
  for (const key of finderQueryKeys) if (initial[key]) select(key).value = initial[key]!;
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void run().then(() => results.querySelector('h2')?.focus());
  });
  form.addEventListener('change', () => void run());
  if (Object.keys(initial).length) void run();
}
