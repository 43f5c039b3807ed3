/**
 * Writes the comparison data of each published provider to its own file
 * (`/comparer/<provider>.json`, what the comparison page fetches) from the
 * one file the build rendered for all of them (src/pages/comparer.json.ts),
 * which it then removes. At 10 000 providers, as many Astro routes cost about
 * 50 s of the build (`npm run bench`); written here, about a second.
 */
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import type { ComparisonFile } from '../domain/directory/comparison.ts';
import { routes } from '../domain/routes.ts';

/** Files written at once: enough to keep the disk busy, few enough to stay clear of the open files' limit. */
const AT_ONCE = 64;

export async function splitComparisonBundle(outDir: string): Promise<number> {
  const bundle = path.join(outDir, routes.comparisonBundle());
  const files = JSON.parse(await readFile(bundle, 'utf8')) as ComparisonFile[];
  const folders = new Set(files.map((file) => path.dirname(path.join(outDir, routes.comparisonData(file.id)))));
  for (const folder of folders) await mkdir(folder, { recursive: true });
  for (let i = 0; i < files.length; i += AT_ONCE) {
    await Promise.all(
      files.slice(i, i + AT_ONCE).map((file) => writeFile(path.join(outDir, routes.comparisonData(file.id)), JSON.stringify(file))),
    );
  }
  await rm(bundle);
  return files.length;
}

export default function comparisonFiles(): AstroIntegration {
  return {
    name: 'emancipasso:comparison-files',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const count = await splitComparisonBundle(fileURLToPath(dir));
        logger.info(`Comparaison : ${count} fichiers, un par structure publiée.`);
      },
    },
  };
}
