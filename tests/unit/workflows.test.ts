/**
 * The GitHub side of the project: workflows pass actionlint, every action is
 * pinned to a commit, untrusted values never reach a script, the weekly job
 * keeps exactly one issue (stale entries and dead links together), and the templates agree with the schemas and the
 * settings instead of repeating them by hand.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { chmod, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { metaOf } from '../../src/schemas/introspect.ts';
import { projectSchema } from '../../src/schemas/project.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const github = path.join(root, '.github');

interface Step {
  name?: string;
  id?: string;
  uses?: string;
  run?: string;
  if?: string;
  env?: Record<string, string>;
  with?: Record<string, unknown>;
}
interface Workflow {
  on: Record<string, unknown>;
  permissions?: Record<string, string>;
  concurrency?: { group: string; 'cancel-in-progress': boolean };
  jobs: Record<string, { permissions?: Record<string, string>; steps: Step[]; environment?: unknown }>;
}

const workflows = new Map<string, { text: string; doc: Workflow }>();
let scratch: string;

beforeAll(async () => {
  for (const name of await readdir(path.join(github, 'workflows'))) {
    const text = await readFile(path.join(github, 'workflows', name), 'utf8');
    workflows.set(name, { text, doc: parse(text) as Workflow });
  }
  scratch = await mkdtemp(path.join(tmpdir(), 'emancipasso-workflows-'));
});

afterAll(async () => {
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

const steps = (name: string) => Object.values(workflows.get(name)!.doc.jobs).flatMap((job) => job.steps);

function actionlint(...files: string[]) {
  return spawnSync(process.execPath, [path.join(root, 'scripts/actionlint.ts'), ...files], { cwd: root, encoding: 'utf8' });
}

describe('actionlint', () => {
  it('finds nothing to say about the workflows (npm run lint:workflows)', () => {
    const result = actionlint();
    expect(result.stdout).toContain(`${workflows.size} workflow(s) vérifié(s) par actionlint : rien à signaler`);
    expect(result.status).toBe(0);
  });

  it('really lints: an untrusted value in a script and an unknown permission are reported', async () => {
    const bad = path.join(scratch, 'bad.yml');
    await writeFile(
      bad,
      [
        'on: pull_request',
        'permissions:',
        '  contents: reed',
        'jobs:',
        '  a:',
        '    runs-on: ubuntu-latest',
        '    steps:',
        '      - run: echo "${{ github.event.pull_request.title }}"',
        '',
      ].join('\n'),
    );
    const result = actionlint(bad);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('potentially untrusted');
    expect(result.stdout).toMatch(/reed/);
  });
});

describe('workflows', () => {
  it('are the three the project documents', () => {
    expect([...workflows.keys()].sort()).toEqual(['deploy.yml', 'pull-request.yml', 'stale.yml']);
  });

  it('pin every action to a full commit SHA with its version in a comment', () => {
    for (const [name, { text }] of workflows) {
      const uses = text.split('\n').filter((line) => /^\s*(-\s+)?uses:/.test(line));
      expect(uses.length, name).toBeGreaterThan(0);
      for (const line of uses) expect(line, `${name}: ${line.trim()}`).toMatch(/uses: [\w.-]+\/[\w./-]+@[0-9a-f]{40} # v\d+(\.\d+){0,2}$/);
    }
  });

  it('never write an expression into a script: values reach scripts through env', () => {
    for (const name of workflows.keys()) {
      for (const step of steps(name)) if (step.run) expect(step.run, `${name}: ${step.name}`).not.toContain('${{');
    }
  });

  it('run pull requests with the pull_request event, a read-only token and no stored credentials', () => {
    const { doc } = workflows.get('pull-request.yml')!;
    expect(Object.keys(doc.on)).toEqual(['pull_request']);
    expect(doc.permissions).toEqual({ contents: 'read' });
    expect(doc.concurrency?.['cancel-in-progress']).toBe(true);
    for (const name of workflows.keys()) {
      expect(Object.keys(workflows.get(name)!.doc.on)).not.toContain('pull_request_target');
      for (const step of steps(name))
        if (step.uses?.startsWith('actions/checkout@')) expect(step.with?.['persist-credentials']).toBe(false);
    }
  });

  it('check with annotations, test, build, and write the summary even when the check fails', () => {
    const list = steps('pull-request.yml');
    const runs = list.map((s) => s.run ?? '');
    const check = runs.findIndex((r) => r.includes('review -- --base "origin/$BASE_REF" --github-annotations'));
    const tests = runs.findIndex((r) => r.includes('npm run test:unit'));
    const build = runs.findIndex((r) => r.includes('npm run build'));
    const summary = list.findIndex((s) => s.run?.includes('--markdown >> "$GITHUB_STEP_SUMMARY"'));
    expect(check).toBeGreaterThan(0);
    expect(tests).toBeGreaterThan(check);
    expect(build).toBeGreaterThan(tests);
    expect(summary).toBeGreaterThan(build);
    expect(list[summary]!.if).toContain('!cancelled()');
    expect(list[check]!.env?.BASE_REF).toBe('${{ github.base_ref }}');
  });

  it('deploy to Pages with the address and base path of the Pages configuration', () => {
    const { doc } = workflows.get('deploy.yml')!;
    expect(doc.on).toHaveProperty('push.branches', ['main']);
    const build = steps('deploy.yml').find((s) => s.run === 'npm run build')!;
    expect(build.env?.SITE_URL).toBe('${{ steps.pages.outputs.origin }}');
    expect(build.env?.BASE_PATH).toContain('steps.pages.outputs.base_path');
    expect(doc.jobs.deploy!.permissions).toEqual({ pages: 'write', 'id-token': 'write' });
    expect(steps('deploy.yml').map((s) => s.uses?.split('@')[0])).toEqual(
      expect.arrayContaining(['actions/configure-pages', 'actions/upload-pages-artifact', 'actions/deploy-pages']),
    );
  });
});

describe('weekly re-reading issue', () => {
  const issueStep = () => steps('stale.yml').find((s) => s.run?.includes('gh issue'))!;

  /**
   * Runs the workflow's own script against a stand-in `gh` that records
   * its calls and answers as a repository in the given state would.
   */
  async function runWith(state: 'none' | 'OPEN' | 'CLOSED', count: number): Promise<string[]> {
    const dir = await mkdtemp(path.join(scratch, 'gh-'));
    const log = path.join(dir, 'calls.log');
    const gh = path.join(dir, 'gh');
    await writeFile(
      gh,
      `#!/bin/bash
echo "$*" >> "${log}"
case "$1 $2" in
  "issue list") [ "${state}" = none ] || echo 42 ;;
  "issue view") echo "${state}" ;;
esac
`,
    );
    await chmod(gh, 0o755);
    const body = path.join(dir, 'relecture.md');
    await writeFile(body, '## Fiches à faire relire\n');
    // As GitHub runs a step: bash --noprofile --norc -eo pipefail.
    const result = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', issueStep().run!], {
      encoding: 'utf8',
      env: { PATH: `${dir}:${process.env.PATH}`, COUNT: String(count), BODY: body, GH_TOKEN: 'x', GH_REPO: 'exemple/annuaire' },
    });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    return (await readFile(log, 'utf8')).trim().split('\n');
  }

  it('creates the issue with its label when none exists', async () => {
    const calls = await runWith('none', 3);
    expect(calls[0]).toMatch(/^label create relecture /);
    expect(calls).toContainEqual(
      expect.stringMatching(
        /^issue create --title Relecture : 3 point\(s\) à revoir \(fiches, recommandations, liens\) --label relecture --body-file /,
      ),
    );
  });

  it('updates the open issue instead of opening another', async () => {
    const calls = await runWith('OPEN', 2);
    expect(calls.some((c) => c.startsWith('issue create'))).toBe(false);
    expect(calls).toContainEqual(expect.stringMatching(/^issue edit 42 --title Relecture : 2 point/));
  });

  it('reopens the same issue when something needs re-reading again', async () => {
    const calls = await runWith('CLOSED', 1);
    expect(calls).toContain('issue reopen 42');
    expect(calls).toContainEqual(expect.stringMatching(/^issue edit 42 /));
  });

  it('closes the issue when the list is empty, and opens none', async () => {
    expect((await runWith('OPEN', 0)).filter((c) => c.startsWith('issue close'))).toEqual(['issue close 42']);
    expect((await runWith('none', 0)).some((c) => /^issue (create|edit|close)/.test(c))).toBe(false);
  });

  it('runs weekly and on demand, with the project’s own list and link check in the same issue', () => {
    const { doc } = workflows.get('stale.yml')!;
    expect(doc.on).toHaveProperty('schedule');
    expect(doc.on).toHaveProperty('workflow_dispatch');
    expect(doc.permissions).toEqual({ contents: 'read', issues: 'write' });
    const runs = steps('stale.yml').map((s) => s.run ?? '');
    const links = runs.findIndex((r) => r.includes('npm run --silent links -- --json > "$RUNNER_TEMP/liens.json"'));
    const list = runs.findIndex((r) => r.includes('npm run --silent stale -- --markdown --links "$RUNNER_TEMP/liens.json"'));
    expect(links).toBeGreaterThan(0);
    expect(list).toBeGreaterThan(links);
    expect(runs[list]).toContain('stale -- --count --links "$RUNNER_TEMP/liens.json"');
    expect(runs.filter((r) => r.includes('gh issue create'))).toHaveLength(1);
  });

  /** Runs the link step's script with a stand-in `npm` that exits with `code`. */
  function runLinkStep(code: number) {
    const step = steps('stale.yml').find((s) => s.run?.includes('npm run --silent links'))!;
    const dir = mkdtempSync(path.join(scratch, 'npm-'));
    writeFileSync(path.join(dir, 'npm'), `#!/bin/bash\necho '[]'\nexit ${code}\n`, { mode: 0o755 });
    return spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', step.run!], {
      encoding: 'utf8',
      env: { PATH: `${dir}:${process.env.PATH}`, RUNNER_TEMP: dir },
    });
  }

  it('goes on when the link check finds links to look at (exit 1), and stops when it could not run (exit 2)', () => {
    expect(runLinkStep(0).status).toBe(0);
    expect(runLinkStep(1).status).toBe(0);
    expect(runLinkStep(2).status).toBe(2);
  });
});

describe('templates and routing', () => {
  it('offer one pull-request template per kind of change, each with a conflict-of-interest statement and a checklist', async () => {
    const names = (await readdir(path.join(github, 'PULL_REQUEST_TEMPLATE'))).sort();
    expect(names).toEqual(['fiche.md', 'projet.md', 'recommandation.md']);
    const fallback = await readFile(path.join(github, 'pull_request_template.md'), 'utf8');
    for (const name of names) {
      const text = await readFile(path.join(github, 'PULL_REQUEST_TEMPLATE', name), 'utf8');
      expect(text, name).toContain('## Déclaration de liens d’intérêts');
      expect(text, name).toContain('## Relecture par le comité');
      expect(text, name).toMatch(/^- \[ \] /m);
      expect(fallback).toContain(`template=${name}`);
    }
  });

  it('propose in the project form exactly the kinds of project the schema allows', async () => {
    const form = parse(await readFile(path.join(github, 'ISSUE_TEMPLATE/proposer-un-projet.yml'), 'utf8')) as {
      body: Array<{ id?: string; attributes: { options?: string[] } }>;
    };
    const kinds = form.body.find((field) => field.id === 'nature')!.attributes.options;
    expect(kinds).toEqual(Object.values(metaOf(projectSchema.shape.kind).labels!));
  });

  it('route content to the committee team of the organisation in settings.yml, and link to the site of settings.yml', async () => {
    const settings = parse(await readFile(path.join(root, 'content/settings.yml'), 'utf8')) as {
      site_url: string;
      repository: { url: string };
    };
    const organisation = new URL(settings.repository.url).pathname.split('/')[1];
    const owners = await readFile(path.join(github, 'CODEOWNERS'), 'utf8');
    expect(owners).toMatch(new RegExp(`^/content/ @${organisation}/comite$`, 'm'));
    const config = parse(await readFile(path.join(github, 'ISSUE_TEMPLATE/config.yml'), 'utf8')) as {
      contact_links: Array<{ url: string }>;
    };
    for (const link of config.contact_links) expect(link.url.startsWith(settings.site_url)).toBe(true);
  });

  it('keep dependencies up to date weekly, grouped, for npm and the actions', async () => {
    const config = parse(await readFile(path.join(github, 'dependabot.yml'), 'utf8')) as {
      updates: Array<{ 'package-ecosystem': string; schedule: { interval: string }; groups?: object }>;
    };
    expect(config.updates.map((u) => u['package-ecosystem']).sort()).toEqual(['github-actions', 'npm']);
    for (const update of config.updates) {
      expect(update.schedule.interval).toBe('weekly');
      expect(update.groups).toBeDefined();
    }
  });
});
