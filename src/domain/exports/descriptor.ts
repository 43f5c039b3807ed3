/**
 * One descriptor per exported type: each field is listed once, with where
 * its value comes from and how it is documented. The JSON objects, their
 * TypeScript type, the CSV columns and the field table of /donnees/ are all
 * derived from it. Titles and hints of fields taken from the files come from
 * the schemas' `.meta()`; only computed figures carry their own words, next
 * to the code that computes them.
 */
import type * as z from 'zod/mini';
import { arrayElement, labelledValues, metaOf, schemaAt, typeName } from '../../schemas/introspect.ts';
import type { Criterion, Service, Tool } from '../../schemas/taxonomies.ts';

export interface ExportContext {
  /** Absolute address of the site's home, base path included, ending with `/`. */
  siteUrl: string;
  /** The build's day (`YYYY-MM-DD`), written as the generation date. */
  today: string;
  taxonomies: { criteria: readonly Criterion[]; tools: readonly Tool[]; services: readonly Service[] };
}

/** How one field of an exported file is described on /donnees/. */
export interface FieldDoc {
  /** Path in the JSON object (`contact.email`, `recommendations[].testimony`), and header of the CSV column when `csv`. */
  key: string;
  title: string;
  description: string;
  /** Plain French word for the kind of value. */
  type: string;
  /** Allowed values and their French labels, when the field is a closed list. */
  values?: Array<{ value: string; label: string }>;
  /** The taxonomy whose slugs the field holds. */
  taxonomy?: string;
  /** INSEE codes the field holds. */
  geography?: string;
  csv: boolean;
  /** The matching funding.json field (projects only). */
  fundingJson?: string;
}

type AnySchema = z.core.$ZodType;

/** Words for a field: read from a schema, or written for a computed figure. */
export type Doc =
  | { schema: AnySchema; path: readonly string[]; fundingJson?: string }
  | { title: string; description: string; type: string; geography?: string; fundingJson?: string };

export interface Field<T, V> {
  kind: 'field';
  doc: Doc;
  csv: boolean;
  get: (item: T, ctx: ExportContext) => V;
}
// The item type is carried by each field's `get`; a group only gathers them.
// eslint-disable-next-line @typescript-eslint/no-unused-vars
export interface Group<T, F extends Fields> {
  kind: 'group';
  fields: F;
}
export interface List<T, U, F extends Fields> {
  kind: 'list';
  doc: Doc;
  get: (item: T, ctx: ExportContext) => readonly U[];
  fields: F;
}
/** One object per criterion of the vocabulary (the ratings), its fields described for each criterion. */
export interface PerCriterion<T, V> {
  kind: 'criteria';
  get: (item: T, ctx: ExportContext) => Record<string, V>;
  fields: Record<string, CriterionField>;
}
export interface CriterionField {
  doc: (criterion: Criterion) => Doc;
  csv: boolean;
}

// A descriptor's shape is open: each field states the item it reads and the value it gives.
/* eslint-disable @typescript-eslint/no-explicit-any */
export type Descriptor<T = any> = Field<T, any> | Group<T, any> | List<T, any, any> | PerCriterion<T, any>;
export type Fields<T = any> = Record<string, Descriptor<T>>;
/* eslint-enable @typescript-eslint/no-explicit-any */

/** The JSON value a descriptor produces. */
export type ValueOf<D> = D extends { kind: 'field'; get: (...args: never[]) => infer V }
  ? V
  : D extends { kind: 'group'; fields: infer F }
    ? ObjectOf<F>
    : D extends { kind: 'list'; fields: infer F }
      ? Array<ObjectOf<F>>
      : D extends { kind: 'criteria'; get: (...args: never[]) => infer R }
        ? R
        : never;

type OptionalKeys<F> = { [K in keyof F]: undefined extends ValueOf<F[K]> ? K : never }[keyof F];
/** The object a set of fields produces: a field whose value may be absent is an optional key. */
export type ObjectOf<F> = { [K in Exclude<keyof F, OptionalKeys<F>>]: ValueOf<F[K]> } & {
  [K in OptionalKeys<F>]?: Exclude<ValueOf<F[K]>, undefined>;
};

export const field = <T, V>(doc: Doc, get: (item: T, ctx: ExportContext) => V, options: { csv?: boolean } = {}): Field<T, V> => ({
  kind: 'field',
  doc,
  get,
  csv: options.csv ?? false,
});
export const group = <F extends Fields>(fields: F): Group<unknown, F> => ({ kind: 'group', fields });
export const perCriterion = <T, V>(
  get: (item: T, ctx: ExportContext) => Record<string, V>,
  fields: Record<string, CriterionField>,
): PerCriterion<T, V> => ({
  kind: 'criteria',
  get,
  fields,
});
export const list = <T, U, F extends Fields>(doc: Doc, get: (item: T, ctx: ExportContext) => readonly U[], fields: F): List<T, U, F> => ({
  kind: 'list',
  doc,
  get,
  fields,
});

/**
 * Some fields of a descriptor, in the descriptor's order: a smaller export
 * that documents and builds itself from the same fields, never a second list.
 */
export function pickFields<F extends Fields, K extends keyof F & string>(fields: F, keys: readonly K[]): Pick<F, K> {
  const unknown = keys.filter((k) => !(k in fields));
  if (unknown.length > 0) throw new Error(`Champs inconnus dans la sélection : ${unknown.join(', ')}.`);
  return Object.fromEntries(Object.entries(fields).filter(([key]) => (keys as readonly string[]).includes(key))) as Pick<F, K>;
}

/** A field of the files, described by its schema at `path`. */
export const fromSchema = (schema: AnySchema, ...path: string[]): Doc => ({ schema, path });
/** A figure computed by the site, described here. */
export const computed = (
  title: string,
  description: string,
  type: string,
  extra: { geography?: string; fundingJson?: string } = {},
): Doc => ({
  title,
  description,
  type,
  ...extra,
});

/** Builds the object of one item: keys in the descriptor's order, absent values left out. */
export function buildObject<F extends Fields>(fields: F, item: unknown, ctx: ExportContext): ObjectOf<F> {
  const out: Record<string, unknown> = {};
  for (const [key, d] of Object.entries(fields) as Array<[string, Descriptor<unknown>]>) {
    let value: unknown;
    if (d.kind === 'field' || d.kind === 'criteria') value = d.get(item, ctx);
    else if (d.kind === 'group') value = buildObject(d.fields, item, ctx);
    else value = d.get(item, ctx).map((element) => buildObject(d.fields, element, ctx));
    if (value !== undefined) out[key] = value;
  }
  return out as ObjectOf<F>;
}

function describe(doc: Doc, key: string, csv: boolean): FieldDoc {
  if (!('schema' in doc)) {
    const { title, description, type, geography, fundingJson } = doc;
    return compact({ key, title, description, type, geography, csv, fundingJson });
  }
  const schema = schemaAt(doc.schema, doc.path);
  if (!schema)
    throw new Error(`Pas de champ « ${doc.path.join('.')} » dans le schéma : la description des données exportées est à corriger.`);
  const meta = metaOf(schema);
  const element = arrayElement(schema);
  const geography = meta.geography ?? (element ? metaOf(element).geography : undefined);
  return compact({
    key,
    title: meta.title ?? key,
    description: meta.description ?? '',
    type: typeName(schema),
    // INSEE codes are a closed list too long to print: /donnees/ links to the official list instead.
    values: geography ? undefined : labelledValues(schema),
    taxonomy: meta.taxonomy ?? (element ? metaOf(element).taxonomy : undefined),
    geography,
    csv,
    fundingJson: doc.fundingJson,
  });
}

/** Every field of a descriptor, documented, parents before their children, in export order. */
export function fieldDocs(fields: Fields, criteria: readonly Criterion[], prefix = ''): FieldDoc[] {
  return Object.entries(fields).flatMap(([key, d]): FieldDoc[] => {
    const path = `${prefix}${key}`;
    switch (d.kind) {
      case 'field':
        return [describe(d.doc, path, d.csv)];
      case 'group':
        return fieldDocs(d.fields, criteria, `${path}.`);
      case 'list':
        return [describe(d.doc, path, false), ...fieldDocs(d.fields, criteria, `${path}[].`)];
      case 'criteria':
        return criteria.flatMap((criterion) =>
          Object.entries(d.fields as Record<string, CriterionField>).map(([sub, f]) =>
            describe(f.doc(criterion), `${path}.${criterion.slug}.${sub}`, f.csv),
          ),
        );
    }
  });
}

/** The CSV columns of a descriptor: the fields marked `csv`, by their path. */
export function csvColumns(fields: Fields, criteria: readonly Criterion[]): string[] {
  return fieldDocs(fields, criteria)
    .filter((f) => f.csv)
    .map((f) => f.key);
}

/** Drops keys whose value is undefined, so JSON and CSV agree on "empty". */
export function compact<T extends object>(object: T): T {
  return Object.fromEntries(Object.entries(object).filter(([, v]) => v !== undefined)) as T;
}
