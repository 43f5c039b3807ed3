/**
 * Where a vocabulary file lists its terms: under `terms:` (the shape the
 * CMS edits), or, in a file of the older shape, the file itself is the list:
 * still read, with a warning that says how to convert it.
 */
import * as z from 'zod/mini';
import { TERMS_KEY } from '../schemas/taxonomies.ts';

/** What a vocabulary file holds around its terms, whatever the terms are. */
export const vocabularyEnvelope = z.strictObject({ [TERMS_KEY]: z.array(z.unknown()) });

export const legacyListWarning = `ce fichier est encore une simple liste, que le CMS ne sait pas modifier : ajoutez en première ligne « ${TERMS_KEY}: », puis décalez toutes les lignes de la liste de deux espaces (chaque élément commence alors par « - slug: … », sous « ${TERMS_KEY}: »).`;

export const notAVocabulary = `ce fichier doit commencer par « ${TERMS_KEY}: », suivi de la liste des termes (chaque élément commence par « - slug: … »).`;

export type VocabularyShape =
  /** The terms, and the path of the list in the file (`['terms']`, or `[]` for a bare list). */
  | { terms: unknown[]; at: PropertyKey[]; legacy: boolean }
  /** Not a vocabulary file at all: a list under `terms:` is expected. */
  | { terms: undefined };

export function vocabularyShape(data: unknown): VocabularyShape {
  if (Array.isArray(data)) return { terms: data, at: [], legacy: true };
  if (data && typeof data === 'object' && TERMS_KEY in data) {
    const terms = (data as Record<string, unknown>)[TERMS_KEY];
    return { terms: Array.isArray(terms) ? terms : [], at: [TERMS_KEY], legacy: false };
  }
  return { terms: undefined };
}
