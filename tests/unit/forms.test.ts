/**
 * The pieces of the no-account forms that need no browser: the YAML they
 * write, the forges' new-file addresses, the entry they prepare from the
 * answers, and the blank file for those without JavaScript.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { formFields } from '../../src/forms/fields.ts';
import { newFileUrl } from '../../src/domain/forge.ts';
import { prepareEntry, type FormSettings } from '../../src/forms/submit.ts';
import { blankEntry } from '../../src/forms/template.ts';
import { entryFile } from '../../src/forms/yaml.ts';
import type { Content } from '../../src/domain/content.ts';
import { loadContent } from '../../src/loader/index.ts';
import { parseSource } from '../../src/loader/parse.ts';
import { entryTypes } from '../../src/schemas/index.ts';
import { objectShape } from '../../src/schemas/introspect.ts';

let content: Content;
beforeAll(async () => {
  content = (await loadContent('content')).content;
});

function frontMatter(file: string): unknown {
  const parsed = parseSource(Buffer.from(file), 'markdown', 1 << 20);
  expect(parsed.problems).toEqual([]);
  return parsed.data;
}

describe('le fichier YAML des formulaires', () => {
  it('se relit à l’identique, même pour les textes que YAML lirait autrement', () => {
    const data = {
      name: 'L’Atelier : « libre » # 1',
      postcode: '35000',
      department: '2A',
      code: '01',
      yes: 'yes',
      nothing: 'null',
      leading: ' espace',
      dash: '- liste',
      multi: 'deux\nlignes',
      date: '2026-11-20',
      number: 12,
      flag: false,
      empty: null,
      list: ['diagnostic', 'a, b', '35', 'true'],
      none: [],
      nested: { deep: { value: 'x: y' } },
      objects: [
        { funder: 'Fondation', amount_eur: 300, paid: true },
        { funder: 'Ville', amount_eur: 200, paid: false },
      ],
    };
    const file = entryFile(data, 'Le texte.\n');
    expect(frontMatter(file)).toEqual(data);
    expect(file).toContain('date: 2026-11-20\n');
    expect(file).toContain('list: [diagnostic, "a, b", "35", "true"]\n');
    expect(file.endsWith('---\nLe texte.\n')).toBe(true);
  });
});

describe('la page « nouveau fichier » de la forge', () => {
  const file = '---\nname: Essai & co\n---\nTexte ?\n';
  it('GitHub : /new/<branche>?filename=…&value=…', () => {
    const url = new URL(
      newFileUrl({ forge: 'github', url: 'https://github.com/asso/annuaire', branch: 'main' }, 'content/providers/essai.md', file),
    );
    expect(url.pathname).toBe('/asso/annuaire/new/main');
    expect(url.searchParams.get('filename')).toBe('content/providers/essai.md');
    expect(url.searchParams.get('value')).toBe(file);
  });
  it('GitLab : /-/new/<branche>/<dossier>?file_name=…&content=…', () => {
    const url = new URL(
      newFileUrl({ forge: 'gitlab', url: 'https://gitlab.com/groupe/annuaire.git', branch: 'main' }, 'content/providers/essai.md', file),
    );
    expect(url.pathname).toBe('/groupe/annuaire/-/new/main/content/providers');
    expect(url.searchParams.get('file_name')).toBe('essai.md');
    expect(url.searchParams.get('content')).toBe(file);
  });
  it('Forgejo et Codeberg : /_new/<branche>/<dossier>/?filename=…&value=…', () => {
    const url = new URL(
      newFileUrl(
        { forge: 'forgejo', url: 'https://codeberg.org/asso/annuaire/', branch: 'principale' },
        'content/recommendations/a--b.md',
        file,
      ),
    );
    expect(url.pathname).toBe('/asso/annuaire/_new/principale/content/recommendations/');
    expect(url.searchParams.get('filename')).toBe('a--b.md');
    expect(url.searchParams.get('value')).toBe(file);
  });
  it('sans contenu, la page s’ouvre vide', () => {
    expect(newFileUrl({ forge: 'github', url: 'https://github.com/asso/annuaire', branch: 'main' }, 'content/providers/x.md')).toBe(
      'https://github.com/asso/annuaire/new/main?filename=content%2Fproviders%2Fx.md',
    );
  });
});

describe('la fiche préparée à partir des réponses', () => {
  const settings = (type: FormSettings['type']): FormSettings => ({
    type,
    context: { taxonomies: content.taxonomies, providerIds: [...content.ids.providers], today: '2026-11-28' },
    repository: content.settings!.repository,
    contactEmail: content.settings!.contact_email,
    folder: 'content',
  });

  it('recommandation : toujours en attente de vérification, nommée <structure>--<association>, sans les réponses vides', () => {
    const answers = {
      data: {
        provider: 'octets-solidaires',
        association: { name: 'Les Amis du Canal (essai)', rna: '', siren: '', city: 'Rennes', department: '35', size: '', website: '' },
        project: { title: 'Un Nextcloud pour le bureau', start: '2026-01-10', end: '2026-06-30', services: ['hebergement'], tools: [] },
        ratings: Object.fromEntries(content.taxonomies.criteria.map((c, i) => [c.slug, i % 2 ? null : 4])),
        recommend: true,
        // Someone who edits the page cannot make it verified.
        verification: { status: 'verified', date: '2026-07-01', method: 'visite', by: 'moi' },
      },
      body: 'Un accompagnement patient et clair, avec des ateliers le samedi pour les bénévoles.',
    };
    const entry = prepareEntry(settings('recommendations'), answers);
    expect(entry.problems).toEqual([]);
    expect(entry.filePath).toBe('content/recommendations/octets-solidaires--les-amis-du-canal-essai.md');
    const data = frontMatter(entry.file) as Record<string, Record<string, unknown>>;
    expect(data.verification).toEqual({ status: 'pending' });
    expect(data.association).toEqual({ name: 'Les Amis du Canal (essai)', city: 'Rennes', department: '35' });
    expect(data.project!.tools).toEqual([]);
  });

  it('signale les erreurs avec le chemin du champ, comme la vérification', () => {
    const entry = prepareEntry(settings('providers'), {
      data: {
        name: 'X',
        structure: 'fondation',
        website: 'http://x.example.org',
        services: ['hebergment'],
        area: { national: false, remote: false, regions: [], departments: [] },
      },
      body: 'court',
    });
    const paths = entry.problems.map((p) => p.path);
    expect(paths).toEqual(expect.arrayContaining(['name', 'structure', 'website', 'services[0]', 'area', 'body', 'contact', 'updated']));
    expect(entry.problems.find((p) => p.path === 'website')!.message).toContain('https://');
  });
});

describe('le modèle vide, pour qui n’a pas JavaScript', () => {
  it('commente chaque champ que le formulaire demande, et se lit comme du YAML', () => {
    const fields = formFields('providers', content.taxonomies, []);
    const template = blankEntry(fields, entryTypes.providers.body);
    const data = frontMatter(template) as Record<string, unknown>;
    const asked = Object.keys(objectShape(entryTypes.providers.schema)!).filter((key) => key !== 'logo');
    expect(Object.keys(data)).toEqual(asked);
    expect(template).toContain('# Type de structure (obligatoire).');
    expect(template).toContain('cooperative (Coopérative (SCOP, SCIC, CAE))');
    expect(data.languages).toEqual(['fr']);
  });
});
