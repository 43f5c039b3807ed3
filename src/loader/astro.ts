/**
 * Astro collections read the content through the project's own loader, so
 * the site is built from exactly what `npm run check` validated. The folder
 * is read once per build for all collections; unchanged entries keep their
 * rendered HTML between builds (digest).
 */
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
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

/** What the folder holds, byte for byte: a change that leaves it as it was is no change. */
async function folderDigest(dir: string): Promise<string> {
  const hash = createHash('sha256');
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  const files = entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
  for (const file of files.sort()) {
    hash.update(file);
    hash.update(await readFile(file).catch(() => Buffer.alloc(0)));
  }
  return hash.digest('hex');
}

/** How long the folder must stay quiet before it is read again: a git checkout writes many files at once. */
const SETTLE_MS = 300;

function watch(context: LoaderContext, reload: () => Promise<void>) {
  // A build watches nothing: reading the whole folder for a digest there cost seconds at 10 000 providers.
  const { watcher } = context;
  if (!watcher) return;
  const dir = path.resolve(contentDir());
  let seen = folderDigest(dir);
  let timer: ReturnType<typeof setTimeout> | undefined;
  watcher.add(dir);
  watcher.on('all', (_event, file) => {
    if (!path.resolve(file).startsWith(dir + path.sep)) return;
    clearTimeout(timer);
    timer = setTimeout(() => {
      void (async () => {
        const before = await seen;
        seen = folderDigest(dir);
        // The local CMS saves a proposal on its own branch, checking it out and back: the folder ends as it was,
        // and reloading every open page (the CMS's own included) would only lose what people are typing.
        if ((await seen) === before) return;
        current = undefined;
        await reload();
      })();
    }, SETTLE_MS);
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
