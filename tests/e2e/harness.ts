/** Browser tests use the project's static server and Chromium launcher. */
export * from '../../scripts/lib/browser.ts';
