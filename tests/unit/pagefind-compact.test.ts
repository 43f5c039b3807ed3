/**
 * The search index's metadata, made lighter: result files renamed with short
 * numbers, everything else kept as Pagefind wrote it. Checked on a real
 * (small) Pagefind index; the browser tests search the built site with it.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compactSearchIndex, decodeCbor, encodeCbor } from '../../src/integrations/pagefind-compact.ts';

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'pagefind-compact-'));
  const pagefind = await import('pagefind');
  const { index } = await pagefind.createIndex({ forceLanguage: 'fr' });
  for (let i = 0; i < 40; i++) {
    await index!.addCustomRecord({
      url: `/annuaire/structure-${i}/`,
      content: `Structure ${i} : hébergement Nextcloud et formation ${i % 3 === 0 ? 'diagnostic' : 'migration'}.`,
      language: 'fr',
      meta: { title: `Structure ${i}` },
      filters: { service: [i % 2 ? 'hebergement' : 'formation'] },
    });
  }
  await index!.writeFiles({ outputPath: dir });
  await pagefind.close();
}, 60_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const readMeta = async (hash: string) => {
  const raw = gunzipSync(await readFile(path.join(dir, `pagefind.${hash}.pf_meta`)));
  expect(raw.subarray(0, 12).toString()).toBe('pagefind_dcd');
  return decodeCbor(raw.subarray(12)) as unknown[];
};

describe('the compact search index', () => {
  it('reads and writes CBOR as Pagefind does, byte for byte', () => {
    const value = [
      '1.6.0',
      [
        ['fr_3f9a1c2', 106, ''],
        ['fr_b00', 70000, ''],
      ],
      [],
      [['service', 'fr_1']],
      [],
      ['title', 'été'],
    ];
    expect(decodeCbor(encodeCbor(value))).toEqual(value);
  });

  it('names result files with short numbers, keeps the rest, and points the entry at the new metadata', async () => {
    const entryBefore = JSON.parse(await readFile(path.join(dir, 'pagefind-entry.json'), 'utf8'));
    const before = await readMeta(entryBefore.languages.fr.hash);
    const fragmentsBefore = (await readdir(path.join(dir, 'fragment'))).length;
    const { done, skipped } = await compactSearchIndex(dir);
    expect(skipped).toBeUndefined();
    expect(done).toHaveLength(1);
    expect(done[0]!.pages).toBe(40);

    const entry = JSON.parse(await readFile(path.join(dir, 'pagefind-entry.json'), 'utf8'));
    expect(entry.languages.fr.hash).not.toBe(entryBefore.languages.fr.hash);
    const after = await readMeta(entry.languages.fr.hash);
    const pages = after[1] as Array<[string, number, string]>;
    const prefix = `fr_${entryBefore.languages.fr.hash.slice(3, 7)}`;
    expect(pages.map((p) => p[0])).toEqual(pages.map((_, i) => `${prefix}${i.toString(36)}`));
    // Word counts, index chunks, filters and everything else as Pagefind wrote them.
    expect(pages.map((p) => p[1])).toEqual((before[1] as Array<[string, number]>).map((p) => p[1]));
    expect(after.slice(2)).toEqual(before.slice(2));
    expect(after[0]).toBe(before[0]);

    const fragments = await readdir(path.join(dir, 'fragment'));
    expect(fragments).toHaveLength(fragmentsBefore);
    for (const [name] of pages) expect(fragments).toContain(`${name}.pf_fragment`);
    // The same result behind each new name, in the same order.
    const first = JSON.parse(
      gunzipSync(await readFile(path.join(dir, 'fragment', `${pages[0]![0]}.pf_fragment`)))
        .toString()
        .slice(12),
    );
    expect(first.url).toBe('/annuaire/structure-0/');
    expect((await readdir(dir)).filter((f) => f.endsWith('.pf_meta'))).toEqual([`pagefind.${entry.languages.fr.hash}.pf_meta`]);
  });

  it('leaves an index it cannot read as it is, and says why', async () => {
    const other = await mkdtemp(path.join(os.tmpdir(), 'pagefind-compact-'));
    try {
      const { writeFile } = await import('node:fs/promises');
      const { gzipSync } = await import('node:zlib');
      await writeFile(path.join(other, 'pagefind-entry.json'), JSON.stringify({ languages: { fr: { hash: 'fr_0000000' } } }));
      // A map (CBOR major type 5): not something this step knows.
      await writeFile(
        path.join(other, 'pagefind.fr_0000000.pf_meta'),
        gzipSync(Buffer.concat([Buffer.from('pagefind_dcd'), Buffer.from([0xa0])])),
      );
      const result = await compactSearchIndex(other);
      expect(result.done).toEqual([]);
      expect(result.skipped).toMatch(/illisibles/);
      expect(JSON.parse(await readFile(path.join(other, 'pagefind-entry.json'), 'utf8')).languages.fr.hash).toBe('fr_0000000');
    } finally {
      await rm(other, { recursive: true, force: true });
    }
  });
});
