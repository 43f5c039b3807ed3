/**
 * The fields of the no-account forms: the CMS fields (themselves read from
 * the schemas), so that the forms ask the same questions with the same
 * labels, hints and allowed values. What only the committee fills is left
 * out; a logo is sent by e-mail rather than uploaded.
 */
import type { CmsField, CmsOption } from '../cms/fields.ts';
import { collectionFields } from '../cms/config.ts';
import type { Content } from '../domain/content.ts';
import type { EntryTypeName } from '../schemas/index.ts';

export interface FormField extends CmsField {
  /** Path of the value in the entry, written as in the file: `contact.email`. */
  path: string;
  /** HTML id of the control (or of the first control of a group). */
  id: string;
  fields?: FormField[];
}

export function fieldId(path: string): string {
  return `champ-${path.replace(/[^a-zA-Z0-9]+/g, '-')}`;
}

function withPaths(fields: CmsField[], parent: string, relationOptions: CmsOption[]): FormField[] {
  return fields
    .filter((field) => !field.committee && field.widget !== 'image')
    .map((field) => {
      const path = parent ? `${parent}.${field.name}` : field.name;
      const out: FormField = { ...field, path, id: fieldId(path), fields: undefined };
      if (field.widget === 'relation') out.options = relationOptions;
      if (field.fields) out.fields = withPaths(field.fields, path, relationOptions);
      return out;
    });
}

/** The form's fields for an entry type; `providers` lists the structures a recommendation can name. */
export function formFields(type: EntryTypeName, taxonomies: Content['taxonomies'], providers: CmsOption[]): FormField[] {
  return withPaths(collectionFields(type, taxonomies), '', providers);
}
