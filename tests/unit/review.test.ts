/**
 * `npm run review` on real git repositories: a base commit holds a small
 * directory (tests/review/base), and branches add a provider, change fields,
 * verify a recommendation, fund a project, remove or break entries. The
 * review must say each of these in plain French and exit with the right code.
 */
import { spawnSync } from 'node:child_process';
import { cp, mkdtemp, readdir, readFile, rm, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkContent } from '../../src/check/index.ts';
import type { Review } from '../../src/review/changes.ts';
import { formatAnnotations, formatMarkdown, formatText } from '../../src/review/format.ts';
import { runReview } from '../../src/review/run.ts';
import { editUrl, formatStaleMarkdown, staleCount, staleReport } from '../../src/review/stale.ts';
import { escapeMarkdown, plain } from '../../src/review/text.ts';
import { writeCorpus } from '../../scripts/lib/corpus.ts';

const project = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const fixture = path.join(project, 'tests/review/base');
const reviewScript = path.join(project, 'scripts/review.ts');
const TODAY = '2026-11-28';

let repo: string;

function git(...args: string[]): string {
  const result = spawnSync(
    'git',
    [
      '-c',
      'user.name=Comité',
      '-c',
      'user.email=comite@annuaire.example.org',
      '-c',
      'commit.gpgsign=false',
      '-c',
      'init.defaultBranch=main',
      ...args,
    ],
    { cwd: repo, encoding: 'utf8' },
  );
  if (result.status !== 0) throw new Error(`git ${args.join(' ')} : ${result.stderr}`);
  return result.stdout;
}

const file = (relative: string) => path.join(repo, 'content', relative);

async function edit(relative: string, change: (text: string) => string): Promise<void> {
  const before = await readFile(file(relative), 'utf8');
  const after = change(before);
  if (after === before) throw new Error(`the edit of ${relative} changed nothing`);
  await writeFile(file(relative), after);
}

/** A branch from main holding the changes `make` does, committed. */
async function branch(name: string, make: () => Promise<void>): Promise<void> {
  git('checkout', '-q', '-b', name, 'main');
  await make();
  git('add', '-A');
  git('commit', '-q', '-m', name);
  git('checkout', '-q', 'main');
}

/** French number formats use no-break spaces: compare with plain ones. */
const spaces = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

async function review(head: string): Promise<Review> {
  return runReview({ cwd: repo, base: 'main', head, today: TODAY });
}

const withoutContentDir = Object.fromEntries(Object.entries(process.env).filter(([key]) => key !== 'CONTENT_DIR'));

function cli(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [reviewScript, ...args, '--today', TODAY], {
    cwd: repo,
    encoding: 'utf8',
    env: withoutContentDir,
  });
  return { status: result.status, stdout: spaces(result.stdout), stderr: result.stderr };
}

const NEW_PROVIDER = `---
name: Logiciels du Coin
structure: cooperative
website: https://logiciels-du-coin.example.org
contact:
  email: contact@logiciels-du-coin.example.org
location:
  city: Rennes
  postcode: "35000"
  department: "35"
area:
  remote: true
  regions: ["53"]
services: [diagnostic, hebergement]
sizes: [petite]
pricing:
  model: prix-libre
updated: 2026-11-20
---
Logiciels du Coin est une coopérative bretonne qui aide les associations à choisir, installer et apprendre des logiciels libres. Nous commençons toujours par un diagnostic de vos outils, puis nous hébergeons ce dont vous avez besoin, près de chez vous.
`;

beforeAll(async () => {
  delete process.env.CONTENT_DIR;
  repo = await mkdtemp(path.join(tmpdir(), 'emancipasso-review-test-'));
  await cp(fixture, repo, { recursive: true });
  git('init', '-q');
  git('add', '-A');
  git('commit', '-q', '-m', 'Base');

  await branch('nouvelle-fiche', () => writeFile(file('providers/logiciels-du-coin.md'), NEW_PROVIDER));

  await branch('modification', async () => {
    await edit('providers/nuage-solidaire.md', (t) =>
      t
        .replace('website: https://nuage-solidaire.example.org', 'website: https://nuage.example.org')
        .replace('services: [diagnostic, hebergement]', 'services: [diagnostic, migration]')
        .replace('model: devis', 'model: prix-libre')
        .replace('regions: ["84"]', 'regions: ["84"]\n  departments: ["38", "73"]')
        .replace('aux petites structures', 'aux toutes petites structures'),
    );
  });

  await branch('verification', () =>
    edit('recommendations/atelier-libre--jardins-partages.md', (t) =>
      t.replace(
        'recommend: true\n',
        'recommend: true\nverification:\n  status: verified\n  date: 2026-11-03\n  method: entretien\n  by: copil-camille\n',
      ),
    ),
  );

  await branch('financement', () =>
    edit('projects/paheko-relances.md', (t) =>
      t.replace('paid: true }\n', 'paid: true }\n  - { funder: Les Amis du Canal, amount_eur: 500, date: 2026-11-10, paid: false }\n'),
    ),
  );

  await branch('suppression', async () => {
    await unlink(file('providers/nuage-solidaire.md'));
    await unlink(file('recommendations/nuage-solidaire--amis-du-canal.md'));
  });

  await branch('erreurs', async () => {
    await edit('providers/nuage-solidaire.md', (t) =>
      t.replace('website: https://nuage-solidaire.example.org', 'website: http://nuage-solidaire.example.org'),
    );
    await edit('recommendations/atelier-libre--jardins-partages.md', (t) => t.replace('support: null', 'support: 9'));
  });

  await branch('illisible', () =>
    edit('providers/nuage-solidaire.md', (t) => t.replace('name: Nuage Solidaire', 'name: "Nuage Solidaire\n  : [')),
  );

  await branch('vocabulaire', () =>
    edit('taxonomies/tools.yml', (t) =>
      t
        .replace(/ {2}- slug: nextcloud\n( {4}.*\n)+?(?= {2}- )/, '')
        .concat(
          '  - slug: zulip\n    label: Zulip\n    description: Messagerie d’équipe organisée en fils de discussion.\n    replaces: [Slack]\n    license: Apache-2.0\n    website: https://zulip.com\n',
        ),
    ),
  );

  await branch('ancienne-forme', () => edit('taxonomies/tools.yml', (t) => t.replace(/^terms:\n/, '').replace(/^ {2}/gm, '')));

  await branch('nom-hostile', () =>
    edit('providers/nuage-solidaire.md', (t) =>
      t.replace('name: Nuage Solidaire', 'name: "Nuage [clic](https://piege.example) <img src=x onerror=alert(1)> @exemple/comite"'),
    ),
  );
}, 60_000);

afterAll(async () => {
  if (repo) await rm(repo, { recursive: true, force: true });
});

describe('npm run review', () => {
  it('reports nothing when the branch changes no content', async () => {
    const result = await review('main');
    expect(result.changes).toEqual([]);
    expect(result.publication).toEqual([]);
    expect(result.errors).toBe(0);
    expect(formatText(result)).toContain('Aucun changement dans le contenu.');
  });

  it('announces a new provider with its services and area, from the command line', async () => {
    git('checkout', '-q', 'nouvelle-fiche');
    try {
      // No --head: the working tree is the proposed side.
      const { status, stdout, stderr } = cli(['--base', 'main']);
      expect(stderr).toBe('');
      expect(status).toBe(0);
      expect(stdout).toContain('Relecture du contenu : main → la copie de travail');
      expect(stdout).toContain(
        'Nouveau prestataire : Logiciels du Coin (Coopérative (SCOP, SCIC, CAE), Rennes ; services : Diagnostic des outils et des usages, Hébergement de services libres ; zone : à distance, Bretagne)',
      );
      // Every field of the new listing, with the schemas' French titles and value labels.
      expect(stdout).toContain('Type de structure : Coopérative (SCOP, SCIC, CAE)');
      expect(stdout).toContain('Siège › Département : Ille-et-Vilaine (35)');
      expect(stdout).toContain('Tarifs › Modèle de tarif : Prix libre');
      expect(stdout).toContain('Fiche revue le : 20 novembre 2026');
      // Without a verified recommendation it waits: nothing becomes public.
      expect(stdout).toContain('Aucun changement de ce qui est publié.');
      expect(stdout).toContain('✔ Aucune erreur');
    } finally {
      git('checkout', '-q', 'main');
    }
  });

  it('shows changed fields before → after, with labels from the schemas and the taxonomies', async () => {
    const text = spaces(formatText(await review('modification')));
    expect(text).toContain('Fiche modifiée : Nuage Solidaire');
    expect(text).toContain('Site web : https://nuage-solidaire.example.org → https://nuage.example.org');
    expect(text).toContain('Services : ajout : Migration des données ; retrait : Hébergement de services libres');
    expect(text).toContain('Tarifs › Modèle de tarif : Sur devis → Prix libre');
    expect(text).toContain('Zone d’intervention › Départements : ajout : Isère (38), Savoie (73)');
    expect(text).toMatch(/Description : texte modifié \(\d+ → \d+ caractères\)/);
    // Unchanged fields are not listed.
    expect(text).not.toContain('E-mail de contact');
  });

  it('says who verified a recommendation, when and how, and that the provider becomes published', async () => {
    const result = await review('verification');
    const text = spaces(formatText(result));
    expect(text).toContain(
      'Recommandation de Jardins Partagés de Rennes pour Atelier Libre : statut vérifiée par copil-camille le 3 novembre 2026 (entretien)',
    );
    expect(text).toContain('Vérification › Statut : En attente de vérification → Vérifiée');
    expect(text).toContain('Sera publié : Atelier Libre (recommandation vérifiée de Jardins Partagés de Rennes)');
    expect(result.errors).toBe(0);
  });

  it('shows a project’s funding before → after and the pledge added', async () => {
    const text = spaces(formatText(await review('financement')));
    expect(text).toContain('Projet modifié : Relance automatique des adhésions dans Paheko');
    expect(text).toContain(
      'Financement : 1 000 € promis sur 4 000 € (25 %), dont 1 000 € versés → 1 500 € promis sur 4 000 € (38 %), dont 1 000 € versés',
    );
    expect(text).toContain(
      'Promesses de financement : ajout de (Financeur : Les Amis du Canal, Montant (€) : 500 €, Date : 10 novembre 2026, Versé : non)',
    );
  });

  it('reports a removed provider and that it leaves the site', async () => {
    const text = formatText(await review('suppression'));
    expect(text).toContain('Prestataire supprimé : Nuage Solidaire');
    expect(text).toContain('Recommandation supprimée : de Les Amis du Canal pour Nuage Solidaire');
    expect(text).toContain('Ne sera plus publié : Nuage Solidaire (fiche supprimée)');
  });

  it('says a term added to a vocabulary, and a term removed while files still use it', async () => {
    const result = await review('vocabulaire');
    const text = spaces(formatText(result));
    expect(text).toContain('Vocabulaire « Logiciels libres » modifié');
    expect(text).toContain('Terme ajouté : Zulip (zulip)');
    expect(text).toContain(
      'Terme retiré : Nextcloud (nextcloud) — valeur retirée alors qu’elle est utilisée par 2 fichiers : content/providers/nuage-solidaire.md · content/recommendations/nuage-solidaire--amis-du-canal.md',
    );
    // The check refuses it, on the vocabulary's file too.
    expect(result.errors).toBeGreaterThan(0);
    expect(text).toContain('content/taxonomies/tools.yml:1:1 terms : Le logiciel « nextcloud » n’est pas (ou plus) dans cette liste');
  });

  it('says a vocabulary of the older shape converted, without calling its terms changed', async () => {
    const result = await runReview({ cwd: repo, base: 'ancienne-forme', head: 'main', today: TODAY });
    expect(result.changes).toHaveLength(1);
    const text = spaces(formatText(result));
    expect(text).toContain('Vocabulaire « Logiciels libres » modifié');
    expect(text).toContain('Fichier mis à la forme « terms: » : le comité peut désormais le modifier dans le CMS');
    expect(text).not.toContain('Terme');
    expect(result.errors).toBe(0);
  });

  it('lists every error with file, line and field, annotates the files, and exits with 1', async () => {
    const { status, stdout } = cli(['--base', 'main', '--head', 'erreurs', '--github-annotations']);
    expect(status).toBe(1);
    expect(stdout).toMatch(/^::error file=content\/providers\/nuage-solidaire\.md,line=5,col=10,title=Champ website::.*https:\/\//m);
    expect(stdout).toMatch(
      /^::error file=content\/recommendations\/atelier-libre--jardins-partages\.md,line=\d+,col=\d+,title=Champ ratings\.support::/m,
    );
    // The text follows, for the job's log.
    expect(stdout).toContain('Fiche modifiée : Nuage Solidaire — contient une erreur, voir plus bas');
    expect(stdout).toContain('Site web : https://nuage-solidaire.example.org → http://nuage-solidaire.example.org');
    expect(stdout).toContain('Ne sera plus publié : Nuage Solidaire (sa fiche est en erreur)');
    expect(stdout).toContain('Erreurs liées à ces modifications :');
    expect(stdout).toContain('content/providers/nuage-solidaire.md:5:10 website : Indiquez une adresse web complète');
    expect(stdout).toContain('Notes › Le support a-t-il répondu à vos questions ? : non concerné → 9');
    // The recommendation in error is compared as written: its default status is not a change.
    expect(stdout).not.toContain('Statut : En attente de vérification → (vide)');
    expect(stdout).toContain('✘ 2 erreurs');
  });

  it('names a file that can no longer be read, and points at its error', async () => {
    const result = await review('illisible');
    const text = formatText(result);
    expect(text).toContain('Fiche modifiée : Nuage Solidaire — contient une erreur, voir plus bas');
    expect(text).toContain('Le fichier ne peut pas être lu : voir les erreurs ci-dessous.');
    expect(result.problems.filter((p) => p.severity === 'error' && p.file === 'content/providers/nuage-solidaire.md')).not.toHaveLength(0);
    expect(result.errors).toBeGreaterThan(0);
  });

  it('writes a Markdown summary in which contributor text cannot inject links, images or mentions', async () => {
    const { status, stdout } = cli(['--base', 'main', '--head', 'nom-hostile', '--markdown']);
    expect(status).toBe(0);
    expect(stdout).toContain('## Relecture du contenu');
    expect(stdout).toContain('#### Prestataires (1)');
    expect(stdout).toContain('\\[clic\\]\\(https://piege.example\\)');
    expect(stdout).toContain('&lt;img src=x onerror=alert\\(1\\)&gt;');
    expect(stdout).toContain('\\@exemple/comite');
    expect(stdout).not.toContain('<img');
    expect(stdout).not.toContain('[clic](');
  });

  it('exits with 2 and a French sentence, never a stack trace, when it cannot run', () => {
    const unknown = cli(['--base', 'origin/nulle-part']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('La référence « origin/nulle-part » est introuvable');
    expect(unknown.stderr).not.toMatch(/\n\s+at /);

    const missing = cli([]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('Indiquez la version de référence avec --base');
  });

  it('leaves the working checkout as it was: no file, branch or worktree added', async () => {
    const before = git('status', '--porcelain');
    await review('modification');
    expect(git('status', '--porcelain')).toBe(before);
    expect(git('worktree', 'list').trim().split('\n')).toHaveLength(1);
    expect(git('rev-parse', '--abbrev-ref', 'HEAD').trim()).toBe('main');
  });
});

describe('review output formats', () => {
  it('escapes workflow-command data and properties as GitHub expects', async () => {
    const result = await review('main');
    const annotated = formatAnnotations({
      ...result,
      problems: [
        {
          file: 'content/a,b:c.md',
          line: 3,
          column: 7,
          path: 'name',
          severity: 'warning',
          message: '100 % sûr\nsur deux lignes',
          inChange: true,
        },
      ],
    });
    expect(annotated).toBe('::warning file=content/a%2Cb%3Ac.md,line=3,col=7,title=Champ name::100 %25 sûr%0Asur deux lignes');
  });

  it('escapes Markdown in contributor values only', () => {
    expect(escapeMarkdown('**gras** _x_ `code` # 1')).toBe('\\*\\*gras\\*\\* \\_x\\_ \\`code\\` \\# 1');
    expect(escapeMarkdown('- pas une liste')).toBe('\\- pas une liste');
    expect(escapeMarkdown('1. pas une liste')).toBe('1\\. pas une liste');
    expect(escapeMarkdown('sur\ndeux lignes')).toBe('sur deux lignes');
  });

  it('keeps the job summary under GitHub’s size limit', async () => {
    const result = await review('modification');
    const huge = { ...result, changes: Array.from({ length: 4000 }, () => result.changes[0]!) };
    const summary = formatMarkdown(huge);
    expect(summary.length).toBeLessThan(1_000_000);
  });
});

describe('npm run stale', () => {
  it('lists published listings not reviewed for 18 months and verifications older than 36 months, with edit links', async () => {
    const { content } = await checkContent(path.join(fixture, 'content'), { today: '2029-01-15', displayRoot: fixture });
    const report = staleReport(content, '2029-01-15');
    expect(staleCount(report)).toBe(2);
    const body = formatStaleMarkdown(report);
    expect(body).toContain('## Fiches à faire relire (1)');
    expect(body).toContain('- [ ] Nuage Solidaire — fiche relue le 1 juin 2026');
    expect(body).toContain('[modifier le fichier](https://github.com/exemple/annuaire/edit/main/content/providers/nuage-solidaire.md)');
    expect(body).toContain('[voir la page](https://annuaire.example.org/annuaire/nuage-solidaire/)');
    expect(body).toContain('## Recommandations à vérifier à nouveau (1)');
    expect(spaces(body)).toContain('Les Amis du Canal pour Nuage Solidaire — vérifiée le 12 juin 2025 par copil-samia (questionnaire)');
    // Nothing is stale on the fixture's own day.
    expect(staleCount(staleReport(content, TODAY))).toBe(0);
  });

  it('builds edit links for each forge', () => {
    const settings = {
      demo: true,
      site_name: 'x',
      site_url: 'https://a.example',
      contact_email: 'a@a.example',
      committee_delay: 'sous un mois',
      repository: { forge: 'gitlab' as const, url: 'https://gitlab.example/org/annuaire/', branch: 'prod' },
    };
    expect(editUrl(settings, 'content/providers/x.md')).toBe('https://gitlab.example/org/annuaire/-/edit/prod/content/providers/x.md');
    expect(editUrl({ ...settings, repository: { ...settings.repository, forge: 'forgejo' } }, 'content/a b.md')).toBe(
      'https://gitlab.example/org/annuaire/_edit/prod/content/a%20b.md',
    );
  });
});

// Temporary copies of the base are removed after each review.
it('leaves no temporary folder behind', async () => {
  const ours = async () => (await readdir(tmpdir())).filter((n) => n.startsWith('emancipasso-relecture-')).length;
  const before = await ours();
  await review('verification');
  expect(await ours()).toBe(before);
});

describe('a review at a larger scale', () => {
  const PROVIDERS = 150;
  let large: string;
  let cacheFolder: string;
  const inLarge = (...args: string[]) => {
    const result = spawnSync(
      'git',
      [
        '-c',
        'user.name=Comité',
        '-c',
        'user.email=comite@annuaire.example.org',
        '-c',
        'commit.gpgsign=false',
        '-c',
        'init.defaultBranch=main',
        ...args,
      ],
      { cwd: large, encoding: 'utf8' },
    );
    if (result.status !== 0) throw new Error(`git ${args.join(' ')} : ${result.stderr}`);
    return result.stdout;
  };
  const provider = 'content/providers/prestataire-00042.md';

  beforeAll(async () => {
    large = await mkdtemp(path.join(tmpdir(), 'emancipasso-review-large-'));
    cacheFolder = await mkdtemp(path.join(tmpdir(), 'emancipasso-review-cache-'));
    await writeCorpus(path.join(large, 'content'), {
      providers: PROVIDERS,
      recommendationsPerProvider: 3,
      providersPerProject: 20,
      templateDir: path.join(project, 'tests/content/fixtures/base'),
      today: TODAY,
    });
    inLarge('init', '-q');
    inLarge('add', '-A');
    inLarge('commit', '-q', '-m', 'Base');
    inLarge('checkout', '-q', '-b', 'une-fiche');
    const text = await readFile(path.join(large, provider), 'utf8');
    await writeFile(
      path.join(large, provider),
      text.replace(/^website: https:/m, 'website: http:').replace(/^name: .*$/m, 'name: Fiche renommée'),
    );
    inLarge('commit', '-q', '-am', 'Une fiche');
  }, 120_000);

  afterAll(async () => {
    await rm(large, { recursive: true, force: true });
    await rm(cacheFolder, { recursive: true, force: true });
  });

  it('reports that one change and its problems only, as a review that reads everything does', async () => {
    const options = { cwd: large, base: 'main', today: TODAY, cacheFolder };
    // From the commit, then from the working tree: the second reads the first's verdicts.
    const fromCommit = await runReview({ ...options, head: 'une-fiche' });
    expect(fromCommit.changedFiles).toEqual([provider]);
    expect(fromCommit.changes).toHaveLength(1);
    expect(fromCommit.changes[0]).toMatchObject({ category: 'providers', kind: 'modified', file: provider, broken: true });
    const errors = fromCommit.problems.filter((p) => p.severity === 'error');
    expect(errors).toEqual([expect.objectContaining({ file: provider, path: 'website', line: 6, column: 10, inChange: true })]);
    // The warnings of untouched files (listings not reviewed for 18 months) were there before: not this change's.
    const warnings = fromCommit.problems.filter((p) => p.severity === 'warning');
    expect(warnings.length).toBeGreaterThan(0);
    expect(warnings.every((p) => !p.inChange && p.file !== provider)).toBe(true);
    // Its listing is in error: it leaves the site, and nothing else does.
    expect(fromCommit.publication.map(plain)).toEqual(['Ne sera plus publié : Structure d’exemple n° 42 (sa fiche est en erreur)']);

    inLarge('checkout', '-q', 'une-fiche');
    try {
      const fromWorkingTree = await runReview(options);
      expect({ ...fromWorkingTree, head: 'une-fiche' }).toEqual(fromCommit);
    } finally {
      inLarge('checkout', '-q', 'main');
    }
    // Reading and checking every file of both sides says exactly the same.
    expect(await runReview({ ...options, head: 'une-fiche', cache: false })).toEqual(fromCommit);
  }, 120_000);
});
