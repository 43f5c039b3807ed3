/**
 * Reading the built site (`dist/`): its files, and the public address of each
 * HTML page. Shared by the sitemap, the third-party check and the page budget.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { isPrivatePage } from '../../src/domain/routes.ts';

export { isPrivatePage };

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

export function isErrorPage(file: string): boolean {
  return /^\d{3}(\.html|\/index\.html)$/.test(file);
}

/**
 * The public address of a built site's home, base path included, as the
 * build saw it: read from the sitemap line of `robots.txt` (written from
 * `site` and the base path), else from SITE_URL and BASE_PATH.
 */
export async function builtSiteHome(distDir: string): Promise<URL> {
  const robots = await readFile(path.join(distDir, 'robots.txt'), 'utf8').catch(() => '');
  const sitemap = /^Sitemap:\s*(\S+)/im.exec(robots)?.[1];
  if (sitemap && URL.canParse(sitemap)) return new URL('./', sitemap);
  const site = process.env.SITE_URL;
  if (!site || !URL.canParse(site)) {
    throw new Error(
      `L’adresse du site est inconnue : ${distDir}/robots.txt manque et SITE_URL n’est pas défini. Lancez d’abord « npm run build ».`,
    );
  }
  const base = process.env.BASE_PATH ?? '/';
  return new URL(base.endsWith('/') ? base : `${base}/`, site);
}
