/**
 * npm start: the site and its CMS on this computer, without any account.
 *
 * 1. Prepares a scratch clone of the repository (`.cache/cms-scratch`, or
 *    CMS_SCRATCH): the CMS writes there, never in this working copy.
 * 2. Starts decap-server in git mode on it: each proposal saved in /admin/
 *    becomes a local `cms/…` branch, as a pull request would on the forge.
 * 3. Starts `astro dev`; /admin/ talks to decap-server.
 * Ctrl-C stops both.
 *
 * With --follow-cms, the site shows what is published in the local CMS (a
 * copy of the scratch clone's published branch, followPublished) instead of
 * this working copy's content.
 *
 * Environment: CMS_SCRATCH (scratch folder), CMS_SOURCE (repository to clone,
 * this one by default), CMS_BRANCH (published branch, from
 * content/settings.yml by default), CMS_LOCAL_PORT (8081), SITE_PORT (4321).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { followPublished, prepareScratch, publishedBranch, publishedCopy, ScratchError } from './cms-scratch.ts';
import { CONTENT_FOLDER } from '../src/schemas/content-folder.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

async function waitFor(check: () => Promise<boolean>, child: ChildProcess, what: string, timeoutMs = 60_000) {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    if (child.exitCode !== null) throw new ScratchError(`${what} s’est arrêté au démarrage (code ${child.exitCode}).`);
    if (await check().catch(() => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new ScratchError(`${what} ne répond pas après ${timeoutMs / 1000} secondes.`);
}

const children: ChildProcess[] = [];
let stopFollowing = () => {};
let stopping = false;
const stop = async (code: number) => {
  if (stopping) return;
  stopping = true;
  stopFollowing();
  await Promise.all(
    children.map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          const force = setTimeout(() => child.kill('SIGKILL'), 5000);
          child.once('exit', () => {
            clearTimeout(force);
            resolve();
          });
          child.kill('SIGTERM');
        }),
    ),
  );
  console.log('\nLe site et le CMS local sont arrêtés.');
  process.exit(code);
};

/**
 * The first visit of /admin/ makes Vite prepare the CMS page's modules, then
 * reload the page. Doing it before saying « Prêt » spares the newcomer that
 * reload: the page's module is requested until every dependency it imports
 * answers.
 */
async function warmUp(siteUrl: string): Promise<void> {
  const origin = new URL(siteUrl).origin;
  const started = Date.now();
  while (Date.now() - started < 60_000) {
    const html = await (await fetch(`${siteUrl}admin/`)).text();
    const queue = [...html.matchAll(/<script type="module" src="([^"]+)"/g)].map((m) => new URL(m[1]!, origin).href);
    const seen = new Set(queue);
    let ready = true;
    while (queue.length > 0) {
      const response = await fetch(queue.shift()!);
      if (response.status !== 200) ready = false;
      const code = await response.text();
      // Imports Vite rewrote to paths of this server: the project's modules and the prepared dependencies.
      for (const match of code.matchAll(/(?:import|from)\s*\(?\s*["'](\/(?:src|node_modules|@fs)\/[^"']+)["']/g)) {
        const url = new URL(match[1]!, origin).href;
        if (!seen.has(url)) {
          seen.add(url);
          queue.push(url);
        }
      }
    }
    if (ready) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

function withoutNodeEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const { NODE_ENV: _ignored, ...rest } = env;
  return rest;
}

/** Is this port free on this computer? Asked before starting, to say so in French. */
function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

async function main(): Promise<number> {
  const scratch = path.resolve(root, process.env.CMS_SCRATCH ?? '.cache/cms-scratch');
  const source = path.resolve(process.env.CMS_SOURCE ?? root);
  const branch = await publishedBranch(root);
  const cmsPort = Number(process.env.CMS_LOCAL_PORT ?? 8081);
  const sitePort = Number(process.env.SITE_PORT ?? 4321);
  // decap-server writes to the repository: it listens on this computer only.
  const cmsUrl = `http://127.0.0.1:${cmsPort}/api/v1`;
  const siteUrl = `http://localhost:${sitePort}${(process.env.BASE_PATH ?? '/').replace(/\/?$/, '/')}`;

  if (cmsPort === sitePort)
    throw new ScratchError(`CMS_LOCAL_PORT et SITE_PORT valent tous deux ${cmsPort} : choisissez deux ports différents.`);
  for (const [port, variable] of [
    [cmsPort, 'CMS_LOCAL_PORT'],
    [sitePort, 'SITE_PORT'],
  ] as const) {
    if (!(await portIsFree(port)))
      throw new ScratchError(
        `Le port ${port} est déjà pris (un autre « npm start » tourne-t-il ?) : arrêtez-le ou choisissez-en un autre avec ${variable}.`,
      );
  }
  console.log('Préparation de la copie de travail locale du CMS…');
  for (const note of await prepareScratch({ source, scratch, branch, workingCopy: root })) console.log(`  ${note}`);

  const followCms = process.argv.slice(2).includes('--follow-cms');
  // The site's content: what the local CMS publishes, or this working copy's (CONTENT_DIR, else content/).
  const siteContent = followCms ? path.join(publishedCopy(scratch), CONTENT_FOLDER) : process.env.CONTENT_DIR;
  if (followCms) stopFollowing = await followPublished(scratch, branch);

  process.on('SIGINT', () => void stop(0));
  process.on('SIGTERM', () => void stop(0));

  const decapServer = spawn(process.execPath, [require.resolve('decap-server/dist/index.js')], {
    cwd: root,
    env: {
      ...process.env,
      MODE: 'git',
      GIT_REPO_DIRECTORY: scratch,
      PORT: String(cmsPort),
      BIND_HOST: '127.0.0.1',
      LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  children.push(decapServer);
  decapServer.on('exit', (code) => {
    if (!stopping) {
      console.error(`decap-server s’est arrêté (code ${code}) : le port ${cmsPort} est peut-être déjà pris (CMS_LOCAL_PORT).`);
      void stop(1);
    }
  });

  const astro = spawn(
    process.execPath,
    [path.join(path.dirname(require.resolve('astro/package.json')), 'bin/astro.mjs'), 'dev', '--port', String(sitePort)],
    {
      cwd: root,
      // NODE_ENV left by a test runner or a shell would change what `astro dev` serves: it chooses its own.
      env: {
        ...withoutNodeEnv(process.env),
        ...(siteContent ? { CONTENT_DIR: siteContent } : {}),
        CMS_LOCAL_URL: cmsUrl,
        ASTRO_TELEMETRY_DISABLED: '1',
      },
      stdio: ['ignore', 'inherit', 'inherit'],
    },
  );
  children.push(astro);
  astro.on('exit', (code) => {
    if (!stopping) {
      console.error(`Le serveur du site s’est arrêté (code ${code}).`);
      void stop(code ?? 1);
    }
  });

  try {
    await waitFor(
      async () => (await fetch(cmsUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"action":"info"}' })).ok,
      decapServer,
      'decap-server',
    );
    await waitFor(async () => (await fetch(siteUrl)).status < 500, astro, 'Le serveur du site', 120_000);
    await warmUp(siteUrl);
  } catch (error) {
    console.error(`\n✘ ${(error as Error).message}`);
    await stop(1);
  }

  console.log(`
✔ Prêt.
  Le site :                  ${siteUrl}
  Le CMS (sans compte) :     ${siteUrl}admin/   (bouton « Se connecter »)
  Copie de travail du CMS :  ${scratch}${followCms ? `\n  Le site montre ce qui est publié dans le CMS local (${publishedCopy(scratch)}).` : ''}
  Chaque proposition enregistrée dans le CMS y devient une branche cms/…, comme une
  demande de fusion sur la forge. Pour les voir : git -C "${scratch}" branch --list "cms/*"
  Ctrl-C arrête le site et le CMS.
`);
  return 0;
}

main().then(
  (code) => {
    if (code !== 0) process.exit(code);
  },
  (error) => {
    console.error(
      `\n✘ ${error instanceof ScratchError ? error.message : `Le démarrage a échoué : ${(error as Error)?.message ?? String(error)}`}`,
    );
    void stop(1);
  },
);
