/**
 * Reading the schemas as data: which fields an object has, what a list holds,
 * which values an enum allows, and each field's French title and hint. The
 * check uses it for "Vouliez-vous dire…", the CMS and forms for their fields.
 * The core (metadata, walking a schema) is in meta.ts, which the browser's
 * forms read alone.
 */
import type * as z from 'zod/mini';
import { arrayElement, enumValues, metaOf, objectShape, unwrap } from './meta.ts';

export * from './meta.ts';

type AnySchema = z.core.$ZodType;

export function kindOf(schema: AnySchema): string {
  return unwrap(schema)._zod.def.type;
}

export function isOptional(schema: AnySchema): boolean {
  return schema._zod.optin === 'optional';
}

/** Whether `null` is an accepted value, whatever wraps the nullable. */
export function acceptsNull(schema: AnySchema): boolean {
  let current: AnySchema | undefined = schema;
  while (current) {
    const def = current._zod.def as { type: string; innerType?: AnySchema };
    if (def.type === 'nullable') return true;
    current = def.innerType;
  }
  return false;
}

export function hasDefault(schema: AnySchema): unknown {
  const def = schema._zod.def as { type: string; defaultValue?: unknown };
  return def.type === 'default' ? def.defaultValue : undefined;
}

// ---------------------------------------------------------------------------
// Checks of a schema: lengths, bounds and their French messages. The CMS turns
// them into field limits and patterns, the reference of the content into text.

export interface Check {
  check: string;
  format?: string;
  pattern?: RegExp;
  minimum?: number;
  maximum?: number;
  value?: number;
  inclusive?: boolean;
  error?: (issue?: unknown) => unknown;
}

export function checksOf(schema: AnySchema): Check[] {
  const def = unwrap(schema)._zod.def as { checks?: Array<{ _zod: { def: Check } }> };
  return (def.checks ?? []).map((c) => c._zod.def);
}

/** The French message a schema gives for a failed check, when it has its own. */
export function messageOf(error: Check['error']): string | undefined {
  try {
    const message = error?.({});
    return typeof message === 'string' ? message : (message as { message?: string } | undefined)?.message;
  } catch {
    return undefined;
  }
}

/** Length limits of a string or list schema, from its checks. */
export function lengthOf(schema: AnySchema): { min?: number; max?: number } {
  const out: { min?: number; max?: number } = {};
  for (const check of checksOf(schema)) {
    if (check.check === 'min_length') out.min = check.minimum;
    if (check.check === 'max_length') out.max = check.maximum;
    if (check.check === 'length_equals') out.min = out.max = check.value;
  }
  return out;
}

/** Bounds of a number schema, from its checks. */
export function boundsOf(schema: AnySchema): { min?: number; max?: number } {
  const out: { min?: number; max?: number } = {};
  for (const check of checksOf(schema)) {
    if (check.check === 'greater_than' && check.value !== undefined) out.min = check.inclusive ? check.value : check.value + 1;
    if (check.check === 'less_than' && check.value !== undefined) out.max = check.inclusive ? check.value : check.value - 1;
  }
  return out;
}

// ---------------------------------------------------------------------------
// Describing a field in plain French: the open data page and the reference of
// the content both say what kind of value a field holds, in the same words.

/** A plain French name for the kind of value a schema holds. */
export function typeName(schema: AnySchema): string {
  const inner = unwrap(schema);
  const def = inner._zod.def as { type: string; format?: string };
  const meta = metaOf(schema);
  const element = arrayElement(schema);
  // INSEE codes are a closed list too long to print: readers are sent to the official list instead.
  const geography = meta.geography ?? (element ? metaOf(element).geography : undefined);
  if (geography) return element ? 'liste de codes INSEE' : 'code INSEE';
  switch (def.type) {
    case 'array':
      return element && kindOf(element) === 'object' ? 'liste d’objets' : 'liste';
    case 'boolean':
      return 'vrai ou faux';
    case 'number':
      return def.format?.includes('int') ? 'nombre entier' : 'nombre';
    case 'enum':
      return 'valeur d’une liste fermée';
    case 'object':
      return 'objet';
    case 'record':
      return meta.taxonomy === 'criteria' ? 'objet (une clé par critère)' : 'objet';
    case 'string':
      if (def.format === 'date') return 'date (AAAA-MM-JJ)';
      if (def.format === 'email') return 'adresse e-mail';
      if (meta.relation) return 'identifiant';
      if (meta.format === 'https-url') return 'adresse web';
      return 'texte';
    default:
      return 'texte';
  }
}

/** The allowed values of an enum field (or of a list of them) with their French labels. */
export function labelledValues(schema: AnySchema): Array<{ value: string; label: string }> | undefined {
  const target = arrayElement(schema) ?? schema;
  const values = enumValues(target);
  if (!values) return undefined;
  const labels = metaOf(target).labels ?? metaOf(schema).labels ?? {};
  return values.map((value) => ({ value, label: labels[value] ?? value }));
}

/** A field of a schema and where it stands, written as in the check's messages: `contact.email`, `pledges[].amount_eur`, `ratings.<clé>`. */
export interface SchemaField {
  path: string;
  schema: AnySchema;
  /** How deep the field is: 0 for a top-level field. */
  depth: number;
}

/**
 * Every field of an object schema, parents before their children: the fields
 * of objects, of objects in lists, and the values of records (as `<clé>`).
 */
export function schemaFields(schema: AnySchema, prefix = '', depth = 0): SchemaField[] {
  const shape = objectShape(schema);
  if (!shape) return [];
  return Object.entries(shape).flatMap(([key, field]) => {
    const path = prefix ? `${prefix}.${key}` : key;
    const own: SchemaField = { path, schema: field, depth };
    const inner = unwrap(field);
    const def = inner._zod.def as unknown as { type: string; valueType?: AnySchema };
    if (def.type === 'object') return [own, ...schemaFields(field, path, depth + 1)];
    if (def.type === 'record' && def.valueType) return [own, { path: `${path}.<clé>`, schema: def.valueType, depth: depth + 1 }];
    const element = arrayElement(field);
    if (element && kindOf(element) === 'object') return [own, ...schemaFields(element, `${path}[]`, depth + 1)];
    return [own];
  });
}
