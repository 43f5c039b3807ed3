/**
 * Browser side of the guided finder (see pages/trouver/index.astro): reads
 * the answers, fetches at most two small files written by the build, ranks
 * with the same code the tests check (domain/finder/index.ts), and explains each
 * match. The words come from the form's own options.
 */
import {
  decodeCandidate,
  finderQueryKeys,
  mergeCandidates,
  queryFromSearch,
  rankProviders,
  sizeSentence,
  type EncodedCandidate,
  type FinderQuery,
  type FinderVocabulary,
} from '../../../domain/finder/index.ts';
import { routes } from '../../../domain/routes.ts';
import { href } from '../../../site/href.ts';

interface CandidateFile {
  providers: EncodedCandidate[];
  where?: string;
  regionName?: string;
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
    const query: FinderQuery = {};
    for (const key of finderQueryKeys) if (select(key).value) query[key] = select(key).value;
    history.replaceState(null, '', href(routes.finder(query as Record<string, string>)));
    results.hidden = false;
    status.textContent = 'Recherche en cours…';
    let vocabulary: FinderVocabulary, everywhere: CandidateFile, local: CandidateFile | undefined;
    try {
      [vocabulary, everywhere, local] = await Promise.all([
        load<FinderVocabulary>(routes.finderVocabulary()),
        load(routes.finderEverywhere(query.service)),
        query.departement ? load(routes.finderDepartment(query.departement)) : undefined,
      ]);
    } catch {
      status.textContent = 'La liste n’a pas pu se charger. Parcourez l’annuaire par service ou par département.';
      return;
    }
    if (mine !== ticket) return;
    const decode = (list: EncodedCandidate[]) => list.map((e) => decodeCandidate(e, vocabulary));
    const candidates = mergeCandidates(decode(everywhere.providers), decode(local?.providers ?? []));
    const ranked = rankProviders(candidates, query, {
      service: (v) => optionText('service', v),
      size: (v) => sizeSentence(optionText('taille', v)),
      remplace: (v) => optionText('remplace', v),
      where: local?.where,
      regionName: local?.regionName,
    });
    list.replaceChildren(
      ...ranked.map(({ candidate, reasons }) => {
        const item = document.createElement('li');
        item.className = 'card';
        const heading = document.createElement('h3');
        const link = document.createElement('a');
        link.href = href(routes.provider(candidate.id));
        link.textContent = candidate.name;
        heading.append(link);
        const why = document.createElement('p');
        why.textContent = reasons.join(' · ');
        item.append(heading, why);
        return item;
      }),
    );
    status.textContent =
      ranked.length === 0
        ? 'Aucune structure ne correspond à toutes vos réponses. Essayez sans préciser le besoin, ou parcourez l’annuaire.'
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
