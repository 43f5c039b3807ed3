/**
 * The comparison's rows and each provider's profile view, computed once per
 * build: the comparison's data files and the table views of the lists read
 * them (src/domain/directory/comparison.ts says what they show).
 */
import {
  allComparisonRows,
  comparisonFile,
  comparisonTable,
  type ComparisonFile,
  type ComparisonRow,
  type ComparisonTable,
} from '../domain/directory/comparison.ts';
import type { ListedProvider } from '../domain/directory/index.ts';
import { profileView, type ProfileView } from '../domain/directory/profile-view.ts';
import { getDirectoryPages } from './directory.ts';

export interface Comparison {
  rows: ComparisonRow[];
  /** The table of a list of providers, in the list's order. */
  table(providers: readonly ListedProvider[]): ComparisonTable;
  /** What `/comparer/` reads of one provider. */
  file(id: string): ComparisonFile;
}

let cached: Promise<Comparison> | undefined;

export function getComparison(): Promise<Comparison> {
  cached ??= getDirectoryPages().then(({ label, taxonomies, provider }) => {
    const rows = allComparisonRows(taxonomies.criteria);
    const views = new Map<string, ProfileView>();
    const view = (p: ListedProvider) => {
      let v = views.get(p.id);
      if (!v) views.set(p.id, (v = profileView(p, { label, vocabularies: taxonomies })));
      return v;
    };
    return {
      rows,
      table: (providers) =>
        comparisonTable(
          providers.map((p) => ({ id: p.id, view: view(p) })),
          rows,
        ),
      file: (id) => comparisonFile(id, view(provider(id)), rows),
    };
  });
  return cached;
}
