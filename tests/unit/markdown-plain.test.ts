/**
 * Plain-text bodies skip the Markdown parser: their HTML must be exactly what
 * the parser gives, and anything with Markdown in it must go to the parser.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import { describe, expect, it } from 'vitest';
import { isPlainText, markdownOptions, plainTextHtml } from '../../src/site/markdown.ts';
import { BASE } from '../content/helpers.ts';

/** French text as contributors write it: apostrophes, guillemets, punctuation, figures, line breaks. */
const WRITTEN = [
  'Nous avons migré nos agendas en trois semaines.',
  'L’association « Vélo solidaire » compte 120 adhérent·es ; la moitié sont bénévoles.',
  'Formation de deux jours : prise en main, puis questions ! Était-ce utile ? Oui.',
  'Tarif : 25 € par heure, soit 40 % de moins qu’avant…',
  'Première ligne\nseconde ligne du même paragraphe',
  '  Espaces autour du texte  ',
  'Deux paragraphes.\n\nLe second, après une ligne vide.',
  'Trois.\n\n\nParagraphes,\n \nséparés de plusieurs façons.',
  'Un texte qui finit par deux points :',
  'Œuvre, cœur et « guillemets » collés : «texte» à reprendre.',
];

/** Every body of the test corpus, each paragraph alone too (many are plain even when their file is not), and written samples. */
async function bodies(): Promise<string[]> {
  const out: string[] = [...WRITTEN];
  for (const folder of ['providers', 'recommendations', 'projects', 'resources', 'pages']) {
    for (const name of await readdir(path.join(BASE, folder))) {
      const text = await readFile(path.join(BASE, folder, name), 'utf8');
      out.push(text.slice(text.indexOf('\n---', 4) + 5));
      out.push(...text.split(/\n\s*\n/).slice(1));
    }
  }
  return out;
}

describe('plain-text bodies rendered without the Markdown parser', () => {
  it('give exactly the HTML of the Markdown pipeline', async () => {
    const processor = await createMarkdownProcessor({ ...markdownOptions, syntaxHighlight: false });
    let plain = 0;
    for (const body of await bodies()) {
      if (!isPlainText(body)) continue;
      plain++;
      expect(plainTextHtml(body), body.slice(0, 60)).toBe((await processor.render(body)).code);
    }
    expect(plain).toBeGreaterThan(15);
  });

  it('leave to the Markdown pipeline everything that has formatting', () => {
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
