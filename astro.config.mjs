// @ts-check
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { defineConfig } from 'astro/config';
import { parse } from 'yaml';
import cmsAdmin from './src/cms/integration.ts';
import dataFiles from './src/integrations/data-files.ts';
import contentCheck from './src/integrations/content-check.ts';
import cspPerPage from './src/integrations/csp-per-page.ts';
import search from './src/integrations/search.ts';
import sitemap from '@astrojs/sitemap';
import { markdownProcessor } from './src/site/markdown.ts';
import { contentDir } from './src/check/index.ts';
import { isEmbed, isPrivatePage } from './src/domain/routes.ts';
import { SETTINGS_FILE } from './src/schemas/index.ts';

// The public address comes from content/settings.yml (`site_url`); SITE_URL
// and BASE_PATH override it, as a forge's Pages workflow does for a project
// site such as https://organisation.github.io/annuaire/.
const siteUrl = (() => {
  try {
    const settings = parse(readFileSync(path.join(contentDir(), SETTINGS_FILE), 'utf8'));
    return new URL(settings.site_url);
  } catch {
    // The check reports a missing or wrong settings file; build with a placeholder meanwhile.
    return new URL('https://emancipasso.example.org/');
  }
})();

const base = process.env.BASE_PATH ?? siteUrl.pathname;
/** A page's path from the site's home: `https://x.org/annuaire/comite/` → `comite/`. */
const fromHome = (/** @type {string} */ page) => new URL(page).pathname.slice(base.endsWith('/') ? base.length : base.length + 1);

export default defineConfig({
  site: process.env.SITE_URL ?? siteUrl.origin,
  base,
  trailingSlash: 'always',
  build: { format: 'directory' },
  vite: {
    // No preloading of what a dynamic import needs (Astro sets its own `modulePreload`, hence a plugin): the forms'
    // checks fetch their few files as they need them, and drop about 300 bytes of helper (npm run budget).
    plugins: [{ name: 'no-module-preload', config: () => ({ build: { modulePreload: false } }) }],
    build: {
      rollupOptions: {
        output: {
          // The small modules every browser script shares (French words and numbers, the route words) travel as
          // one file: as seven, their wrappers and requests cost the forms about half a kilobyte of their 40 kB.
          manualChunks: (id) =>
            /\/src\/(domain\/text\/|domain\/route-words|site\/href|schemas\/slug-pattern|domain\/directory\/facet-keys)/.test(id)
              ? 'common'
              : undefined,
        },
      },
    },
  },
  // No syntax highlighting: contributor texts hold no code, and its inline styles would need a looser CSP.
  markdown: { processor: markdownProcessor(), syntaxHighlight: false },
  // The sitemap lists every public page: the committee's dashboard and the CMS stay out (they ask not to be
  // indexed), and so do the frames made for other sites (their lists are the directory's facet pages).
  integrations: [
    contentCheck(),
    sitemap({
      filter: (page) => !isPrivatePage(fromHome(page)) && !isEmbed(fromHome(page)),
      namespaces: { news: false, xhtml: false, image: false, video: false },
    }),
    search(),
    dataFiles(),
    cmsAdmin(),
    // Last: each public page keeps only the CSP hashes of its own inline scripts and styles.
    cspPerPage(),
  ],
  devToolbar: { enabled: false },
  // Content Security Policy on every page: Astro hashes its own scripts and
  // styles; nothing inline runs unless hashed, nothing loads from elsewhere.
  // Pagefind's search runs as WebAssembly, hence 'wasm-unsafe-eval'.
  security: {
    csp: {
      directives: [
        "default-src 'self'",
        "img-src 'self' data:",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
      ],
      scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"] },
    },
  },
  // A separate cache lets benchmarks build cold without disturbing other builds.
  cacheDir: process.env.ASTRO_CACHE_DIR ?? './node_modules/.astro',
});
