/**
 * Runs `npm run check` before every build: with an error standing, no site
 * is produced (the output folder is removed) and the build fails with the
 * same French messages, without a stack trace. In development the problems
 * are printed and the server goes on with the valid entries.
 */
import { rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { checkContent, contentDir, formatProblem, formatSummary } from '../check/index.ts';
import { ContentFolderError } from '../loader/index.ts';

export default function contentCheck(): AstroIntegration {
  return {
    name: 'emancipasso:content-check',
    hooks: {
      'astro:config:setup': async ({ command, config, logger }) => {
        if (command !== 'build' && command !== 'dev') return;
        let result;
        try {
          result = await checkContent(contentDir());
        } catch (error) {
          if (error instanceof ContentFolderError) {
            logger.error(error.message);
            process.exit(2);
          }
          throw error;
        }
        for (const problem of result.problems) {
          (problem.severity === 'error' ? logger.error : logger.warn).call(logger, formatProblem(problem));
        }
        logger.info(formatSummary(result));
        if (result.errors > 0 && command === 'build') {
          await rm(fileURLToPath(config.outDir), { recursive: true, force: true });
          logger.error('Aucun site n’a été produit : corrigez les erreurs ci-dessus, puis relancez « npm run build ».');
          process.exit(1);
        }
      },
    },
  };
}
