/**
 * The fields of the no-account forms: the entry fields the CMS asks too (read
 * from the schemas), so that the forms ask the same questions with the same
 * labels, hints and allowed values. What only the committee fills is left
 * out; a logo is sent by e-mail rather than uploaded. A few questions are
 * asked the way a person answers them rather than the way the file holds
 * them: places by name, the charter as a box to tick, the review date not at
 * all (a new listing is reviewed today).
 */
import { typeFields, type EntryField, type FieldOption } from '../fields/index.ts';
import type { Content } from '../domain/content.ts';
import { startingPriceRule } from '../domain/directory/starting-price.ts';
import { FORM_LANGUAGES, OTHER_LANGUAGE_HINT } from '../domain/languages.ts';
import type { TypedKind } from '../domain/term-list.ts';
import { formatNumber } from '../domain/text/format.ts';
import { departments, regions } from '../schemas/geography.ts';
import { entryTypes, type BodyRule, type EntryType, type EntryTypeName } from '../schemas/index.ts';
import { metaOf, schemaAt } from '../schemas/introspect.ts';
import { CHARTER, FORM_ASKED, FORM_FILLED, TYPED_VOCABULARIES } from './policy.ts';

export interface FormField extends EntryField {
  /** Path of the value in the entry, written as in the file: `contact.email`. */
  path: string;
  /** HTML id of the control (or of the first control of a group). */
  id: string;
  fields?: FormField[];
  /** Ticked, the box writes today's date: signing the charter. */
  sign?: { page: string };
  /** Required by a rule that depends on another answer: neither « (facultatif) » nor always needed. */
  conditional?: boolean;
  /**
   * Typed in words, read into codes in the browser (src/domain/term-list.ts):
   * places by name or number, tools by name. Long lists cost a page hundreds
   * of elements as boxes or options; one text field says the same.
   */
  typed?: TypedKind;
  /** The field's noun in the form's messages: « les départements ». */
  noun?: string;
}

export { CHARTER, FORM_FILLED } from './policy.ts';

export function fieldId(path: string): string {
  return `champ-${path.replace(/[^a-zA-Z0-9]+/g, '-')}`;
}

/** Places by their name (« Isère », « Bretagne »), in alphabetical order, so that a list can be searched by typing. */
function placeOptions(kind: 'regions' | 'departments'): FieldOption[] {
  return [...(kind === 'regions' ? regions : departments)]
    .sort((a, b) => a.name.localeCompare(b.name, 'fr'))
    .map((place) => ({ value: place.code, label: place.name }));
}

interface Context {
  type: EntryTypeName;
  taxonomies: Content['taxonomies'];
  relationOptions: FieldOption[];
  charterPage: string;
}

function forForm(fields: EntryField[], parent: string, ctx: Context): FormField[] {
  const schema = entryTypes[ctx.type].schema;
  const filled = FORM_FILLED[ctx.type] ?? [];
  const asked = FORM_ASKED[ctx.type] ?? [];
  return fields
    .filter((field) => !field.committee && field.widget !== 'image')
    .map((field) => {
      const path = parent ? `${parent}.${field.name}` : field.name;
      return { field, path };
    })
    .filter(({ path }) => !filled.includes(path))
    .map(({ field, path }) => {
      const out: FormField = { ...field, path, id: fieldId(path), fields: undefined };
      const meta = path === 'body' ? {} : metaOf(schemaAt(schema, path.split('.')) ?? schema);
      if (field.widget === 'relation') out.options = ctx.relationOptions;
      if (meta.geography) {
        out.options = placeOptions(meta.geography);
        out.typed = meta.geography;
      }
      if (TYPED_VOCABULARIES.includes(meta.taxonomy ?? meta.vocabulary ?? '')) out.typed = 'vocabulary';
      if (out.typed) out.noun = meta.noun ?? field.label;
      if (meta.vocabulary === 'languages' && out.options) {
        const offered = out.options.filter((o) => FORM_LANGUAGES.includes(String(o.value)));
        out.options = offered.sort((a, b) => FORM_LANGUAGES.indexOf(String(a.value)) - FORM_LANGUAGES.indexOf(String(b.value)));
        out.hint = `${field.hint} ${OTHER_LANGUAGE_HINT}`;
      }
      if (asked.includes(path)) out.required = true;
      if (path === CHARTER.path)
        Object.assign(out, { label: CHARTER.label, hint: CHARTER.hint, required: true, sign: { page: ctx.charterPage } });
      if (path === 'pricing.from_eur') Object.assign(out, { hint: `${field.hint} ${startingPriceRule.hint}`, conditional: true });
      if (field.name === 'body' && !parent) {
        const body: BodyRule = (entryTypes[ctx.type] as EntryType).body!;
        out.hint = `De ${formatNumber(body.min)} à ${formatNumber(body.max)} caractères, en quelques paragraphes.`;
      }
      if (field.fields) {
        out.fields = forForm(field.fields, path, ctx);
        // Ratings: each criterion's own explanation; the scale is said once, on the group.
        if (meta.taxonomy === 'criteria') {
          out.hint =
            'Pour chaque question, une note de 1 (pas du tout) à 5 (tout à fait), ou « Non concerné » si elle ne s’applique pas à votre accompagnement.';
          for (const criterion of out.fields) criterion.hint = ctx.taxonomies.criteria.find((c) => c.slug === criterion.name)?.description;
        }
      }
      return out;
    });
}

/** The form's fields for an entry type; `providers` lists the structures a recommendation can name. */
export function formFields(
  type: EntryTypeName,
  taxonomies: Content['taxonomies'],
  providers: FieldOption[],
  charterPage = '',
): FormField[] {
  return forForm(typeFields(type, taxonomies), '', { type, taxonomies, relationOptions: providers, charterPage });
}
