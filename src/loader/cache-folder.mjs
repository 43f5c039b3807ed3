/**
 * Where the project keeps what it can compute again: under
 * `node_modules/.cache/emancipasso/` (or `EMANCIPASSO_CACHE_DIR`), the check's
 * verdicts, the postcode index and Node.js's compiled code of the commands.
 * Deleting the folder is always safe.
 *
 * Plain JavaScript: `npm run check` and `npm run review` load it before any
 * TypeScript (`--import`), so that the compiled code of every module, theirs
 * included, comes from the cache, and Node.js does not even start its
 * TypeScript compiler.
 */
import { statSync } from 'node:fs';
import module from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The project's root, where `src/` and `package.json` are; undefined when the
 * code runs from elsewhere (a bundle).
 * @returns {string | undefined}
 */
export function projectRoot() {
  const root = fileURLToPath(new URL('../../', import.meta.url));
  try {
    return statSync(path.join(root, 'src/loader/cache-folder.mjs')).isFile() ? root : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The folder of the project's caches: `EMANCIPASSO_CACHE_DIR` when set (a CI
 * job that keeps it between runs, the benchmark), else under the project's
 * `node_modules`; undefined when the project cannot be found.
 * @returns {string | undefined}
 */
export function cacheFolder() {
  const chosen = process.env.EMANCIPASSO_CACHE_DIR;
  if (chosen) return path.resolve(chosen);
  const root = projectRoot();
  return root && path.join(root, 'node_modules/.cache/emancipasso');
}

/**
 * Lets Node.js keep the compiled code of the modules loaded from now on
 * (TypeScript included) between runs: about half of a command's start-up.
 * Node checks each module's source against what it kept.
 */
export function keepCompiledCode() {
  const folder = cacheFolder();
  if (folder) module.enableCompileCache?.(path.join(folder, 'compiled'));
}
