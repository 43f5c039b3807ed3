/**
 * Every address to another site that the content holds, with the file, line,
 * column and field it stands at. Fields are found from the schemas (those
 * whose metadata says `format: 'https-url'`), bodies from their Markdown tree:
 * a new address field is checked without anyone listing it here.
 */
import type { Content, Entry } from '../domain/content.ts';
import { bodyLinks } from '../domain/rules/markdown.ts';
import { formatPath } from '../domain/problems.ts';
import {
  entryTypeNames,
  entryTypes,
  httpsUrl,
  taxonomyNames,
  taxonomySchemas,
  type EntryTypeName,
  type TaxonomyName,
} from '../schemas/index.ts';
import { metaOf, unwrap } from '../schemas/introspect.ts';

type AnySchema = Parameters<typeof unwrap>[0];

/** One use of an address in the content. */
export interface LinkUse {
  url: string;
  file: string;
  line: number;
  column: number;
  /** The field, written as in the file (`contact.form`, `[3].website`), or `body` for the text. */
  path: string;
  /** The field's French title (« Site web »), as the CMS shows it. */
  field: string;
}

export const BODY_FIELD = 'Texte';

interface FoundUrl {
  path: PropertyKey[];
  url: string;
  title: string;
}

/** The address fields of `value`, walking the schema alongside it. */
function urlFields(schema: AnySchema, value: unknown, path: PropertyKey[], out: FoundUrl[]): FoundUrl[] {
  const meta = metaOf(schema);
  if (meta.format === 'https-url') {
    if (typeof value === 'string') out.push({ path, url: value, title: meta.title ?? formatPath(path) });
    return out;
  }
  if (value === null || typeof value !== 'object') return out;
  const def = unwrap(schema)._zod.def as unknown as {
    type: string;
    shape?: Record<string, AnySchema>;
    element?: AnySchema;
    valueType?: AnySchema;
  };
  if (def.type === 'object' && def.shape) {
    for (const [key, field] of Object.entries(def.shape)) urlFields(field, (value as Record<string, unknown>)[key], [...path, key], out);
  } else if (def.type === 'array' && def.element && Array.isArray(value)) {
    value.forEach((item, index) => urlFields(def.element!, item, [...path, index], out));
  } else if (def.type === 'record' && def.valueType) {
    for (const [key, item] of Object.entries(value)) urlFields(def.valueType, item, [...path, key], out);
  }
  return out;
}

/** What the check would accept as an address: anything else is the check's to report, not ours to fetch. */
function isCheckable(url: string): boolean {
  return httpsUrl.safeParse(url).success;
}

function entryLinks(typeName: EntryTypeName, entry: Entry<unknown>): LinkUse[] {
  const type = entryTypes[typeName];
  const uses: LinkUse[] = [];
  for (const found of urlFields(type.schema, entry.data, [], [])) {
    if (!isCheckable(found.url)) continue;
    uses.push({ url: found.url, file: entry.file, ...entry.locate(found.path), path: formatPath(found.path), field: found.title });
  }
  if ('body' in type) {
    for (const link of bodyLinks(entry.body)) {
      if (!isCheckable(link.url)) continue;
      uses.push({
        url: link.url,
        file: entry.file,
        line: entry.bodyLine + link.line - 1,
        column: link.column,
        path: 'body',
        field: BODY_FIELD,
      });
    }
  }
  return uses;
}

function taxonomyLinks(name: TaxonomyName, terms: readonly unknown[], where: Content['taxonomyFiles'][TaxonomyName]): LinkUse[] {
  const { file, locate, indices, termsAt } = where;
  const uses: LinkUse[] = [];
  terms.forEach((term, position) => {
    // Terms refused by their schema are not in the list: the index is the term's place in the file.
    const index = indices?.[position] ?? position;
    for (const found of urlFields(taxonomySchemas[name], term, [], [])) {
      if (!isCheckable(found.url)) continue;
      const path = [...termsAt, index, ...found.path];
      uses.push({ url: found.url, file, ...locate(path), path: formatPath(path), field: found.title });
    }
  });
  return uses;
}

/**
 * Every address of the valid entries and taxonomy terms, in file order.
 * Entries the check refuses are left out: they are not published, and the
 * check already says what to fix in them.
 */
export function collectLinks(content: Content): LinkUse[] {
  const uses: LinkUse[] = [];
  for (const typeName of entryTypeNames) {
    for (const entry of content[typeName] as Entry<unknown>[]) uses.push(...entryLinks(typeName, entry));
  }
  for (const name of taxonomyNames) {
    const where = content.taxonomyFiles[name];
    if (!where || where.unreadable) continue;
    uses.push(...taxonomyLinks(name, content.taxonomies[name], where));
  }
  return uses.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
}

/**
 * The address as it is fetched: the same page written twice (or with
 * another `#section`) is fetched once. `new URL` lowercases the host and
 * drops a default port, as a browser does.
 */
export function fetchKey(url: string): string {
  const parsed = new URL(url);
  parsed.hash = '';
  return parsed.href;
}
