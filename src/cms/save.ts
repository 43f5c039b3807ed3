/**
 * What the CMS changes in an entry just before saving it, read from the
 * schemas. Decap writes a cleared select as `null` and leaves an untouched
 * number out, and fills an untouched group with empty answers; the contract wants an absent field, and a rating for every
 * criterion (`null` when it did not apply). Kept apart from Decap so that the
 * tests save entries exactly as the CMS does.
 */
import type * as z from 'zod/mini';
import type { Content } from '../domain/content.ts';
import { entryTypes, type EntryTypeName } from '../schemas/index.ts';
import { acceptsNull, arrayElement, isOptional, metaOf, objectShape, unwrap } from '../schemas/introspect.ts';

type AnySchema = z.core.$ZodType;

export type Edit = { path: Array<string | number>; value: unknown } | { path: Array<string | number>; remove: true };

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A group whose every answer is empty: Decap writes `""` for a cleared text or date, `null` for a cleared select. */
function isBlank(group: Record<string, unknown>): boolean {
  return Object.values(group).every((v) => v === undefined || v === null || v === '');
}

function walk(value: unknown, schema: AnySchema, path: Array<string | number>, taxonomies: Content['taxonomies'], edits: Edit[]) {
  const inner = unwrap(schema);
  const kind = inner._zod.def.type;
  if (kind === 'record') {
    const meta = metaOf(schema);
    const record = isPlainObject(value) ? value : {};
    const valueSchema = (inner._zod.def as unknown as { valueType: AnySchema }).valueType;
    // Every criterion gets its key: an empty rating means « not concerned ».
    const keys = meta.taxonomy ? taxonomies[meta.taxonomy].map((t) => t.slug) : Object.keys(record);
    if (acceptsNull(valueSchema)) {
      for (const key of keys) {
        const rating = record[key];
        if (rating === undefined || rating === '') edits.push({ path: [...path, key], value: null });
      }
    }
    return;
  }
  if (kind === 'object' && isPlainObject(value)) {
    const shape = objectShape(schema) ?? {};
    for (const [key, field] of Object.entries(shape)) {
      const child = value[key];
      if (child === null && !acceptsNull(field)) edits.push({ path: [...path, key], remove: true });
      // An optional group left blank (the availability) is absent, not a group missing its required fields.
      else if (isOptional(field) && unwrap(field)._zod.def.type === 'object' && isPlainObject(child) && isBlank(child))
        edits.push({ path: [...path, key], remove: true });
      else if (child !== undefined || unwrap(field)._zod.def.type === 'record') walk(child, field, [...path, key], taxonomies, edits);
    }
    return;
  }
  if (kind === 'array' && Array.isArray(value)) {
    const element = arrayElement(schema)!;
    value.forEach((item, index) => walk(item, element, [...path, index], taxonomies, edits));
  }
}

/** The edits the CMS makes to an entry's fields (without its body) before saving it. */
export function saveEdits(type: EntryTypeName | 'settings', data: Record<string, unknown>, taxonomies: Content['taxonomies']): Edit[] {
  if (type === 'settings') return [];
  const edits: Edit[] = [];
  walk(data, entryTypes[type].schema, [], taxonomies, edits);
  return edits;
}

/** The edits applied to a plain copy of the data. */
export function applyEdits<T extends Record<string, unknown>>(data: T, edits: readonly Edit[]): T {
  const copy = structuredClone(data);
  for (const edit of edits) {
    let target: Record<string | number, unknown> = copy;
    for (const key of edit.path.slice(0, -1)) {
      if (!isPlainObject(target[key]) && !Array.isArray(target[key])) target[key] = {};
      target = target[key] as Record<string | number, unknown>;
    }
    const last = edit.path[edit.path.length - 1]!;
    if ('remove' in edit) delete target[last];
    else target[last] = edit.value;
  }
  return copy;
}
