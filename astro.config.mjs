// @ts-check
import { defineConfig } from 'astro/config';
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
  markdown: { processor: markdownProcessor() },
  integrations: [contentCheck(), sitemap(), search()],
  devToolbar: { enabled: false },
  // A separate cache lets benchmarks build cold without disturbing other builds.
  cacheDir: process.env.ASTRO_CACHE_DIR ?? './node_modules/.astro',
});
