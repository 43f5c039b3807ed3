/**
 * `prestataires.csv`: one row per published provider, the columns being the
 * provider fields marked `csv` in the export's descriptor.
 */
import { stringify } from 'csv-stringify/sync';
import { csvColumns, type ExportContext } from './descriptor.ts';
import { providerExport, type ExportedProvider } from './providers.ts';

/**
 * A spreadsheet runs a cell that starts with = + - @ (or a tab or carriage
 * return) as a formula: such cells get a leading apostrophe so that they stay text.
 */
export function guardFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

function valueAt(object: unknown, key: string): unknown {
  let current = object;
  // Criterion slugs hold dashes, never dots: splitting on dots is safe.
  for (const part of key.split('.')) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[part];
  }
  return current;
}

function toCell(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (Array.isArray(value)) return guardFormula(value.map(String).join(';'));
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return guardFormula(String(value));
}

/** The CSV's columns, in order. */
export function providerCsvColumns(criteria: ExportContext['taxonomies']['criteria']): string[] {
  return csvColumns(providerExport, criteria);
}

/** One row per provider, RFC 4180 (comma, double quotes, CRLF), lists joined with « ; ». */
export function providersCsv(providers: readonly ExportedProvider[], criteria: ExportContext['taxonomies']['criteria']): string {
  const columns = providerCsvColumns(criteria);
  const rows = providers.map((p) => columns.map((key) => toCell(valueAt(p, key))));
  return stringify([columns, ...rows], { record_delimiter: 'windows' });
}
