/**
 * Reading the schemas as data: which fields an object has, what a list holds,
 * which values an enum allows, and each field's French title and hint. The
 * check uses it for "Vouliez-vous dire…", the CMS and forms for their fields.
 */
import { z } from 'zod';
import type { TaxonomyName } from './taxonomies.ts';

type AnySchema = z.core.$ZodType;

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
  for (const layer of layers.reverse()) Object.assign(meta, z.globalRegistry.get(layer as z.ZodType) ?? {});
  return meta;
}

export function kindOf(schema: AnySchema): string {
  return unwrap(schema)._zod.def.type;
}

export function isOptional(schema: AnySchema): boolean {
  return schema._zod.optin === 'optional';
}

export function hasDefault(schema: AnySchema): unknown {
  const def = schema._zod.def as { type: string; defaultValue?: unknown };
  return def.type === 'default' ? def.defaultValue : undefined;
}

export function objectShape(schema: AnySchema): Record<string, AnySchema> | undefined {
  const inner = unwrap(schema);
  return inner._zod.def.type === 'object' ? ((inner._zod.def as unknown as { shape: Record<string, AnySchema> }).shape) : undefined;
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
