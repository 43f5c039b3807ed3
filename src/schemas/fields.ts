/**
 * Field types shared by every content type. Each one carries the French
 * message a volunteer reads when the value is wrong, saying how to fix it.
 */
import { z } from 'zod';
import { departmentCodes, regionCodes } from './geography.ts';

/** Lowercase kebab-case ASCII, 2–60 characters: file names and URL parts. */
export const SLUG_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;

export const slug = z
  .string()
  .regex(SLUG_PATTERN, {
    error: 'un identifiant s’écrit en minuscules sans accents, les mots séparés par des tirets (par exemple « nuage-solidaire »).',
  })
  .min(2, { error: 'un identifiant compte au moins 2 caractères.' })
  .max(60, { error: 'un identifiant compte au plus 60 caractères.' });

/** Luhn key, as INSEE computes it for SIREN numbers. */
export function hasValidLuhnKey(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

export const siren = z
  .string()
  .regex(/^\d{9}$/, {
    error: 'un numéro SIREN compte exactement 9 chiffres, sans espace (par exemple « 732829320 »).',
  })
  .refine(hasValidLuhnKey, {
    error:
      'ce numéro SIREN n’existe pas (sa clé de contrôle est fausse) : recopiez-le depuis l’avis de situation INSEE ou annuaire-entreprises.data.gouv.fr.',
  });

export const rna = z.string().regex(/^W\d{9}$/, {
  error: 'un numéro RNA s’écrit W suivi de 9 chiffres (par exemple « W751234567 »).',
});

/** Characters a browser would percent-encode: typed in an address, they are a copy-paste accident (or an attack). */
const NOT_IN_ADDRESSES = /[\s"'<>`{}|\\^]/;

export const httpsUrl = z
  .string()
  .refine(
    (value) => {
      // Parsed once (`URL.parse` where it exists): every address of every file goes through here.
      const url = typeof URL.parse === 'function' ? URL.parse(value) : URL.canParse(value) ? new URL(value) : null;
      if (!url) return false;
      return url.protocol === 'https:' && url.hostname.includes('.') && !url.username && !url.password;
    },
    { error: 'indiquez une adresse web complète qui commence par « https:// ».', abort: true },
  )
  .refine((value) => !NOT_IN_ADDRESSES.test(value), {
    error: 'une adresse web ne contient ni espace, ni guillemet, ni chevron (< >) : recopiez-la depuis la barre d’adresse du navigateur.',
  })
  .meta({ format: 'https-url' });

export const email = z.email({
  error: 'indiquez une adresse e-mail valide (par exemple « contact@exemple.org »).',
});

/** French numbers: 10 digits starting with 0, or +33 followed by 9 digits. */
export const phone = z.string().regex(/^(?:0|\+33 ?)[1-9](?:[ .-]?\d{2}){4}$/, {
  error: 'indiquez un numéro français, par exemple « 04 76 00 00 00 » ou « +33 4 76 00 00 00 ».',
});

export const postcode = z.string().regex(/^\d{5}$/, {
  error: 'un code postal compte 5 chiffres, entre guillemets dans le fichier (par exemple « "38000" »).',
});

export const departmentCode = z.enum(departmentCodes, {
  error: 'ce n’est pas un code de département INSEE : écrivez-le entre guillemets, par exemple « "01" », « "2A" » ou « "974" ».',
});

export const regionCode = z.enum(regionCodes, {
  error: 'ce n’est pas un code de région INSEE : écrivez-le entre guillemets, par exemple « "84" » pour Auvergne-Rhône-Alpes.',
});

/** Is `value` a real day of the Gregorian calendar written YYYY-MM-DD? */
export function isCalendarDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** A calendar date, written `YYYY-MM-DD`, kept as a string so it never shifts with time zones. */
export const calendarDate = z.iso.date({
  error: 'indiquez une date réelle au format AAAA-MM-JJ, sans guillemets (par exemple 2026-03-14).',
});

export const year = z.int({ error: 'indiquez une année en chiffres (par exemple « 2025 »).' }).min(2000).max(2100);

export const euros = z.int({ error: 'indiquez un montant entier en euros, sans espace ni symbole (par exemple « 1500 »).' });

export const sizes = ['petite', 'moyenne', 'grande'] as const;
export const associationSize = z.enum(sizes, {
  error: 'la taille est « petite » (jusqu’à 20 personnes, bénévoles), « moyenne » (plus de 5 salarié·es ou 50 personnes) ou « grande ».',
});

/** A list of unique slugs; duplicates are always typing mistakes. */
export function slugList() {
  return z.array(slug).refine((list) => new Set(list).size === list.length, {
    error: 'une même valeur apparaît deux fois dans la liste : retirez le doublon.',
  });
}

/**
 * The CMS saves a cleared optional field as `""`. An empty string, in any
 * object, means "absent", so that clearing a field in the form never breaks
 * the entry. Lists are left alone: an empty list is a real value.
 */
export function dropEmptyStrings(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(dropEmptyStrings);
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(value)) {
      if (typeof v === 'string' && v.trim() === '') continue;
      out[key] = dropEmptyStrings(v);
    }
    return out;
  }
  return value;
}
