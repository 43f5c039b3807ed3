/**
 * Each public page's Content Security Policy keeps only the hashes of its
 * own inline scripts and styles: Astro lists those of the whole site.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { trimPolicy } from '../../src/integrations/csp-per-page.ts';

const hash = (text: string, algorithm = 'sha256') => `'${algorithm}-${createHash(algorithm).update(text, 'utf8').digest('base64')}'`;
const page = (policy: string, body: string) =>
  `<!doctype html><html><head><meta http-equiv="content-security-policy" content="${policy}">${body}</head><body></body></html>`;
const policyOf = (html: string) => /content="([^"]*)"/.exec(html)![1]!;

describe('a page’s policy', () => {
  const style = '.a{color:red}\n';
  const script = 'console.log("é")';
  const others = [hash('.b{}'), hash('other()'), hash('x', 'sha384')];

  it('keeps the hashes of its inline style and script, in order, and drops the others', () => {
    const policy = `default-src 'self'; script-src 'self' 'wasm-unsafe-eval' ${others[1]} ${hash(script)}; style-src 'self' ${others[0]} ${hash(style)} ${others[2]};`;
    const html = page(
      policy,
      `<style>${style}</style><script type="module">${script}</script><script type="module" src="/_astro/a.js"></script>`,
    );
    expect(policyOf(trimPolicy(html))).toBe(
      `default-src 'self'; script-src 'self' 'wasm-unsafe-eval' ${hash(script)}; style-src 'self' ${hash(style)};`,
    );
  });

  it('drops every hash when the page holds nothing inline, and keeps the rest of the page as it was', () => {
    const html = page(`script-src 'self' ${others[1]}; style-src 'self' ${others[0]}`, '<link rel="stylesheet" href="/_astro/site.css">');
    const trimmed = trimPolicy(html);
    expect(policyOf(trimmed)).toBe("script-src 'self'; style-src 'self'");
    expect(trimmed.replace(policyOf(trimmed), '')).toBe(html.replace(policyOf(html), ''));
  });

  it('reads the algorithm of each hash, and never adds one', () => {
    const html = page(`style-src 'self' ${hash(style, 'sha384')}`, `<style>${style}</style><style>.new{}</style>`);
    expect(policyOf(trimPolicy(html))).toBe(`style-src 'self' ${hash(style, 'sha384')}`);
  });

  it('leaves a page without a policy alone', () => {
    const html = '<!doctype html><html><head><style>.a{}</style></head></html>';
    expect(trimPolicy(html)).toBe(html);
  });
});
