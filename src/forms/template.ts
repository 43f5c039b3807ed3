/**
 * A blank entry, every field commented with its label, its hint and its
 * allowed values: what a person without JavaScript fills in on the forge's
 * "new file" page, or downloads and sends by e-mail.
 */
import type { BodyRule } from '../schemas/index.ts';
import type { EntryField } from '../fields/index.ts';

function describe(field: EntryField): string {
  const parts = [`${field.label} (${field.required ? 'obligatoire' : 'facultatif'}).`];
  if (field.hint) parts.push(field.hint);
  if (field.options && field.widget !== 'relation') {
    const shown = field.options.length > 20 ? field.options.slice(0, 6) : field.options;
    const values = shown.map((o) => (String(o.value) === o.label ? String(o.value) : `${o.value} (${o.label})`)).join(', ');
    parts.push(
      `${field.multiple ? 'Une ou plusieurs valeurs parmi' : 'Une valeur parmi'} : ${values}${shown.length < field.options.length ? ', …' : ''}.`,
    );
    // A long list is not all written here: its names are as good as its codes, the committee writes the codes.
    if (shown.length < field.options.length)
      parts.push('Si vous ne connaissez pas les codes, écrivez les noms : le comité les remplacera.');
  }
  if (field.widget === 'datetime') parts.push('Date au format AAAA-MM-JJ.');
  if (field.widget === 'relation') parts.push('L’identifiant de la structure : la fin de l’adresse de sa fiche (/annuaire/identifiant/).');
  return parts.join(' ');
}

function lines(fields: EntryField[], indent: string): string[] {
  const out: string[] = [];
  for (const field of fields) {
    if (field.name === 'body') continue;
    out.push(`${indent}# ${describe(field)}`);
    if (field.widget === 'object' && field.fields) {
      out.push(`${indent}${field.name}:`);
      out.push(...lines(field.fields, `${indent}  `));
    } else if (field.multiple || field.widget === 'list') {
      const defaults = Array.isArray(field.default) ? (field.default as string[]) : [];
      out.push(`${indent}${field.name}: [${defaults.join(', ')}]`);
    } else if (field.widget === 'number' && !field.required && field.max !== undefined && field.max - (field.min ?? 0) <= 10) {
      // A rating left as null: « not concerned ».
      out.push(`${indent}${field.name}: null`);
    } else if (field.default !== undefined && field.default !== '') {
      out.push(`${indent}${field.name}: ${String(field.default)}`);
    } else out.push(`${indent}${field.name}:`);
  }
  return out;
}

export function blankEntry(fields: EntryField[], body: BodyRule | undefined, extra: string[] = []): string {
  const noun = body?.noun ?? 'le texte';
  return [
    '---',
    '# Remplissez chaque ligne après les deux-points ; effacez les lignes facultatives inutiles.',
    ...lines(fields, ''),
    ...extra,
    '---',
    `Remplacez ce paragraphe par ${noun}${body ? ` (de ${body.min} à ${body.max} caractères)` : ''}.`,
    '',
  ].join('\n');
}
