/**
 * npm run check [-- --json] [-- --content DIR]
 * Exit code: 0 no error (warnings allowed), 1 at least one error, 2 could not run.
 */
import { parseArgs } from 'node:util';
import { checkContent, contentDir, formatProblem, formatSummary } from '../src/check/index.ts';
import { ContentFolderError } from '../src/loader/index.ts';

async function main(): Promise<number> {
  let options;
  try {
    options = parseArgs({
      options: { json: { type: 'boolean', default: false }, content: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    }).values;
  } catch (error) {
    console.error(`Option inconnue : ${(error as Error).message}\nUsage : npm run check -- [--json] [--content DOSSIER]`);
    return 2;
  }
  if (options.help) {
    console.log(
      'Usage : npm run check -- [--json] [--content DOSSIER]\nVérifie chaque fichier du dossier de contenu (par défaut « content/ » ou $CONTENT_DIR).',
    );
    return 0;
  }
  const dir = contentDir(options.content);
  try {
    const result = await checkContent(dir, { parallel: true });
    if (options.json) {
      console.log(JSON.stringify(result.problems, null, 2));
    } else {
      for (const problem of result.problems) console.log(formatProblem(problem));
      console.log(formatSummary(result));
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
