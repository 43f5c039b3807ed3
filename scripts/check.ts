/**
 * npm run check [-- --json] [-- --content DIR] [-- --no-cache]
 * Exit code: 0 no error (warnings allowed), 1 at least one error, 2 could not run.
 */
import { parseArgs } from 'node:util';
import { keepCompiledCode } from '../src/loader/cache-folder.mjs';

const USAGE = 'Usage : npm run check -- [--json] [--content DOSSIER] [--no-cache]';

// Before the check's modules are loaded: they are compiled once, not at every run.
keepCompiledCode();

/**
 * A first check of a large folder parses every file on two threads: the
 * second one is started now, and loads its modules while this one does.
 */
async function startEarly(args: { content?: string; 'no-cache'?: boolean }): Promise<void> {
  const { CONTENT_FOLDER } = await import('../src/schemas/content-folder.ts');
  const dir = args.content ?? process.env.CONTENT_DIR ?? CONTENT_FOLDER;
  const { CheckCache } = await import('../src/check/cache.ts');
  if (!args['no-cache'] && CheckCache.kept(dir)) return;
  (await import('../src/loader/worker-start.ts')).startLoaderWorkerFor(dir);
}

async function main(): Promise<number> {
  let options;
  try {
    options = parseArgs({
      options: {
        json: { type: 'boolean', default: false },
        content: { type: 'string' },
        'no-cache': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h' },
      },
    }).values;
  } catch (error) {
    console.error(`Option inconnue : ${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  if (options.help) {
    console.log(
      `${USAGE}\nVérifie chaque fichier du dossier de contenu (par défaut « content/ » ou $CONTENT_DIR).\n` +
        'Ne relit que les fichiers modifiés depuis la vérification précédente ; --no-cache relit tout.',
    );
    return 0;
  }
  await startEarly(options);
  const { checkProblems, contentDir, formatProblem, formatSummary } = await import('../src/check/index.ts');
  const { ContentFolderError } = await import('../src/loader/index.ts');
  const dir = contentDir(options.content);
  try {
    const result = await checkProblems(dir, { parallel: true, cache: !options['no-cache'] });
    if (options.json) {
      // The forms' own wording stays out: the JSON speaks of files, as the text output does.
      const problems = result.problems.map((problem) => ({ ...problem, form: undefined }));
      console.log(JSON.stringify(problems, null, 2));
    } else {
      // One write: tens of thousands of lines go out at once, not line by line.
      const lines = result.problems.map(formatProblem);
      lines.push(formatSummary(result));
      console.log(lines.join('\n'));
    }
    return result.errors > 0 ? 1 : 0;
  } catch (error) {
    if (error instanceof ContentFolderError) {
      console.error(error.message);
      return 2;
    }
    // Never a stack trace: say what happened and where to report it.
    console.error(`La vérification n’a pas pu aller au bout : ${(error as Error)?.message ?? String(error)}`);
    return 2;
  }
}

process.exitCode = await main();
