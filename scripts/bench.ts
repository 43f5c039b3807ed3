/**
 * npm run bench -- [--providers 1000] [--runs 3] [--no-build] [--bare] [--keep] [--details]
 *
 * Writes a synthetic corpus (3 recommendations per provider, 1 project per
 * 20 providers) into a temporary folder, then times `check` and `build` on it
 * several times and prints medians, peak memory and the machine's cores,
 * and what a visitor's searches download on the built site (SEARCH_SCENARIOS;
 * --details lists every file).
 * With --bare it also builds a bare Astro site of the same provider pages in
 * the same run, so that the overhead is a ratio measured under equal noise.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
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
    details: { type: 'boolean', default: false },
    bare: { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
  },
});
const providers = Number(values.providers);
const runs = Number(values.runs);
const GNU_TIME = '/usr/bin/time';

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
  const contentDir = path.join(work, 'content');
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
  console.log(`${files} fichiers écrits. Machine : ${os.cpus().length} cœurs, Node.js ${process.versions.node}.\n`);

  const cacheDir = path.join(work, 'astro-cache');
  const env = { CONTENT_DIR: contentDir, EMANCIPASSO_TODAY: today, ASTRO_TELEMETRY_DISABLED: '1', ASTRO_CACHE_DIR: cacheDir };
  const noop = async () => {};
  const check = await series('check', runs, noop, [process.execPath, 'scripts/check.ts', '--content', contentDir], env);

  let build: { median: number; peakMb: number } | undefined;
  const searches: Array<{ scenario: SearchScenario; kilobytes: number; requests: number; files: Array<[string, number]> }> = [];
  let bare: { median: number; peakMb: number } | undefined;
  if (!values['no-build']) {
    const outDir = path.join(work, 'dist');
    // Every build starts cold: no content-layer cache from the previous run.
    const cold = async () => {
      await rm(cacheDir, { recursive: true, force: true });
      await rm(outDir, { recursive: true, force: true });
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

  console.log(`\nRésultats (médianes sur ${runs} exécutions, ${os.cpus().length} cœurs, ${providers} prestataires) :`);
  console.log(`  npm run check : ${fmt(check.median)} s (mémoire max ${Math.round(check.peakMb)} Mo)`);
  if (build) console.log(`  npm run build : ${fmt(build.median)} s (mémoire max ${Math.round(build.peakMb)} Mo)`);
  for (const s of searches) {
    console.log(`  ${s.scenario.label} : ${fmt(s.kilobytes)} ko transférés en ${s.requests} requêtes, page comprise`);
    if (values.details) for (const [file, bytes] of s.files) console.log(`      ${fmt(bytes / 1024).padStart(7)} ko  ${file}`);
  }
  if (bare && build)
    console.log(`  astro nu (mêmes pages de prestataires) : ${fmt(bare.median)} s → surcoût ×${fmt(build.median / bare.median)}`);
  if (values.keep) console.log(`\nDossier conservé : ${work}`);
  else await rm(work, { recursive: true, force: true });
}

main().catch((error: unknown) => {
  console.error(`Le banc d’essai s’est arrêté : ${(error as Error).message}`);
  process.exitCode = 1;
});
