/**
 * What an entry's Markdown body must hold: a small fact that the no-account
 * forms read in the browser without the whole table of entry types
 * (index.ts).
 */

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
  // Asked of every file: the usual answer first, with nothing to compose.
  if (length >= rule.min && length <= rule.max && (length > 0 || !rule.required)) return undefined;
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
