/**
 * Field by field comparison of one entry on both sides, written as lines a
 * committee member reads: « Site web : https://a → https://b »,
 * « Services : ajout : Migration ; retrait : Support ».
 */
import { describeItem, describeLeafValue, describeList, describeScalar, flatten, type Leaf, type Vocabulary } from './describe.ts';
import { hasDefault } from '../schemas/introspect.ts';
import { fr, type Rich } from './text.ts';

type AnySchema = Leaf['schema'];

export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => deepEqual(v, b[i]));
  const ka = Object.keys(a as object).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const kb = Object.keys(b as object).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  return ka.length === kb.length && ka.every((k) => deepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/** An absent field and an empty list say the same thing to a reader. */
function isEmpty(value: unknown): boolean {
  return value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);
}

function defaultOf(leaf: Leaf): unknown {
  const schema = leaf.shape === 'scalar' ? leaf.schema : leaf.listSchema;
  return schema ? hasDefault(schema) : undefined;
}

function label(leaf: Leaf): string {
  return leaf.labels.join(' › ');
}

function listChange(before: Leaf | undefined, after: Leaf | undefined, vocabulary: Vocabulary): Rich {
  const leaf = (after ?? before)!;
  const a = Array.isArray(before?.value) ? (before.value as unknown[]) : [];
  const b = Array.isArray(after?.value) ? (after.value as unknown[]) : [];
  const added = b.filter((v) => !a.some((w) => deepEqual(v, w)));
  const removed = a.filter((v) => !b.some((w) => deepEqual(v, w)));
  const parts: Rich[] = [];
  const show = (values: unknown[]) => describeList(leaf.schema, values, vocabulary, leaf.listSchema).join(', ');
  if (added.length > 0) parts.push(fr`ajout : ${show(added)}`);
  if (removed.length > 0) parts.push(fr`retrait : ${show(removed)}`);
  if (parts.length === 0) parts.push(fr`ordre modifié (${show(b)})`);
  return [{ value: label(leaf) }, ' : ', ...parts.flatMap((p, i) => (i > 0 ? [' ; ', ...p] : p))];
}

/**
 * Lists of objects (pledges, milestones): items found unchanged on both
 * sides are left out; what remains is shown as changed in place when as
 * many items remain on each side, else as items added and removed.
 */
function itemsChange(before: Leaf | undefined, after: Leaf | undefined, vocabulary: Vocabulary): Rich[] {
  const leaf = (after ?? before)!;
  const a = Array.isArray(before?.value) ? [...(before.value as unknown[])] : [];
  const b = Array.isArray(after?.value) ? [...(after.value as unknown[])] : [];
  const remainingA = a.map((item, index) => ({ item, index }));
  const remainingB: Array<{ item: unknown; index: number }> = [];
  b.forEach((item, index) => {
    const match = remainingA.findIndex((r) => deepEqual(r.item, item));
    if (match >= 0) remainingA.splice(match, 1);
    else remainingB.push({ item, index });
  });
  const lines: Rich[] = [];
  if (remainingA.length === remainingB.length) {
    remainingB.forEach((r, i) => {
      for (const line of fieldChanges(leaf.schema, remainingA[i]!.item, r.item, vocabulary)) {
        lines.push([{ value: label(leaf) }, ` n° ${r.index + 1} › `, ...line]);
      }
    });
    return lines;
  }
  for (const r of remainingB) lines.push(fr`${label(leaf)} : ajout de (${describeItem(leaf.schema, r.item, vocabulary)})`);
  for (const r of remainingA) lines.push(fr`${label(leaf)} : retrait de (${describeItem(leaf.schema, r.item, vocabulary)})`);
  return lines;
}

/** What changed between two versions of the same data, one line per field. */
export function fieldChanges(schema: AnySchema, before: unknown, after: unknown, vocabulary: Vocabulary): Rich[] {
  const a = new Map(flatten(schema, before, vocabulary).map((leaf) => [leaf.key, leaf]));
  const b = new Map(flatten(schema, after, vocabulary).map((leaf) => [leaf.key, leaf]));
  const keys = [...b.keys(), ...[...a.keys()].filter((k) => !b.has(k))];
  const lines: Rich[] = [];
  for (const key of keys) {
    const x = a.get(key);
    const y = b.get(key);
    if (deepEqual(x?.value, y?.value) || (isEmpty(x?.value) && isEmpty(y?.value))) continue;
    const leaf = (y ?? x)!;
    // An entry in error is compared as written, without the schema's defaults:
    // a field left out there is the same as its default on the other side.
    const fallback = defaultOf(leaf);
    if (fallback !== undefined && (isEmpty(x?.value) || isEmpty(y?.value)) && deepEqual(x?.value ?? fallback, y?.value ?? fallback))
      continue;
    const shapes = new Set([x?.shape, y?.shape].filter(Boolean));
    if (shapes.size === 1 && leaf.shape === 'list') lines.push(listChange(x, y, vocabulary));
    else if (shapes.size === 1 && leaf.shape === 'items') lines.push(...itemsChange(x, y, vocabulary));
    else {
      const show = (l: Leaf | undefined) => (l ? describeLeafValue(l, vocabulary) : describeScalar(leaf.schema, undefined, vocabulary));
      lines.push(fr`${label(leaf)} : ${show(x)} → ${show(y)}`);
    }
  }
  return lines;
}

/** Every field of a new entry, as « Titre : valeur ». */
export function allFields(schema: AnySchema, data: unknown, vocabulary: Vocabulary): Rich[] {
  return flatten(schema, data, vocabulary)
    .filter((leaf) => !isEmpty(leaf.value))
    .map((leaf) => fr`${label(leaf)} : ${describeLeafValue(leaf, vocabulary)}`);
}
