/**
 * The questions an entry asks, read from the zod schemas, for the CMS and the
 * no-account forms alike, so that both ask exactly what the check accepts: titles become labels, descriptions hints, enums
 * select lists, taxonomies and INSEE codes the options of the day, and the
 * format rules of `src/schemas/fields.ts` field patterns with the same French
 * message. Nothing here lists a field or an allowed value by hand.
 */
import type * as z from 'zod/mini';
import ISO6391 from 'iso-639-1';
import type { Content } from '../domain/content.ts';
import { frenchTypography } from '../domain/text/format.ts';
import { departments, regions } from '../schemas/geography.ts';
import { languageName } from '../domain/text/format.ts';
import {
  arrayElement,
  boundsOf,
  checksOf,
  enumValues,
  hasDefault,
  isOptional,
  lengthOf,
  messageOf,
  metaOf,
  objectShape,
  unwrap,
  type Check,
  type FieldMeta,
} from '../schemas/introspect.ts';
import { entryTypes, type BodyRule, type EntryType, type EntryTypeName } from '../schemas/index.ts';

type AnySchema = z.core.$ZodType;

export interface FieldOption {
  label: string;
  value: string | number;
}

/** A field as Decap CMS describes it (the subset of its options this project uses); the forms read the same. */
export interface EntryField {
  name: string;
  label: string;
  widget: string;
  hint?: string;
  required?: boolean;
  default?: unknown;
  /** `[regular expression, message]`: Decap shows the message under the field. */
  pattern?: [string, string];
  options?: FieldOption[];
  multiple?: boolean;
  min?: number;
  max?: number;
  step?: number;
  value_type?: 'int' | 'float';
  fields?: EntryField[];
  field?: EntryField;
  collapsed?: boolean;
  summary?: string;
  label_singular?: string;
  // relation widget
  collection?: string;
  value_field?: string;
  search_fields?: string[];
  display_fields?: string[];
  options_length?: number;
  // datetime widget
  format?: string;
  date_format?: string;
  time_format?: boolean;
  // markdown widget
  minimal?: boolean;
  buttons?: string[];
  editor_components?: string[];
  modes?: string[];
  sanitize_preview?: boolean;
  // image widget
  choose_url?: boolean;
  /** Emancip'Asso's own marks, kept out of the CMS configuration: filled by the committee only… */
  committee?: boolean;
  /** …and the kind of text, for the no-account forms' `<input type>`. */
  input?: 'email' | 'url';
}

export type Taxonomies = Content['taxonomies'];

export interface FieldContext {
  taxonomies: Taxonomies;
}

/**
 * What a web address must look like. The schema's rule (`httpsUrl`) parses
 * the address; a regular expression cannot, so this one is slightly stricter
 * (no spaces, a host with a dot) and the whole entry is checked again with the
 * schema before it is saved.
 */
export const HTTPS_URL_PATTERN = '^https://(?![^/?#\\s]*@)[^/?#\\s:]+\\.[^/?#\\s:]+(:\\d{1,5})?([/?#][^\\s"\'<>`{}|\\\\^]*)?$';

/** Decap dates: stored as `YYYY-MM-DD`, shown the French way, no time of day. */
const DATE_WIDGET = { widget: 'datetime', format: 'YYYY-MM-DD', date_format: 'DD/MM/YYYY', time_format: false } as const;

const capitalise = (text: string) => text.replace(/^./, (c) => c.toUpperCase());
/** Decap writes « Le champ … ne correspond pas au schéma : <message>. »: the message brings no final stop of its own. */
const asPatternMessage = (text: string) => capitalise(text).replace(/\.$/, '');

function lengthMessage({ min, max }: { min?: number; max?: number }): string {
  if (min !== undefined && max !== undefined) return `entre ${min} et ${max} caractères.`;
  if (min !== undefined) return `au moins ${min} caractères.`;
  return `au plus ${max} caractères.`;
}

/**
 * A string schema as one Decap pattern: its regular expression (or its
 * format's), with its length limits as a look-ahead, and its own message.
 */
export function stringPattern(schema: AnySchema, meta: FieldMeta): [string, string] | undefined {
  const inner = unwrap(schema);
  const def = inner._zod.def as { format?: string; pattern?: RegExp; error?: Check['error'] };
  const length = lengthOf(schema);
  const lengthPart = length.min !== undefined || length.max !== undefined ? `(?=[\\s\\S]{${length.min ?? 0},${length.max ?? ''}}$)` : '';

  if (meta.format === 'https-url') {
    const message = checksOf(schema)
      .map((c) => messageOf(c.error))
      .find(Boolean);
    return [HTTPS_URL_PATTERN, asPatternMessage(message ?? 'indiquez une adresse qui commence par « https:// ».')];
  }
  // A format of the type itself (z.email()) carries its pattern and message.
  let regex: RegExp | undefined = def.format && def.format !== 'date' ? def.pattern : undefined;
  let message = regex ? messageOf(def.error) : undefined;
  if (!regex) {
    const check = checksOf(schema).find((c) => c.check === 'string_format' && c.format === 'regex' && c.pattern);
    regex = check?.pattern;
    message = messageOf(check?.error);
  }
  if (regex) {
    const source = regex.flags.includes('i') ? caseInsensitiveSource(regex.source) : regex.source;
    return [`^${lengthPart}${source.replace(/^\^/, '')}`, asPatternMessage(message ?? `${meta.title ?? 'ce champ'} : format incorrect.`)];
  }
  if (lengthPart) return [`^${lengthPart}`, asPatternMessage(lengthMessage(length))];
  return undefined;
}

/**
 * Decap compiles a pattern without flags: the `i` flag is spelled out, each
 * letter outside brackets becoming `[xX]` and each `a-z` range inside them
 * gaining its capitals.
 */
export function caseInsensitiveSource(source: string): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (c === '\\') {
      out += c + (source[i + 1] ?? '');
      i++;
    } else if (inClass) {
      if (c === ']') inClass = false;
      const range = /^[a-zA-Z]-[a-zA-Z]/.test(source.slice(i, i + 3)) ? source.slice(i, i + 3) : undefined;
      if (range) {
        const other = range === range.toLowerCase() ? range.toUpperCase() : range.toLowerCase();
        out += range + other;
        i += 2;
      } else out += /[a-zA-Z]/.test(c) ? c.toLowerCase() + c.toUpperCase() : c;
    } else if (c === '[') {
      inClass = true;
      out += c;
    } else if (/[a-zA-Z]/.test(c)) out += `[${c.toLowerCase()}${c.toUpperCase()}]`;
    else out += c;
  }
  return out;
}

function enumOptions(values: readonly string[], meta: FieldMeta): FieldOption[] {
  if (meta.geography) {
    // In the INSEE order (« 01 » … « 2A » … « 976 »): an enum's own order puts numeric-looking codes first.
    const allowed = new Set(values);
    return (meta.geography === 'regions' ? regions : departments)
      .filter((g) => allowed.has(g.code))
      .map((g) => ({ value: g.code, label: `${g.code} — ${g.name}` }));
  }
  return values.map((value) => ({ value, label: meta.labels?.[value] ?? value }));
}

/** ISO 639-1 languages by their French name (« Breton », « Occitan »), French first. */
function vocabularyOptions(vocabulary: NonNullable<FieldMeta['vocabulary']>): FieldOption[] {
  void vocabulary;
  const named = ISO6391.getAllCodes()
    .map((code) => ({ value: code, label: capitalise(languageName(code)) }))
    .filter((option) => option.label.toLowerCase() !== option.value);
  const sorted = named.sort((a, b) => (a.value === 'fr' ? -1 : b.value === 'fr' ? 1 : a.label.localeCompare(b.label, 'fr')));
  // Two codes with one French name (« akan ») are told apart by their code.
  const counts = new Map<string, number>();
  for (const option of sorted) counts.set(option.label, (counts.get(option.label) ?? 0) + 1);
  return sorted.map((o) => (counts.get(o.label)! > 1 ? { ...o, label: `${o.label} (${o.value})` } : o));
}

function taxonomyOptions(ctx: FieldContext, taxonomy: NonNullable<FieldMeta['taxonomy']>): FieldOption[] {
  return ctx.taxonomies[taxonomy].map((term) => ({ value: term.slug, label: term.label }));
}

/** The Decap field for one schema field. */
export function entryField(name: string, schema: AnySchema, ctx: FieldContext): EntryField {
  const meta = metaOf(schema);
  const inner = unwrap(schema);
  const kind = inner._zod.def.type;
  const defaultValue = hasDefault(schema);
  const required = !isOptional(schema) && defaultValue === undefined;
  const base: EntryField = {
    name,
    // French typography here, once, for the forms and the CMS alike.
    label: frenchTypography(meta.title ?? name),
    widget: 'string',
    ...(meta.description ? { hint: frenchTypography(meta.description) } : {}),
    required,
    ...(meta.committee ? { committee: true } : {}),
  };

  switch (kind) {
    case 'object': {
      const shape = objectShape(schema) ?? {};
      return {
        ...base,
        widget: 'object',
        // A committee block stays folded for contributors.
        ...(meta.committee ? { collapsed: true } : {}),
        fields: Object.entries(shape).map(([key, field]) => entryField(key, field, ctx)),
      };
    }
    case 'record': {
      // Ratings: one number per criterion of the taxonomy, the criterion's question as label.
      const valueSchema = (inner._zod.def as unknown as { valueType: AnySchema }).valueType;
      const bounds = boundsOf(valueSchema);
      const terms = meta.taxonomy ? ctx.taxonomies[meta.taxonomy] : [];
      return {
        ...base,
        widget: 'object',
        fields: terms.map((term) => ({
          name: term.slug,
          label: frenchTypography(term.label),
          hint: `${term.description} De ${bounds.min} à ${bounds.max} ; laissez vide si ce critère ne vous concerne pas.`,
          widget: 'number',
          value_type: 'int' as const,
          step: 1,
          ...bounds,
          required: false,
        })),
      };
    }
    case 'array': {
      const element = arrayElement(schema)!;
      const { min, max } = lengthOf(schema);
      const listBounds = { ...(min ? { min } : {}), ...(max ? { max } : {}) };
      const defaults = Array.isArray(defaultValue) && defaultValue.length > 0 ? { default: defaultValue } : {};
      if (meta.taxonomy) {
        return { ...base, widget: 'select', multiple: true, options: taxonomyOptions(ctx, meta.taxonomy), ...listBounds, ...defaults };
      }
      if (meta.vocabulary) {
        return { ...base, widget: 'select', multiple: true, options: vocabularyOptions(meta.vocabulary), ...listBounds, ...defaults };
      }
      const values = enumValues(element);
      if (values) {
        return {
          ...base,
          widget: 'select',
          multiple: true,
          options: enumOptions(values, { ...metaOf(element), ...meta }),
          ...listBounds,
          ...defaults,
        };
      }
      if (unwrap(element)._zod.def.type === 'object') {
        const fields = Object.entries(objectShape(element) ?? {}).map(([key, field]) => entryField(key, field, ctx));
        const first = fields[0]?.name;
        return { ...base, widget: 'list', ...listBounds, ...defaults, ...(first ? { summary: `{{fields.${first}}}` } : {}), fields };
      }
      const item = entryField('item', element, ctx);
      return { ...base, widget: 'list', ...listBounds, ...defaults, field: { ...item, label: meta.title ?? name, required: true } };
    }
    case 'enum': {
      return {
        ...base,
        widget: 'select',
        options: enumOptions(enumValues(schema)!, meta),
        // A value with a default is always set: a cleared select would save `null`.
        ...(defaultValue !== undefined ? { default: defaultValue, required: true } : {}),
      };
    }
    case 'boolean':
      return { ...base, widget: 'boolean', ...(defaultValue !== undefined ? { default: defaultValue } : {}) };
    case 'number': {
      const isInt = (inner._zod.def as { format?: string }).format?.includes('int') ?? false;
      return { ...base, widget: 'number', value_type: isInt ? 'int' : 'float', ...(isInt ? { step: 1 } : {}), ...boundsOf(schema) };
    }
    case 'string': {
      if (meta.relation) {
        return {
          ...base,
          widget: 'relation',
          collection: meta.relation,
          // The file name is the slug the schema asks for.
          value_field: '{{slug}}',
          search_fields: ['name'],
          display_fields: ['name'],
          options_length: 50,
        };
      }
      if (meta.widget === 'image') return { ...base, widget: 'image', choose_url: false };
      if ((inner._zod.def as { format?: string }).format === 'date') {
        // Without `default: ''` Decap would fill the date with today's.
        return { ...base, ...DATE_WIDGET, default: '' };
      }
      const { max } = lengthOf(schema);
      const pattern = stringPattern(schema, meta);
      const format = (inner._zod.def as { format?: string }).format;
      const input = meta.format === 'https-url' ? 'url' : format === 'email' ? 'email' : undefined;
      return {
        ...base,
        widget: max !== undefined && max > 200 ? 'text' : 'string',
        ...(pattern ? { pattern } : {}),
        ...(input ? { input } : {}),
      };
    }
    default:
      return base;
  }
}

/** The fields of an entry type: its schema's, then the Markdown body. */
export function entryFields(schema: AnySchema, body: BodyRule | undefined, ctx: FieldContext): EntryField[] {
  const fields = Object.entries(objectShape(schema) ?? {}).map(([key, field]) => entryField(key, field, ctx));
  if (body) fields.push(bodyField(body));
  return fields;
}

/** The Markdown body: text, links and headings; no raw HTML, no images from elsewhere. */
export function bodyField(body: BodyRule): EntryField {
  return {
    name: 'body',
    label: capitalise(body.noun.replace(/^(la |le |l’)/, '')),
    hint: `De ${body.min} à ${body.max} caractères. Du texte, des titres, des listes et des liens (https:// ou mailto:) ; pas de HTML.`,
    widget: 'markdown',
    required: body.required,
    minimal: true,
    buttons: ['bold', 'italic', 'link', 'heading-two', 'heading-three', 'bulleted-list', 'numbered-list', 'quote'],
    editor_components: [],
    modes: ['rich_text', 'raw'],
    sanitize_preview: true,
  };
}

/** The fields of one entry type, with the vocabularies of the day as options. */
export function typeFields(type: EntryTypeName, taxonomies: Taxonomies): EntryField[] {
  const entryType: EntryType = entryTypes[type];
  return entryFields(entryType.schema, entryType.body, { taxonomies });
}
