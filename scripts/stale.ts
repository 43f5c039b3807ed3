/**
 * npm run stale [-- --markdown | --count] [--content DIR] [--today AAAA-MM-JJ] [--links FICHIER]
 * Lists published listings not reviewed for 18 months and verified
 * recommendations older than 36 months. `--markdown` writes the body of the
 * committee's « relecture » issue; `--count` prints how many items it holds.
 * `--links` adds the dead and moved links that `npm run links -- --json`
 * wrote to that file, so that the issue holds both (and `--count` counts both).
 * Exit code: 0, or 2 when it could not run.
 */
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { checkContent, contentDir } from '../src/check/index.ts';
import { ContentFolderError } from '../src/loader/index.ts';
import { todayInFrance } from '../src/domain/text/dates.ts';
import { staleness } from '../src/domain/staleness.ts';
import { formatLinksMarkdown, formatLinksText, type LinkItem } from '../src/review/links.ts';
import { formatStaleMarkdown, formatStaleText, staleCount, staleReport } from '../src/review/stale.ts';

const USAGE = 'Usage : npm run stale -- [--markdown | --count] [--content DOSSIER] [--today AAAA-MM-JJ] [--links FICHIER]';

/** What `npm run links -- --json` writes: only the fields the list shows are read. */
const linkItems = z.array(
  z.looseObject({ file: z.string(), line: z.int(), column: z.int(), path: z.string(), message: z.string(), field: z.string().optional() }),
);

class LinksFileError extends Error {}

async function readLinks(file: string): Promise<LinkItem[]> {
  let data: unknown;
  try {
    data = JSON.parse(await readFile(file, 'utf8'));
  } catch {
    throw new LinksFileError(`Le fichier des liens « ${file} » est illisible : produisez-le avec « npm run links -- --json > ${file} ».`);
  }
  const parsed = linkItems.safeParse(data);
  if (!parsed.success)
    throw new LinksFileError(`Le fichier des liens « ${file} » n’est pas celui que produit « npm run links -- --json ».`);
  return parsed.data;
}

async function main(): Promise<number> {
  let values;
  try {
    values = parseArgs({
      options: {
        markdown: { type: 'boolean', default: false },
        count: { type: 'boolean', default: false },
        content: { type: 'string' },
        today: { type: 'string' },
        links: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }).values;
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    console.log(
      `${USAGE}\n${staleness.commandHelp}\n--links FICHIER : ajoute les liens morts ou déplacés écrits par « npm run links -- --json > FICHIER ».`,
    );
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
    const links = values.links === undefined ? undefined : await readLinks(values.links);
    const report = staleReport(content, today);
    if (values.count) console.log(String(staleCount(report) + (links?.length ?? 0)));
    else if (values.markdown) console.log(formatStaleMarkdown(report) + (links ? `\n${formatLinksMarkdown(links, content)}` : ''));
    else console.log(formatStaleText(report) + (links ? `\n\n${formatLinksText(links)}` : ''));
    return 0;
  } catch (error) {
    console.error(
      error instanceof ContentFolderError || error instanceof LinksFileError
        ? error.message
        : `La liste n’a pas pu être établie : ${(error as Error)?.message ?? String(error)}`,
    );
    return 2;
  }
}

process.exitCode = await main();
