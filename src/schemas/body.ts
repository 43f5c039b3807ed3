/**
 * What an entry's Markdown body must hold, and where entries live: small
 * facts that the no-account forms read in the browser without the whole
 * table of entry types (index.ts).
 */

/** The content folder in the repository, unless `CONTENT_DIR` or `--content` names another. */
export const CONTENT_FOLDER = 'content';

export interface BodyRule {
  /** Whether the Markdown body must hold text. */
  required: boolean;
  min: number;
  max: number;
  /** What the body is, in French, for messages: « la description ». */
  noun: string;
}

/**
 * What is wrong with a body of `length` characters, in French, or nothing.
 * Adjectives agree with the noun: « la description est trop courte », « le
 * témoignage est trop court ». `inForm`: said to a person filling in a form,
 * who never sees the file's « --- ».
 */
export function bodyLengthProblem(rule: BodyRule, length: number, inForm = false): string | undefined {
  const feminine = rule.noun.startsWith('la ');
  const noun = rule.noun.replace(/^./, (c) => c.toUpperCase());
  if (rule.required && length === 0) {
    if (inForm) return `Écrivez ${rule.noun}.`;
    return `${noun} manque : écrivez-${feminine ? 'la' : 'le'} sous la ligne « --- » qui ferme l’en-tête.`;
  }
  if (length < rule.min) return `${noun} est trop court${feminine ? 'e' : ''} : au moins ${rule.min} caractères (actuellement ${length}).`;
  if (length > rule.max) return `${noun} est trop long${feminine ? 'ue' : ''} : au plus ${rule.max} caractères (actuellement ${length}).`;
  return undefined;
}
