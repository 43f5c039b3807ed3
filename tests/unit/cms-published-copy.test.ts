/**
 * The local site's copy of what the local CMS has published (npm start
 * --follow-cms): it moves when the published branch does, never when
 * decap-server checks a proposal's branch out in the scratch clone.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { followPublished, publishedCopy } from '../../scripts/cms-scratch.ts';

const run = promisify(execFile);
const git = async (cwd: string, ...args: string[]) =>
  (await run('git', ['-c', 'user.name=Essai', '-c', 'user.email=essai@example.org', ...args], { cwd })).stdout.trim();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let work = '';
let stop = () => {};
afterEach(async () => {
  stop();
  await rm(work, { recursive: true, force: true });
});

async function scratchClone() {
  work = await mkdtemp(path.join(os.tmpdir(), 'copie-publiee-'));
  const scratch = path.join(work, 'copie-cms');
  await run('git', ['init', '--quiet', '-b', 'main', scratch]);
  await writeFile(path.join(scratch, 'fiche.md'), 'publiée\n');
  await git(scratch, 'add', '.');
  await git(scratch, 'commit', '--quiet', '-m', 'Contenu');
  return scratch;
}

const shown = (scratch: string) => readFile(path.join(publishedCopy(scratch), 'fiche.md'), 'utf8');

describe('the published copy of the local CMS', () => {
  it('shows the published branch, and follows a publication', async () => {
    const scratch = await scratchClone();
    stop = await followPublished(scratch, 'main', 50);
    expect(await shown(scratch)).toBe('publiée\n');

    // A proposal, as decap-server saves it: on its branch, then back to main.
    await git(scratch, 'checkout', '--quiet', '-b', 'cms/providers/fiche');
    await writeFile(path.join(scratch, 'fiche.md'), 'proposée\n');
    await git(scratch, 'commit', '--quiet', '-am', 'Proposition');
    await sleep(300);
    // Checked out in the scratch clone, the proposal is not published: the copy has not moved.
    expect(await shown(scratch)).toBe('publiée\n');
    await git(scratch, 'checkout', '--quiet', 'main');

    // « Publier »: the branch merged into main.
    await git(scratch, 'merge', '--quiet', '--no-ff', '-m', 'Publication', 'cms/providers/fiche');
    await expect.poll(() => shown(scratch), { timeout: 5000 }).toBe('proposée\n');
  });

  it('starts afresh over a copy left by an earlier run', async () => {
    const scratch = await scratchClone();
    stop = await followPublished(scratch, 'main', 50);
    stop();
    await writeFile(path.join(publishedCopy(scratch), 'fiche.md'), 'abîmée\n');
    stop = await followPublished(scratch, 'main', 50);
    expect(await shown(scratch)).toBe('publiée\n');
  });
});
