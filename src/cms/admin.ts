/**
 * Runs in /admin/ after the Decap bundle: previews of providers,
 * recommendations and projects as their public pages show them, in the
 * site's own styles (`preview.ts`), and, before every save, the CMS's edits (`save.ts`) and the entry checked
 * as `npm run check` would check it. An entry the check would refuse is not
 * saved; the CMS says why, in French, field by field. A new entry's file is
 * named as the check wants it, whatever its name holds (`file-name.ts`).
 */
import { checkEntry } from '../check/entry.ts';
import { entryIdFor } from '../domain/entry-names.ts';
import { entryTypes, type EntryTypeName } from '../schemas/index.ts';
import { fieldLabel } from './field-label.ts';
import { withFileName } from './file-name.ts';
import { saveEdits } from './save.ts';
import { previewNoteStyle, registerPreviews, type CreateClass, type H, type PreviewContext } from './preview.ts';
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
  registerPreviewTemplate(name: string, component: unknown): void;
  registerEventListener(listener: { name: string; handler: (event: { entry: ImmutableMap }) => unknown }): void;
}

declare global {
  interface Window {
    CMS?: DecapCms;
    /** React's createElement and create-react-class, which the Decap bundle exposes for preview templates. */
    h?: H;
    createClass?: CreateClass;
  }
}

/** Decap shows `String(error)` in its toast: the message alone, without « Error: ». */
class RefusedEntry extends Error {
  override toString() {
    return this.message;
  }
}

function start(cms: DecapCms) {
  const contextElement = document.getElementById('cms-context');
  const context = JSON.parse(contextElement?.dataset.context ?? '{}') as PreviewContext & { stylesheet: string };
  cms.registerPreviewStyle(context.stylesheet);
  cms.registerPreviewStyle(`body { max-width: 60rem; margin: 0 auto; padding: 1rem; } ${previewNoteStyle}`, { raw: true });
  if (window.h && window.createClass) registerPreviews(cms, window.h, window.createClass, context);

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
