/**
 * Small data files by the thousand (the comparison's, one per published
 * provider; the communes', one per three letters) are rendered by the build
 * as one bundle each, then written here, one file per entry, and the bundle
 * removed. As one Astro route per file, each cost about as much as a page:
 * 2 188 communes files took seconds of every build, and 10 000 comparison
 * files about 50 s at 10 000 providers (`npm run bench`); written here, a
 * second or two.
 */
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { routes } from '../domain/routes.ts';
import type { DataBundle } from '../site/data-bundle.ts';

/** The bundles a build renders, each by its own route. */
export const DATA_BUNDLES = [routes.comparisonBundle(), routes.communesBundle()];

/** Files written at once: enough to keep the disk busy, few enough to stay clear of the open files' limit. */
const AT_ONCE = 64;

/** Writes each file of the bundle at `bundle` under `outDir`, then removes the bundle; returns how many. */
export async function splitDataBundle(outDir: string, bundle: string): Promise<number> {
  const source = path.join(outDir, bundle);
  const files = JSON.parse(await readFile(source, 'utf8')) as DataBundle;
  const targets = files.map(([file]) => {
    const target = path.resolve(outDir, file);
    // The bundle is the build's own output; a path out of the site would be a bug, not a file to write.
    if (!target.startsWith(path.resolve(outDir) + path.sep)) throw new Error(`${bundle} : « ${file} » sort du site.`);
    return target;
  });
  for (const folder of new Set(targets.map((t) => path.dirname(t)))) await mkdir(folder, { recursive: true });
  for (let i = 0; i < files.length; i += AT_ONCE) {
    await Promise.all(files.slice(i, i + AT_ONCE).map(([, data], j) => writeFile(targets[i + j]!, JSON.stringify(data))));
  }
  await rm(source);
  return files.length;
}

export default function dataFiles(): AstroIntegration {
  return {
    name: 'emancipasso:data-files',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        for (const bundle of DATA_BUNDLES) logger.info(`${bundle} : ${await splitDataBundle(outDir, bundle)} fichiers écrits.`);
      },
    },
  };
}
