// @ts-check
import { defineConfig } from 'astro/config';
import cmsAdmin from './src/cms/integration.ts';
import contentCheck from './src/integrations/content-check.ts';
import search from './src/integrations/search.ts';
import sitemap from './src/integrations/sitemap.ts';
import { markdownProcessor } from './src/lib/markdown.ts';

// SITE_URL and BASE_PATH let a deployment live at its own address or under
// a project path such as https://organisation.github.io/annuaire/.
export default defineConfig({
  site: process.env.SITE_URL ?? 'https://emancipasso.example.org',
  base: process.env.BASE_PATH ?? '/',
  trailingSlash: 'always',
  build: { format: 'directory' },
  // No syntax highlighting: contributor texts hold no code, and its inline styles would need a looser CSP.
  markdown: { processor: markdownProcessor(), syntaxHighlight: false },
  integrations: [contentCheck(), sitemap(), search(), cmsAdmin()],
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
