/**
 * Runs in /admin/ after the Decap bundle: previews in the site's own styles,
 * and, before every save, the CMS's edits (`save.ts`) and the entry checked
 * as `npm run check` would check it. An entry the check would refuse is not
 * saved; the CMS says why, in French, field by field. A new entry's file is
 * named as the check wants it, whatever its name holds (`file-name.ts`).
 */
import { checkEntry, type EntryContext } from '../check/entry.ts';
import { entryIdFor } from '../domain/entry-names.ts';
import { entryTypes, type EntryTypeName } from '../schemas/index.ts';
import { metaOf, schemaAt } from '../schemas/introspect.ts';
import { withFileName } from './file-name.ts';
import { saveEdits } from './save.ts';
import { routes } from '../domain/routes.ts';
import { href } from '../site/href.ts';

interface ImmutableMap {
  get(key: string): unknown;
  getIn(path: readonly unknown[], notSetValue?: unknown): unknown;
  toJS(): Record<string, unknown>;
  setIn(path: Array<string | number>, value: unknown): ImmutableMap;
  deleteIn(path: Array<string | number>): ImmutableMap;
}

interface DecapCms {
  registerPreviewStyle(style: string, options?: { raw: boolean }): void;
  registerEventListener(listener: { name: string; handler: (event: { entry: ImmutableMap }) => unknown }): void;
}

declare global {
  interface Window {
    CMS?: DecapCms;
  }
}

/** Decap shows `String(error)` in its toast: the message alone, without « Error: ». */
class RefusedEntry extends Error {
  override toString() {
    return this.message;
  }
}

/** `contact.email` → « Contact › E-mail de contact », as the form shows it. */
function fieldLabel(type: EntryTypeName, path: string): string {
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

function start(cms: DecapCms) {
  const contextElement = document.getElementById('cms-context');
  const context = JSON.parse(contextElement?.dataset.context ?? '{}') as EntryContext & { stylesheet: string };
  cms.registerPreviewStyle(context.stylesheet);
  cms.registerPreviewStyle('body { max-width: 60rem; margin: 0 auto; padding: 1rem; }', { raw: true });

  cms.registerEventListener({
    name: 'preSave',
    handler: ({ entry }) => {
      const collection = entry.get('collection') as string;
      if (!(collection in entryTypes)) return undefined;
      const type = collection as EntryTypeName;
      let data = entry.get('data') as ImmutableMap;
      const { body = '', ...fields } = data.toJS() as { body?: string };
      for (const edit of saveEdits(type, fields, context.taxonomies)) {
        data = 'remove' in edit ? data.deleteIn(edit.path) : data.setIn(edit.path, edit.value);
      }
      const { body: _body, ...saved } = data.toJS();
      const isNew = entry.get('newRecord') === true;
      const slug = isNew ? entryIdFor(type, saved) : (entry.get('slug') as string);
      const problems = checkEntry(type, slug, saved, String(body ?? ''), context);
      if (problems.length > 0) {
        const lines = problems.map((p) => `${fieldLabel(type, p.path)} : ${p.message}`);
        throw new RefusedEntry(`rien n’est enregistré tant que ces points ne sont pas corrigés. ${lines.join(' — ')}`);
      }
      // Decap names the file of a new entry from this data, right after this event.
      return isNew ? withFileName(type, data) : data;
    },
  });
}

// The bundle is the site's own copy, beside this page (src/cms/integration.ts).
const bundle = document.createElement('script');
bundle.src = href(`${routes.admin()}decap-cms.js`);
bundle.addEventListener('load', () => {
  if (window.CMS) start(window.CMS);
});
bundle.addEventListener('error', () => {
  document.body.insertAdjacentHTML(
    'afterbegin',
    '<p role="alert">Le CMS n’a pas pu être chargé : le fichier admin/decap-cms.js manque.</p>',
  );
});
document.body.append(bundle);
