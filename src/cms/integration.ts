/**
 * Serves Decap CMS from the site's own files: the bundle of the `decap-cms`
 * package is copied from node_modules into `admin/` at build, and served from
 * there by `astro dev`, with the corrections of `bundle-fixes.ts`. No page
 * ever loads it from a CDN.
 */
import { createReadStream } from 'node:fs';
import { copyFile, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { bundleFixes, fixBundle } from './bundle-fixes.ts';

/** The bundle, its lazily loaded chunks, its WebAssembly and its licence notice; not the source maps. */
export const BUNDLE_FILE = /^(?:decap-cms\.js|\d+\.decap-cms\.js|[0-9a-f]+\.wasm|decap-cms\.js\.LICENSE\.txt)$/;

export function decapDist(): string {
  return path.dirname(createRequire(import.meta.url).resolve('decap-cms/dist/decap-cms.js'));
}

export async function bundleFiles(): Promise<string[]> {
  return (await readdir(decapDist())).filter((name) => BUNDLE_FILE.test(name));
}

const fixedFiles = new Set(bundleFixes.map((fix) => fix.file));

/** A bundle file as the site serves it: with its corrections, when it has some. */
export async function servedBundleFile(name: string): Promise<Buffer | string> {
  const source = await readFile(path.join(decapDist(), name));
  return fixedFiles.has(name) ? fixBundle(name, source.toString('utf8')) : source;
}

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

export default function cmsAdmin(): AstroIntegration {
  let base = '/';
  return {
    name: 'emancipasso:cms',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
      },
      'astro:server:setup': ({ server, logger }) => {
        const dist = decapDist();
        // The corrected files are made once, at start: a correction that no longer applies is said at once.
        const fixed = new Map([...fixedFiles].map((name) => [name, servedBundleFile(name)]));
        for (const made of fixed.values()) made.catch((error: Error) => logger.error(error.message));
        server.middlewares.use((req, res, next) => {
          const pathname = new URL(req.url ?? '/', 'http://localhost').pathname;
          const prefix = `${base}admin/`;
          const name = pathname.startsWith(prefix) ? pathname.slice(prefix.length) : '';
          if (!BUNDLE_FILE.test(name)) return next();
          res.setHeader('content-type', TYPES[path.extname(name)] ?? 'application/octet-stream');
          if (!fixedFiles.has(name)) {
            createReadStream(path.join(dist, name))
              .on('error', () => next())
              .pipe(res);
            return;
          }
          fixed.get(name)!.then(
            (body) => res.end(body),
            (error: Error) => next(error),
          );
        });
      },
      'astro:build:done': async ({ dir, logger }) => {
        const target = path.join(fileURLToPath(dir), 'admin');
        await mkdir(target, { recursive: true });
        const files = await bundleFiles();
        await Promise.all(
          files.map(async (name) =>
            fixedFiles.has(name)
              ? writeFile(path.join(target, name), await servedBundleFile(name))
              : copyFile(path.join(decapDist(), name), path.join(target, name)),
          ),
        );
        logger.info(`Decap CMS copié dans admin/ (${files.length} fichiers).`);
      },
    },
  };
}
