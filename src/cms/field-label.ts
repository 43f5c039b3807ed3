/** How the CMS names a field in its messages: as its form shows it. */
import { entryTypes, type EntryTypeName } from '../schemas/index.ts';
import { metaOf, schemaAt } from '../schemas/introspect.ts';

/** `contact.email` → « Contact › E-mail de contact », as the form shows it. */
export function fieldLabel(type: EntryTypeName, path: string): string {
  if (path === 'body') return 'Texte';
  if (!path) return 'Fiche';
  const segments = path.split(/\.|\[(\d+)\]/).filter((s) => s !== undefined && s !== '');
  const labels: string[] = [];
  for (let i = 1; i <= segments.length; i++) {
    const keys = segments.slice(0, i).map((s) => (/^\d+$/.test(s) ? Number(s) : s));
    const last = keys[keys.length - 1];
    if (typeof last === 'number') {
      labels.push(`n° ${last + 1}`);
      continue;
    }
    const schema = schemaAt(entryTypes[type].schema, keys);
    labels.push((schema && metaOf(schema).title) || String(last));
  }
  return labels.join(' › ');
}
