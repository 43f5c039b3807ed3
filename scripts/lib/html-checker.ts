/**
 * The Nu Html Checker (the W3C's validator, `vnu.jar` from the npm package
 * vnu-jar) run on many pages at once: one Java process for the whole list,
 * as starting the JVM costs more than checking a page. Without Java, the
 * check is skipped with a loud message; in CI (CI=true) it fails.
 */
import { execFile, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);

export const VNU_JAR = createRequire(import.meta.url).resolve('vnu-jar/build/dist/vnu.jar');

/** `$JAVA_HOME/bin/java` when set, else `java` from the PATH. */
export function javaCommand(): string {
  return process.env.JAVA_HOME ? path.join(process.env.JAVA_HOME, 'bin', 'java') : 'java';
}

/** True when the checker can run; otherwise says why, loudly, and fails in CI. */
export function javaAvailable(): boolean {
  if (spawnSync(javaCommand(), ['-version'], { stdio: 'ignore' }).status === 0) return true;
  const message =
    '\n\n!!! Java est introuvable : la vérification du HTML (Nu Html Checker) est IGNORÉE.\n!!! Installez-le : sudo apt-get install -y default-jre-headless (ou indiquez JAVA_HOME).\n';
  if (process.env.CI) throw new Error(message);
  console.warn(message);
  return false;
}

export interface HtmlMessage {
  /** Absolute path of the page. */
  file: string;
  line: number;
  column: number;
  /**
   * `error`: the page is not valid HTML (or could not be checked at all).
   * `warning`: advice, or what the checker cannot be sure of.
   * `info`: a remark.
   */
  level: 'error' | 'warning' | 'info';
  message: string;
}

interface VnuMessage {
  type: 'error' | 'info' | 'non-document-error';
  subType?: string;
  url?: string;
  firstLine?: number;
  lastLine?: number;
  firstColumn?: number;
  lastColumn?: number;
  message: string;
}

function levelOf(m: VnuMessage): HtmlMessage['level'] {
  if (m.type === 'error' || m.type === 'non-document-error') return 'error';
  return m.subType === 'warning' ? 'warning' : 'info';
}

/** Reads the checker's JSON report (`--format json`). */
export function parseReport(json: string): HtmlMessage[] {
  const report = JSON.parse(json) as { messages?: VnuMessage[] };
  return (report.messages ?? []).map((m) => ({
    file: m.url?.startsWith('file:') ? fileURLToPath(m.url) : (m.url ?? ''),
    line: m.firstLine ?? m.lastLine ?? 0,
    column: m.firstColumn ?? m.lastColumn ?? 0,
    level: levelOf(m),
    message: m.message,
  }));
}

/** Checks every given HTML file in one run of the checker. */
export async function checkHtml(files: string[]): Promise<HtmlMessage[]> {
  if (files.length === 0) return [];
  const { stdout, stderr } = await run(
    javaCommand(),
    // Language detection is off: the site is French throughout, its pages
    // say so (<html lang="fr">), and guessing each page's language costs time
    // for warnings only.
    [
      // Only the JVM's quick compiler: a run over a few hundred pages takes
      // half the CPU time, with the same report. Its frames are larger and
      // the checker's schema recurses deeply, hence a larger stack (1 MB
      // overflows).
      '-XX:TieredStopAtLevel=1',
      '-Xss8m',
      '-jar',
      VNU_JAR,
      '--format',
      'json',
      '--stdout',
      '--exit-zero-always',
      '--no-langdetect',
      ...files,
    ],
    { maxBuffer: 256 * 1024 * 1024 },
  );
  try {
    return parseReport(stdout);
  } catch {
    throw new Error(`Le Nu Html Checker n’a pas rendu de rapport lisible :\n${`${stdout}\n${stderr}`.trim().slice(0, 2000)}`);
  }
}

/** `annuaire/index.html:12:5 message`, the path relative to `root`. */
export function formatMessage(m: HtmlMessage, root: string): string {
  return `${path.relative(root, m.file).split(path.sep).join('/')}:${m.line}:${m.column} ${m.message}`;
}
