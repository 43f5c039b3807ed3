/**
 * The build runs the same check first and produces no site while an error
 * stands: not even a site left over from an earlier build.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { corpus, fixture, removeCorpora, ROOT } from './helpers.ts';

const work = await mkdtemp(path.join(os.tmpdir(), 'emancipasso-build-'));
afterAll(async () => {
  await removeCorpora();
  await rm(work, { recursive: true, force: true });
});

it(
  'refuses to build a site from content with an error, in French, and leaves no site behind',
  async () => {
    const dir = await corpus({ 'providers/postcode-outside-department.md': fixture('bad/providers/postcode-outside-department.md') });
    const outDir = path.join(work, 'dist');
    // A site from an earlier build must not survive either: it would be deployed as if nothing were wrong.
    await mkdir(outDir, { recursive: true });
    await writeFile(path.join(outDir, 'index.html'), '<p>ancien site</p>');

    const build = spawnSync(process.execPath, [path.join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build', '--outDir', outDir], {
      cwd: ROOT,
      env: { ...process.env, CONTENT_DIR: dir, ASTRO_TELEMETRY_DISABLED: '1', ASTRO_CACHE_DIR: path.join(work, 'cache') },
      encoding: 'utf8',
      timeout: 170_000,
    });
    const output = `${build.stdout}\n${build.stderr}`;

    expect(build.status, output).not.toBe(0);
    expect(output).toContain(
      `${path.join(dir, 'providers/postcode-outside-department.md')}:11:13 location.postcode : Le code postal « 69001 » n’appartient pas au département « 38 » mais à « 69 »`,
    );
    expect(output).toContain('Aucun site n’a été produit : corrigez les erreurs ci-dessus, puis relancez « npm run build ».');
    expect(output).not.toMatch(/^\s+at /m);
    expect(existsSync(outDir)).toBe(false);
  },
  180_000,
);

it(
  'stops with exit code 2 when the content folder does not exist',
  () => {
    const build = spawnSync(process.execPath, [path.join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build', '--outDir', path.join(work, 'dist-2')], {
      cwd: ROOT,
      env: { ...process.env, CONTENT_DIR: path.join(work, 'pas-de-contenu'), ASTRO_TELEMETRY_DISABLED: '1', ASTRO_CACHE_DIR: path.join(work, 'cache') },
      encoding: 'utf8',
      timeout: 110_000,
    });
    const output = `${build.stdout}\n${build.stderr}`;
    expect(build.status, output).toBe(2);
    expect(output).toContain(`Le dossier de contenu « ${path.join(work, 'pas-de-contenu')} » n’existe pas ou n’est pas un dossier.`);
    expect(output).not.toMatch(/^\s+at /m);
    expect(existsSync(path.join(work, 'dist-2'))).toBe(false);
  },
  120_000,
);
