/**
 * The rules across files (src/domain/rules/catalogue.ts, documented in
 * docs/contenu.md), the checks that come with them and the warnings: for each, a corpus that respects it
 * and a file that breaks it, with where and how the check says so.
 *
 * Each bad file lives in tests/content/fixtures/bad/ under the name of the
 * mistake it shows, and is laid over a copy of the valid base corpus.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CheckResult } from '../../src/check/index.ts';
import { reservedProviderSlugs } from '../../src/domain/routes.ts';
import { at, check, edited, fixture, problemsOf, removeCorpora, the } from '../content/helpers.ts';

afterAll(removeCorpora);

/** Amounts as the messages write them: « 2 500 € », with a narrow no-break space between thousands. */
const euros = (n: number) => `${n.toLocaleString('fr-FR')} €`;

const bad = (relative: string) => the('bad', relative);
const warning = (relative: string) => the('warnings', relative);

/** A valid corpus: none of the rules below complains about it. */
let base: CheckResult;
beforeAll(async () => {
  base = await check();
});

it('finds no problem at all in the base corpus', () => {
  expect(base.problems).toEqual([]);
  expect(base.files).toBe(17);
});

describe('each file matches its schema exactly', () => {
  it('refuses an unknown field and suggests the one that was meant', async () => {
    expect(await problemsOf(bad('providers/unknown-field.md'))).toEqual([
      at(2, 1, 'website', 'ce champ est obligatoire (Site web)'),
      at(5, 1, 'webiste', 'le champ « webiste » n’existe pas ici. Vouliez-vous dire « website » ?'),
    ]);
  });

  it('refuses an unknown field inside a group of fields', async () => {
    const file = edited('providers/nuage-des-exemples.md', ['  phone: "04', '  telephone: "04']);
    const [problem] = await problemsOf({ 'providers/nuage-des-exemples.md': file });
    expect(problem).toEqual(at(9, 3, 'contact.telephone', 'le champ « telephone » n’existe pas ici.'));
    expect(problem!.message).toContain('Champs possibles : email, phone, form.');
  });

  it('asks for a missing required field', async () => {
    expect(await problemsOf(bad('providers/missing-website.md'))).toEqual([at(2, 1, 'website', 'ce champ est obligatoire')]);
  });

  it('refuses a value outside a list and suggests the nearest', async () => {
    expect(await problemsOf(bad('providers/unknown-structure.md'))).toEqual([
      at(3, 12, 'structure', '« asociation » n’est pas une valeur possible (Type de structure). Vouliez-vous dire « association » ?'),
    ]);
  });

  it.each<[string, string, Array<[string | RegExp, string]>, string, string]>([
    [
      'a provider without any service',
      'providers/nuage-des-exemples.md',
      [['services: [diagnostic, hebergement, migration, formation-utilisateurs]', 'services: []']],
      'services',
      'indiquez au moins un service',
    ],
    [
      'a provider without any association size',
      'providers/nuage-des-exemples.md',
      [['sizes: [petite, moyenne]', 'sizes: []']],
      'sizes',
      'indiquez au moins une taille d’association accompagnée',
    ],
    [
      'a provider with a negative price',
      'providers/cooperative-exemple-libre.md',
      [['from_eur: 25', 'from_eur: -5']],
      'pricing.from_eur',
      'un prix ne peut pas être négatif',
    ],
    [
      'a provider with a logo outside the site',
      'providers/cooperative-exemple-libre.md',
      [['updated:', 'logo: /logos/../../secret.png\nupdated:']],
      'logo',
      'le chemin du logo ne peut pas remonter de dossier',
    ],
    [
      'a provider whose name is one letter',
      'providers/nuage-des-exemples.md',
      [['name: Nuage des Exemples', 'name: N']],
      'name',
      'texte trop court (Nom de la structure) : au moins 2 caractères (actuellement 1)',
    ],
    [
      'a recommendation without its association’s name',
      'recommendations/nuage-des-exemples--velo-exemple.md',
      [['  name: Vélo Exemple\n', '']],
      'association.name',
      'ce champ est obligatoire (Nom de l’association)',
    ],
    [
      'a recommendation that does not say whether it recommends',
      'recommendations/nuage-des-exemples--velo-exemple.md',
      [['recommend: false\n', '']],
      'recommend',
      'ce champ est obligatoire',
    ],
    [
      'a recommendation without any service received',
      'recommendations/nuage-des-exemples--velo-exemple.md',
      [['services: [hebergement]', 'services: []']],
      'project.services',
      'indiquez au moins un service reçu',
    ],
    [
      'a verifier written as a full name',
      'recommendations/nuage-des-exemples--velo-exemple.md',
      [['by: copil-sacha', 'by: Sacha Martin']],
      'verification.by',
      'l’identifiant du membre du comité',
    ],
    [
      'a project without its software',
      'projects/agenda-partage-exemple.md',
      [[/software:\n.*\n.*\n/, '']],
      'software',
      'ce champ est obligatoire',
    ],
    [
      'a project of an unknown kind',
      'projects/agenda-partage-exemple.md',
      [['kind: fonctionnalite', 'kind: fonctionalite']],
      'kind',
      'Vouliez-vous dire « fonctionnalite » ?',
    ],
    [
      'settings that do not say whether the data is a demo',
      'settings.yml',
      [['demo: true\n', '']],
      'demo',
      'ce champ est obligatoire (Données de démonstration)',
    ],
  ])('refuses %s', async (_case, file, replacements, fieldPath, message) => {
    const problems = await problemsOf({ [file]: edited(file, ...replacements) });
    expect(problems).toEqual([expect.objectContaining({ path: fieldPath, severity: 'error', message: expect.stringContaining(message) })]);
  });

  it('refuses a testimony too short to tell anything', async () => {
    const file = 'recommendations/nuage-des-exemples--velo-exemple.md';
    expect(await problemsOf({ [file]: edited(file, [/---\n[^-]+$/, '---\nTrès bien.\n']) })).toEqual([
      at(24, 1, 'body', 'Le témoignage est trop court : au moins 50 caractères (actuellement 10).'),
    ]);
  });

  it('refuses a missing description, in words that agree with it', async () => {
    const file = 'providers/nuage-des-exemples.md';
    expect(await problemsOf({ [file]: edited(file, [/---\n[^-]+$/, '---\n']) })).toEqual([
      at(29, 1, 'body', 'La description manque : écrivez-la sous la ligne « --- » qui ferme l’en-tête.'),
    ]);
    const page = 'pages/a-propos.md';
    expect(await problemsOf({ [page]: edited(page, [/---\n[^-]+$/, '---\n']) })).toEqual([
      at(5, 1, 'body', 'Le texte manque : écrivez-le sous la ligne « --- » qui ferme l’en-tête.'),
    ]);
  });

  it('refuses a YAML file of the wrong kind (a partner with an unknown kind)', async () => {
    expect(await problemsOf(bad('partners/unknown-kind.yml'))).toEqual([
      at(3, 7, 'kind', 'Valeurs possibles : reseau-associatif, collectif-technique, federation, institution.'),
    ]);
  });

  it('refuses a SIREN whose Luhn key is wrong', async () => {
    expect(await problemsOf(bad('providers/siren-wrong-key.md'))).toEqual([at(4, 8, 'siren', 'sa clé de contrôle est fausse')]);
  });

  it('asks for at least one area where the provider works', async () => {
    expect(await problemsOf(bad('providers/no-area.md'))).toEqual([at(14, 3, 'area', 'indiquez au moins une zone d’intervention')]);
  });

  it('refuses a negative goal', async () => {
    expect(await problemsOf(bad('projects/negative-goal.md'))).toEqual([at(12, 11, 'goal_eur', 'un montant est supérieur à 0 €')]);
  });

  it('refuses a description too short to tell associations anything', async () => {
    expect(await problemsOf(bad('providers/short-description.md'))).toEqual([
      at(28, 1, 'body', 'La description est trop courte : au moins 200 caractères (actuellement 11).'),
    ]);
  });

  it('refuses a rating outside 1–5, accepts null for a criterion that did not apply', async () => {
    expect(await problemsOf(bad('recommendations/nuage-des-exemples--rating-out-of-range.md'))).toEqual([
      at(15, 20, 'ratings.besoins-compris', 'une note va de 1 à 5'),
    ]);
    const withNull = edited('recommendations/nuage-des-exemples--jardins-de-l-exemple.md', ['autonomie: 4', 'autonomie: null']);
    expect(await problemsOf({ 'recommendations/nuage-des-exemples--jardins-de-l-exemple.md': withNull })).toEqual([]);
  });

  describe('a verified or rejected recommendation says when, how and by whom', () => {
    it('accepts a pending recommendation without any of them', async () => {
      const pending = edited('recommendations/nuage-des-exemples--jardins-de-l-exemple.md', [
        /verification:[\s\S]*?---/,
        'verification:\n  status: pending\n---',
      ]);
      expect(await problemsOf({ 'recommendations/nuage-des-exemples--jardins-de-l-exemple.md': pending })).toEqual([]);
    });

    it('refuses a verified recommendation without method nor verifier', async () => {
      expect(await problemsOf(bad('recommendations/nuage-des-exemples--verified-without-method.md'))).toEqual([
        at(20, 3, 'verification.method', 'une recommandation vérifiée doit indiquer la méthode (method)'),
        at(20, 3, 'verification.by', 'une recommandation vérifiée doit indiquer qui l’a vérifiée (by)'),
      ]);
    });

    it('refuses a rejected recommendation without its date', async () => {
      const file = 'recommendations/atelier-en-attente--ludotheque-exemple.md';
      expect(await problemsOf({ [file]: edited(file, ['  date: 2026-07-01\n', '']) })).toEqual([
        at(16, 3, 'verification.date', 'une recommandation refusée doit indiquer la date de vérification (date)'),
      ]);
    });
  });
});

describe('every reference resolves (references-resolve)', () => {
  it('refuses a recommendation of a provider that does not exist, and suggests the near one', async () => {
    expect(await problemsOf(bad('recommendations/nuage-des-exempels--provider-typo.md'))).toEqual([
      at(2, 11, 'provider', 'aucune structure n’a l’identifiant « nuage-des-exempels ». Vouliez-vous dire « nuage-des-exemples » ?'),
    ]);
  });

  it('does not call a provider unknown when only its file is invalid (that file is reported instead)', async () => {
    const result = await check({
      'providers/nuage-des-exemples.md': edited('providers/nuage-des-exemples.md', ['website: https://nuage.example.org\n', '']),
    });
    expect(result.problems).toEqual([expect.objectContaining({ file: 'providers/nuage-des-exemples.md', path: 'website' })]);
  });

  it('refuses a project whose maker is not a provider', async () => {
    expect(await problemsOf(bad('projects/unknown-maker.md'))).toEqual([
      at(19, 8, 'maker', 'aucune structure n’a l’identifiant « nuage-des-exempels ». Vouliez-vous dire « nuage-des-exemples » ?'),
    ]);
  });

  describe('every taxonomy slug is a known term', () => {
    it.each([
      [
        'providers/unknown-service.md',
        16,
        24,
        'services[1]',
        '« hebergment » n’est pas un service connu. Vouliez-vous dire « hebergement » ?',
      ],
      [
        'providers/unknown-tool.md',
        17,
        20,
        'tools[1]',
        '« colabora-online » n’est pas un outil connu. Vouliez-vous dire « collabora-online » ?',
      ],
      ['providers/unknown-network.md', 4, 12, 'networks[0]', '« chaton » n’est pas un réseau connu. Vouliez-vous dire « chatons » ?'],
      [
        'recommendations/nuage-des-exemples--unknown-service.md',
        12,
        26,
        'project.services[1]',
        '« migation » n’est pas un service connu. Vouliez-vous dire « migration » ?',
      ],
      [
        'resources/unknown-service.md',
        5,
        12,
        'services[0]',
        '« diagnostics » n’est pas un service connu. Vouliez-vous dire « diagnostic » ?',
      ],
    ])('%s', async (file, line, column, fieldPath, message) => {
      const problems = await problemsOf(bad(file));
      expect(problems).toEqual([at(line, column, fieldPath, message)]);
      expect(problems[0]!.message).toContain('Les valeurs possibles sont dans content/taxonomies/');
    });

    it('refuses a rating of an unknown criterion and asks for the missing one', async () => {
      expect(await problemsOf(bad('recommendations/nuage-des-exemples--unknown-criterion.md'))).toEqual([
        at(15, 3, 'ratings.autonomie', 'il manque la note du critère « autonomie »'),
        at(16, 13, 'ratings.autonomy', '« autonomy » n’est pas un critère connu. Vouliez-vous dire « autonomie » ?'),
      ]);
    });

    it('asks for a rating of every criterion', async () => {
      expect(await problemsOf(bad('recommendations/nuage-des-exemples--missing-criterion.md'))).toEqual([
        at(
          15,
          3,
          'ratings.support',
          'il manque la note du critère « support » : ajoutez « support: » suivi d’une note de 1 à 5, ou de « null »',
        ),
      ]);
    });

    it('refuses two terms of a taxonomy with the same slug, pointing at the second', async () => {
      const problems = await problemsOf(bad('taxonomies/services.yml'));
      expect(problems).toEqual([
        at(17, 11, 'terms[5].slug', 'un identifiant s’écrit en minuscules sans accents'),
        at(20, 11, 'terms[6].slug', 'l’identifiant « hebergement » est déjà utilisé par l’élément 2'),
      ]);
    });

    it('reports an unreadable taxonomy once, not each of its slugs as unknown', async () => {
      const result = await check({ 'taxonomies/tools.yml': 'slug: nextcloud\nlabel: Nextcloud\n' });
      expect(result.problems).toEqual([
        expect.objectContaining({
          file: 'taxonomies/tools.yml',
          line: 1,
          column: 1,
          message: expect.stringContaining('ce fichier doit commencer par « terms: »'),
        }),
      ]);
      const missing = await check({ 'taxonomies/criteria.yml': null });
      expect(missing.problems).toEqual([
        expect.objectContaining({ file: 'taxonomies/criteria.yml', message: expect.stringContaining('le fichier de taxonomie manque') }),
      ]);
    });

    it('says on the vocabulary’s file which files still use a term it no longer lists (vocabulary-terms-in-use)', async () => {
      // Nextcloud, taken out of the list: two providers and two recommendations still name it.
      const tools = fixture('base/taxonomies/tools.yml').replace(/ {2}- slug: nextcloud\n( {4}.*\n)+?(?= {2}- )/, '');
      expect(tools).not.toContain('nextcloud');
      const result = await check({ 'taxonomies/tools.yml': tools });
      const onVocabulary = result.problems.filter((p) => p.file === 'taxonomies/tools.yml');
      expect(onVocabulary).toEqual([at(1, 1, 'terms', 'le logiciel « nextcloud » n’est pas (ou plus) dans cette liste')]);
      expect(onVocabulary[0]!.message).toBe(
        'le logiciel « nextcloud » n’est pas (ou plus) dans cette liste, mais 4\u00a0fichiers l’utilisent : providers/cooperative-exemple-libre.md · providers/nuage-des-exemples.md · recommendations/nuage-des-exemples--jardins-de-l-exemple.md · recommendations/nuage-des-exemples--velo-exemple.md ; remettez-le dans la liste s’il en a été retiré, sinon corrigez ces fichiers.',
      );
      // Each of those files says it too, where it names the term.
      expect(result.problems.filter((p) => p.file !== 'taxonomies/tools.yml').map((p) => `${p.file} ${p.path}`)).toEqual([
        'providers/cooperative-exemple-libre.md tools[0]',
        'providers/nuage-des-exemples.md tools[0]',
        'recommendations/nuage-des-exemples--jardins-de-l-exemple.md project.tools[0]',
        'recommendations/nuage-des-exemples--velo-exemple.md project.tools[0]',
      ]);
    });

    it('counts a criterion as used by the recommendations that rate it', async () => {
      const criteria = fixture('base/taxonomies/criteria.yml').replace(/ {2}- slug: support\n( {4}.*\n)+/, '');
      expect(criteria).not.toContain('support');
      const result = await check({ 'taxonomies/criteria.yml': criteria });
      const [problem] = result.problems.filter((p) => p.file === 'taxonomies/criteria.yml');
      expect(problem!.message).toMatch(
        /^le critère « support » n’est pas \(ou plus\) dans cette liste, mais 5\u00a0fichiers l’utilisent : recommendations\//,
      );
    });

    it('names the first ten files only, and how many more', async () => {
      const overlay: Record<string, string> = {
        'taxonomies/tools.yml': fixture('base/taxonomies/tools.yml').replace('slug: paheko', 'slug: paheko-cloud'),
      };
      const provider = fixture('base/providers/cooperative-exemple-libre.md');
      for (let i = 1; i <= 12; i++) {
        overlay[`providers/cooperative-${String(i).padStart(2, '0')}.md`] = provider
          .replace(/^name: .*$/m, `name: Coopérative numéro ${i}`)
          .replace(/^siren: .*$/m, '');
      }
      const result = await check(overlay);
      const [problem] = result.problems.filter((p) => p.file === 'taxonomies/tools.yml');
      expect(problem!.message).toContain('mais 14\u00a0fichiers l’utilisent : providers/cooperative-01.md · ');
      expect(problem!.message).toContain(' · providers/cooperative-10.md · et 4\u00a0autres ; ');
    });

    it('still reports unknown slugs against a readable taxonomy with an invalid term', async () => {
      const tools = `${fixture('base/taxonomies/tools.yml')}  - slug: Pas-Un-Slug\n    label: Outil mal écrit\n    description: Un terme dont l’identifiant est invalide.\n    license: MIT\n    website: https://outil.example.org\n`;
      const result = await check({ 'taxonomies/tools.yml': tools, ...bad('providers/unknown-tool.md') });
      expect(result.problems.map((p) => `${p.file} ${p.path}`)).toEqual([
        'providers/unknown-tool.md tools[1]',
        'taxonomies/tools.yml terms',
        'taxonomies/tools.yml terms[3].slug',
      ]);
    });
  });

  describe('every INSEE code is an official one', () => {
    it('refuses a département that does not exist', async () => {
      expect(await problemsOf(bad('providers/unknown-department.md'))).toEqual([
        at(12, 15, 'location.department', 'ce n’est pas un code de département INSEE'),
      ]);
    });

    it('refuses a région that does not exist', async () => {
      expect(await problemsOf(bad('providers/unknown-region.md'))).toEqual([
        at(15, 13, 'area.regions[0]', 'ce n’est pas un code de région INSEE'),
      ]);
    });

    it('asks for quotes around a département written as a number', async () => {
      expect(await problemsOf(bad('providers/department-without-quotes.md'))).toEqual([
        at(12, 15, 'location.department', 'écrivez cette valeur entre guillemets : « "38" »'),
      ]);
    });

    it('accepts Corsica and overseas départements', async () => {
      const file = edited(
        'providers/atelier-en-attente.md',
        ['city: Lyon', 'city: Ajaccio'],
        ['postcode: "69001"', 'postcode: "20000"'],
        ['department: "69"', 'department: "2A"'],
        ['departments: ["69", "01"]', 'departments: ["2A", "2B", "974"]'],
      );
      expect(await problemsOf({ 'providers/atelier-en-attente.md': file })).toEqual([]);
    });
  });

  describe('the postcode belongs to the département', () => {
    it('refuses a Lyon postcode declared in Isère, and names the right département', async () => {
      expect(await problemsOf(bad('providers/postcode-outside-department.md'))).toEqual([
        at(11, 13, 'location.postcode', 'le code postal « 69001 » n’appartient pas au département « 38 » mais à « 69 »'),
      ]);
    });

    it('refuses a postcode that no commune uses', async () => {
      expect(await problemsOf(bad('providers/unknown-postcode.md'))).toEqual([
        at(11, 13, 'location.postcode', 'le code postal « 38999 » n’existe pas'),
      ]);
    });
  });
});

describe('no duplicates (unique-siren, unique-term-slugs, one-recommendation-per-association)', () => {
  it('refuses a second provider with a SIREN already listed, naming the first', async () => {
    expect(await problemsOf(bad('providers/siren-already-listed.md'))).toEqual([
      at(4, 8, 'siren', 'le SIREN « 900000001 » est déjà celui de « Nuage des Exemples » (providers/nuage-des-exemples.md)'),
    ]);
  });

  it('refuses a second recommendation of one provider by the same association, whatever its case, accents or punctuation', async () => {
    expect(await problemsOf(bad('recommendations/nuage-des-exemples--same-association-again.md'))).toEqual([
      at(
        4,
        9,
        'association.name',
        "« LES JARDINS DE L'EXEMPLE ! » a déjà recommandé cette structure (recommendations/nuage-des-exemples--jardins-de-l-exemple.md)",
      ),
    ]);
  });

  it('recognises the same association by its RNA number under another name', async () => {
    const file = 'recommendations/nuage-des-exemples--jardins-renommes.md';
    const text = edited('recommendations/nuage-des-exemples--jardins-de-l-exemple.md', [
      'name: Les Jardins de l’Exemple',
      'name: Jardins Partagés de Grenoble',
    ]);
    expect(await problemsOf({ [file]: text })).toEqual([
      at(5, 8, 'association.rna', '(même numéro RNA que « Les Jardins de l’Exemple ») a déjà recommandé cette structure'),
    ]);
  });

  it('lets one association recommend two different providers', async () => {
    const file = 'recommendations/cooperative-exemple-libre--jardins-de-l-exemple.md';
    const text = edited(
      'recommendations/nuage-des-exemples--jardins-de-l-exemple.md',
      ['provider: nuage-des-exemples', 'provider: cooperative-exemple-libre'],
      ['services: [diagnostic, migration, formation-utilisateurs]', 'services: [hebergement]'],
    );
    expect(await problemsOf({ [file]: text })).toEqual([]);
  });
});

describe('an association cannot recommend itself (no-self-recommendation)', () => {
  it('refuses a recommendation under the provider’s own name, written differently', async () => {
    expect(await problemsOf(bad('recommendations/nuage-des-exemples--self-recommendation.md'))).toEqual([
      at(
        4,
        9,
        'association.name',
        'l’association a le même nom que « Nuage des Exemples » : une structure ne peut pas se recommander elle-même',
      ),
    ]);
  });

  it('refuses a recommendation with the provider’s own SIREN', async () => {
    expect(await problemsOf(bad('recommendations/cooperative-exemple-libre--self-recommendation-by-siren.md'))).toEqual([
      at(5, 10, 'association.siren', 'l’association a le même SIREN que « Coopérative Exemple Libre »'),
    ]);
  });

  it('accepts an association whose name only contains the provider’s', async () => {
    const file = 'recommendations/nuage-des-exemples--amis.md';
    const text = edited(
      'recommendations/nuage-des-exemples--jardins-de-l-exemple.md',
      ['name: Les Jardins de l’Exemple', 'name: Les Amis du Nuage des Exemples'],
      ['  rna: W381234567\n', ''],
    );
    expect(await problemsOf({ [file]: text })).toEqual([]);
  });
});

describe('dates are real, and what already happened is not in the future (dates-not-in-future, dates-in-order)', () => {
  it('refuses 30 February, accepts 29 February of a leap year', async () => {
    expect(await problemsOf(bad('providers/impossible-date.md'))).toEqual([
      at(25, 10, 'updated', 'indiquez une date réelle au format AAAA-MM-JJ'),
    ]);
    const leap = edited('providers/nuage-des-exemples.md', ['charter_signed: 2025-01-15', 'charter_signed: 2024-02-29']);
    expect(await problemsOf({ 'providers/nuage-des-exemples.md': leap })).toEqual([]);
  });

  it('refuses a project that ends in the future, accepts one that ends today', async () => {
    expect(await problemsOf(bad('recommendations/nuage-des-exemples--project-ends-in-the-future.md'))).toEqual([
      at(11, 8, 'project.end', 'le projet se termine le 31/05/2099, dans le futur'),
    ]);
    const file = 'recommendations/atelier-en-attente--chorale-exemple.md';
    expect(await problemsOf({ [file]: edited(file, ['end: 2026-10-15', 'end: 2026-11-28']) })).toEqual([]);
  });

  it('says a future end together with the schema’s own problems, not once they are fixed', async () => {
    const file = 'recommendations/atelier-en-attente--chorale-exemple.md';
    const both = edited(file, ['end: 2026-10-15', 'end: 2099-10-15'], [/recommend: (true|false)\n/, '']);
    const problems = await problemsOf({ [file]: both });
    expect(problems.map((p) => p.path).sort()).toEqual(['project.end', 'recommend']);
    expect(problems.find((p) => p.path === 'project.end')!.message).toContain('dans le futur');
  });

  it('refuses a project that ends before it starts', async () => {
    expect(await problemsOf(bad('recommendations/nuage-des-exemples--end-before-start.md'))).toEqual([
      at(11, 8, 'project.end', 'la fin du projet (end) est avant son début (start)'),
    ]);
  });

  it('refuses a verification in the future, accepts one made today', async () => {
    expect(await problemsOf(bad('recommendations/nuage-des-exemples--verified-in-the-future.md'))).toEqual([
      at(21, 9, 'verification.date', 'la date de vérification (10/06/2099) est dans le futur'),
    ]);
    const file = 'recommendations/nuage-des-exemples--velo-exemple.md';
    expect(await problemsOf({ [file]: edited(file, ['date: 2026-09-01', 'date: 2026-11-28']) })).toEqual([]);
  });

  it('refuses a verification before the end of the project, accepts one on the last day', async () => {
    expect(await problemsOf(bad('recommendations/nuage-des-exemples--verified-before-project-end.md'))).toEqual([
      at(21, 9, 'verification.date', 'la vérification (15/05/2026) précède la fin du projet (31/05/2026)'),
    ]);
    const file = 'recommendations/nuage-des-exemples--jardins-de-l-exemple.md';
    expect(await problemsOf({ [file]: edited(file, ['date: 2026-06-10', 'date: 2026-05-31']) })).toEqual([]);
  });

  it('refuses a pledge dated in the future, accepts one dated today', async () => {
    expect(await problemsOf(bad('projects/pledge-in-the-future.md'))).toEqual([
      at(15, 52, 'pledges[1].date', 'cette promesse est datée du 15/04/2099, dans le futur'),
    ]);
    const file = 'projects/agenda-partage-exemple.md';
    expect(await problemsOf({ [file]: edited(file, ['date: 2026-04-15', 'date: 2026-11-28']) })).toEqual([]);
  });

  it('refuses a pledge made before the project was proposed', async () => {
    expect(await problemsOf(bad('projects/pledge-before-proposal.md'))).toEqual([
      at(14, 55, 'pledges[0].date', 'cette promesse (20/01/2026) précède la proposition du projet (10/02/2026)'),
    ]);
  });

  it('refuses a project proposed in the future', async () => {
    expect(await problemsOf(bad('projects/proposed-in-the-future.md'))).toEqual([
      at(9, 11, 'proposed', 'la date de proposition (10/02/2099) est dans le futur'),
      at(14, 55, 'pledges[0].date', 'dans le futur'),
      at(15, 52, 'pledges[1].date', 'dans le futur'),
    ]);
  });

  it('refuses a listing reviewed in the future, or a training year to come', async () => {
    expect(await problemsOf(bad('providers/updated-in-the-future.md'))).toEqual([
      at(25, 10, 'updated', 'la date de relecture (01/01/2099) est dans le futur'),
    ]);
    const file = 'providers/nuage-des-exemples.md';
    expect(await problemsOf({ [file]: edited(file, ['trained: 2024', 'trained: 2027']) })).toEqual([
      at(25, 10, 'trained', 'l’année de formation 2027 est dans le futur'),
    ]);
  });

  it('refuses an availability stated in the future, accepts one stated today', async () => {
    const file = 'providers/nuage-des-exemples.md';
    expect(await problemsOf({ [file]: edited(file, ['stated: 2026-10-01', 'stated: 2026-11-29']) })).toEqual([
      at(27, 41, 'availability.stated', 'la date de la disponibilité (29/11/2026) est dans le futur'),
    ]);
    expect(await problemsOf({ [file]: edited(file, ['stated: 2026-10-01', 'stated: 2026-11-28']) })).toEqual([]);
  });
});

describe('what a project announces adds up (milestones-add-up, status-matches-funding)', () => {
  it('accepts milestones that add up to the goal, or no milestones at all', async () => {
    const file = 'projects/agenda-partage-exemple.md';
    expect(base.problems.filter((p) => p.file === file)).toEqual([]);
    const without = edited(file, [/milestones:\n( {2}- .*\n)+/, '']);
    expect(await problemsOf({ [file]: without })).toEqual([]);
  });

  it('refuses milestones that do not add up to the goal', async () => {
    expect(await problemsOf(bad('projects/milestones-do-not-add-up.md'))).toEqual([
      at(17, 3, 'milestones', `les étapes totalisent ${euros(2500)} mais l’objectif (goal_eur) est de ${euros(3000)}`),
    ]);
  });

  it('refuses « finance » while pledges fall short of the goal, accepts it once they reach it', async () => {
    expect(await problemsOf(bad('projects/funded-without-enough-pledges.md'))).toEqual([
      at(
        8,
        9,
        'status',
        `le statut « finance » suppose que l’objectif est atteint, mais les promesses totalisent ${euros(1200)} sur ${euros(3000)}`,
      ),
    ]);
    const file = 'projects/agenda-partage-exemple.md';
    const funded = edited(file, ['status: en-financement', 'status: finance'], ['amount_eur: 700', 'amount_eur: 2500']);
    expect(await problemsOf({ [file]: funded })).toEqual([]);
  });

  it.each(['en-developpement', 'livre'])('refuses « %s » while pledges fall short of the goal', async (status) => {
    const file = 'projects/agenda-partage-exemple.md';
    const problems = await problemsOf({ [file]: edited(file, ['status: en-financement', `status: ${status}`]) });
    expect(problems).toContainEqual(at(8, 9, 'status', `le statut « ${status} » suppose que l’objectif est atteint`));
  });

  it('refuses « livre » while a milestone is not done, accepts it once all are', async () => {
    expect(await problemsOf(bad('projects/delivered-with-milestone-not-done.md'))).toEqual([
      at(19, 79, 'milestones[1].done', 'le projet est « livre » mais l’étape « Développement et tests » n’est pas terminée'),
    ]);
    const file = 'projects/delivered-with-milestone-not-done.md';
    const delivered = fixtureWith(file, ['due: 2027-03-31, done: false', 'due: 2027-03-31, done: true']);
    expect(await problemsOf({ [file]: delivered })).toEqual([]);
  });
});

describe('links lead only where they should, and bodies hold no HTML (safe-markdown-links, no-raw-html)', () => {
  it.each([
    ['providers/http-website.md', 5, 10, 'website'],
    ['projects/http-payment-url.md', 20, 14, 'payment_url'],
    ['partners/http-url.yml', 2, 6, 'url'],
  ])('refuses an http: address in %s', async (file, line, column, fieldPath) => {
    expect(await problemsOf(bad(file))).toEqual([
      at(line, column, fieldPath, 'indiquez une adresse web complète qui commence par « https:// »'),
    ]);
  });

  it('accepts https:, mailto: and site-relative links in bodies (the base corpus has each)', () => {
    expect(base.content.providers.find((p) => p.id === 'nuage-des-exemples')!.body).toMatch(/\(\/pages\/charte\/\)[\s\S]*\(mailto:/);
    expect(base.content.providers.find((p) => p.id === 'cooperative-exemple-libre')!.body).toContain('(https://');
    expect(base.problems).toEqual([]);
  });

  it('refuses http: and javascript: links, each where it stands', async () => {
    expect(await problemsOf(bad('providers/unsafe-links-in-body.md'))).toEqual([
      at(30, 45, 'body', 'le lien « http://nuage.example.org » n’est pas accepté. Utilisez l’adresse en « https:// ».'),
      at(30, 92, 'body', 'le lien « javascript:alert(1) » n’est pas accepté. Un lien commence par « https:// », « mailto: » ou « / »'),
    ]);
  });

  it.each([
    ['a link hidden behind HTML entities', '[site](&#106;avascript:alert(1))', 'javascript:alert(1)'],
    ['a protocol-relative link', '[site](//pistage.example.com)', '//pistage.example.com'],
    ['a data: link', '[site](data:text/html;base64,PHNjcmlwdD4=)', 'data:text/html'],
    ['a reference definition', '[site][ref]\n\n[ref]: http://pistage.example.com', 'http://pistage.example.com'],
    ['a bare www. address', 'Voir www.pistage.example.com pour tout savoir.', 'http://www.pistage.example.com'],
  ])('refuses %s', async (_case, markdown, shown) => {
    const file = 'pages/a-propos.md';
    const problems = await problemsOf({ [file]: `${fixture('base/pages/a-propos.md')}\n${markdown}\n` });
    expect(problems.length).toBeGreaterThan(0);
    expect(problems[0]).toEqual(expect.objectContaining({ path: 'body', message: expect.stringContaining(`le lien « ${shown}`) }));
  });

  it('refuses raw HTML, tag by tag', async () => {
    expect(await problemsOf(bad('providers/raw-html-in-body.md'))).toEqual([
      at(28, 141, 'body', 'le HTML n’est pas accepté dans le texte (« <iframe src="https://pistage.example.com… »)'),
      at(28, 183, 'body', '(« </iframe> »)'),
    ]);
    expect(await problemsOf(bad('pages/raw-html.md'))).toEqual([
      at(5, 69, 'body', '« <div onclick="alert(1)"> »'),
      at(5, 100, 'body', '« </div> »'),
    ]);
  });

  it('refuses an image from another site, which visitors’ browsers would fetch', async () => {
    expect(await problemsOf(bad('providers/external-image-in-body.md'))).toEqual([
      at(28, 141, 'body', 'l’image « https://images.example.com/logo.png » vient d’un autre site'),
    ]);
  });

  it('accepts an image served by the site itself', async () => {
    const file = 'pages/a-propos.md';
    expect(await problemsOf({ [file]: `${fixture('base/pages/a-propos.md')}\n![Carte](/images/carte.png)\n` })).toEqual([]);
  });
});

describe('a testimony speaks for an association and publishes nobody’s contact details', () => {
  it('refuses an e-mail address in a testimony', async () => {
    expect(await problemsOf(bad('recommendations/nuage-des-exemples--personal-email-in-testimony.md'))).toEqual([
      at(25, 188, 'body', 'le témoignage contient une adresse e-mail (« claire.martin@courriel.example.com »)'),
    ]);
  });

  it('refuses a phone number in a testimony', async () => {
    expect(await problemsOf(bad('recommendations/nuage-des-exemples--personal-phone-in-testimony.md'))).toEqual([
      at(26, 19, 'body', 'le témoignage contient un numéro de téléphone'),
    ]);
  });

  it('refuses contact details in the fields too, whatever the field', async () => {
    const file = 'recommendations/nuage-des-exemples--jardins-de-l-exemple.md';
    const text = edited(
      file,
      ['title: Quitter Google Drive pour un Nextcloud partagé', 'title: Projet suivi par claire.martin@courriel.example.com'],
      ['city: Grenoble', 'city: Grenoble 04 76 12 34 56'],
    );
    expect(await problemsOf({ [file]: text })).toEqual([
      at(6, 9, 'association.city', 'ce champ contient une adresse e-mail ou un numéro de téléphone'),
      at(10, 10, 'project.title', 'ce champ contient une adresse e-mail ou un numéro de téléphone'),
    ]);
  });

  it('accepts years, amounts and counts that merely look like numbers', async () => {
    const file = 'recommendations/nuage-des-exemples--velo-exemple.md';
    const text = edited(file, ['plusieurs fois.', 'plusieurs fois. En 2026, 1 200 € et 12 34 56 bénévoles plus tard, tout va bien.']);
    expect(await problemsOf({ [file]: text })).toEqual([]);
  });
});

describe('an entry its schema refuses is still checked for what can be checked', () => {
  it('reports the missing field, the unknown service and the raw HTML of one provider in one run', async () => {
    expect(await problemsOf(bad('providers/rejected-yet-checked.md'))).toEqual([
      at(2, 1, 'website', 'ce champ est obligatoire'),
      at(15, 24, 'services[1]', '« hebergment » n’est pas un service connu. Vouliez-vous dire « hebergement » ?'),
      at(27, 141, 'body', '« <script> »'),
      at(27, 157, 'body', '« </script> »'),
    ]);
  });

  it('reports the unknown criterion and the e-mail address of a refused recommendation', async () => {
    expect(await problemsOf(bad('recommendations/nuage-des-exemples--rejected-with-personal-data.md'))).toEqual([
      at(15, 3, 'ratings.autonomie', 'il manque la note du critère « autonomie »'),
      at(16, 13, 'ratings.autonomy', 'Vouliez-vous dire « autonomie » ?'),
      at(18, 12, 'recommend', 'répondez par « true » (oui) ou « false » (non)'),
      at(25, 176, 'body', 'le témoignage contient une adresse e-mail'),
    ]);
  });
});

describe('file names: the identifier of each entry, and never a word of the directory’s own pages', () => {
  it.each(reservedProviderSlugs)(
    'refuses a provider file named « %s », which the directory’s own page at that address would hide',
    async (word) => {
      const problems = await problemsOf({ [`providers/${word}.md`]: fixture('base/providers/nuage-des-exemples.md') });
      expect(problems).toEqual([
        at(1, 1, '', `« ${word} » est un mot réservé aux pages de l’annuaire (/annuaire/${word}/) : renommez le fichier`),
      ]);
    },
  );

  it('accepts a provider whose file name only starts with a reserved word', async () => {
    const copy = edited('providers/nuage-des-exemples.md', [/siren: .*\n/, '']);
    expect(await problemsOf({ 'providers/service-numerique.md': copy })).toEqual([]);
  });

  it('refuses a file name with capitals or spaces, saying how to write one', async () => {
    expect(await problemsOf({ 'providers/Nuage Solidaire.md': fixture('base/providers/nuage-des-exemples.md') })).toEqual([
      at(1, 1, '', 'le nom du fichier « Nuage Solidaire.md » doit être un identifiant en minuscules sans accents ni espaces'),
    ]);
  });
});

describe('warnings are reported and never fail', () => {
  const today = '2026-11-28';

  it('warns about a listing not reviewed for 18 months, not about one reviewed 17 months ago', async () => {
    const result = await check(warning('providers/listing-not-reviewed-for-18-months.md'));
    expect(result.errors).toBe(0);
    expect(result.problems).toEqual([
      at(25, 10, 'updated', 'fiche relue pour la dernière fois le 10/01/2020, il y a plus de 18 mois', 'warning'),
    ]);
    const file = 'providers/atelier-en-attente.md';
    expect(await problemsOf({ [file]: edited(file, ['updated: 2026-11-01', 'updated: 2025-06-01']) }, file, today)).toEqual([]);
    expect(await problemsOf({ [file]: edited(file, ['updated: 2026-11-01', 'updated: 2025-05-28']) }, file, today)).toEqual([
      at(18, 10, 'updated', 'il y a plus de 18 mois', 'warning'),
    ]);
  });

  it('warns about a listing that does not state its availability, saying what to write', async () => {
    const file = 'providers/atelier-en-attente.md';
    const result = await check({ [file]: edited(file, ['availability: { status: ouvert, stated: 2026-10-01 }\n', '']) });
    expect(result.errors).toBe(0);
    expect(result.problems).toEqual([at(2, 1, 'availability', 'ne dit pas si la structure accepte de nouvelles associations', 'warning')]);
  });

  it('warns about an availability stated more than 6 months ago, not about one stated 6 months ago to the day', async () => {
    const file = 'providers/atelier-en-attente.md';
    const on = (day: string) => ({ [file]: edited(file, ['stated: 2026-10-01', `stated: ${day}`]) });
    expect(await problemsOf(on('2026-05-28'), file, today)).toEqual([]);
    expect(await problemsOf(on('2026-05-27'), file, today)).toEqual([
      at(19, 41, 'availability.stated', 'disponibilité indiquée le 27/05/2026, il y a plus de 6 mois', 'warning'),
    ]);
  });

  it('warns about a recommendation verified more than 36 months ago, not 35', async () => {
    const result = await check(warning('recommendations/nuage-des-exemples--verified-more-than-36-months-ago.md'));
    expect(result.errors).toBe(0);
    expect(result.problems).toEqual([
      at(21, 9, 'verification.date', 'recommandation vérifiée le 10/06/2020, il y a plus de 36 mois', 'warning'),
    ]);
    const file = 'recommendations/cooperative-exemple-libre--theatre-exemple.md';
    const recent = edited(
      file,
      ['start: 2025-11-01', 'start: 2023-11-01'],
      ['end: 2026-02-28', 'end: 2023-12-15'],
      ['date: 2026-03-20', 'date: 2023-12-29'],
    );
    expect(await problemsOf({ [file]: recent }, file, today)).toEqual([]);
  });

  it('warns about a service received that the provider does not list', async () => {
    const result = await check(warning('recommendations/cooperative-exemple-libre--service-the-provider-does-not-list.md'));
    expect(result.errors).toBe(0);
    expect(result.problems).toEqual([
      at(12, 27, 'project.services[1]', '« migration » ne figure pas parmi les services de « Coopérative Exemple Libre »', 'warning'),
    ]);
  });

  it('warns about a recommendation file not named <provider>--<association>.md', async () => {
    const result = await check(warning('recommendations/misnamed-recommendation.md'));
    expect(result.errors).toBe(0);
    expect(result.problems).toEqual([at(2, 1, '', 'le fichier devrait s’appeler « nuage-des-exemples--<association>.md »', 'warning')]);
  });
});

/** A bad fixture with one more replacement, to show its good twin. */
function fixtureWith(relative: string, [from, to]: [string, string]): string {
  const text = the('bad', relative)[relative] as string;
  if (!text.includes(from)) throw new Error(`« ${from} » is not in bad/${relative}`);
  return text.replace(from, to);
}

describe('a listing shows an order of magnitude of its prices (pricing-has-magnitude)', () => {
  it('warns about a listing on quotation without a starting price, never about a free one', async () => {
    const file = 'providers/atelier-en-attente.md';
    const result = await check({ [file]: edited(file, ['  from_eur: 200\n', '']) });
    expect(result.errors).toBe(0);
    expect(result.problems).toEqual([at(16, 3, 'pricing.from_eur', 'indiquez un ordre de grandeur de vos prix', 'warning')]);
    const free = edited(file, ['  model: devis\n  from_eur: 200\n', '  model: gratuit\n']);
    expect(await problemsOf({ [file]: free })).toEqual([]);
    const payWhatYouWant = edited(file, ['  model: devis\n  from_eur: 200\n', '  model: prix-libre\n']);
    expect(await problemsOf({ [file]: payWhatYouWant })).toEqual([]);
  });
});
