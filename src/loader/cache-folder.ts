/**
 * Where the project keeps what it can compute again: under
 * `node_modules/.cache/emancipasso/`, the check's verdicts, the postcode
 * index and Node.js's compiled code of the commands. Deleting the folder is
 * always safe.
 */
import { statSync } from 'node:fs';
import module from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project's root, where `src/` and `package.json` are; undefined when the code runs from elsewhere (a bundle). */
export function projectRoot(): string | undefined {
  const root = fileURLToPath(new URL('../../', import.meta.url));
  try {
    return statSync(path.join(root, 'src/loader/cache-folder.ts')).isFile() ? root : undefined;
  } catch {
    return undefined;
  }
}

/** The folder of the project's caches, or undefined when the project cannot be found. */
export function cacheFolder(): string | undefined {
  const root = projectRoot();
  return root && path.join(root, 'node_modules/.cache/emancipasso');
}

/**
 * Lets Node.js keep the compiled code of the modules loaded from now on
 * (TypeScript included) between runs: about half of a command's start-up.
 * Node checks each module's source against what it kept.
 */
export function keepCompiledCode(): void {
  const folder = cacheFolder();
  if (folder) module.enableCompileCache?.(path.join(folder, 'compiled'));
}
