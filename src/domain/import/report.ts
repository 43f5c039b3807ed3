/**
 * What the form says after an import, in French: which fields it filled and
 * with what, which it left as the person had written them, and what it
 * could not place, key by key.
 */
import { countOf, frenchTypography } from '../text/format.ts';
import type { ImportResult } from './read.ts';
import { FORMAT_NAMES, type ImportTarget } from './sources.ts';

export interface ImportReport {
  heading: string;
  filled: string[];
  leftOutHeading: string;
  leftOut: string[];
  next: string;
}

export interface ReportWords {
  /** The field's label in the form. */
  label: (target: ImportTarget) => string;
  /** The label of a box or option (« Nextcloud » for `nextcloud`). */
  choice: (target: ImportTarget, value: string) => string;
  /** Fields the person had already filled otherwise: left as they were. */
  kept: ReadonlySet<ImportTarget>;
}

/** At most this many left-out keys are listed one by one; the rest are counted. */
const MAX_LISTED = 60;

export function importReport(result: ImportResult, words: ReportWords): ImportReport {
  const report = wordedReport(result, words);
  const t = frenchTypography;
  return { ...report, heading: t(report.heading), filled: report.filled.map(t), leftOut: report.leftOut.map(t), next: t(report.next) };
}

function wordedReport(result: ImportResult, words: ReportWords): ImportReport {
  const leftOutLines = result.leftOut.map(({ key, value, reason }) => `${key} = ${value} : ${reason}.`);
  const rest = leftOutLines.length - MAX_LISTED;
  const leftOut = rest > 0 ? [...leftOutLines.slice(0, MAX_LISTED), `… et ${countOf(rest, 'autre clé', 'autres clés')}.`] : leftOutLines;
  const leftOutHeading = `Non repris (${countOf(result.leftOut.length, 'clé', 'clés')})`;
  if (result.problem || !result.format)
    return { heading: result.problem ?? '', filled: [], leftOutHeading, leftOut: [], next: 'Rien n’a été changé dans le formulaire.' };

  const filled: string[] = [];
  for (const fill of result.fills) {
    const from = `(depuis ${fill.from.join(', ')})`;
    const label = words.label(fill.target);
    if (words.kept.has(fill.target)) {
      filled.push(`${label} : déjà rempli, laissé tel quel ${from}.`);
      continue;
    }
    const value =
      typeof fill.value !== 'string'
        ? fill.value.map((v) => words.choice(fill.target, v)).join(', ')
        : fill.target === 'body'
          ? `un texte de départ de ${countOf(fill.value.length, 'caractère', 'caractères')}, à relire et compléter`
          : fill.target === 'structure'
            ? words.choice(fill.target, fill.value)
            : fill.value;
    filled.push(`${label} : ${value} ${from}.`);
  }
  const changed = result.fills.filter((f) => !words.kept.has(f.target)).length;
  const source = `${FORMAT_NAMES[result.format]}, ${countOf(result.files, 'fichier lu', 'fichiers lus')}`;
  const heading =
    changed > 0
      ? `Formulaire prérempli depuis ${source} : ${countOf(changed, 'champ rempli', 'champs remplis')}.`
      : `Rien n’a pu être prérempli depuis ${source}.`;
  return {
    heading,
    filled,
    leftOutHeading,
    leftOut,
    next: 'Relisez chaque champ prérempli et complétez les autres, puis « Vérifier mes réponses ». Rien n’a été envoyé : le texte a été lu dans ce navigateur seulement.',
  };
}
