/**
 * npm run review -- --base <ref> [--head <ref>] [--markdown | --github-annotations] [--content DIR]
 * Exit code: 0 no error on the proposed side (warnings allowed), 1 at least
 * one error, 2 the review could not run (unknown reference, not a repository…).
 */
import { parseArgs } from 'node:util';
import { keepCompiledCode } from '../src/loader/cache-folder.mjs';

// Before the review's modules are loaded: they are compiled once, not at every run.
keepCompiledCode();
const { ContentFolderError } = await import('../src/loader/index.ts');
const { formatAnnotations, formatMarkdown, formatText } = await import('../src/review/format.ts');
const { ReviewSetupError } = await import('../src/review/git.ts');
const { runReview } = await import('../src/review/run.ts');

const USAGE = `Usage : npm run review -- --base RÉFÉRENCE [--head RÉFÉRENCE] [--markdown | --github-annotations] [--content DOSSIER]

Compare le contenu de la branche courante (ou de --head) avec RÉFÉRENCE
(par exemple « main » ou « origin/main ») et dit, en clair, ce qui change :
fiches ajoutées, modifiées ou supprimées, recommandations vérifiées,
projets et financements, ce qui devient visible sur le site, et chaque
erreur ou avertissement du contrôle.

  --markdown            sortie Markdown (résumé d’une pull request)
  --github-annotations  annotations GitHub Actions, puis le texte
  --today AAAA-MM-JJ    calcule l’ancienneté à cette date (par défaut : aujourd’hui)
  --no-cache            relit chaque fichier au lieu de reprendre ce que la vérification a gardé`;

async function main(): Promise<number> {
  let values;
  try {
    values = parseArgs({
      options: {
        base: { type: 'string' },
        head: { type: 'string' },
        content: { type: 'string' },
        markdown: { type: 'boolean', default: false },
        'github-annotations': { type: 'boolean', default: false },
        today: { type: 'string' },
        'no-cache': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h' },
      },
    }).values;
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (!values.base) {
    console.error(`Indiquez la version de référence avec --base (par exemple « --base main »).\n\n${USAGE}`);
    return 2;
  }
  if (values.today !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(values.today)) {
    console.error('--today attend une date AAAA-MM-JJ.');
    return 2;
  }
  try {
    const review = await runReview({
      base: values.base,
      head: values.head,
      content: values.content,
      today: values.today,
      cache: !values['no-cache'],
    });
    if (values.markdown) {
      console.log(formatMarkdown(review));
    } else if (values['github-annotations']) {
      const annotations = formatAnnotations(review);
      if (annotations) console.log(annotations);
      console.log(formatText(review));
    } else {
      console.log(formatText(review));
    }
    return review.errors > 0 ? 1 : 0;
  } catch (error) {
    if (error instanceof ReviewSetupError || error instanceof ContentFolderError) {
      console.error(error.message);
      return 2;
    }
    // Never a stack trace: say what happened.
    console.error(`La relecture n’a pas pu aller au bout : ${(error as Error)?.message ?? String(error)}`);
    return 2;
  }
}

process.exitCode = await main();
