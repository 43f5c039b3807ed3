/**
 * Full-text search of the directory with Pagefind, built after the site:
 * only provider profiles are indexed (the pages that carry
 * `data-pagefind-body`), so that only published providers can ever be found.
 *
 * Each profile carries its facet values once, as JSON in `data-facets`; here
 * they become Pagefind filters (`data-pagefind-filter`) in the copy given to
 * the indexer, so that a provider working everywhere is filterable under every
 * département without a hundred hidden elements in the page itself.
 */
import { readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

const FACETS_ATTRIBUTE = /\sdata-facets="([^"]*)"/;
const BODY_OPENING = /<[a-z]+\b[^>]*\sdata-pagefind-body\b[^>]*>/;

function decodeAttribute(value: string): string {
  return value
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

const escapeAttribute = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** The profile's HTML with one filter element per facet value, inside the indexed body. */
export function withFilters(html: string): string {
  const match = FACETS_ATTRIBUTE.exec(html);
  const body = BODY_OPENING.exec(html);
  if (!match || !body) return html;
  const facets = JSON.parse(decodeAttribute(match[1]!)) as Record<string, string[]>;
  const filters = Object.entries(facets)
    .flatMap(([key, values]) => values.map((value) => `<span data-pagefind-filter="${escapeAttribute(`${key}:${value}`)}"></span>`))
    .join('');
  const at = body.index + body[0].length;
  return html.slice(0, at) + filters + html.slice(at);
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
        const directory = path.join(outDir, 'annuaire');
        let indexed = 0;
        for (const entry of await readdir(directory, { withFileTypes: true })) {
          if (!entry.isDirectory()) continue;
          const file = path.join(directory, entry.name, 'index.html');
          let html: string;
          try {
            html = await readFile(file, 'utf8');
          } catch {
            continue;
          }
          if (!BODY_OPENING.test(html)) continue;
          const response = await index.addHTMLFile({ url: `/annuaire/${entry.name}/`, content: withFilters(html) });
          if (response.errors.length) throw new Error(`Pagefind a refusé ${file} : ${response.errors.join(' ; ')}`);
          indexed++;
        }
        const written = await index.writeFiles({ outputPath: path.join(outDir, 'pagefind') });
        if (written.errors.length) throw new Error(`Pagefind n’a pas pu écrire l’index : ${written.errors.join(' ; ')}`);
        await pagefind.close();
        // The site has its own small search interface: Pagefind's ready-made ones are not shipped.
        for (const file of await readdir(path.join(outDir, 'pagefind'))) {
          if (/^pagefind-(ui|component-ui|modular-ui|highlight)\./.test(file)) await rm(path.join(outDir, 'pagefind', file));
        }
        logger.info(`Recherche : ${indexed} fiches de structures indexées.`);
      },
    },
  };
}
