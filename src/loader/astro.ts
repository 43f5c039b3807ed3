/**
 * Astro collections read the content through the project's own loader, so
 * the site is built from exactly what `npm run check` validated. The folder
 * is read once per build for all collections; unchanged entries keep their
 * rendered HTML between builds (digest).
 */
import path from 'node:path';
import type { Loader, LoaderContext } from 'astro/loaders';
import { contentDir, takeCheckedContent } from '../check/index.ts';
import type { Content, Entry } from '../domain/content.ts';
import { loadContent } from './index.ts';
import { bodyPlacement, isPlainText, placedBody, plainTextHtml } from '../site/markdown.ts';
import type { EntryTypeName, TaxonomyName } from '../schemas/index.ts';

let current: Promise<Content> | undefined;

function content(): Promise<Content> {
  const checked = current ? undefined : takeCheckedContent(contentDir());
  current ??= checked ? Promise.resolve(checked) : loadContent(contentDir()).then((result) => result.content);
  return current;
}

function watch(context: LoaderContext, reload: () => Promise<void>) {
  const dir = path.resolve(contentDir());
  context.watcher?.add(dir);
  context.watcher?.on('all', (_event, file) => {
    if (!path.resolve(file).startsWith(dir + path.sep)) return;
    current = undefined;
    void reload();
  });
}

interface Item {
  id: string;
  data: Record<string, unknown>;
  body?: string;
  filePath?: string;
  /** Place in its file, for terms whose order the committee chose (criteria are asked in that order). */
  position?: number;
}

/** `type`: the kind of entries, whose bodies are rendered for their place on the page; none for terms and settings. */
async function sync(context: LoaderContext, items: Item[], type?: EntryTypeName) {
  const { store, parseData, generateDigest, renderMarkdown } = context;
  const seen = new Set<string>();
  for (const item of items) {
    seen.add(item.id);
    const placement = type && bodyPlacement(type, item.id);
    const digest = generateDigest({ data: item.data, body: item.body ?? '', position: item.position ?? -1, placement: placement || null });
    if (store.get(item.id)?.digest === digest) continue;
    const data = await parseData({ id: item.id, data: item.data, filePath: item.filePath });
    const rendered =
      placement && item.body !== undefined
        ? isPlainText(item.body)
          ? { html: plainTextHtml(item.body) }
          : await renderMarkdown(placedBody(item.body, placement))
        : item.position !== undefined
          ? { html: '', metadata: { position: item.position } }
          : undefined;
    store.set({ id: item.id, data, body: item.body, filePath: item.filePath, digest, rendered });
  }
  for (const id of store.keys()) if (!seen.has(id)) store.delete(id);
}

/** A collection of entries, one per file. */
export function entriesLoader(type: EntryTypeName): Loader {
  const loader: Loader = {
    name: `emancipasso:${type}`,
    load: async (context) => {
      const run = async () => {
        const entries = (await content())[type] as Entry<Record<string, unknown>>[];
        await sync(
          context,
          // Astro takes only paths inside the project; a content folder elsewhere has none.
          entries.map((e) => ({ id: e.id, data: e.data, body: e.body, filePath: e.file.startsWith('/') ? undefined : e.file })),
          type,
        );
      };
      watch(context, run);
      await run();
    },
  };
  return loader;
}

/** A collection of taxonomy terms, keyed by slug. */
export function taxonomyLoader(name: TaxonomyName): Loader {
  return {
    name: `emancipasso:${name}`,
    load: async (context) => {
      const run = async () => {
        const terms = (await content()).taxonomies[name] as Array<{ slug: string } & Record<string, unknown>>;
        await sync(
          context,
          terms.map((t, position) => ({ id: t.slug, data: t, position })),
        );
      };
      watch(context, run);
      await run();
    },
  };
}

/** The site settings, as a one-entry collection (`site`). */
export function settingsLoader(): Loader {
  return {
    name: 'emancipasso:settings',
    load: async (context) => {
      const run = async () => {
        const settings = (await content()).settings;
        await sync(context, settings ? [{ id: 'site', data: settings as Record<string, unknown> }] : []);
      };
      watch(context, run);
      await run();
    },
  };
}
