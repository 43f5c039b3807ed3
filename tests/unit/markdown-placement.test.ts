/**
 * A body is rendered for its place on the page: its headings continue the
 * page's outline without skipping a level, and its ids (headings, footnotes)
 * repeat none of the page's nor those of another body on the same page,
 * while the links that point to them still reach them. Rendered as Astro's
 * content loader does: the placement travels in a front matter.
 */
import { createMarkdownProcessor, parseFrontmatter } from '@astrojs/markdown-remark';
import { beforeAll, describe, expect, it } from 'vitest';
import { bodyPlacement, markdownOptions, placedBody, type BodyPlacement } from '../../src/site/markdown.ts';

let processor: Awaited<ReturnType<typeof createMarkdownProcessor>>;

beforeAll(async () => {
  processor = await createMarkdownProcessor({ ...markdownOptions, syntaxHighlight: false });
});

/** What the content loader's `renderMarkdown(placedBody(…))` gives. */
async function render(body: string, placement?: BodyPlacement): Promise<string> {
  const { frontmatter, content } = parseFrontmatter(placement ? placedBody(body, placement) : body);
  return (await processor.render(content, { frontmatter })).code;
}

const headings = (html: string) => [...html.matchAll(/<h([1-6])[^>]*>([^<]*)/g)].map((m) => `h${m[1]} ${m[2]}`);
const ids = (html: string) => [...html.matchAll(/\sid="([^"]*)"/g)].map((m) => m[1]!);
const fragmentLinks = (html: string) => [...html.matchAll(/\shref="#([^"]*)"/g)].map((m) => decodeURIComponent(m[1]!));
const idrefs = (html: string) => [...html.matchAll(/\saria-(?:describedby|labelledby)="([^"]*)"/g)].flatMap((m) => m[1]!.split(' '));

const withFootnote = 'Nous avons migré nos agendas[^1].\n\n[^1]: En trois semaines.\n';

describe('the headings of a body', () => {
  it('start one level below the heading the page puts above the body', async () => {
    const html = await render('## Ce que nous proposons\n\nDu texte.\n\n### Nos tarifs\n\nDu texte.', { headingLevel: 3, idPrefix: 'x-' });
    expect(headings(html)).toEqual(['h3 Ce que nous proposons', 'h4 Nos tarifs']);
  });

  it('never skip a level, whatever the contributor wrote', async () => {
    const html = await render('# Un\n\n#### Deux\n\n###### Trois\n\n## Quatre\n\n# Cinq', { headingLevel: 2, idPrefix: 'x-' });
    expect(headings(html)).toEqual(['h2 Un', 'h3 Deux', 'h4 Trois', 'h3 Quatre', 'h2 Cinq']);
  });

  it('stop at h6', async () => {
    const html = await render('# Un\n\n## Deux\n\n### Trois\n\n#### Quatre', { headingLevel: 4, idPrefix: 'x-' });
    expect(headings(html)).toEqual(['h4 Un', 'h5 Deux', 'h6 Trois', 'h6 Quatre']);
  });

  it('follow the place of each kind of body on its page', () => {
    expect(bodyPlacement('pages', 'charte').headingLevel).toBe(2);
    expect(bodyPlacement('resources', 'diagnostic').headingLevel).toBe(2);
    expect(bodyPlacement('projects', 'p').headingLevel).toBe(3);
    expect(bodyPlacement('providers', 's').headingLevel).toBe(3);
    expect(bodyPlacement('recommendations', 's--a').headingLevel).toBe(4);
  });
});

describe('the ids of a body', () => {
  it('carry its prefix, so that a heading named like a section of the page does not repeat its id', async () => {
    const html = await render('## Tarifs\n\nÀ partir de 50 €.\n\n## Contenu\n\nTexte.', bodyPlacement('providers', 'structure'));
    expect(ids(html)).toEqual(['presentation-tarifs', 'presentation-contenu']);
  });

  it('differ between two testimonies shown on the same page', async () => {
    const body = `## Notre avis\n\n${withFootnote}`;
    const first = await render(body, bodyPlacement('recommendations', 'structure--association-a'));
    const second = await render(body, bodyPlacement('recommendations', 'structure--association-b'));
    expect(ids(first).length).toBeGreaterThanOrEqual(4);
    expect(ids(first).filter((id) => ids(second).includes(id))).toEqual([]);
  });

  it('stay unique within a body whose headings repeat', async () => {
    const html = await render('## Étape\n\nA.\n\n## Étape\n\nB.', { headingLevel: 2, idPrefix: 'partie-' });
    expect(ids(html)).toEqual(['partie-étape', 'partie-étape-1']);
  });

  it('are still reached by the footnotes’ links and references, in French', async () => {
    const html = await render(withFootnote, bodyPlacement('providers', 'structure'));
    expect(html).not.toContain('user-content-');
    expect(fragmentLinks(html).length).toBe(2);
    for (const target of [...fragmentLinks(html), ...idrefs(html)]) expect(ids(html), target).toContain(target);
    expect(html).toContain('aria-label="Revenir à l’appel de note 1"');
    expect(html).toMatch(/<h3 class="visually-hidden" id="presentation-footnote-label">Notes<\/h3>/);
  });

  it('are still reached by a link to a heading of the same body, and a link elsewhere is left alone', async () => {
    const html = await render('Voir [la suite](#la-suite) et [le menu](#contenu).\n\n## La suite\n\nTexte.', {
      headingLevel: 2,
      idPrefix: 'partie-',
    });
    expect(fragmentLinks(html)).toEqual(['partie-la-suite', 'contenu']);
    expect(ids(html)).toEqual(['partie-la-suite']);
  });

  it('get the default place when none is given', async () => {
    expect(ids(await render('## Titre'))).toEqual(['partie-titre']);
  });
});

describe('a table of a body', () => {
  it('says its columns’ alignment with a class, not with the obsolete align attribute', async () => {
    const html = await render('| Outil | Prix |\n| :---- | ---: |\n| Nextcloud | 10 € |');
    expect(html).not.toContain('align=');
    expect(html).toContain('<th class="align-left">Outil</th>');
    // French typography binds the sign to its amount.
    expect(html).toContain('<td class="align-right">10\u00A0€</td>');
  });
});
