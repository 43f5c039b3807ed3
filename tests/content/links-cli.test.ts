/**
 * `npm run links` as the committee runs it: a child process on a small
 * content folder the test writes, whose links lead to local HTTPS sites
 * (link-sites.ts). The child trusts the test's authority through
 * NODE_EXTRA_CA_CERTS, as Node allows: TLS checks stay on.
 */
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { absoluteUrl, routes } from '../../src/domain/routes.ts';
import { expectNoStackTrace, PROBLEM_LINE, ROOT, type Run } from './helpers.ts';
import { startSites, type Sites } from './link-sites.ts';

let sites: Sites;
let scratch: string;
let caFile: string;

beforeAll(async () => {
  sites = await startSites();
  scratch = await mkdtemp(path.join(os.tmpdir(), 'emancipasso-links-'));
  caFile = path.join(scratch, 'autorite-de-test.pem');
  await writeFile(caFile, sites.ca);
});

afterAll(async () => {
  await sites?.close();
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

/** A content folder: relative path → text. */
async function content(name: string, files: Record<string, string>): Promise<string> {
  const dir = path.join(scratch, name);
  for (const [relative, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, relative)), { recursive: true });
    await writeFile(path.join(dir, relative), text);
  }
  return dir;
}

const SITE = 'https://annuaire.example.org';
/** The CMS page of an entry of the test's site. */
const cms = (collection: string, id: string) => absoluteUrl(SITE, routes.adminEntry(collection, id));

const settings = `demo: true
site_url: ${SITE}
contact_email: comite@annuaire.example.org
repository:
  forge: github
  url: https://github.com/exemple/annuaire
  branch: main
`;

const partner = (name: string, url: string) => `name: ${name}\nurl: ${url}\nkind: reseau-associatif\n`;

/**
 * Runs `node scripts/links.ts …` without blocking this process: the sites
 * the child asks live here.
 */
function runLinks(args: string[], cwd: string, script = 'scripts/links.ts'): Promise<Run & { ms: number }> {
  const started = performance.now();
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_EXTRA_CA_CERTS: caFile };
  delete env.CONTENT_DIR;
  return new Promise((resolve) => {
    execFile(process.execPath, [path.join(ROOT, script), ...args], { cwd, env, encoding: 'utf8', timeout: 60_000 }, (error, stdout, stderr) => {
      const status = error ? (typeof error.code === 'number' ? error.code : null) : 0;
      resolve({ status, stdout, stderr, ms: performance.now() - started });
    });
  });
}

describe('on content with dead, moved and valid links', () => {
  let dir: string;
  let body: string;

  beforeAll(async () => {
    body = `La page [sans HEAD](${sites.site}/sans-head) et [l’archive](${sites.site}/supprimee), puis [le réseau](${sites.site}/ok).`;
    dir = await content('mixte', {
      'settings.yml': settings,
      'partners/reseau-ok.yml': partner('Réseau qui répond', `${sites.site}/ok`),
      'partners/reseau-disparu.yml': partner('Réseau disparu', `${sites.site}/introuvable`),
      'partners/reseau-demenage.yml': partner('Réseau déménagé', `${sites.site}/ancienne`),
      'pages/liens.md': `---\ntitle: Liens utiles\n---\n${body}\n`,
      'taxonomies/networks.yml': `- slug: reseau-ferme\n  label: Réseau fermé\n  description: Un réseau qui n’existe plus.\n  website: https://reseau-ferme.invalid\n`,
    });
  });

  it('prints one line per problem, like the check, then a summary by status, and exits 1', async () => {
    const run = await runLinks(['--content', '.', '--timeout', '2'], dir);
    expect(run.status).toBe(1);
    const lines = run.stdout.trim().split('\n');
    const problems = lines.filter((line) => PROBLEM_LINE.test(line));
    expect(problems).toEqual([
      `pages/liens.md:4:${body.indexOf('[l’archive]') + 1} body (avertissement) : Page supprimée (erreur 410) : ${sites.site}/supprimee. Le site dit que cette page n’existe plus : retirez le lien ou remplacez-le par une page qui existe.`,
      `partners/reseau-demenage.yml:2:6 url (avertissement) : Adresse déplacée : ${sites.site}/ancienne redirige définitivement vers ${sites.site}/nouvelle. Vérifiez que la nouvelle adresse mène à la bonne page, puis remplacez l’ancienne par elle.`,
      `partners/reseau-disparu.yml:2:6 url (avertissement) : Page introuvable (erreur 404) : ${sites.site}/introuvable. Cherchez la bonne adresse sur le site, puis corrigez le lien ou retirez-le.`,
      'taxonomies/networks.yml:4:12 [0].website (avertissement) : Injoignable : https://reseau-ferme.invalid — le nom de domaine « reseau-ferme.invalid » n’existe pas (ou plus). Ouvrez l’adresse dans un navigateur : si le site n’existe plus, retirez le lien ou remplacez-le.',
    ]);
    expect(lines.at(-1)).toBe('6 liens vérifiés : 2 valides, 1 déplacé, 1 introuvable, 1 supprimé, 1 injoignable.');
    expect(run.stderr).toContain('Vérification de 6 adresses (7 liens dans le contenu)');
    expectNoStackTrace(run);
  });

  it('gives the same problems as JSON with --json', async () => {
    const run = await runLinks(['--content', dir, '--json'], ROOT);
    expect(run.status).toBe(1);
    const problems = JSON.parse(run.stdout) as Array<Record<string, unknown>>;
    expect(problems).toHaveLength(4);
    expect(problems[1]).toEqual({
      file: path.join(dir, 'partners/reseau-demenage.yml'),
      line: 2,
      column: 6,
      path: 'url',
      severity: 'warning',
      message: expect.stringMatching(/^adresse déplacée : /),
      url: `${sites.site}/ancienne`,
      status: 'moved',
      httpStatus: 200,
      location: `${sites.site}/nouvelle`,
      field: 'Site web',
    });
    expect(problems.map((p) => p.status)).toEqual(['gone', 'moved', 'not-found', 'unreachable']);
    expect(problems[3]).not.toHaveProperty('location');
  });

  it('writes the issue section with --markdown, each file with its CMS page', async () => {
    const run = await runLinks(['--content', '.', '--markdown'], dir);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('## Liens à corriger (4)');
    expect(run.stdout).toContain(`### partners/reseau-disparu.yml · [modifier dans l’outil de gestion du contenu](${cms('partners', 'reseau-disparu')})`);
    expect(run.stdout).toContain(`### pages/liens.md · [modifier dans l’outil de gestion du contenu](${cms('pages', 'liens')})`);
    expect(run.stdout).toMatch(/^- \[ \] ligne 2, champ « Site web » : page introuvable \\\(erreur 404\\\)/m);
    expect(run.stderr).toContain('6 liens vérifiés');
  });

  it('joins the stale list in the committee’s one issue: one body, one count (npm run stale -- --links)', async () => {
    const json = path.join(scratch, 'liens.json');
    await writeFile(json, (await runLinks(['--content', '.', '--json'], dir)).stdout);
    const body = await runLinks(['--content', '.', '--markdown', '--links', json], dir, 'scripts/stale.ts');
    expect(body.status).toBe(0);
    expect(body.stdout).toContain('## Fiches à faire relire (0)');
    expect(body.stdout).toContain('## Liens à corriger (4)');
    expect(body.stdout).toContain(`[modifier dans l’outil de gestion du contenu](${cms('partners', 'reseau-demenage')})`);
    const count = await runLinks(['--content', '.', '--count', '--links', json], dir, 'scripts/stale.ts');
    expect(count.stdout.trim()).toBe('4');
    await writeFile(json, '{"pas": "une liste"}');
    const wrong = await runLinks(['--content', '.', '--markdown', '--links', json], dir, 'scripts/stale.ts');
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toContain('n’est pas celui que produit « npm run links -- --json »');
  });
});

describe('exit codes', () => {
  it('exits 0 when every link answers', async () => {
    const dir = await content('valide', { 'settings.yml': settings, 'partners/reseau.yml': partner('Réseau', `${sites.site}/temporaire`) });
    const run = await runLinks(['--content', dir], ROOT);
    expect(run.stdout.trim()).toBe('1 lien vérifié : 1 valide.');
    expect(run.status).toBe(0);
  });

  it('exits 2, in French, when it cannot run', async () => {
    const missing = await runLinks(['--content', path.join(scratch, 'absent')], ROOT);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/Le dossier de contenu « .*absent » n’existe pas/);
    const unknown = await runLinks(['--vite'], ROOT);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('Usage : npm run links');
    const timeout = await runLinks(['--timeout', 'dix'], ROOT);
    expect(timeout.status).toBe(2);
    expect(timeout.stderr).toContain('--timeout attend un nombre de secondes');
    const concurrency = await runLinks(['--concurrency', '0'], ROOT);
    expect(concurrency.status).toBe(2);
    for (const run of [missing, unknown, timeout, concurrency]) expectNoStackTrace(run);
  });
});

describe('without internet', () => {
  it('ends in bounded time, every link unreachable, with a hint and no stack trace', async () => {
    const dir = await content('hors-ligne', {
      'settings.yml': settings,
      'partners/un.yml': partner('Un', 'https://un.invalid/'),
      'partners/deux.yml': partner('Deux', 'https://deux.invalid/page'),
      // Refused at once, then asked once more: still bounded.
      'partners/trois.yml': partner('Trois', `${sites.refused}/`),
    });
    const run = await runLinks(['--content', dir, '--timeout', '1'], ROOT);
    expect(run.status).toBe(1);
    expect(run.stdout.trim().split('\n').filter((l) => PROBLEM_LINE.test(l))).toHaveLength(3);
    expect(run.stdout).toContain('3 liens vérifiés : 0 valide, 3 injoignables. Aucun site n’a pu être joint');
    expect(run.ms).toBeLessThan(15_000);
    expectNoStackTrace(run);
  });
});
