/** « Nous en avons besoin aussi » : the pre-filled request to the committee, and how many associations need a project. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { acceptsSupporters, NEED_FORM, needLinks, needRequest, supportersCount } from '../../src/domain/project-needs.ts';
import type { Repository } from '../../src/domain/forge.ts';
import { projectStatuses } from '../../src/schemas/project.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const github: Repository = { forge: 'github', url: 'https://github.com/org/annuaire.git', branch: 'main' };
const PAGE = 'https://asso.example.org/projets/paheko/';
const HOSTILE = 'Paheko "v2" & co <script>alert(1)</script> #1 ?template=piege.yml&title=x\nnouvelle ligne 50%';
/** The title once on the site: French typography, one line. */
const SHOWN = 'Paheko "v2" & co <script>alert(1)</script> #1 ?template=piege.yml&title=x nouvelle ligne 50%';

describe('how many associations need a project', () => {
  it('says the number with the verb agreeing, and nothing when there are none', () => {
    expect(supportersCount([])).toBeUndefined();
    expect(supportersCount(['Chorale'])).toBe('1\u00a0association en a besoin');
    expect(supportersCount(['Chorale', 'Vélo', 'Jardins'])).toBe('3\u00a0associations en ont besoin');
    expect(supportersCount(Array.from({ length: 1200 }, (_, i) => `Association ${i}`))).toBe('1\u202f200\u00a0associations en ont besoin');
  });

  it('is asked for on every project but a delivered one', () => {
    expect(projectStatuses.filter(acceptsSupporters)).toEqual([
      'proposition',
      'en-financement',
      'finance',
      'en-developpement',
      'abandonne',
    ]);
  });
});

describe('the request « Nous en avons besoin aussi »', () => {
  const request = needRequest({ title: HOSTILE }, PAGE);

  it('opens the forge’s issue form, its project field pre-filled, whatever the title holds', () => {
    const url = new URL(needLinks(request, github, 'comite@example.org').forge);
    expect(url.origin + url.pathname).toBe('https://github.com/org/annuaire/issues/new');
    expect([...url.searchParams.keys()]).toEqual(['template', 'title', NEED_FORM.fields.project]);
    expect(url.searchParams.get('template')).toBe(NEED_FORM.template);
    expect(url.searchParams.get(NEED_FORM.fields.project)).toBe(`${SHOWN} (${PAGE})`);
    expect(url.searchParams.get('title')).toBe(`Besoin\u00a0: «\u00a0${SHOWN}\u00a0»`);
    // Quotes, ampersands, angle brackets, « # » and line breaks are all encoded: the title cannot add a parameter nor end the address.
    expect(url.search).toMatch(/^\?[A-Za-z0-9%._*+=&-]+$/);
    expect(url.hash).toBe('');
  });

  it('writes an e-mail to the committee with the same questions, the title encoded', () => {
    const mail = needLinks(request, github, 'comite@example.org').mail;
    expect(mail).toMatch(/^mailto:comite@example\.org\?subject=[^&#\s"<>]+&body=[^&#\s"<>]+$/);
    const [, query] = mail.split('?');
    const params = Object.fromEntries(query!.split('&').map((pair) => pair.split('=').map(decodeURIComponent)));
    expect(params.subject).toBe(`Besoin\u00a0: «\u00a0${SHOWN}\u00a0»`);
    expect(params.body).toBe(
      [
        `Projet\u00a0: ${SHOWN} (${PAGE})`,
        '',
        'Nom de notre association\u00a0:',
        '',
        'Ce que nous en ferions\u00a0:',
        '',
        'Une adresse générique pour nous joindre (pas celle d’une personne)\u00a0:',
        '',
      ].join('\n'),
    );
  });

  it('asks the same questions as text on the forges whose forms cannot be pre-filled', () => {
    const gitlab = new URL(
      needLinks(request, { forge: 'gitlab', url: 'https://gitlab.com/org/annuaire', branch: 'main' }, 'c@e.org').forge,
    );
    expect(gitlab.pathname).toBe('/org/annuaire/-/issues/new');
    expect(gitlab.searchParams.get('issue[title]')).toBe(request.title);
    expect(gitlab.searchParams.get('issue[description]')).toBe(request.body);
    const forgejo = new URL(
      needLinks(request, { forge: 'forgejo', url: 'https://codeberg.org/org/annuaire', branch: 'main' }, 'c@e.org').forge,
    );
    expect(forgejo.pathname).toBe('/org/annuaire/issues/new');
    expect(forgejo.searchParams.get('body')).toBe(request.body);
  });

  it('pre-fills fields that exist in the issue form, with the questions the e-mail asks', async () => {
    const form = parse(await readFile(path.join(root, '.github/ISSUE_TEMPLATE', NEED_FORM.template), 'utf8')) as {
      body: Array<{ type: string; id?: string; validations?: { required?: boolean } }>;
    };
    const fields = new Map(form.body.filter((f) => f.id).map((f) => [f.id!, f]));
    for (const id of Object.values(NEED_FORM.fields)) expect(fields.has(id), id).toBe(true);
    // The pre-filled project is one line: an input keeps it whole.
    expect(fields.get(NEED_FORM.fields.project)!.type).toBe('input');
    expect(fields.get(NEED_FORM.fields.association)!.validations?.required).toBe(true);
  });
});
