/** Browser tests use the project's static server and Chromium launcher. */
export * from '../../scripts/lib/browser.ts';

/**
 * The environment for a build a test starts: Vitest sets BASE_URL (and
 * MODE…) in its own, and Astro would take it over the configured base.
 */
export function withoutViteEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const { BASE_URL: _base, MODE: _mode, DEV: _dev, PROD: _prod, SSR: _ssr, ...rest } = env;
  return rest;
}
