/**
 * npm run stale [-- --markdown | --count] [--content DIR] [--today AAAA-MM-JJ]
 * Lists published listings not reviewed for 18 months and verified
 * recommendations older than 36 months. `--markdown` writes the body of the
 * committee's « relecture » issue; `--count` prints how many items it holds.
 * Exit code: 0, or 2 when it could not run.
 */
import { parseArgs } from 'node:util';
import { checkContent, contentDir } from '../src/check/index.ts';
import { ContentFolderError } from '../src/loader/index.ts';
import { todayInFrance } from '../src/domain/dates.ts';
import { staleness } from '../src/domain/staleness.ts';
import { formatStaleMarkdown, formatStaleText, staleCount, staleReport } from '../src/review/stale.ts';

const USAGE = 'Usage : npm run stale -- [--markdown | --count] [--content DOSSIER] [--today AAAA-MM-JJ]';

async function main(): Promise<number> {
  let values;
  try {
    values = parseArgs({
      options: {
        markdown: { type: 'boolean', default: false },
        count: { type: 'boolean', default: false },
        content: { type: 'string' },
        today: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }).values;
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    console.log(`${USAGE}\n${staleness.commandHelp}`);
    return 0;
  }
  if (values.today !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(values.today)) {
    console.error('--today attend une date AAAA-MM-JJ.');
    return 2;
  }
  try {
    const today = values.today ?? todayInFrance();
    // Entries with errors are left out by the check; the list covers what is valid.
    const { content } = await checkContent(contentDir(values.content), { today });
    const report = staleReport(content, today);
    if (values.count) console.log(String(staleCount(report)));
    else if (values.markdown) console.log(formatStaleMarkdown(report));
    else console.log(formatStaleText(report));
    return 0;
  } catch (error) {
    console.error(error instanceof ContentFolderError ? error.message : `La liste n’a pas pu être établie : ${(error as Error)?.message ?? String(error)}`);
    return 2;
  }
}

process.exitCode = await main();
