/**
 * The build renders thousands of small data files as one bundle each and
 * splits them after the build: each file exactly as its own route would
 * have written it, and the bundle gone.
 */
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { routes } from '../../src/domain/routes.ts';
import { splitDataBundle } from '../../src/integrations/data-files.ts';
import type { DataBundle } from '../../src/site/data-bundle.ts';

let outDir = '';
beforeEach(async () => {
  outDir = await mkdtemp(path.join(os.tmpdir(), 'donnees-'));
});
afterEach(() => rm(outDir, { recursive: true, force: true }));

async function bundle(name: string, files: DataBundle) {
  await mkdir(path.dirname(path.join(outDir, name)), { recursive: true });
  await writeFile(path.join(outDir, name), JSON.stringify(files));
}

describe('a data bundle of the build', () => {
  it('becomes one file per entry, each holding exactly its data, and the bundle is removed', async () => {
    // More files than are written at once, so that every batch is seen.
    const files: DataBundle = Array.from({ length: 150 }, (_, i) => [
      routes.comparisonData(`structure-${i}`),
      { id: `structure-${i}`, name: `Structure « ${i} » & cie`, rows: [['tarif', 'Tarif', ['Prix libre']]] },
    ]);
    await bundle(routes.comparisonBundle(), files);

    expect(await splitDataBundle(outDir, routes.comparisonBundle())).toBe(150);

    for (const [file, data] of [files[0]!, files[149]!]) expect(JSON.parse(await readFile(path.join(outDir, file), 'utf8'))).toEqual(data);
    expect(await readdir(path.dirname(path.join(outDir, routes.comparisonData('x'))))).toHaveLength(150);
    await expect(readFile(path.join(outDir, routes.comparisonBundle()))).rejects.toThrow();
  });

  it('writes files in nested folders (the communes of the search)', async () => {
    await bundle(routes.communesBundle(), [
      [routes.communes('lyo'), { Lyon: ['c', '69123'] }],
      [routes.communes('rho'), {}],
    ]);
    expect(await splitDataBundle(outDir, routes.communesBundle())).toBe(2);
    expect(JSON.parse(await readFile(path.join(outDir, routes.communes('lyo')), 'utf8'))).toEqual({ Lyon: ['c', '69123'] });
    expect(await readFile(path.join(outDir, routes.communes('rho')), 'utf8')).toBe('{}');
  });

  it('writes nothing when the bundle is empty (no provider published yet), and still removes it', async () => {
    await bundle(routes.comparisonBundle(), []);
    expect(await splitDataBundle(outDir, routes.comparisonBundle())).toBe(0);
    expect(await readdir(outDir)).toEqual([]);
  });

  it('refuses a file outside the site, and writes none of the bundle', async () => {
    await bundle(routes.comparisonBundle(), [
      [routes.comparisonData('a'), {}],
      ['../ailleurs.json', {}],
    ]);
    await expect(splitDataBundle(outDir, routes.comparisonBundle())).rejects.toThrow(/sort du site/);
    await expect(readFile(path.join(outDir, routes.comparisonData('a')))).rejects.toThrow();
  });
});
