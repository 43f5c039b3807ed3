/**
 * The pieces of the no-account forms that need no browser: the YAML they
 * write, the forges' new-file addresses, the entry they prepare from the
 * answers and its verdict (the same as `npm run check`'s on the file it
 * writes), the forms' words, the blank file for those without JavaScript,
 * and the small INSEE tables the browser reads.
 */
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formFields } from '../../src/forms/fields.ts';
import { newFileUrl } from '../../src/domain/forge.ts';
import { prepareEntry, type FormSettings } from '../../src/forms/submit.ts';
import * as providerKind from '../../src/forms/kinds/providers.ts';
import * as recommendationKind from '../../src/forms/kinds/recommendations.ts';
import type { KindModule } from '../../src/forms/start.ts';
import { blankEntry } from '../../src/forms/template.ts';
import { entryFile } from '../../src/forms/yaml.ts';
import { CHARTER } from '../../src/forms/policy.ts';
import type { Content } from '../../src/domain/content.ts';
import { bodyIssues } from '../../src/domain/rules/markdown.ts';
import { mightBeRefused } from '../../src/domain/rules/text.ts';
import { lastStepHeading, mailSubject, nextSteps } from '../../src/domain/next-steps.ts';
import { requiresStartingPrice } from '../../src/domain/directory/starting-price.ts';
import { typeFields } from '../../src/fields/index.ts';
import { loadContent } from '../../src/loader/index.ts';
import { parseSource } from '../../src/loader/parse.ts';
import { entryTypes } from '../../src/schemas/index.ts';
import { metaOf, objectShape, schemaAt } from '../../src/schemas/introspect.ts';
import { allPostcodes } from '../../src/schemas/postcodes-all.ts';
import { postcodesNear } from '../../src/schemas/postcodes-near.ts';
import {
  GEOGRAPHY_FILE,
  GEOGRAPHY_NAMES_FILE,
  geographyModule,
  geographyNamesModule,
  postcodeEntries,
  postcodesModules,
} from '../../scripts/lib/insee-modules.ts';
import { BASE, check, removeCorpora, TODAY } from '../content/helpers.ts';

afterAll(removeCorpora);

let content: Content;
beforeAll(async () => {
  content = (await loadContent(BASE)).content;
});

function frontMatter(file: string): unknown {
  const parsed = parseSource(Buffer.from(file), 'markdown', 1 << 20);
  expect(parsed.problems).toEqual([]);
  return parsed.data;
}

describe('the forms’ YAML file', () => {
  it('reads back identical, even for texts YAML would otherwise read differently', () => {
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

describe('the forge’s « new file » page', () => {
  const file = '---\nname: Essai & co\n---\nTexte ?\n';
  it('on GitHub: /new/<branch>?filename=…&value=…', () => {
    const url = new URL(
      newFileUrl({ forge: 'github', url: 'https://github.com/asso/annuaire', branch: 'main' }, 'content/providers/essai.md', file),
    );
    expect(url.pathname).toBe('/asso/annuaire/new/main');
    expect(url.searchParams.get('filename')).toBe('content/providers/essai.md');
    expect(url.searchParams.get('value')).toBe(file);
  });
  it('on GitLab: /-/new/<branch>/<folder>?file_name=…&content=…', () => {
    const url = new URL(
      newFileUrl({ forge: 'gitlab', url: 'https://gitlab.com/groupe/annuaire.git', branch: 'main' }, 'content/providers/essai.md', file),
    );
    expect(url.pathname).toBe('/groupe/annuaire/-/new/main/content/providers');
    expect(url.searchParams.get('file_name')).toBe('essai.md');
    expect(url.searchParams.get('content')).toBe(file);
  });
  it('on Forgejo and Codeberg: /_new/<branch>/<folder>/?filename=…&value=…', () => {
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
  it('opens empty without content', () => {
    expect(newFileUrl({ forge: 'github', url: 'https://github.com/asso/annuaire', branch: 'main' }, 'content/providers/x.md')).toBe(
      'https://github.com/asso/annuaire/new/main?filename=content%2Fproviders%2Fx.md',
    );
  });
});

describe('the entry prepared from the answers', () => {
  const settings = (type: FormSettings['type']): FormSettings => ({
    type,
    repository: content.settings!.repository,
    contactEmail: content.settings!.contact_email,
    folder: 'content',
  });
  /** What the form offers, as the page does: the terms of each vocabulary, the published structures. */
  const offered = () => ({ taxonomies: content.taxonomies, providerIds: [...content.ids.providers] });
  const kinds: Record<FormSettings['type'], KindModule> = { providers: providerKind, recommendations: recommendationKind };
  const prepare = (type: FormSettings['type'], data: Record<string, unknown>, body: string) =>
    prepareEntry(settings(type), kinds[type], { data, body }, offered(), TODAY);

  it('a recommendation always waits for verification, is named <provider>--<association>, and leaves empty answers out', async () => {
    const entry = await prepare(
      'recommendations',
      {
        provider: 'nuage-des-exemples',
        association: { name: 'Les Amis du Canal (essai)', rna: '', siren: '', city: 'Rennes', department: '35', size: '', website: '' },
        project: { title: 'Un Nextcloud pour le bureau', start: '2026-01-10', end: '2026-06-30', services: ['hebergement'], tools: [] },
        ratings: Object.fromEntries(content.taxonomies.criteria.map((c, i) => [c.slug, i % 2 ? null : 4])),
        recommend: true,
        // Someone who edits the page cannot make it verified.
        verification: { status: 'verified', date: '2026-07-01', method: 'visite', by: 'moi' },
      },
      'Un accompagnement patient et clair, avec des ateliers le samedi pour les bénévoles.',
    );
    expect(entry.problems).toEqual([]);
    expect(entry.filePath).toBe('content/recommendations/nuage-des-exemples--les-amis-du-canal-essai.md');
    const data = frontMatter(entry.file) as Record<string, Record<string, unknown>>;
    expect(data.verification).toEqual({ status: 'pending' });
    expect(data.association).toEqual({ name: 'Les Amis du Canal (essai)', city: 'Rennes', department: '35' });
    expect(data.project!.tools).toEqual([]);
  });

  it('a new listing is reviewed today, and its charter signed today; unsigned, the form says why it must be', async () => {
    const entry = await prepare('providers', { ...goodProvider(), charter_signed: TODAY }, LONG_DESCRIPTION);
    expect(entry.problems).toEqual([]);
    const data = frontMatter(entry.file) as Record<string, unknown>;
    expect(data.updated).toBe(TODAY);
    expect(data.charter_signed).toBe(TODAY);
    const unsigned = await prepare('providers', goodProvider(), LONG_DESCRIPTION);
    expect(unsigned.problems).toEqual([{ path: 'charter_signed', message: CHARTER.missing }]);
  });

  it('says every problem at once, the schema’s and the rules’, in the forms’ words', async () => {
    const entry = await prepare('recommendations', { association: {}, project: { end: '2099-01-01' }, ratings: {} }, 'Trop court.');
    const byPath = Object.fromEntries(entry.problems.map((p) => [p.path, p.message]));
    expect(byPath).toMatchObject({
      provider: 'Choisissez la structure recommandée.',
      'association.name': 'Indiquez le nom de l’association.',
      'project.title': 'Dites en quelques mots ce que vous avez fait ensemble.',
      'project.start': 'Indiquez la date de début.',
      'project.services': 'Cochez au moins un service reçu.',
      recommend: 'Dites si vous recommanderiez cette structure : oui ou non.',
      // The rule runs although the schema refused the entry.
      'project.end': 'Le projet se termine le 01/01/2099, dans le futur : une recommandation porte sur un accompagnement terminé.',
      body: 'Le témoignage est trop court : au moins 50 caractères (actuellement 11).',
    });
    expect(byPath['ratings.besoins-compris']).toBe(
      `Choisissez une note de 1 à 5, ou « Non concerné », pour la question « ${content.taxonomies.criteria[0]!.label} ».`,
    );
  });

  it('a name a typed field could not read is said on that field, instead of what the schema would say of the empty answer', async () => {
    const slip = {
      path: 'association.department',
      message: 'Le département : « Corse » peut désigner Corse-du-Sud (2A) et Haute-Corse (2B), précisez lequel.',
    };
    const entry = await prepareEntry(
      settings('recommendations'),
      kinds.recommendations,
      { data: { association: { department: '' }, project: {}, ratings: {} }, body: '', slips: [slip] },
      offered(),
      TODAY,
    );
    expect(entry.problems.filter((p) => p.path.startsWith('association.department'))).toEqual([slip]);
    expect(entry.problems.some((p) => p.path === 'association.name')).toBe(true);
  });

  it('asks a starting price unless the service is free or pay-what-you-want, and says why', async () => {
    const quoted = goodProvider();
    delete (quoted.pricing as Record<string, unknown>).from_eur;
    const entry = await prepare('providers', { ...quoted, charter_signed: TODAY }, LONG_DESCRIPTION);
    expect(entry.problems).toEqual([
      {
        path: 'pricing.from_eur',
        message:
          'Indiquez le prix de départ, en euros : les critères de l’annuaire demandent un ordre de grandeur, sauf pour un accompagnement gratuit ou à prix libre.',
      },
    ]);
    expect(['gratuit', 'prix-libre'].map(requiresStartingPrice)).toEqual([false, false]);
    expect(['devis', 'forfait', 'adhesion'].map(requiresStartingPrice)).toEqual([true, true, true]);
  });
});

/** A complete listing, as the provider form's answers give it (the charter aside). */
function goodProvider(): Record<string, unknown> {
  return {
    name: 'Atelier Coopératif d’Essai',
    structure: 'cooperative',
    networks: [],
    website: 'https://atelier-essai.example.org',
    contact: { email: 'contact@atelier-essai.example.org', phone: '', form: '' },
    location: { city: 'Lyon', postcode: '69001', department: '69' },
    area: { national: false, remote: true, regions: [], departments: ['69'] },
    services: ['diagnostic', 'formation-utilisateurs'],
    tools: ['nextcloud'],
    sizes: ['petite'],
    pricing: { model: 'devis', from_eur: 150, details: '', url: '' },
    languages: ['fr', 'br'],
    availability: { status: 'ouvert', wait_weeks: '' },
  };
}
const LONG_DESCRIPTION =
  'L’Atelier Coopératif d’Essai accompagne les associations lyonnaises qui quittent les outils des GAFAM : diagnostic de leurs usages, choix de logiciels libres, formation des bénévoles et des salarié·es, puis suivi pendant six mois.';

function goodRecommendation(): Record<string, unknown> {
  return {
    provider: 'nuage-des-exemples',
    association: {
      name: 'Amicale Laïque d’Essai',
      rna: 'W381234567',
      siren: '',
      city: 'Grenoble',
      department: '38',
      size: 'petite',
      website: '',
    },
    project: { title: 'Quitter Google Drive', start: '2026-03-01', end: '2026-06-30', services: ['hebergement'], tools: ['nextcloud'] },
    ratings: { 'besoins-compris': 5, autonomie: null, support: 4 },
    recommend: true,
  };
}
const TESTIMONY =
  'Deux ateliers le samedi matin, une fiche par bénévole, et des réponses rapides ensuite : nous avons quitté Drive sans peine.';

describe('the browser’s verdict equals npm run check’s on the same entries', () => {
  type Case = [string, FormSettings['type'], Record<string, unknown>, string];
  const withCharter = (data: Record<string, unknown>) => ({ ...data, charter_signed: TODAY });
  const provider = (change: (d: Record<string, unknown>) => void) => {
    const data = withCharter(goodProvider());
    change(data);
    return data;
  };
  const recommendation = (change: (d: Record<string, unknown>) => void) => {
    const data = goodRecommendation();
    change(data);
    return data;
  };
  const at = (data: Record<string, unknown>, key: string) => data[key] as Record<string, unknown>;
  const cases: Case[] = [
    ['a complete listing', 'providers', withCharter(goodProvider()), LONG_DESCRIPTION],
    [
      'no name, an http address, a postcode of another département',
      'providers',
      provider((d) => {
        d.name = '';
        d.website = 'http://atelier.example.org';
        at(d, 'location').department = '38';
      }),
      LONG_DESCRIPTION,
    ],
    [
      'no area, no service, a training year in the future, a postcode that does not exist',
      'providers',
      provider((d) => {
        d.area = { national: false, remote: false, regions: [], departments: [] };
        d.services = [];
        d.trained = 2099;
        at(d, 'location').postcode = '69999';
      }),
      LONG_DESCRIPTION,
    ],
    [
      'raw HTML and an http link in the description',
      'providers',
      withCharter(goodProvider()),
      `${LONG_DESCRIPTION}\n\n<b>Gras</b> et [notre site](http://atelier.example.org).`,
    ],
    [
      'a description too short and a SIREN whose key is wrong',
      'providers',
      provider((d) => {
        d.siren = '123456789';
      }),
      'Trop court.',
    ],
    ['a complete recommendation', 'recommendations', goodRecommendation(), TESTIMONY],
    [
      'a project that ends in the future, and two answers missing',
      'recommendations',
      recommendation((d) => {
        at(d, 'project').end = '2099-06-30';
        at(d, 'association').name = '';
        delete d.recommend;
      }),
      TESTIMONY,
    ],
    [
      'availability unanswered',
      'providers',
      provider((d) => {
        d.availability = { status: '', wait_weeks: '' };
      }),
      LONG_DESCRIPTION,
    ],
    [
      'a wait announced while taking new associations',
      'providers',
      provider((d) => {
        d.availability = { status: 'ouvert', wait_weeks: 4 };
      }),
      LONG_DESCRIPTION,
    ],
    [
      'a project that ends before it starts',
      'recommendations',
      recommendation((d) => {
        at(d, 'project').end = '2026-01-01';
      }),
      TESTIMONY,
    ],
    [
      'a criterion unanswered, an e-mail in the testimony, a phone number as the city',
      'recommendations',
      recommendation((d) => {
        delete at(d, 'ratings').support;
        at(d, 'association').city = '04 76 00 00 00';
      }),
      `${TESTIMONY} Écrivez à claire@exemple.org.`,
    ],
    [
      'a structure nobody knows, a wrong RNA',
      'recommendations',
      recommendation((d) => {
        d.provider = 'structure-inconnue';
        at(d, 'association').rna = 'W12';
      }),
      TESTIMONY,
    ],
  ];

  it.each(cases)('%s', async (_, type, data, body) => {
    const settings: FormSettings = {
      type,
      repository: content.settings!.repository,
      contactEmail: content.settings!.contact_email,
      folder: 'content',
    };
    const kind = type === 'providers' ? providerKind : recommendationKind;
    const inBrowser = await prepareEntry(
      settings,
      kind,
      { data, body },
      { taxonomies: content.taxonomies, providerIds: [...content.ids.providers] },
      TODAY,
    );
    // The check reads the very file the form writes.
    const file = inBrowser.filePath.replace(/^content\//, '');
    const result = await check({ [file]: inBrowser.file });
    const ofFile = result.problems.filter((p) => p.file === file);
    const errors = ofFile.filter((p) => p.severity === 'error').map((p) => p.path);
    const unique = (paths: string[]) => [...new Set(paths)].sort();
    expect(unique(inBrowser.problems.map((p) => p.path))).toEqual(unique(errors));
    expect(inBrowser.problems.length === 0).toBe(errors.length === 0);
  });

  it('differs in one way only: a new listing must show a starting price, a listing already written is warned', async () => {
    // Left empty, as the form sends an unanswered question.
    const data = provider((d) => (at(d, 'pricing').from_eur = ''));
    const settings: FormSettings = {
      type: 'providers',
      repository: content.settings!.repository,
      contactEmail: content.settings!.contact_email,
      folder: 'content',
    };
    const inBrowser = await prepareEntry(
      settings,
      providerKind,
      { data, body: LONG_DESCRIPTION },
      { taxonomies: content.taxonomies, providerIds: [] },
      TODAY,
    );
    const file = inBrowser.filePath.replace(/^content\//, '');
    const ofFile = (await check({ [file]: inBrowser.file })).problems.filter((p) => p.file === file);
    expect(inBrowser.problems.map((p) => p.path)).toEqual(['pricing.from_eur']);
    expect(ofFile.map((p) => [p.path, p.severity])).toEqual([['pricing.from_eur', 'warning']]);
  });
});

describe('the forms’ words', () => {
  /** Every message of a prepared entry: none repeats its field’s name, none speaks of quotes, HTML or mailto:. */
  function expectFormWords(problems: Array<{ path: string; message: string }>, type: FormSettings['type']) {
    const schema = entryTypes[type].schema;
    for (const { path, message } of problems) {
      expect(message, message).not.toMatch(/["“”]|guillemet|HTML|mailto:|identifiant|\(\w+\)\s*:/i);
      expect(message, message).toMatch(/^[A-ZÀ-Ý]/);
      const field = path === 'body' ? undefined : schemaAt(schema, path.split(/[.[\]]+/).filter(Boolean));
      const title = field ? metaOf(field).title : undefined;
      if (title) expect(message.toLowerCase().split(title.toLowerCase()).length - 1, message).toBeLessThanOrEqual(1);
    }
  }

  it('speak of what the person typed or picked, once, for every field that can go wrong', async () => {
    const settings = (type: FormSettings['type']): FormSettings => ({
      type,
      repository: content.settings!.repository,
      contactEmail: 'a@b.org',
      folder: 'content',
    });
    const bad = [
      await prepareEntry(
        settings('providers'),
        providerKind,
        { data: {}, body: '' },
        { taxonomies: content.taxonomies, providerIds: [] },
        TODAY,
      ),
      await prepareEntry(
        settings('providers'),
        providerKind,
        {
          data: {
            name: 'X',
            website: 'https://exa mple.org',
            siren: '12',
            contact: { email: 'pas-un-mail', phone: '12', form: 'ftp://x' },
            location: { city: 'L', postcode: '690', department: '99' },
            area: { regions: ['00'], departments: [] },
            pricing: { model: 'devis', from_eur: -3, details: 'x'.repeat(400) },
            languages: ['français'],
            trained: 1999,
          },
          body: '<div>Bonjour</div> www.exemple.org',
        },
        { taxonomies: content.taxonomies, providerIds: [] },
        TODAY,
      ),
      await prepareEntry(
        settings('recommendations'),
        recommendationKind,
        {
          data: {
            provider: 'x',
            association: { name: 'A', rna: '123', siren: '1', website: 'http://x.org', department: '100', size: 'immense' },
            project: { title: 'abc', start: '2026-02-30', end: '2026-01-01', services: [] },
            ratings: { 'besoins-compris': 9 },
          },
          body: '',
        },
        { taxonomies: content.taxonomies, providerIds: [] },
        TODAY,
      ),
    ];
    for (const [index, entry] of bad.entries()) {
      expect(entry.problems.length).toBeGreaterThan(4);
      expectFormWords(entry.problems, index < 2 ? 'providers' : 'recommendations');
    }
    const messages = bad.flatMap((e) => e.problems.map((p) => p.message));
    expect(messages).toContain('Le code postal du siège compte 5 chiffres, par exemple 38000.');
    expect(messages).toContain('Choisissez le département du siège dans la liste.');
    expect(messages).toContain('Écrivez la description.');
    expect(messages).toContain('Écrivez le témoignage.');
    if (process.env.SHOW_FORM_WORDS) console.log(messages.join('\n'));
  });

  it('every question of both forms has a noun to be named by', () => {
    for (const type of ['providers', 'recommendations'] as const) {
      const schema = entryTypes[type].schema;
      const walk = (fields: ReturnType<typeof formFields>) => {
        for (const field of fields) {
          if (field.fields) {
            if (field.widget === 'object' && metaOf(schemaAt(schema, field.path.split('.'))!).taxonomy === 'criteria') continue;
            walk(field.fields);
            continue;
          }
          if (field.path === 'body' || field.sign || field.widget === 'boolean') continue;
          expect(metaOf(schemaAt(schema, field.path.split('.'))!).noun, field.path).toBeTruthy();
        }
      };
      walk(formFields(type, content.taxonomies, []));
    }
  });

  it('the last step names what is sent, and the e-mail its subject', () => {
    expect(lastStepHeading('recommendations')).toBe('Dernière étape\u00A0: envoyez votre recommandation');
    expect(lastStepHeading('providers')).toBe('Dernière étape\u00A0: envoyez votre fiche');
    expect(mailSubject('recommendations', { provider: 'Nuage des Exemples', association: 'Amicale' })).toBe(
      'Recommandation de Nuage des Exemples par Amicale',
    );
    expect(nextSteps('recommendations', 'sous un mois').join(' ')).toContain('contacte votre association sous un mois');
  });
});

describe('the blank file, for those without JavaScript', () => {
  it('comments every field a contributor fills, the review date included, and reads as YAML', () => {
    const fields = typeFields('providers', content.taxonomies).filter((f) => !f.committee && f.widget !== 'image');
    const template = blankEntry(fields, entryTypes.providers.body);
    const data = frontMatter(template) as Record<string, unknown>;
    const asked = Object.keys(objectShape(entryTypes.providers.schema)!).filter((key) => key !== 'logo');
    expect(Object.keys(data)).toEqual(asked);
    expect(template).toContain('# Type de structure (obligatoire).');
    expect(template).toContain('cooperative (Coopérative (SCOP, SCIC, CAE))');
    expect(data.languages).toEqual(['fr']);
  });
});

describe('the INSEE tables the browser reads', () => {
  it('the compact postcodes give, for every five-digit code, the départements the communes file gives', async () => {
    const full = await postcodeEntries();
    const compact = allPostcodes();
    const differing: string[] = [];
    for (let n = 0; n < 100_000; n++) {
      const code = String(n).padStart(5, '0');
      const expected = [...(full.get(code) ?? [])].sort().join('/');
      if ([...compact(code)].sort().join('/') !== expected) differing.push(code);
    }
    expect(differing).toEqual([]);
    // A form loads only the tenth its postcode needs, and it tells the same.
    for (const code of ['01000', '20000', '20090', '69001', '97400', '98000', '12345']) {
      expect([...(await postcodesNear(code))(code)].sort()).toEqual([...(full.get(code) ?? [])].sort());
    }
  });

  it('are as npm run docs writes them from @etalab/decoupage-administratif (run « npm run docs » otherwise)', async () => {
    for (const [file, text] of await postcodesModules()) expect(await readFile(file, 'utf8'), file).toBe(text);
    expect(await readFile(GEOGRAPHY_FILE, 'utf8')).toBe(geographyModule());
    expect(await readFile(GEOGRAPHY_NAMES_FILE, 'utf8')).toBe(geographyNamesModule());
  });
});

describe('the Markdown reader comes only for a text that needs it', () => {
  it('a text without « < », « [ », « www. » or « http:// » has nothing to refuse', () => {
    // Pseudo-random texts from the characters of links, addresses and punctuation.
    const alphabet = [
      'a',
      'b',
      ' ',
      '\n',
      ':',
      '/',
      '.',
      '@',
      'h',
      't',
      'p',
      's',
      'w',
      '*',
      '_',
      '!',
      '(',
      ')',
      '&',
      '#',
      '`',
      '>',
      '-',
      '1',
      'é',
      'https://x.org',
      'mailto:a@b.fr',
      'javascript:',
    ];
    let seed = 7;
    const next = () => (seed = (seed * 48271) % 2147483647);
    for (let i = 0; i < 3000; i++) {
      const text = Array.from({ length: 5 + (next() % 60) }, () => alphabet[next() % alphabet.length]).join('');
      if (!mightBeRefused(text)) expect(bodyIssues(text), JSON.stringify(text)).toEqual([]);
    }
    expect(mightBeRefused('Voir www.exemple.org')).toBe(true);
    expect(bodyIssues('Voir www.exemple.org')).toHaveLength(1);
  });
});

describe('the long lists of the forms', () => {
  it('are typed by name: places, tools and languages; short lists stay boxes to tick', () => {
    const typed = (type: FormSettings['type']) => {
      const out: Record<string, string | undefined> = {};
      const walk = (fields: ReturnType<typeof formFields>) => {
        for (const field of fields) {
          if (field.fields) walk(field.fields);
          else if (field.options && field.widget !== 'relation') out[field.path] = field.typed;
        }
      };
      walk(formFields(type, content.taxonomies, []));
      return out;
    };
    expect(typed('providers')).toMatchObject({
      'location.department': 'departments',
      'area.regions': 'regions',
      'area.departments': 'departments',
      tools: 'vocabulary',
      languages: 'vocabulary',
      services: undefined,
      networks: undefined,
      sizes: undefined,
    });
    expect(typed('recommendations')).toMatchObject({
      'association.department': 'departments',
      'project.tools': 'vocabulary',
      'project.services': undefined,
    });
    // Each typed field is named in the form's messages by its noun.
    const tools = formFields('providers', content.taxonomies, []).find((f) => f.path === 'tools')!;
    expect(tools.noun).toBe('les logiciels libres');
  });
});

describe('the availability in the provider form', () => {
  it('is asked of every new listing, its date filled in with the day it is sent', async () => {
    const group = formFields('providers', content.taxonomies, []).find((f) => f.path === 'availability')!;
    expect(group.required).toBe(true);
    expect(group.fields!.map((f) => [f.path, f.required])).toEqual([
      ['availability.status', true],
      ['availability.wait_weeks', false],
    ]);
    const settings: FormSettings = {
      type: 'providers',
      repository: content.settings!.repository,
      contactEmail: content.settings!.contact_email,
      folder: 'content',
    };
    const offered = { taxonomies: content.taxonomies, providerIds: [] };
    const data = { ...goodProvider(), charter_signed: TODAY, availability: { status: 'liste-attente', wait_weeks: 5 } };
    const sent = await prepareEntry(settings, providerKind, { data, body: LONG_DESCRIPTION }, offered, TODAY);
    expect(sent.problems).toEqual([]);
    expect(sent.file).toContain(`availability:\n  status: liste-attente\n  wait_weeks: 5\n  stated: ${TODAY}\n`);
    const unanswered = { ...data, availability: { status: '', wait_weeks: '' } };
    const refused = await prepareEntry(settings, providerKind, { data: unanswered, body: LONG_DESCRIPTION }, offered, TODAY);
    expect(refused.problems.map((p) => [p.path, p.message])).toEqual([['availability.status', 'Choisissez la disponibilité.']]);
  });
});
