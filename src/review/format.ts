/**
 * The review in three forms: plain text for a terminal, Markdown for the
 * pull request's job summary, and GitHub workflow commands that annotate
 * the files of the pull request where the check found a problem.
 */
import { formatProblem } from '../check/index.ts';
import type { Problem } from '../domain/problems.ts';
import { categoryOrder, categoryTitles, type Change, type Review } from './changes.ts';
import { fr, markdown, plain, type Rich } from './text.ts';

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n > 1 ? many : one}`;

function verdict(review: Review): string {
  const warnings = review.warnings ? plural(review.warnings, 'avertissement') : '';
  if (review.errors > 0) {
    return `✘ ${plural(review.errors, 'erreur')}${warnings ? ` et ${warnings}` : ''} : à corriger avant de fusionner ; rien n’est publié tant qu’il reste une erreur.`;
  }
  return `✔ Aucune erreur${warnings ? ` ; ${warnings} à regarder` : ''}.`;
}

function grouped(changes: Change[]): Array<[string, Change[]]> {
  return categoryOrder
    .map((category) => [categoryTitles[category], changes.filter((c) => c.category === category)] as [string, Change[]])
    .filter(([, list]) => list.length > 0);
}

function problemGroups(review: Review): Array<[string, Array<Problem & { inChange: boolean }>]> {
  const groups: Array<[string, Array<Problem & { inChange: boolean }>]> = [
    ['Erreurs liées à ces modifications', review.problems.filter((p) => p.severity === 'error' && p.inChange)],
    ['Erreurs déjà présentes avant', review.problems.filter((p) => p.severity === 'error' && !p.inChange)],
    ['Avertissements liés à ces modifications', review.problems.filter((p) => p.severity === 'warning' && p.inChange)],
    ['Avertissements déjà présents avant', review.problems.filter((p) => p.severity === 'warning' && !p.inChange)],
  ];
  return groups.filter(([, list]) => list.length > 0);
}

const BROKEN = ' — contient une erreur, voir plus bas';

// ---------------------------------------------------------------------------

export function formatText(review: Review): string {
  const out: string[] = [];
  out.push(plain(fr`Relecture du contenu : ${review.base} → ${review.head}`));
  out.push('');
  if (review.changes.length === 0) out.push('Aucun changement dans le contenu.');
  for (const [title, changes] of grouped(review.changes)) {
    out.push(`${title} (${changes.length})`);
    for (const change of changes) {
      out.push(`  ${plain(change.headline)}${change.broken ? BROKEN : ''}`);
      for (const line of change.details) out.push(`      ${plain(line)}`);
    }
    out.push('');
  }
  out.push('Ce qui sera visible sur le site');
  if (review.publication.length === 0) out.push('  Aucun changement de ce qui est publié.');
  for (const line of review.publication) out.push(`  ${plain(line)}`);
  out.push('');
  out.push(`Vérification : ${plural(review.errors, 'erreur')}, ${plural(review.warnings, 'avertissement')}`);
  for (const [title, problems] of problemGroups(review)) {
    out.push(`  ${title} :`);
    for (const problem of problems) out.push(`    ${formatProblem(problem)}`);
  }
  out.push('');
  out.push(verdict(review));
  return out.join('\n');
}

// ---------------------------------------------------------------------------

/** GitHub refuses a job summary above 1 MiB: keep well below it. */
const SUMMARY_BUDGET = 900_000;

function markdownBody(review: Review, withDetails: boolean): string {
  const md = (rich: Rich) => markdown(rich);
  const out: string[] = [];
  out.push('## Relecture du contenu', '');
  out.push(`> **${verdict(review)}**`, '');
  out.push(
    `Comparaison de ${md(fr`${review.base}`)} avec cette proposition : ${plural(review.changedFiles.length, 'fichier modifié', 'fichiers modifiés')}.`,
    '',
  );
  out.push('### Ce qui change', '');
  if (review.changes.length === 0) out.push('Aucun changement dans le contenu.', '');
  for (const [title, changes] of grouped(review.changes)) {
    out.push(`#### ${title} (${changes.length})`, '');
    for (const change of changes) {
      out.push(`- **${md(change.headline)}**${change.broken ? ` ⚠️${BROKEN}` : ''}`);
      if (!withDetails || change.details.length === 0) continue;
      if (change.kind === 'added') {
        out.push('', '  <details><summary>Tous les champs</summary>', '');
        for (const line of change.details) out.push(`  - ${md(line)}`);
        out.push('', '  </details>', '');
      } else {
        for (const line of change.details) out.push(`  - ${md(line)}`);
      }
    }
    out.push('');
  }
  out.push('### Ce qui sera visible sur le site', '');
  if (review.publication.length === 0) out.push('Aucun changement de ce qui est publié.');
  for (const line of review.publication) out.push(`- ${md(line)}`);
  out.push('');
  out.push(`### Vérification : ${plural(review.errors, 'erreur')}, ${plural(review.warnings, 'avertissement')}`, '');
  if (review.problems.length === 0) out.push('Le contrôle ne signale rien.', '');
  for (const [title, problems] of problemGroups(review)) {
    out.push(`#### ${title} (${problems.length})`, '');
    for (const p of problems) {
      const where = `${p.file}:${p.line}:${p.column}`;
      const message = p.message.replace(/^./, (c) => c.toUpperCase());
      out.push(`- ${md(fr`${where}`)}${p.path ? ` — ${md(fr`${p.path}`)}` : ''} : ${md(fr`${message}`)}`);
    }
    out.push('');
  }
  return out.join('\n');
}

export function formatMarkdown(review: Review): string {
  let body = markdownBody(review, true);
  if (body.length > SUMMARY_BUDGET) body = markdownBody(review, false);
  if (body.length > SUMMARY_BUDGET) {
    body = `${body.slice(0, SUMMARY_BUDGET)}\n\n… (résumé coupé : lancez « npm run review » sur la branche pour tout lire)\n`;
  }
  return body;
}

// ---------------------------------------------------------------------------

/** Workflow command escaping, as the GitHub Actions toolkit does it. */
function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** One `::error file=…,line=…,col=…::message` line per problem. */
export function formatAnnotations(review: Review): string {
  return review.problems
    .map((p) => {
      const command = p.severity === 'error' ? 'error' : 'warning';
      const title = p.path ? `Champ ${p.path}` : 'Contenu';
      const message = p.message.replace(/^./, (c) => c.toUpperCase());
      return `::${command} file=${escapeProperty(p.file)},line=${p.line},col=${p.column},title=${escapeProperty(title)}::${escapeData(message)}`;
    })
    .join('\n');
}
