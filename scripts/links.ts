/**
 * npm run links [-- --json | --markdown] [--content DIR] [--timeout SECONDES] [--concurrency N]
 * Fetches every address to another site that the content holds and warns
 * about the links that are dead or have moved.
 * Exit code: 0 every link answers, 1 at least one warning, 2 could not run.
 * A warning never blocks a merge: the exit code 1 only tells a script that
 * there is something to look at.
 */
import { parseArgs } from 'node:util';
import { contentDir, formatProblem } from '../src/check/index.ts';
import { checkLinks, DEFAULT_CONCURRENCY, DEFAULT_TIMEOUT_SECONDS } from '../src/links/index.ts';
import { formatLinkSummary } from '../src/links/outcome.ts';
import { ContentFolderError } from '../src/loader/index.ts';
import { formatLinksMarkdown } from '../src/review/links.ts';

const USAGE = 'Usage : npm run links -- [--json | --markdown] [--content DOSSIER] [--timeout SECONDES] [--concurrency N]';

async function main(): Promise<number> {
  let values;
  try {
    values = parseArgs({
      options: {
        json: { type: 'boolean', default: false },
        markdown: { type: 'boolean', default: false },
        content: { type: 'string' },
        timeout: { type: 'string' },
        concurrency: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }).values;
  } catch (error) {
    console.error(`Option inconnue : ${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    console.log(
      `${USAGE}\nVérifie chaque lien vers un autre site du dossier de contenu (par défaut « content/ » ou $CONTENT_DIR).\n` +
        `--timeout : secondes accordées à chaque site pour répondre (${DEFAULT_TIMEOUT_SECONDS} par défaut).\n` +
        `--concurrency : adresses vérifiées en même temps (${DEFAULT_CONCURRENCY} par défaut, jamais plus de 2 par site).`,
    );
    return 0;
  }
  if (values.json && values.markdown) {
    console.error(`Choisissez --json ou --markdown, pas les deux.\n${USAGE}`);
    return 2;
  }
  const timeoutSeconds = values.timeout === undefined ? DEFAULT_TIMEOUT_SECONDS : Number(values.timeout);
  if (!Number.isFinite(timeoutSeconds) || timeoutSeconds <= 0 || timeoutSeconds > 300) {
    console.error(`--timeout attend un nombre de secondes entre 0 et 300 (par exemple « --timeout 10 »), pas « ${values.timeout} ».`);
    return 2;
  }
  const concurrency = values.concurrency === undefined ? DEFAULT_CONCURRENCY : Number(values.concurrency);
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 64) {
    console.error(`--concurrency attend un nombre entier entre 1 et 64 (par exemple « --concurrency 8 »), pas « ${values.concurrency} ».`);
    return 2;
  }
  try {
    const result = await checkLinks(contentDir(values.content), { timeoutSeconds, concurrency }, (addresses, uses) => {
      if (addresses > 0) {
        console.error(
          `Vérification de ${addresses} adresse${addresses > 1 ? 's' : ''} (${uses} lien${uses > 1 ? 's' : ''} dans le contenu), ${Math.min(concurrency, addresses)} à la fois…`,
        );
      }
    });
    const summary = formatLinkSummary(result.counts);
    if (values.json) {
      console.log(JSON.stringify(result.problems, null, 2));
      console.error(summary);
    } else if (values.markdown) {
      console.log(formatLinksMarkdown(result.problems, result.content));
      console.error(summary);
    } else {
      for (const problem of result.problems) console.log(formatProblem(problem));
      console.log(summary);
    }
    return result.problems.length > 0 ? 1 : 0;
  } catch (error) {
    if (error instanceof ContentFolderError) {
      console.error(error.message);
      return 2;
    }
    // Never a stack trace: say what happened.
    console.error(`La vérification des liens n’a pas pu aller au bout : ${(error as Error)?.message ?? String(error)}`);
    return 2;
  }
}

process.exitCode = await main();
