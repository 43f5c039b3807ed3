/**
 * What a comparison of providers shows, row by row: one descriptor, read by
 * the comparison page (`/comparer/`, through each provider's data file) and
 * by the table views of the lists (`/annuaire/tableau/`…). Every value comes
 * from the profile's view (profile-view.ts), so a table says exactly what the
 * profiles say. Adding a row is one entry of `comparisonRows`.
 */
import type { ProfileView } from './profile-view.ts';
import { frenchTypography as t } from '../text/format.ts';
import type { Vocabularies } from '../../schemas/taxonomies.ts';

/** One criterion of the comparison: its label, and its value for one provider as lines of text (none: « — »). */
export interface ComparisonRow {
  /** Stable name of the row (`services`, `note-autonomie`): the data files and the tests refer to it. */
  id: string;
  label: string;
  value: (provider: ProfileView) => string[];
}

/** What a cell shows when a provider says nothing about a row. */
export const NOTHING_SAID = '—';

/** « Siège : Lyon (Rhône) », « Partout en France », « Départements : Isère (38), Drôme (26) »: where a provider works, as its profile says it. */
function areaLines(view: ProfileView): string[] {
  const { area } = view;
  return [
    t(`Siège : ${view.place}`),
    ...(area.national ? ['Partout en France'] : []),
    ...(area.remote ? ['À distance'] : []),
    ...(area.regions.length > 0
      ? [t(`${area.regions.length > 1 ? 'Régions' : 'Région'} : ${area.regions.map((r) => r.label).join(', ')}`)]
      : []),
    ...(area.departments.length > 0
      ? [t(`${area.departments.length > 1 ? 'Départements' : 'Département'} : ${area.departments.map((d) => d.label).join(', ')}`)]
      : []),
  ];
}

/** The rows every comparison shows, in order; the rating criteria follow (`criterionRows`). */
export const comparisonRows: readonly ComparisonRow[] = [
  { id: 'services', label: 'Services proposés', value: (p) => p.services.map((s) => s.label) },
  { id: 'zone', label: 'Zone d’intervention', value: areaLines },
  { id: 'tailles', label: 'Associations accompagnées', value: (p) => p.sizes.map((s) => s.label) },
  {
    id: 'logiciels',
    label: 'Logiciels libres proposés (et ce qu’ils remplacent)',
    value: (p) => p.tools.map((tool) => (tool.replaces === NOTHING_SAID ? tool.label : `${tool.label} (remplace ${tool.replaces})`)),
  },
  { id: 'tarif', label: 'Tarif', value: (p) => [p.pricing.summary] },
  { id: 'langues', label: 'Langues de travail', value: (p) => (p.workingLanguages ? [p.workingLanguages] : []) },
  { id: 'recommandations', label: 'Recommandations vérifiées', value: (p) => [p.verifiedRecommendations] },
  { id: 'verification', label: 'Dernière vérification par le comité', value: (p) => (p.lastVerified ? [p.lastVerified] : []) },
];

/** « 4,3 sur 5 (3 notes) »; « Pas encore de note » when no association gave a rating. */
export function criterionRows(criteria: Vocabularies['criteria']): ComparisonRow[] {
  return criteria.map((criterion) => ({
    id: `note-${criterion.slug}`,
    label: t(criterion.label),
    value: (p) => {
      const rating = p.ratings.find((r) => r.criterion === criterion.slug);
      return [rating && rating.tenths !== undefined ? `${rating.average} (${rating.answers})` : 'Pas encore de note'];
    },
  }));
}

/** Every row of a comparison: the descriptor's, then one per rating criterion. */
export function allComparisonRows(criteria: Vocabularies['criteria']): ComparisonRow[] {
  return [...comparisonRows, ...criterionRows(criteria)];
}

/** A row's value, « — » when the provider says nothing. */
export function cellOf(row: ComparisonRow, provider: ProfileView): string[] {
  const lines = row.value(provider);
  return lines.length > 0 ? lines : [NOTHING_SAID];
}

export interface ComparedProvider {
  id: string;
  name: string;
  /** One cell per row, in the rows' order. */
  cells: string[][];
}

export interface ComparisonTable {
  rows: Array<{ id: string; label: string }>;
  providers: ComparedProvider[];
}

/** The table of a list of providers (their profiles' views), in the list's order. */
export function comparisonTable(
  providers: ReadonlyArray<{ id: string; view: ProfileView }>,
  rows: readonly ComparisonRow[],
): ComparisonTable {
  return {
    rows: rows.map(({ id, label }) => ({ id, label })),
    providers: providers.map(({ id, view }) => ({ id, name: view.name, cells: rows.map((row) => cellOf(row, view)) })),
  };
}

/**
 * What the comparison page reads of one provider (`routes.comparisonData`):
 * its name and its rows, each with its label, so that one file is enough.
 */
export interface ComparisonFile {
  id: string;
  name: string;
  /** [row id, label, lines]. */
  rows: Array<[string, string, string[]]>;
}

export function comparisonFile(id: string, view: ProfileView, rows: readonly ComparisonRow[]): ComparisonFile {
  return { id, name: view.name, rows: rows.map((row) => [row.id, row.label, cellOf(row, view)]) };
}
