/**
 * The metadata of the schemas (`described()`: titles, hints, the forms' words)
 * and the walking of their shape: the core of introspect.ts, light enough for
 * the browser's forms, which read it alone.
 */
import * as z from 'zod/mini';
import type { TaxonomyName } from './taxonomies.ts';

type AnySchema = z.core.$ZodType;

/**
 * How the no-account forms word a field's problems, where the check's words
 * (written for someone editing the file) would not suit a person filling in a
 * form. Keys are zod issue codes, plus `missing` for an empty required field;
 * `{noun}` / `{Noun}` stand for the field's `noun`.
 */
export type FormWording = Partial<
  Record<'missing' | 'invalid_type' | 'invalid_format' | 'invalid_value' | 'too_small' | 'too_big' | 'custom', string>
>;

export interface FieldMeta {
  title?: string;
  description?: string;
  /** The taxonomy whose slugs the field holds. */
  taxonomy?: TaxonomyName;
  /** The collection the field refers to by slug. */
  relation?: 'providers';
  /** INSEE codes the field holds. */
  geography?: 'regions' | 'departments';
  /** French labels of enum values. */
  labels?: Record<string, string>;
  /** Special string formats: 'https-url'. */
  format?: string;
  widget?: string;
  /** Filled by the committee only. */
  committee?: boolean;
  /** The field named in a sentence, with its article: « le nom de la structure ». The forms' messages use it. */
  noun?: string;
  /** The forms' own words for this field's problems (see `FormWording`). */
  form?: FormWording;
  /** A closed list the field's values come from, other than an enum: ISO 639-1 language codes. */
  vocabulary?: 'languages';
}

/**
 * A copy of `schema` carrying `meta` (titles, hints, the forms' words), as
 * zod's `.meta()` does: the copy inherits the metadata of what it copies.
 */
export function described<T extends AnySchema>(schema: T, meta: FieldMeta): T {
  const copy = z.core.util.clone(schema);
  z.globalRegistry.add(copy, { ...meta });
  return copy;
}

/** Every wrapper (optional, default, nullable, pipe) around the real type. */
export function unwrap(schema: AnySchema): AnySchema {
  let current = schema;
  for (;;) {
    const def = current._zod.def as { type: string; innerType?: AnySchema; in?: AnySchema; out?: AnySchema };
    if ((def.type === 'optional' || def.type === 'default' || def.type === 'nullable' || def.type === 'prefault') && def.innerType) {
      current = def.innerType;
    } else if (def.type === 'pipe' && def.out) {
      // A preprocess is a pipe whose output is the real schema.
      current = (def.in as AnySchema)._zod.def.type === 'transform' ? def.out : (def.in as AnySchema);
    } else {
      return current;
    }
  }
}

/** Title, hint and hints for tools, gathered from the schema and its wrappers. */
export function metaOf(schema: AnySchema): FieldMeta {
  const layers: AnySchema[] = [];
  let current: AnySchema | undefined = schema;
  while (current) {
    layers.push(current);
    const def = current._zod.def as { type: string; innerType?: AnySchema };
    current = def.innerType;
  }
  const meta: FieldMeta = {};
  for (const layer of layers.reverse()) Object.assign(meta, z.globalRegistry.get(layer) ?? {});
  return meta;
}

export function objectShape(schema: AnySchema): Record<string, AnySchema> | undefined {
  const inner = unwrap(schema);
  return inner._zod.def.type === 'object' ? (inner._zod.def as unknown as { shape: Record<string, AnySchema> }).shape : undefined;
}

export function arrayElement(schema: AnySchema): AnySchema | undefined {
  const inner = unwrap(schema);
  return inner._zod.def.type === 'array' ? (inner._zod.def as unknown as { element: AnySchema }).element : undefined;
}

export function enumValues(schema: AnySchema): string[] | undefined {
  const inner = unwrap(schema);
  if (inner._zod.def.type !== 'enum') return undefined;
  return Object.values((inner._zod.def as unknown as { entries: Record<string, string> }).entries);
}

/** The schema of the value at `path`, walking objects, lists and records. */
export function schemaAt(schema: AnySchema, path: readonly PropertyKey[]): AnySchema | undefined {
  let current: AnySchema | undefined = schema;
  for (const segment of path) {
    if (!current) return undefined;
    const inner = unwrap(current);
    const def = inner._zod.def as unknown as {
      type: string;
      shape?: Record<string, AnySchema>;
      element?: AnySchema;
      valueType?: AnySchema;
    };
    if (def.type === 'object') current = def.shape?.[String(segment)];
    else if (def.type === 'array') current = def.element;
    else if (def.type === 'record') current = def.valueType;
    else return undefined;
  }
  return current;
}
