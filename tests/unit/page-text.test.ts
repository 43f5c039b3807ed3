/**
 * The reader of built pages that the site-wide typography test relies on:
 * it must see text as a browser lays it out, and catch each mistake it is
 * meant to catch — and nothing that is right.
 */
import { describe, expect, it } from 'vitest';
import { textRuns, typographyFindings, type TypographyKind } from '../../scripts/lib/page-text.ts';

const NBSP = '\u00A0';
const NNBSP = '\u202F';
const page = (body: string) => `<!doctype html><html lang="fr"><head><title>Essai</title></head><body>${body}</body></html>`;
const kinds = (body: string): TypographyKind[] => typographyFindings(page(body)).map((f) => f.kind);

describe('textRuns', () => {
  it('joins text across inline elements and cuts it at blocks', () => {
    const runs = textRuns(page('<p>Une <a href="/">structure</a>\n  <strong>recommandée</strong>.</p><ul><li>un</li><li>deux</li></ul>'));
    expect(runs.map((r) => r.text)).toEqual(['Essai', 'Une structure recommandée.', 'un', 'deux']);
  });

  it('leaves scripts, styles and code out', () => {
    const runs = textRuns(page('<script>alert("a ? b")</script><style>a::after{}</style><p>Tapez <code>a:b;</code> puis Entrée.</p>'));
    expect(runs.map((r) => r.text)).toEqual(['Essai', 'Tapez puis Entrée.']);
  });
});

describe('typographyFindings', () => {
  it.each([
    ['a word glued to a link', '<p>Cet annuaire présente<a href="/annuaire/">14 structures</a>.</p>'],
    ['a link glued to the next word', '<p>Voir <a href="/">la liste</a>des structures.</p>'],
    ['a word glued to a number in another element', '<p>Note moyenne<strong>4,5</strong> sur 5.</p>'],
    ['a number glued to the next word', '<p><span>3</span>structures</p>'],
  ])('finds %s', (_case, body) => {
    expect(kinds(body)).toContain('glued');
  });

  it.each([
    ['an exponent', '<p>Le 1<sup>er</sup> janvier, 20 m<sup>2</sup>.</p>'],
    ['words apart', '<p>Cet annuaire présente <a href="/">14 structures</a> qui savent.</p>'],
    ['an apostrophe before a link', '<p>Voir l’<a href="/">annuaire</a>.</p>'],
    ['words in separate blocks', '<h2>Titre</h2><p>14 structures</p>'],
  ])('leaves %s alone', (_case, body) => {
    expect(kinds(body)).not.toContain('glued');
  });

  it.each([
    ['« et 1 autres »', `<p>Nextcloud · Paheko · et 1${NBSP}autres</p>`],
    ['« 1 structures »', '<p>1 structures</p>'],
    ['« 1 recommandations »', `<p>1${NBSP}recommandations vérifiées</p>`],
    ['« 0 projets »', '<p>0 projets</p>'],
    ['« 3 structure »', '<p>3 structure</p>'],
    ['« 1 500 recommandation »', `<p>1${NNBSP}500 recommandation</p>`],
    ['a count split over elements', '<p><strong>1</strong> structures</p>'],
    ['« les 1 structure »', `<p>Les 1${NBSP}structure qui interviennent partout</p>`],
  ])('finds the plural mistake %s', (_case, body) => {
    expect(kinds(body)).toContain('plural');
  });

  it.each([
    ['« 1 structure »', '<p>1 structure, 0 projet, 3 structures, 2 autres</p>'],
    ['« 1 fois », « 1 mois »', '<p>1 fois par mois, pendant 1 mois</p>'],
    ['a decimal', '<p>1,5 jours</p>'],
    ['a date', '<p>1 mars 2026</p>'],
    ['thousands', `<p>2${NNBSP}001 structures</p>`],
    ['a plural determiner before more than one', `<p>Les 10 structures, des 1${NNBSP}500${NBSP}€, les 1,5 jours</p>`],
  ])('leaves %s alone', (_case, body) => {
    expect(kinds(body)).not.toContain('plural');
  });

  it.each([
    ['a plain space before « : »', '<p>Membre : CHATONS</p>'],
    ['no space before « ? »', '<p>Par où commencer?</p>'],
    ['a plain space before « ! »', '<p>Merci !</p>'],
    ['a plain space before « ; »', '<p>d’abord ; ensuite</p>'],
    ['a plain space after « « »', `<p>« citation${NBSP}»</p>`],
    ['no space before « » »', `<p>«${NBSP}citation»</p>`],
    ['a plain space across an element', '<p><strong>Note</strong> : voir plus bas</p>'],
    ['a missing space in the page title', ''],
  ])('finds %s', (name, body) => {
    const html = name.includes('title')
      ? '<!doctype html><html lang="fr"><head><title>Accessibilité : conforme</title></head><body></body></html>'
      : page(body);
    expect(typographyFindings(html).map((f) => f.kind)).toContain('space');
  });

  it.each([
    ['no-break spaces', `<p>Membre${NBSP}: CHATONS${NNBSP}; vraiment${NNBSP}?! «${NBSP}oui${NBSP}»${NNBSP}!</p>`],
    ['a time', '<p>Rendez-vous à 10:30 précises.</p>'],
    ['an address', '<p>Voir https://nuage.example.org/a?b=1&amp;c=2 ou mailto:contact@example.org</p>'],
    ['an e-mail address', '<p>Écrire à contact@example.org</p>'],
    ['code', '<p>Le champ <code>status: verified</code> suffit.</p>'],
    ['a ratio', '<p>Un rapport 3:2.</p>'],
  ])('leaves %s alone', (_case, body) => {
    expect(kinds(body)).not.toContain('space');
  });

  it('says what is wrong and shows where, no-break spaces made visible', () => {
    const [finding] = typographyFindings(page(`<p>Merci${NBSP}! Membre : CHATONS</p>`));
    expect(finding).toEqual({
      kind: 'space',
      message: expect.stringContaining('espace insécable'),
      excerpt: 'Merci⍽! Membre : CHATONS',
    });
  });
});
