/**
 * What the CMS preview shows of an entry still being filled: the pages'
 * views need an entry shaped as its schema's output, and a form being typed
 * is not one yet. What is valid is kept, defaults apply, a required value
 * missing (or not valid yet) becomes a placeholder that names its field
 * (« Ville à remplir »), a wrong item of a list is left out. The preview
 * says what remains to fill beside it, with the check's own words.
 */
import type * as z from 'zod/mini';
import { dropEmptyStrings } from '../schemas/index.ts';
import { acceptsNull, arrayElement, isOptional, kindOf, metaOf, objectShape, unwrap } from '../schemas/introspect.ts';

type AnySchema = z.core.$ZodType;

/** « Ville à remplir »: a required text not typed yet. */
export function placeholder(schema: AnySchema): string {
  return `${metaOf(schema).title ?? 'Valeur'} à remplir`;
}

function defaultOf(schema: AnySchema): unknown {
  let current: AnySchema | undefined = schema;
  while (current) {
    const def = current._zod.def as { type: string; innerType?: AnySchema; defaultValue?: unknown };
    if (def.type === 'default') return structuredClone(def.defaultValue);
    current = def.innerType;
  }
  return undefined;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The value a required field takes until it is filled. */
function missing(schema: AnySchema, today: string): unknown {
  const inner = unwrap(schema);
  switch (inner._zod.def.type) {
    case 'object':
      return fill(schema, {}, today);
    case 'array':
      return [];
    case 'number':
      return 0;
    case 'boolean':
      return false;
    case 'string':
      // A date is written in words on the page: today stands in for it.
      return (inner._zod.def as { format?: string }).format === 'date' ? today : placeholder(schema);
    default:
      return placeholder(schema);
  }
}

function fill(schema: AnySchema, value: unknown, today: string): unknown {
  const kind = kindOf(schema);
  const absent = () => {
    if (value === null && acceptsNull(schema)) return null;
    const fallback = defaultOf(schema);
    if (fallback !== undefined) return fallback;
    return isOptional(schema) ? undefined : missing(schema, today);
  };
  if (value === undefined || value === null) return absent();
  if (kind === 'object') {
    if (!isRecord(value)) return absent();
    const shape = objectShape(schema)!;
    const filled = Object.entries(shape).map(([key, field]) => [key, fill(field, value[key], today)] as const);
    return Object.fromEntries(filled.filter(([, v]) => v !== undefined));
  }
  if (kind === 'array') {
    if (!Array.isArray(value)) return absent();
    const element = arrayElement(schema)!;
    if (kindOf(element) === 'object') return value.filter(isRecord).map((item) => fill(element, item, today));
    return value.flatMap((item) => {
      const result = (element as z.ZodMiniType).safeParse(item);
      return result.success ? [result.data] : [];
    });
  }
  if (kind === 'record') {
    if (!isRecord(value)) return absent();
    const valueType = (unwrap(schema)._zod.def as unknown as { valueType: z.ZodMiniType }).valueType;
    return Object.fromEntries(
      Object.entries(value).flatMap(([key, item]) => {
        const result = valueType.safeParse(item);
        return result.success ? [[key, result.data]] : [];
      }),
    );
  }
  const result = (schema as z.ZodMiniType).safeParse(value);
  return result.success ? result.data : absent();
}

/** The entry as its schema reads it when it is valid; otherwise filled as above. */
export function previewData<S extends z.ZodMiniType>(schema: S, data: unknown, today: string): z.output<S> {
  const cleaned = dropEmptyStrings(data);
  const whole = schema.safeParse(cleaned);
  return (whole.success ? whole.data : fill(schema, cleaned, today)) as z.output<S>;
}
