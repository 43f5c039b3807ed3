/**
 * Astro writes into every page's Content Security Policy the hashes of every
 * script and style of the whole site (30 today: 1.2 kB gzipped on each page,
 * random letters that do not compress), while a page needs only those of the
 * <script> and <style> elements it holds inline: the scripts Astro bundles
 * load from files of the site, which 'self' allows. After the build, each
 * public page keeps only the hashes of its own inline elements. This only
 * removes hashes, never adds one: a page's policy never allows more than
 * Astro's did. The committee's dashboard and the CMS keep theirs as written.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { isPrivatePage } from '../domain/routes.ts';

const POLICY = /(<meta http-equiv="content-security-policy" content=")([^"]*)(")/i;
const HASH = /\s'(sha256|sha384|sha512)-([A-Za-z0-9+/=]+)'/g;

/** The text of each inline <script> (one without `src`) and <style>, exactly as the browser hashes it. */
function inlineTexts(html: string): string[] {
  const scripts = [...html.matchAll(/<script\b(?![^>]*\bsrc\s*=)[^>]*>([\s\S]*?)<\/script\s*>/gi)].map((m) => m[1]!);
  const styles = [...html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style\s*>/gi)].map((m) => m[1]!);
  return [...scripts, ...styles];
}

/** The page with only the hashes of its own inline scripts and styles in its policy; unchanged when it has no policy. */
export function trimPolicy(html: string): string {
  const policy = POLICY.exec(html);
  if (!policy) return html;
  const texts = inlineTexts(html);
  const digests = new Map<string, Set<string>>();
  const digestsOf = (algorithm: string) => {
    let set = digests.get(algorithm);
    if (!set) {
      set = new Set(texts.map((text) => createHash(algorithm).update(text, 'utf8').digest('base64')));
      digests.set(algorithm, set);
    }
    return set;
  };
  const trimmed = policy[2]!.replace(HASH, (hash, algorithm: string, digest: string) => (digestsOf(algorithm).has(digest) ? hash : ''));
  return html.slice(0, policy.index) + policy[1] + trimmed + policy[3] + html.slice(policy.index + policy[0].length);
}

/** A built file's page path from the site's home: `comite/index.html` → `comite/`. */
function fromHome(root: string, file: string): string {
  const relative = path.relative(root, file).split(path.sep).join('/');
  return relative.replace(/(^|\/)index\.html$/, '$1');
}

export default function cspPerPage(): AstroIntegration {
  return {
    name: 'emancipasso:csp-per-page',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const pages = (await readdir(root, { recursive: true, withFileTypes: true }))
          .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
          .map((entry) => path.join(entry.parentPath, entry.name))
          .filter((file) => !isPrivatePage(fromHome(root, file)));
        let trimmed = 0;
        // A few files at a time: reading and writing overlap, and a large site does not open thousands at once.
        for (let i = 0; i < pages.length; i += 32) {
          await Promise.all(
            pages.slice(i, i + 32).map(async (file) => {
              const html = await readFile(file, 'utf8');
              const page = trimPolicy(html);
              if (page === html) return;
              await writeFile(file, page);
              trimmed++;
            }),
          );
        }
        logger.info(`Politique de sécurité : ${trimmed} pages ne gardent que les empreintes de leurs propres scripts et styles.`);
      },
    },
  };
}
