/**
 * Reading the built site (`dist/`): its files, and the public address of each
 * HTML page. Shared by the sitemap, the third-party check and the page budget.
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';

/** Every file under `root`, as paths relative to it with `/` separators, sorted. */
export async function listFiles(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.relative(root, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .sort();
}

/** `annuaire/x/index.html` → `annuaire/x/`, `index.html` → ``, `404.html` → `404.html`. */
export function pagePath(file: string): string {
  return file === 'index.html' ? '' : file.endsWith('/index.html') ? file.slice(0, -'index.html'.length) : file;
}

/** Pages that are not for the public: the committee dashboard and the CMS. */
export function isPrivatePage(file: string): boolean {
  return /^(comite|admin)\//.test(file);
}

export function isErrorPage(file: string): boolean {
  return /^\d{3}(\.html|\/index\.html)$/.test(file);
}
