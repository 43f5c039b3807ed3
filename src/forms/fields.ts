/**
 * The fields of the no-account forms: the entry fields the CMS asks too (read
 * from the schemas), so that the forms ask the same questions with the same
 * labels, hints and allowed values. What only the committee fills is left
 * out; a logo is sent by e-mail rather than uploaded.
 */
import { typeFields, type EntryField, type FieldOption } from '../fields/index.ts';
import type { Content } from '../domain/content.ts';
import type { EntryTypeName } from '../schemas/index.ts';

export interface FormField extends EntryField {
  /** Path of the value in the entry, written as in the file: `contact.email`. */
  path: string;
  /** HTML id of the control (or of the first control of a group). */
  id: string;
  fields?: FormField[];
}

export function fieldId(path: string): string {
  return `champ-${path.replace(/[^a-zA-Z0-9]+/g, '-')}`;
}

function withPaths(fields: EntryField[], parent: string, relationOptions: FieldOption[]): FormField[] {
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
export function formFields(type: EntryTypeName, taxonomies: Content['taxonomies'], providers: FieldOption[]): FormField[] {
  return withPaths(typeFields(type, taxonomies), '', providers);
}
