/**
 * Full-text search of the directory with Pagefind, built after the site:
 * only provider profiles are indexed (the pages that carry
 * `data-pagefind-body`), so that only published providers can ever be found.
 * Each profile holds its filters and its card's fields in a <template>
 * (domain/directory/profile.ts): Pagefind reads them, the page's DOM stays
 * light. Profiles are indexed in the order their `data-ordre` gives (the most
 * recommended first), so that a search without words lists as the pages do.
 * Then the index's metadata is made lighter (pagefind-compact.ts).
 */
import { readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { routes } from '../domain/routes.ts';
import { compactSearchIndex } from './pagefind-compact.ts';

/** The profiles of a built site, in the index's order, with their address from the site's home (`/annuaire/x/`). */
async function profiles(outDir: string): Promise<Array<{ url: string; content: string }>> {
  const found: Array<{ url: string; content: string; order: number }> = [];
  const directory = path.join(outDir, routes.directory());
  for (const entry of await readdir(directory, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    const content = await readFile(path.join(outDir, routes.provider(entry.name), 'index.html'), 'utf8').catch(() => '');
    const order = /<article[^>]*\bdata-pagefind-body\b[^>]*\bdata-ordre="(\d+)"/.exec(content)?.[1];
    if (order !== undefined) found.push({ url: `/${routes.provider(entry.name)}`, content, order: Number(order) });
  }
  return found.sort((a, b) => a.order - b.order);
}

export default function search(): AstroIntegration {
  return {
    name: 'emancipasso:search',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const pagefind = await import('pagefind');
        const { index, errors } = await pagefind.createIndex({ forceLanguage: 'fr' });
        if (!index) throw new Error(`Pagefind n’a pas pu démarrer : ${errors.join(' ; ')}`);
        const pages = await profiles(outDir);
        // One after the other: Pagefind numbers pages in the order they come.
        for (const page of pages) {
          const added = await index.addHTMLFile(page);
          if (added.errors.length) throw new Error(`Pagefind n’a pas pu indexer ${page.url} : ${added.errors.join(' ; ')}`);
        }
        const outputPath = path.join(outDir, 'pagefind');
        const written = await index.writeFiles({ outputPath });
        if (written.errors.length) throw new Error(`Pagefind n’a pas pu écrire l’index : ${written.errors.join(' ; ')}`);
        await pagefind.close();
        // The site has its own small search interface: Pagefind's ready-made ones are not shipped.
        for (const file of await readdir(outputPath)) {
          if (/^pagefind-(ui|component-ui|modular-ui|highlight)\./.test(file)) await rm(path.join(outputPath, file));
        }
        const { done, skipped } = await compactSearchIndex(outputPath);
        const kb = (n: number) => `${(n / 1000).toFixed(1).replace('.', ',')} ko`;
        logger.info(`Recherche : index des fiches de structures écrit (${pages.length} fiches).`);
        for (const c of done)
          logger.info(`Recherche : métadonnées de l’index allégées, ${kb(c.before)} → ${kb(c.after)} (${c.pages} fiches).`);
        if (skipped)
          logger.warn(`Recherche : métadonnées de l’index laissées telles quelles (${skipped}) ; la recherche marche, plus lourde.`);
      },
    },
  };
}
