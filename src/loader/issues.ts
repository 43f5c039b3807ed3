/**
 * Schema issues → French sentences a volunteer can act on. zod says what is
 * wrong; this says it in plain words, names the allowed values and suggests
 * the nearest one for a typo.
 */
import type * as z from 'zod/mini';
import { didYouMean } from '../domain/rules/suggest.ts';
import { enumValues, metaOf, objectShape, schemaAt } from '../schemas/introspect.ts';
import { isCustom } from './is-custom.ts';

const TYPE_NAMES: Record<string, string> = {
  string: 'un texte',
  number: 'un nombre',
  int: 'un nombre entier',
  boolean: '« true » (oui) ou « false » (non)',
  array: 'une liste (« [a, b] » ou des lignes commençant par « - »)',
  object: 'un groupe de champs indentés',
  null: 'une valeur vide',
  date: 'une date AAAA-MM-JJ',
};

function describeValue(value: unknown): string {
  if (value === null) return 'une valeur vide';
  if (Array.isArray(value)) return 'une liste';
  if (typeof value === 'object') return 'un groupe de champs';
  if (typeof value === 'string') return `le texte « ${value.length > 40 ? `${value.slice(0, 40)}…` : value} »`;
  if (typeof value === 'boolean') return `« ${value} »`;
  return `« ${String(value)} »`;
}

export { isCustom } from './is-custom.ts';

export interface Located {
  path: PropertyKey[];
  message: string;
  /** Point at the key rather than the value (unknown fields). */
  atKey?: boolean;
}

/** One schema issue → one or more located French messages. */
export function explainIssue(issue: z.core.$ZodIssue, root: z.core.$ZodType): Located[] {
  const path = issue.path as PropertyKey[];
  const field = schemaAt(root, path);
  const input = (issue as { input?: unknown }).input;
  const title = field ? metaOf(field).title : undefined;
  const named = title ? ` (${title})` : '';

  switch (issue.code) {
    case 'unrecognized_keys': {
      const shape = objectShape(schemaAt(root, path) ?? root) ?? {};
      const known = Object.keys(shape);
      return issue.keys.map((key) => ({
        path: [...path, key],
        atKey: true,
        message: `le champ « ${key} » n’existe pas ici.${didYouMean(key, known)} Champs possibles : ${known.join(', ')}.`,
      }));
    }
    case 'invalid_type': {
      if (input === undefined) {
        return [{ path, message: `ce champ est obligatoire${named} : ajoutez-le.` }];
      }
      const expected = TYPE_NAMES[issue.expected] ?? issue.expected;
      let hint = '';
      if (issue.expected === 'string' && (typeof input === 'number' || typeof input === 'boolean')) {
        hint = ' Mettez la valeur entre guillemets.';
      }
      if (issue.expected === 'array' && typeof input === 'string') hint = ` Écrivez « [${input}] ».`;
      if (isCustom(issue.message) && !issue.message.startsWith('Entrée')) {
        return [{ path, message: issue.message }];
      }
      return [{ path, message: `attendu : ${expected}, trouvé : ${describeValue(input)}.${hint}` }];
    }
    case 'invalid_value': {
      const allowed = (field && enumValues(field)) ?? issue.values.map(String);
      // A missing choice is a missing field, not the value « undefined ».
      if (input === undefined) {
        const values = isCustom(issue.message) ? '' : ` Valeurs possibles : ${allowed.join(', ')}.`;
        return [{ path, message: `ce champ est obligatoire${named} : ajoutez-le.${values}` }];
      }
      const shown = typeof input === 'string' ? `« ${input} »` : describeValue(input);
      // `department: 38` is the number 38, not the code "38".
      if (typeof input !== 'string' && input !== null && allowed.includes(String(input))) {
        return [{ path, message: `écrivez cette valeur entre guillemets : « "${String(input)}" ».` }];
      }
      // Fields with their own explanation (INSEE codes) say it better than a list of a hundred codes.
      if (isCustom(issue.message)) return [{ path, message: issue.message }];
      return [
        {
          path,
          message: `${shown} n’est pas une valeur possible${named}.${typeof input === 'string' ? didYouMean(input, allowed) : ''} Valeurs possibles : ${allowed.join(', ')}.`,
        },
      ];
    }
    case 'too_small': {
      if (isCustom(issue.message) && !/^Trop petit/.test(issue.message)) return [{ path, message: issue.message }];
      const min = Number(issue.minimum);
      if (issue.origin === 'string') {
        const length = typeof input === 'string' ? ` (actuellement ${input.length})` : '';
        return [{ path, message: `texte trop court${named} : au moins ${min} caractères${length}.` }];
      }
      if (issue.origin === 'array') return [{ path, message: `indiquez au moins ${min} élément${min > 1 ? 's' : ''}${named}.` }];
      return [{ path, message: `la valeur doit être au moins ${min}${named}.` }];
    }
    case 'too_big': {
      if (isCustom(issue.message) && !/^Trop grand/.test(issue.message)) return [{ path, message: issue.message }];
      const max = Number(issue.maximum);
      if (issue.origin === 'string') {
        const length = typeof input === 'string' ? ` (actuellement ${input.length})` : '';
        return [{ path, message: `texte trop long${named} : au plus ${max} caractères${length}. Raccourcissez-le.` }];
      }
      if (issue.origin === 'array') return [{ path, message: `au plus ${max} éléments${named}.` }];
      return [{ path, message: `la valeur doit être au plus ${max}${named}.` }];
    }
    case 'invalid_key': {
      // A key that is not a slug, in `ratings` for instance.
      const inner = issue.issues[0]?.message;
      return [
        {
          path,
          message: `le nom « ${String(path.at(-1))} » n’est pas valable : ${isCustom(inner) ? inner : 'écrivez-le en minuscules, sans accents ni espaces.'}`,
        },
      ];
    }
    case 'invalid_format': {
      if (isCustom(issue.message)) return [{ path, message: issue.message }];
      if (issue.format === 'email') return [{ path, message: 'indiquez une adresse e-mail valide (par exemple « contact@exemple.org »).' }];
      return [{ path, message: `cette valeur n’a pas le format attendu${named}.` }];
    }
    default:
      return [{ path, message: isCustom(issue.message) ? issue.message : `cette valeur n’est pas acceptée${named}.` }];
  }
}
