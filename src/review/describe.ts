/**
 * Field values as a committee member reads them: the schema's French title
 * for each field, the French label of each allowed value, taxonomy labels
 * instead of slugs, place names instead of INSEE codes, French dates and
 * euros. Everything is read from the schemas and the content: no field list
 * is kept here.
 */
import type { Content } from '../domain/content.ts';
import { formatDate, formatEuros } from '../domain/text/format.ts';
import { departmentName, regionName } from '../schemas/geography.ts';
import { metaOf, unwrap } from '../schemas/introspect.ts';
import type { TaxonomyName } from '../schemas/taxonomies.ts';

type AnySchema = Parameters<typeof unwrap>[0];

/** What is needed to turn slugs and codes into names. */
export interface Vocabulary {
  taxonomies: Content['taxonomies'];
  /** Provider names by slug, for recommendations and project makers. */
  providerNames: ReadonlyMap<string, string>;
}

/** The terms of both sides, the head's winning: a term added by the change has a label too. */
export function mergeVocabularies(base: Vocabulary, head: Vocabulary): Vocabulary {
  const taxonomies = {} as Content['taxonomies'];
  for (const name of Object.keys(head.taxonomies) as TaxonomyName[]) {
    const seen = new Set(head.taxonomies[name].map((t) => t.slug));
    (taxonomies[name] as unknown[]) = [...head.taxonomies[name], ...base.taxonomies[name].filter((t) => !seen.has(t.slug))];
  }
  return { taxonomies, providerNames: new Map([...base.providerNames, ...head.providerNames]) };
}

export function taxonomyLabel(vocabulary: Vocabulary, taxonomy: TaxonomyName, slug: string): string {
  return vocabulary.taxonomies[taxonomy].find((t) => t.slug === slug)?.label ?? slug;
}

export function providerName(vocabulary: Vocabulary, slug: string): string {
  return vocabulary.providerNames.get(slug) ?? slug;
}

export function departmentLabel(code: string): string {
  const name = departmentName(code);
  return name ? `${name} (${code})` : code;
}

export function regionLabel(code: string): string {
  return regionName(code) ?? code;
}

const EMPTY = '(vide)';

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Renders any raw value that no schema describes (a misspelt field, a broken entry). */
function rawText(value: unknown): string {
  if (value === undefined || value === null || value === '') return EMPTY;
  if (typeof value === 'boolean') return value ? 'oui' : 'non';
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  if (Array.isArray(value)) return value.length === 0 ? '(aucun)' : value.map(rawText).join(', ');
  return JSON.stringify(value);
}

/**
 * One value in French. `key` is the field's name in the file: amounts are
 * the fields whose name ends in `_eur`, as the content contract names them.
 */
export function describeScalar(schema: AnySchema | undefined, value: unknown, vocabulary: Vocabulary, key = ''): string {
  if (value === null && schema && schema._zod.def.type === 'nullable') return 'non concerné';
  if (value === undefined || value === null || value === '') return EMPTY;
  if (!schema) return rawText(value);
  const meta = metaOf(schema);
  const inner = unwrap(schema);
  const def = inner._zod.def as { type: string; format?: string };
  if (typeof value === 'string') {
    if (meta.labels?.[value]) return meta.labels[value]!;
    if (meta.taxonomy) return taxonomyLabel(vocabulary, meta.taxonomy, value);
    if (meta.relation === 'providers') return providerName(vocabulary, value);
    if (meta.geography === 'departments') return departmentLabel(value);
    if (meta.geography === 'regions') return regionLabel(value);
    if (def.format === 'date' && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
      try {
        return formatDate(value);
      } catch {
        return value;
      }
    }
    return value;
  }
  if (typeof value === 'boolean') return value ? 'oui' : 'non';
  if (typeof value === 'number') return key.endsWith('_eur') ? formatEuros(value) : String(value);
  return rawText(value);
}

/** A list of plain values (slugs, codes, names). */
export function describeList(
  elementSchema: AnySchema | undefined,
  values: readonly unknown[],
  vocabulary: Vocabulary,
  listSchema?: AnySchema,
): string[] {
  // Taxonomy and geography hints sit on the list field itself, not on its elements.
  const hint = listSchema ? metaOf(listSchema) : {};
  return values.map((v) => {
    if (typeof v === 'string') {
      if (hint.taxonomy) return taxonomyLabel(vocabulary, hint.taxonomy, v);
      if (hint.geography === 'departments') return departmentLabel(v);
      if (hint.geography === 'regions') return regionLabel(v);
      if (hint.labels?.[v]) return hint.labels[v]!;
    }
    return describeScalar(elementSchema, v, vocabulary);
  });
}

/**
 * A field once flattened: objects are opened up to their plain values, so
 * that « Contact › E-mail de contact » can be compared on both sides.
 */
export interface Leaf {
  /** Stable key of the field: `contact.email`, `ratings.support`. */
  key: string;
  /** French titles from the schemas, outermost first. */
  labels: string[];
  /** `scalar` a plain value, `list` a list of plain values, `items` a list of objects. */
  shape: 'scalar' | 'list' | 'items';
  schema: AnySchema | undefined;
  /** The list field's schema, for `list` and `items`. */
  listSchema?: AnySchema;
  value: unknown;
  /** The field's own name, last part of the key. */
  name: string;
}

function childSchema(schema: AnySchema | undefined, key: string): AnySchema | undefined {
  if (!schema) return undefined;
  const def = unwrap(schema)._zod.def as unknown as { type: string; shape?: Record<string, AnySchema>; valueType?: AnySchema };
  if (def.type === 'object') return def.shape?.[key];
  if (def.type === 'record') return def.valueType;
  return undefined;
}

function elementOf(schema: AnySchema | undefined): AnySchema | undefined {
  if (!schema) return undefined;
  const def = unwrap(schema)._zod.def as unknown as { type: string; element?: AnySchema };
  return def.type === 'array' ? def.element : undefined;
}

/** The order in which an object's keys are shown: the schema's, then keys it does not know. */
function orderedKeys(schema: AnySchema | undefined, value: Record<string, unknown>, vocabulary: Vocabulary): string[] {
  const present = Object.keys(value);
  if (!schema) return present;
  const inner = unwrap(schema);
  const def = inner._zod.def as unknown as { type: string; shape?: Record<string, AnySchema> };
  let known: string[] = [];
  if (def.type === 'object' && def.shape) known = Object.keys(def.shape);
  else if (def.type === 'record') {
    const taxonomy = metaOf(schema).taxonomy;
    if (taxonomy) known = vocabulary.taxonomies[taxonomy].map((t) => t.slug);
  }
  return [...known.filter((k) => k in value), ...present.filter((k) => !known.includes(k)).sort()];
}

export function flatten(
  schema: AnySchema | undefined,
  value: unknown,
  vocabulary: Vocabulary,
  path: string[] = [],
  labels: string[] = [],
): Leaf[] {
  if (isPlainObject(value) && (!schema || ['object', 'record'].includes(unwrap(schema)._zod.def.type))) {
    const isRecord = schema ? unwrap(schema)._zod.def.type === 'record' : false;
    const taxonomy = schema ? metaOf(schema).taxonomy : undefined;
    const leaves: Leaf[] = [];
    for (const key of orderedKeys(schema, value, vocabulary)) {
      const child = childSchema(schema, key);
      const label = isRecord && taxonomy ? taxonomyLabel(vocabulary, taxonomy, key) : (child && metaOf(child).title) || key;
      leaves.push(...flatten(child, value[key], vocabulary, [...path, key], [...labels, label]));
    }
    return leaves;
  }
  const key = path.join('.');
  const name = path[path.length - 1] ?? '';
  if (Array.isArray(value)) {
    const element = elementOf(schema);
    const shape = value.some((v) => isPlainObject(v) || Array.isArray(v)) ? 'items' : 'list';
    return [{ key, labels, shape, schema: element, listSchema: schema, value, name }];
  }
  return [{ key, labels, shape: 'scalar', schema, value, name }];
}

/** « Financeur : X, Montant (€) : 800 €, … » for one object of a list. */
export function describeItem(schema: AnySchema | undefined, item: unknown, vocabulary: Vocabulary): string {
  if (!isPlainObject(item)) return rawText(item);
  return flatten(schema, item, vocabulary)
    .filter((leaf) => leaf.value !== undefined)
    .map((leaf) => `${leaf.labels.join(' › ')} : ${describeLeafValue(leaf, vocabulary)}`)
    .join(', ');
}

export function describeLeafValue(leaf: Leaf, vocabulary: Vocabulary): string {
  if (leaf.shape === 'scalar') return describeScalar(leaf.schema, leaf.value, vocabulary, leaf.name);
  const values = leaf.value as unknown[];
  if (values.length === 0) return '(aucun)';
  if (leaf.shape === 'list') return describeList(leaf.schema, values, vocabulary, leaf.listSchema).join(', ');
  return values.map((item) => `(${describeItem(leaf.schema, item, vocabulary)})`).join(' ; ');
}

/** The place where a provider works, in a few words: « partout en France, à distance, Normandie ». */
export function describeArea(area: unknown): string {
  if (!isPlainObject(area)) return EMPTY;
  const parts: string[] = [];
  if (area.national === true) parts.push('partout en France');
  if (area.remote === true) parts.push('à distance');
  if (Array.isArray(area.regions)) parts.push(...area.regions.map((c) => regionLabel(String(c))));
  if (Array.isArray(area.departments)) parts.push(...area.departments.map((c) => departmentLabel(String(c))));
  return parts.length > 0 ? parts.join(', ') : EMPTY;
}
