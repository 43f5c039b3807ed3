/**
 * Runs `npm run check` before every build: with an error standing, no site
 * is produced (the output folder is removed) and the build fails with the
 * same French messages, without a stack trace. In development the problems
 * are printed and the server goes on with the valid entries.
 */
import { rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { checkContent, contentDir, formatProblem, formatSummary, handOverCheckedContent } from '../check/index.ts';
import { ContentFolderError } from '../loader/index.ts';

const MAX_WARNINGS_SHOWN = 20;

export default function contentCheck(): AstroIntegration {
  return {
    name: 'emancipasso:content-check',
    hooks: {
      'astro:config:setup': async ({ command, config, logger }) => {
        if (command !== 'build' && command !== 'dev') return;
        let result;
        try {
          result = await checkContent(contentDir(), { parallel: true, cache: true });
        } catch (error) {
          if (error instanceof ContentFolderError) {
            logger.error(error.message);
            process.exit(2);
          }
          throw error;
        }
        // Every error; warnings up to a screenful (`npm run check` lists them all).
        const warnings = result.problems.filter((p) => p.severity === 'warning');
        for (const problem of result.problems.filter((p) => p.severity === 'error')) logger.error(formatProblem(problem));
        for (const problem of warnings.slice(0, MAX_WARNINGS_SHOWN)) logger.warn(formatProblem(problem));
        if (warnings.length > MAX_WARNINGS_SHOWN) {
          logger.warn(`… et ${warnings.length - MAX_WARNINGS_SHOWN} autres avertissements : « npm run check » les liste tous.`);
        }
        logger.info(formatSummary(result));
        if (result.errors > 0 && command === 'build') {
          await rm(fileURLToPath(config.outDir), { recursive: true, force: true });
          logger.error('Aucun site n’a été produit : corrigez les erreurs ci-dessus, puis relancez « npm run build ».');
          process.exit(1);
        }
        handOverCheckedContent(contentDir(), result.content);
      },
    },
  };
}
