/**
 * `npm run check` as volunteers run it: a child process on a content folder,
 * read from its output and exit code only, as the README describes them
 * (« Vérifier le contenu »).
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BASE, corpus, expectNoStackTrace, filesOf, fixture, PROBLEM_LINE, removeCorpora, ROOT, runCheck, type Run } from './helpers.ts';

afterAll(removeCorpora);

/** Lines that report a problem, as opposed to the summary line. */
function problemLines(run: Run): string[] {
  return run.stdout.split('\n').filter((line) => PROBLEM_LINE.test(line));
}

/** Deterministic bytes that are not text: NULs and every byte value. */
function binaryGarbage(length: number): Uint8Array {
  const bytes = new Uint8Array(length);
  let seed = 42;
  for (let i = 0; i < length; i++) {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    bytes[i] = seed % 256;
  }
  bytes[10] = 0;
  return bytes;
}

const bad = filesOf('bad');
const broken = filesOf('broken');
const warnings = filesOf('warnings');

describe('on valid content', () => {
  it('exits 0 on the base corpus, with a French summary and no error', () => {
    const run = runCheck(['--content', BASE]);
    expect(run.status).toBe(0);
    expect(problemLines(run).filter((line) => !line.includes('(avertissement)'))).toEqual([]);
    expect(run.stdout).toMatch(/✔ 17 fichiers vérifiés : aucune erreur/);
    expectNoStackTrace(run);
  });

  it('exits 0 on the demo content of the repository', () => {
    const run = runCheck([]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/fichiers vérifiés : aucune erreur/);
  });
});

describe('on content with every kind of mistake', () => {
  let dir: string;
  let run: Run;
  let lines: string[];

  beforeAll(async () => {
    dir = await corpus({
      ...bad,
      ...broken,
      'providers/binary-garbage.md': binaryGarbage(4096),
      'providers/oversized.md': `---\nname: Fiche trop grosse\n---\n${'Du texte. '.repeat(30_000)}`,
    });
    // From inside the content folder, files are shown as volunteers see them: providers/x.md.
    run = runCheck(['--content', '.'], {}, dir);
    lines = problemLines(run);
  });

  it('exits 1', () => {
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/^✘ \d+ erreurs dans \d+ fichiers lus\. Corrigez les erreurs : rien n’est publié tant qu’il en reste\.$/m);
  });

  it('prints one « file:line:column path : message » line per problem, and nothing else but the summary', () => {
    const all = run.stdout.trimEnd().split('\n');
    expect(all.length).toBe(lines.length + 1);
    expect(lines.length).toBeGreaterThan(60);
  });

  it('reports every bad file in the same run, not only the first', () => {
    const reported = new Set(lines.map((line) => PROBLEM_LINE.exec(line)!.groups!.file));
    const expected = [...Object.keys(bad), ...Object.keys(broken), 'providers/binary-garbage.md', 'providers/oversized.md'];
    expect([...expected].filter((file) => !reported.has(file))).toEqual([]);
  });

  it('reports every problem of one file in the same run', () => {
    expect(lines.filter((line) => line.startsWith('providers/rejected-yet-checked.md:'))).toEqual([
      'providers/rejected-yet-checked.md:2:1 website : Ce champ est obligatoire (Site web) : ajoutez-le.',
      expect.stringMatching(/^providers\/rejected-yet-checked\.md:15:24 services\[1\] : « hebergment » n’est pas un service connu\./),
      expect.stringMatching(/^providers\/rejected-yet-checked\.md:27:141 body : Le HTML n’est pas accepté/),
      expect.stringMatching(/^providers\/rejected-yet-checked\.md:27:157 body : Le HTML n’est pas accepté/),
    ]);
  });

  it('writes in French, starting each message with a capital letter', () => {
    for (const line of lines) {
      const { message } = PROBLEM_LINE.exec(line)!.groups!;
      expect(message, line).toMatch(/^[A-ZÀÂÉÈÊÎÔÙÇ«]/u);
      expect(message, line).not.toMatch(/\b(Invalid|Expected|Unrecognized|received|undefined|NaN)\b|\[object /);
    }
  });

  it('suggests the nearest known slug for a near miss', () => {
    expect(lines).toContain(
      'providers/unknown-service.md:16:24 services[1] : « hebergment » n’est pas un service connu. Vouliez-vous dire « hebergement » ? Les valeurs possibles sont dans content/taxonomies/services.yml.',
    );
  });

  it('suggests the nearest known field for a mistyped key', () => {
    expect(lines).toContainEqual(expect.stringMatching(/^providers\/unknown-field\.md:5:1 webiste : Le champ « webiste » n’existe pas ici\. Vouliez-vous dire « website » \?/));
  });

  it('says what is wrong with files that are not even readable', () => {
    const byFile = (file: string) => lines.filter((line) => line.startsWith(`${file}:`));
    expect(byFile('providers/binary-garbage.md')).toEqual([expect.stringContaining(':1:1 : Ce fichier n’est pas du texte')]);
    expect(byFile('providers/empty-file.md')).toEqual([expect.stringContaining(':1:1 : Ce fichier est vide')]);
    expect(byFile('providers/oversized.md')).toEqual([expect.stringContaining(':1:1 : Ce fichier est trop gros')]);
    expect(byFile('providers/alias-bomb.md')).toEqual([expect.stringContaining('trop d’alias YAML')]);
    expect(byFile('providers/duplicate-key.md')).toEqual([expect.stringContaining(':4:1 : Le champ « name » apparaît deux fois')]);
    expect(byFile('providers/front-matter-is-a-list.md')).toEqual([expect.stringContaining('pas une liste')]);
    expect(byFile('providers/deep-nesting.md')).toEqual([expect.stringContaining('imbriqués sur plus de 40 niveaux')]);
    expect(byFile('providers/not-utf8.md')).toEqual([expect.stringContaining(':10:1 : Ce fichier n’est pas encodé en UTF-8')]);
    expect(byFile('providers/unclosed-front-matter.md')).toEqual([expect.stringContaining('n’est jamais fermé')]);
    expect(byFile('providers/no-front-matter.md')).toEqual([expect.stringContaining('doit commencer par une ligne « --- »')]);
    expect(byFile('providers/yaml-syntax-error.md')).toEqual([
      'providers/yaml-syntax-error.md:2:7 : Ce texte ouvre un guillemet " sans le refermer : ajoutez " à la fin de la valeur.',
    ]);
    expect(byFile('providers/tab-indentation.md')[0]).toContain(':7:1 : Une tabulation sert d’indentation');
    expect(byFile('partners/yaml-is-a-list.yml')).toEqual([expect.stringContaining('trouvé : une liste')]);
  });

  it('never prints a stack trace', () => {
    expectNoStackTrace(run);
    expect(run.stderr).toBe('');
  });

  it('prints the same problems as JSON with --json', () => {
    const json = runCheck(['--content', '.', '--json'], {}, dir);
    expect(json.status).toBe(1);
    expectNoStackTrace(json);
    const problems = JSON.parse(json.stdout) as unknown[];
    expect(Array.isArray(problems)).toBe(true);
    expect(problems.length).toBe(lines.length);
    for (const problem of problems) {
      expect(Object.keys(problem as object).sort()).toEqual(['column', 'file', 'line', 'message', 'path', 'severity']);
      expect(problem).toEqual({
        file: expect.any(String),
        line: expect.any(Number),
        column: expect.any(Number),
        path: expect.any(String),
        severity: expect.stringMatching(/^(error|warning)$/),
        message: expect.any(String),
      });
    }
    expect(problems).toContainEqual({
      file: 'providers/unknown-service.md',
      line: 16,
      column: 24,
      path: 'services[1]',
      severity: 'error',
      message: expect.stringContaining('Vouliez-vous dire « hebergement » ?'),
    });
  });
});

describe('on taxonomies and settings that cannot be read', () => {
  it('reports each file once, without calling every slug that uses it unknown', async () => {
    const dir = await corpus({
      'taxonomies/tools.yml': binaryGarbage(512),
      'taxonomies/criteria.yml': 'slug: autonomie\nlabel: Autonomie\n',
      'settings.yml': fixture('broken/providers/alias-bomb.md').replace(/^---\n|---\n[\s\S]*$/g, ''),
    });
    const run = runCheck(['--content', '.'], {}, dir);
    expect(run.status).toBe(1);
    expectNoStackTrace(run);
    expect(problemLines(run)).toEqual([
      expect.stringMatching(/^settings\.yml:1:1 : Ce fichier utilise trop d’alias YAML/),
      'taxonomies/criteria.yml:1:1 : Ce fichier doit commencer par « terms: », suivi de la liste des termes (chaque élément commence par « - slug: … »).',
      expect.stringMatching(/^taxonomies\/tools\.yml:1:1 : Ce fichier n’est pas du texte/),
    ]);
  });
});

describe('warnings', () => {
  it('are printed, marked as such, after the errors, and never fail the check', async () => {
    const dir = await corpus(warnings);
    const run = runCheck(['--content', dir]);
    expect(run.status).toBe(0);
    const lines = problemLines(run);
    for (const file of Object.keys(warnings)) {
      expect(lines.some((line) => line.startsWith(path.join(dir, file)) && line.includes(' (avertissement) : '))).toBe(true);
    }
    expect(run.stdout).toMatch(/aucune erreur, \d+ avertissements\./);
  });

  it('come after every error', async () => {
    const dir = await corpus({ ...warnings, 'providers/unknown-service.md': bad['providers/unknown-service.md']! });
    const run = runCheck(['--content', dir]);
    expect(run.status).toBe(1);
    const lines = problemLines(run);
    const firstWarning = lines.findIndex((line) => line.includes('(avertissement)'));
    expect(firstWarning).toBeGreaterThan(0);
    expect(lines.slice(firstWarning).every((line) => line.includes('(avertissement)'))).toBe(true);
  });
});

describe('choosing the content folder', () => {
  it('reads CONTENT_DIR when --content is not given', async () => {
    const dir = await corpus({ 'providers/unknown-service.md': bad['providers/unknown-service.md']! });
    const run = runCheck([], { CONTENT_DIR: dir });
    expect(run.status).toBe(1);
    expect(problemLines(run)).toEqual([
      expect.stringContaining(`${path.join(dir, 'providers/unknown-service.md')}:16:24 services[1] :`),
      // The vocabulary's file names the files that use a term it lacks.
      expect.stringContaining(`${path.join(dir, 'taxonomies/services.yml')}:1:1 terms : Le service « hebergment » n’est pas (ou plus)`),
    ]);
  });

  it('prefers --content to CONTENT_DIR', async () => {
    const dir = await corpus({ 'providers/unknown-service.md': bad['providers/unknown-service.md']! });
    expect(runCheck(['--content', BASE], { CONTENT_DIR: dir }).status).toBe(0);
  });

  it('reads content/ by default', () => {
    const run = runCheck(['--json']);
    const demoFiles = readdirSync(path.join(ROOT, 'content/providers')).length;
    expect(run.status).toBe(0);
    expect(demoFiles).toBeGreaterThan(0);
    for (const problem of JSON.parse(run.stdout) as Array<{ file: string }>) expect(problem.file).toMatch(/^content\//);
  });
});

describe('the day the check lives in', () => {
  it('is EMANCIPASSO_TODAY when set, as for the pages of the site', () => {
    // The base corpus holds dates of 2026: seen from early 2026 they lie in the future, from 2099 they are old.
    const before = runCheck(['--content', BASE, '--json'], { EMANCIPASSO_TODAY: '2026-01-01' });
    expect(before.status).toBe(1);
    expect(JSON.parse(before.stdout)).toContainEqual(expect.objectContaining({ path: 'updated', severity: 'error', message: expect.stringContaining('dans le futur') }));
    const after = runCheck(['--content', BASE, '--json'], { EMANCIPASSO_TODAY: '2099-01-01' });
    expect(after.status).toBe(0);
    expect(JSON.parse(after.stdout)).toContainEqual(expect.objectContaining({ path: 'updated', severity: 'warning', message: expect.stringContaining('il y a plus de 18 mois') }));
  });

  it('refuses an EMANCIPASSO_TODAY that is not a date, with exit code 2', () => {
    const run = runCheck(['--content', BASE], { EMANCIPASSO_TODAY: '31/12/2026' });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('EMANCIPASSO_TODAY vaut « 31/12/2026 » : indiquez une date réelle au format AAAA-MM-JJ');
    expectNoStackTrace(run);
  });
});

describe('when the check cannot run', () => {
  it('exits 2 on a folder that does not exist, saying so in French', () => {
    const run = runCheck(['--content', 'pas-de-dossier-ici']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('Le dossier de contenu « pas-de-dossier-ici » n’existe pas');
    expectNoStackTrace(run);
  });

  it('exits 2 when CONTENT_DIR names a file', () => {
    const run = runCheck([], { CONTENT_DIR: path.join(BASE, 'settings.yml') });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('n’est pas un dossier');
    expectNoStackTrace(run);
  });

  it('exits 2 on an unknown option, with the usage', () => {
    const run = runCheck(['--contenu', BASE]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('Usage : npm run check -- [--json] [--content DOSSIER]');
    expect(run.stderr).not.toMatch(/^\s+at /m);
  });
});
