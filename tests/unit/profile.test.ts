import { describe, expect, it } from 'vitest';
import { serialiseJsonLd } from '../../src/domain/directory/profile.ts';
import { mailUrl, newIssueUrl } from '../../src/domain/forge.ts';
import { withBase } from '../../src/domain/routes.ts';

describe('structured data of a profile', () => {
  it('cannot close its <script> element, whatever a name holds', () => {
    const json = serialiseJsonLd({ name: 'Évil </script><script>alert(1)</script> & co' });
    expect(json).not.toMatch(/[<>&]/);
    expect(JSON.parse(json)).toEqual({ name: 'Évil </script><script>alert(1)</script> & co' });
  });
});

describe('reporting an error (« Signaler une erreur »)', () => {
  it('opens a new issue on the forge of the repository, pre-filled', () => {
    const github = new URL(newIssueUrl({ forge: 'github', url: 'https://github.com/org/annuaire/', branch: 'main' }, 'Erreur', 'Texte'));
    expect(github.pathname).toBe('/org/annuaire/issues/new');
    expect(github.searchParams.get('title')).toBe('Erreur');
    expect(github.searchParams.get('body')).toBe('Texte');
    const gitlab = new URL(newIssueUrl({ forge: 'gitlab', url: 'https://gitlab.com/org/annuaire', branch: 'main' }, 'Erreur', 'Texte'));
    expect(gitlab.pathname).toBe('/org/annuaire/-/issues/new');
    expect(gitlab.searchParams.get('issue[description]')).toBe('Texte');
  });

  it('offers an e-mail for people without an account', () => {
    expect(mailUrl('comite@example.org', 'Erreur « x »', 'a b')).toBe(
      'mailto:comite@example.org?subject=Erreur%20%C2%AB%20x%20%C2%BB&body=a%20b',
    );
  });
});

describe('links written by contributors', () => {
  it('get the base path when the site lives under one', () => {
    const html = '<p><a href="/annuaire/">annuaire</a> <a href="https://x.org/">x</a> <a href="mailto:a@b.fr">m</a></p>';
    expect(withBase(html, '/emancipasso/')).toBe(
      '<p><a href="/emancipasso/annuaire/">annuaire</a> <a href="https://x.org/">x</a> <a href="mailto:a@b.fr">m</a></p>',
    );
    expect(withBase(html, '/')).toBe(html);
  });
});
