/**
 * Full-text search of the directory with Pagefind, built after the site:
 * only provider profiles are indexed (the pages that carry
 * `data-pagefind-body`), so that only published providers can ever be found.
 * Each profile holds its facet values as `data-pagefind-filter` elements in
 * a <template>: Pagefind reads them, the page's DOM stays light.
 */
import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { routes } from '../domain/routes.ts';

export default function search(): AstroIntegration {
  return {
    name: 'emancipasso:search',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const pagefind = await import('pagefind');
        const { index, errors } = await pagefind.createIndex({ forceLanguage: 'fr' });
        if (!index) throw new Error(`Pagefind n’a pas pu démarrer : ${errors.join(' ; ')}`);
        const added = await index.addDirectory({ path: outDir, glob: `${routes.provider('*')}index.html` });
        if (added.errors.length) throw new Error(`Pagefind n’a pas pu indexer l’annuaire : ${added.errors.join(' ; ')}`);
        const written = await index.writeFiles({ outputPath: path.join(outDir, 'pagefind') });
        if (written.errors.length) throw new Error(`Pagefind n’a pas pu écrire l’index : ${written.errors.join(' ; ')}`);
        await pagefind.close();
        // The site has its own small search interface: Pagefind's ready-made ones are not shipped.
        for (const file of await readdir(path.join(outDir, 'pagefind'))) {
          if (/^pagefind-(ui|component-ui|modular-ui|highlight)\./.test(file)) await rm(path.join(outDir, 'pagefind', file));
        }
        logger.info(`Recherche : index des fiches de structures écrit (${added.page_count} pages lues).`);
      },
    },
  };
}
