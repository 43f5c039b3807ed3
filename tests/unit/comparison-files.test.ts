/**
 * The build renders every provider's comparison data as one file and splits
 * it into the one file per provider that the comparison page fetches.
 */
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ComparisonFile } from '../../src/domain/directory/comparison.ts';
import { routes } from '../../src/domain/routes.ts';
import { splitComparisonBundle } from '../../src/integrations/comparison-files.ts';

const file = (id: string, name: string): ComparisonFile => ({ id, name, rows: [['tarif', 'Tarif', [`Prix libre pour ${name}`]]] });
let outDir = '';
afterEach(() => rm(outDir, { recursive: true, force: true }));

describe('the comparison files of a build', () => {
  it('writes one file per provider with exactly its data, and removes the bundle', async () => {
    outDir = await mkdtemp(path.join(os.tmpdir(), 'comparaison-'));
    // More providers than are written at once, so that every batch is seen.
    const files = Array.from({ length: 150 }, (_, i) => file(`structure-${i}`, `Structure « ${i} » & cie`));
    await writeFile(path.join(outDir, routes.comparisonBundle()), JSON.stringify(files));

    expect(await splitComparisonBundle(outDir)).toBe(150);

    for (const expected of [files[0]!, files[149]!]) {
      expect(JSON.parse(await readFile(path.join(outDir, routes.comparisonData(expected.id)), 'utf8'))).toEqual(expected);
    }
    expect(await readdir(path.dirname(path.join(outDir, routes.comparisonData('x'))))).toHaveLength(150);
    await expect(readFile(path.join(outDir, routes.comparisonBundle()))).rejects.toThrow();
  });

  it('writes nothing when no provider is published yet, and still removes the bundle', async () => {
    outDir = await mkdtemp(path.join(os.tmpdir(), 'comparaison-'));
    await writeFile(path.join(outDir, routes.comparisonBundle()), '[]');
    expect(await splitComparisonBundle(outDir)).toBe(0);
    expect(await readdir(outDir)).toEqual([]);
  });
});
