/**
 * Plain-text bodies skip the Markdown parser: their HTML must be exactly what
 * the parser gives, and anything with Markdown in it must go to the parser.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import { describe, expect, it } from 'vitest';
import { isPlainText, markdownOptions, plainTextHtml } from '../../src/site/markdown.ts';

const root = path.resolve(import.meta.dirname, '../..');

async function bodies(): Promise<string[]> {
  const out: string[] = [];
  for (const folder of ['providers', 'recommendations', 'projects', 'resources', 'pages']) {
    for (const name of await readdir(path.join(root, 'content', folder))) {
      const text = await readFile(path.join(root, 'content', folder, name), 'utf8');
      out.push(text.slice(text.indexOf('\n---', 4) + 5));
      // Each paragraph alone too: many are plain even when their file is not.
      out.push(...text.split(/\n\s*\n/).slice(1));
    }
  }
  return out;
}

describe('le rendu direct des textes sans Markdown', () => {
  it('donne exactement le HTML du rendu Markdown', async () => {
    const processor = await createMarkdownProcessor({ ...markdownOptions, syntaxHighlight: false });
    let plain = 0;
    for (const body of await bodies()) {
      if (!isPlainText(body)) continue;
      plain++;
      expect(plainTextHtml(body), body.slice(0, 60)).toBe((await processor.render(body)).code);
    }
    expect(plain).toBeGreaterThan(50);
  });

  it('laisse au rendu Markdown tout ce qui a une mise en forme', () => {
    for (const text of [
      '**gras**',
      '_italique_',
      '[lien](https://x.org)',
      '- liste',
      '1. liste',
      '# titre',
      '> citation',
      'a  \nb',
      'www.exemple.org',
      'x@y.org',
      '`code`',
      '![i](/a.png)',
      '    code',
      '---',
      'a | b',
      '&amp;',
      '<b>',
    ]) {
      expect(isPlainText(text), text).toBe(false);
    }
    expect(isPlainText('Très bien ! Vraiment ? Oui : « super » ; 50 % et 1 000 €.')).toBe(true);
  });
});
