/**
 * npm run bench -- [--providers 1000] [--runs 3] [--no-build] [--bare] [--keep] [--details]
 *
 * Writes a synthetic corpus (3 recommendations per provider, 1 project per
 * 20 providers) into a git repository in a temporary folder, with a branch
 * that edits one provider, then times on it several times and prints
 * medians, peak memory and the machine's cores:
 * - `check` cold (no cache at all), and again with nothing changed;
 * - `check` on a copy of the demo content, one file edited before each run,
 *   and cold;
 * - `review -- --base main` of the branch, cold (as a pull request's job runs
 *   it, on a fresh clone) and with the check's cache;
 * - `build`, and with --bare a bare Astro site of the same provider pages in
 *   the same run, so that the overhead is a ratio measured under equal noise;
 *   what a visitor's searches download on the built site, page included
 *   (SEARCH_SCENARIOS; --details lists every file).
 * Exits with 1, saying which, for each budget missed: check, review, build
 * (time, memory, ratio to bare Astro with --bare) and searches.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { appendFile, cp, mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { todayInFrance } from '../src/domain/text/dates.ts';
import { CONTENT_FOLDER } from '../src/schemas/index.ts';
import { measureSearch, SEARCH_SCENARIOS, type SearchScenario } from './lib/search-weight.ts';
import { writeCorpus } from './lib/corpus.ts';

const root = path.resolve(import.meta.dirname, '..');
const { values } = parseArgs({
  options: {
    providers: { type: 'string', default: '1000' },
    runs: { type: 'string', default: '3' },
    'no-build': { type: 'boolean', default: false },
    bare: { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
    details: { type: 'boolean', default: false },
  },
});
const providers = Number(values.providers);
const runs = Number(values.runs);
const GNU_TIME = '/usr/bin/time';

/** Budgets for corpora up to 10 000 providers (docs/qualite.md); the searches' are in SEARCH_SCENARIOS. */
const BUDGET_PROVIDERS = 10000;
const budgets = {
  checkCold: { max: 3, unit: 's', label: 'vérification à froid' },
  checkWarm: { max: 1, unit: 's', label: 'vérification sans changement' },
  demo: { max: 0.5, unit: 's', label: 'vérification du contenu de démonstration (un fichier modifié)' },
  review: { max: 5, unit: 's', label: 'relecture d’une branche qui modifie une fiche (à froid)' },
  build: { max: 60, unit: 's', label: 'construction du site' },
  buildMemory: { max: 1500, unit: 'Mo', label: 'mémoire de la construction' },
  overhead: { max: 2, unit: '× Astro nu', label: 'surcoût de la construction' },
} as const;

/**
 * The command an npm script runs (`npm run check`), as an argument list for
 * this Node.js, with its files made absolute: timed without npm's own start.
 */
async function npmScript(name: string): Promise<string[]> {
  const scripts = (JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
  const [command, ...args] = scripts[name]!.split(/\s+/);
  if (command !== 'node') throw new Error(`le script « ${name} » ne lance pas node : ${scripts[name]}`);
  return [process.execPath, ...args.map((arg) => (existsSync(path.join(root, arg)) ? path.join(root, arg) : arg))];
}

/** git, in the benchmark's repository, as a committee member would run it. */
function git(repo: string, ...args: string[]): void {
  const result = spawnSync('git', ['-c', 'user.name=Banc', '-c', 'user.email=banc@exemple.org', '-c', 'commit.gpgsign=false', ...args], {
    cwd: repo,
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`git ${args[0]} : ${result.stderr.trim()}`);
}

interface Measure {
  seconds: number;
  /** Peak resident memory of the process tree's largest process, in MB (GNU time). */
  peakMb: number | undefined;
}

async function measure(command: string[], env: NodeJS.ProcessEnv, cwd = root): Promise<Measure> {
  const timeFile = path.join(os.tmpdir(), `bench-time-${process.pid}`);
  const useTime = existsSync(GNU_TIME);
  const argv = useTime ? [GNU_TIME, '-f', '%e %M', '-o', timeFile, ...command] : command;
  const started = performance.now();
  const output: string[] = [];
  const code = await new Promise<number>((resolve) => {
    const child = spawn(argv[0]!, argv.slice(1), { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.on('data', (d) => output.push(String(d)));
    child.stderr.on('data', (d) => output.push(String(d)));
    child.on('close', (c) => resolve(c ?? 1));
  });
  const seconds = (performance.now() - started) / 1000;
  if (code !== 0) {
    console.error(output.join('').slice(-4000));
    throw new Error(`« ${command.join(' ')} » a échoué (code ${code}).`);
  }
  let peakMb: number | undefined;
  if (useTime) {
    const [, kb] = (await readFile(timeFile, 'utf8')).trim().split(/\s+/).slice(-2);
    peakMb = Number(kb) / 1024;
    await rm(timeFile, { force: true });
  }
  return { seconds, peakMb };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const fmt = (n: number) => n.toFixed(2).replace('.', ',');

async function series(
  label: string,
  runsCount: number,
  prepare: () => Promise<void>,
  command: string[],
  env: NodeJS.ProcessEnv,
  cwd?: string,
) {
  const results: Measure[] = [];
  for (let i = 0; i < runsCount; i++) {
    await prepare();
    const m = await measure(command, env, cwd);
    results.push(m);
    console.log(`  ${label} ${i + 1}/${runsCount} : ${fmt(m.seconds)} s${m.peakMb ? `, ${Math.round(m.peakMb)} Mo` : ''}`);
  }
  return {
    median: median(results.map((r) => r.seconds)),
    peakMb: Math.max(...results.map((r) => r.peakMb ?? 0)),
  };
}

/** A bare Astro project: the same provider Markdown, a glob loader, one page each, nothing else. */
async function writeBareProject(dir: string, contentDir: string) {
  await mkdir(path.join(dir, 'src/pages'), { recursive: true });
  await symlink(path.join(root, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  await writeFile(path.join(dir, 'package.json'), JSON.stringify({ name: 'bare', type: 'module', private: true }));
  await writeFile(
    path.join(dir, 'astro.config.mjs'),
    "import { defineConfig } from 'astro/config';\n// Its own cache: node_modules is the project's, shared through a link.\nexport default defineConfig({ cacheDir: './.astro-cache' });\n",
  );
  await writeFile(
    path.join(dir, 'src/content.config.ts'),
    `import { defineCollection } from 'astro:content';\nimport { glob } from 'astro/loaders';\nexport const collections = { providers: defineCollection({ loader: glob({ pattern: '*.md', base: ${JSON.stringify(path.join(contentDir, 'providers'))} }) }) };\n`,
  );
  await writeFile(
    path.join(dir, 'src/pages/[slug].astro'),
    "---\nimport { getCollection, render } from 'astro:content';\nexport async function getStaticPaths() {\n  return (await getCollection('providers')).map((entry) => ({ params: { slug: entry.id }, props: { entry } }));\n}\nconst { Content } = await render(Astro.props.entry);\n---\n<html lang=\"fr\"><head><title>{Astro.props.entry.data.name}</title></head><body><h1>{Astro.props.entry.data.name}</h1><Content /></body></html>\n",
  );
}

async function main() {
  const work = await mkdtemp(path.join(os.tmpdir(), 'emancipasso-bench-'));
  // The corpus is the content folder of a repository: the review compares its branches.
  const repo = path.join(work, 'depot');
  const contentDir = path.join(repo, 'content');
  const today = todayInFrance();
  console.log(
    `Corpus synthétique : ${providers} prestataires, ${providers * 3} recommandations, ${Math.floor(providers / 20)} projets → ${contentDir}`,
  );
  const { files } = await writeCorpus(contentDir, {
    providers,
    recommendationsPerProvider: 3,
    providersPerProject: 20,
    templateDir: path.join(root, CONTENT_FOLDER),
    today,
  });
  console.log(`${files} fichiers écrits. Machine : ${os.cpus().length} cœurs, Node.js ${process.versions.node}.`);
  git(repo, 'init', '-q', '-b', 'main');
  git(repo, 'add', '-A');
  git(repo, 'commit', '-q', '-m', 'Corpus');
  git(repo, 'checkout', '-q', '-b', 'fiche-modifiee');
  const edited = path.join(
    contentDir,
    'providers',
    (await readdir(path.join(contentDir, 'providers'))).find((name) => name.endsWith('.md'))!,
  );
  const text = await readFile(edited, 'utf8');
  await writeFile(edited, text.replace(/^name: (.*)$/m, 'name: $1 (nom modifié)'));
  git(repo, 'commit', '-q', '-am', 'Une fiche modifiée');
  console.log(`Dépôt git : branche « fiche-modifiee » qui modifie ${path.relative(repo, edited)}.\n`);

  // The caches of the commands live here, so that « cold » means cold, and the project's own stay untouched.
  const checkCache = path.join(work, 'cache');
  const astroCache = path.join(work, 'astro-cache');
  const env = {
    CONTENT_DIR: contentDir,
    EMANCIPASSO_TODAY: today,
    EMANCIPASSO_CACHE_DIR: checkCache,
    ASTRO_TELEMETRY_DISABLED: '1',
    ASTRO_CACHE_DIR: astroCache,
  };
  const noop = async () => {};
  const noCache = () => rm(checkCache, { recursive: true, force: true });
  const check = await npmScript('check');
  const checkCommand = (dir: string) => [...check, '--content', dir];

  const checkCold = await series('check à froid', runs, noCache, checkCommand(contentDir), env);
  const checkWarm = await series('check sans changement', runs, noop, checkCommand(contentDir), env);

  // The demo content, in a copy: one of its files is edited before each run, as while writing an entry.
  const demoDir = path.join(work, 'demo');
  await cp(path.join(root, CONTENT_FOLDER), demoDir, { recursive: true });
  const demoPage = path.join(
    demoDir,
    'pages',
    (await readdir(path.join(demoDir, 'pages'))).find((name) => name.endsWith('.md'))!,
  );
  let edits = 0;
  const editDemo = () => appendFile(demoPage, `\nModification ${++edits} du banc d’essai.\n`);
  await series('check démo (préparation)', 1, noop, checkCommand(demoDir), env);
  const demo = await series('check démo, un fichier modifié', runs, editDemo, checkCommand(demoDir), env);
  const demoCold = await series('check démo à froid', runs, noCache, checkCommand(demoDir), env);

  // The review as a pull request's job runs it: a fresh clone, no cache; then as a committee member runs it again.
  const reviewCommand = [...(await npmScript('review')), '--base', 'main'];
  const review = await series('review à froid', runs, noCache, reviewCommand, env, repo);
  const reviewWarm = await series('review avec le cache', runs, noop, reviewCommand, env, repo);

  let build: { median: number; peakMb: number } | undefined;
  const searches: Array<{ scenario: SearchScenario; kilobytes: number; requests: number; files: Array<[string, number]> }> = [];
  let bare: { median: number; peakMb: number } | undefined;
  if (!values['no-build']) {
    const outDir = path.join(work, 'dist');
    // Every build starts cold: no content-layer cache, no check cache from the previous run.
    const cold = async () => {
      await rm(astroCache, { recursive: true, force: true });
      await rm(outDir, { recursive: true, force: true });
      await noCache();
    };
    build = await series('build', runs, cold, [process.execPath, 'node_modules/astro/bin/astro.mjs', 'build', '--outDir', outDir], env);
    for (const scenario of SEARCH_SCENARIOS) searches.push({ scenario, ...(await measureSearch(outDir, scenario)) });
    if (values.bare) {
      const bareDir = path.join(work, 'bare');
      await writeBareProject(bareDir, contentDir);
      const bareCold = async () => {
        await rm(path.join(bareDir, '.astro-cache'), { recursive: true, force: true });
        await rm(path.join(bareDir, '.astro'), { recursive: true, force: true });
        await rm(path.join(bareDir, 'dist'), { recursive: true, force: true });
      };
      bare = await series(
        'astro nu',
        runs,
        bareCold,
        [process.execPath, path.join(root, 'node_modules/astro/bin/astro.mjs'), 'build'],
        { ASTRO_TELEMETRY_DISABLED: '1' },
        bareDir,
      );
    }
  }

  const memory = (m: { peakMb: number }) => `mémoire max ${Math.round(m.peakMb)} Mo`;
  console.log(`\nRésultats (médianes sur ${runs} exécutions, ${os.cpus().length} cœurs, ${providers} prestataires) :`);
  console.log(`  npm run check, à froid : ${fmt(checkCold.median)} s (${memory(checkCold)})`);
  console.log(`  npm run check, rien de changé : ${fmt(checkWarm.median)} s (${memory(checkWarm)})`);
  console.log(`  npm run check, démonstration, un fichier modifié : ${fmt(demo.median)} s ; à froid : ${fmt(demoCold.median)} s`);
  console.log(
    `  npm run review -- --base main, une fiche modifiée, à froid : ${fmt(review.median)} s (${memory(review)}) ; avec le cache : ${fmt(reviewWarm.median)} s`,
  );
  if (build) console.log(`  npm run build : ${fmt(build.median)} s (${memory(build)})`);
  for (const s of searches) {
    console.log(`  ${s.scenario.label} : ${fmt(s.kilobytes)} ko transférés en ${s.requests} requêtes, page comprise`);
    if (values.details) for (const [file, bytes] of s.files) console.log(`      ${fmt(bytes / 1024).padStart(7)} ko  ${file}`);
  }
  if (bare && build)
    console.log(`  astro nu (mêmes pages de prestataires) : ${fmt(bare.median)} s → surcoût ×${fmt(build.median / bare.median)}`);

  const measured: Partial<Record<keyof typeof budgets, number>> = {
    checkCold: checkCold.median,
    checkWarm: checkWarm.median,
    demo: demo.median,
    review: review.median,
    build: build?.median,
    buildMemory: build?.peakMb,
    overhead: bare && build ? build.median / bare.median : undefined,
  };
  if (providers > BUDGET_PROVIDERS) {
    console.log(`\nBudgets non évalués : ils valent jusqu’à ${new Intl.NumberFormat('fr-FR').format(BUDGET_PROVIDERS)} prestataires.`);
  } else {
    const missed: string[] = [];
    for (const key of Object.keys(budgets) as Array<keyof typeof budgets>) {
      const value = measured[key];
      const { max, unit, label } = budgets[key];
      const show = (n: number) => (unit === 'Mo' ? String(Math.round(n)) : fmt(n));
      if (value !== undefined && value > max) missed.push(`${label} : ${show(value)} ${unit}, pour ${show(max)} ${unit} au plus`);
    }
    for (const s of searches) {
      if (s.kilobytes > s.scenario.maxKilobytes)
        missed.push(`${s.scenario.label} : ${fmt(s.kilobytes)} ko, pour ${s.scenario.maxKilobytes} ko au plus`);
    }
    for (const line of missed) console.error(`✘ Budget dépassé : ${line}.`);
    if (missed.length === 0) console.log('\n✔ Tout ce qui a été mesuré tient dans son budget.');
    else process.exitCode = 1;
  }
  if (values.keep) console.log(`\nDossier conservé : ${work}`);
  else await rm(work, { recursive: true, force: true });
}

main().catch((error: unknown) => {
  console.error(`Le banc d’essai s’est arrêté : ${(error as Error).message}`);
  process.exitCode = 1;
});
