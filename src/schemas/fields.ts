/**
 * Field types shared by every content type. Each one carries the French
 * message a volunteer reads when the value is wrong, saying how to fix it
 * in the file, and, where those words would not suit a person filling in a
 * form (quotes, file syntax), the forms' own words (`form`, see
 * `FormWording` in introspect.ts).
 *
 * Written with `zod/mini`, whose functions the browser's bundle can leave out
 * when unused: the forms check their entries with these very schemas.
 */
import * as z from 'zod/mini';
import { DEPARTMENT_CODES, REGION_CODES } from './insee/codes.ts';

// The codes alone: the schemas need no names (and the browser's forms carry none).
const departmentCodes = DEPARTMENT_CODES as [string, ...string[]];
const regionCodes = REGION_CODES as [string, ...string[]];
import { described } from './meta.ts';

/** Lowercase kebab-case ASCII, 2–60 characters: file names and URL parts. */
export const SLUG_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;

export const slug = described(
  z.string().check(
    z.regex(SLUG_PATTERN, {
      error: 'un identifiant s’écrit en minuscules sans accents, les mots séparés par des tirets (par exemple « nuage-solidaire »).',
    }),
    z.minLength(2, { error: 'un identifiant compte au moins 2 caractères.' }),
    z.maxLength(60, { error: 'un identifiant compte au plus 60 caractères.' }),
  ),
  // In a form, an identifier is always picked from a list.
  {
    form: {
      invalid_format: 'choisissez {noun} dans la liste.',
      too_small: 'choisissez {noun} dans la liste.',
      too_big: 'choisissez {noun} dans la liste.',
    },
  },
);

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

export const siren = described(
  z.string().check(
    z.regex(/^\d{9}$/, {
      error: 'un numéro SIREN compte exactement 9 chiffres, sans espace (par exemple « 732829320 »).',
    }),
    z.refine(hasValidLuhnKey, {
      error:
        'ce numéro SIREN n’existe pas (sa clé de contrôle est fausse) : recopiez-le depuis l’avis de situation INSEE ou annuaire-entreprises.data.gouv.fr.',
    }),
  ),
  { form: { invalid_format: 'le numéro SIREN s’écrit avec 9 chiffres, sans espace, par exemple 732829320.' } },
);

export const rna = described(
  z.string().check(
    z.regex(/^W\d{9}$/, {
      error: 'un numéro RNA s’écrit W suivi de 9 chiffres (par exemple « W751234567 »).',
    }),
  ),
  { form: { invalid_format: 'le numéro RNA s’écrit avec un W majuscule suivi de 9 chiffres, par exemple W751234567.' } },
);

/** Characters a browser would percent-encode: typed in an address, they are a copy-paste accident (or an attack). */
const NOT_IN_ADDRESSES = /[\s"'<>`{}|\\^]/;

export const httpsUrl = described(
  z.string().check(
    z.refine(
      (value) => {
        // Parsed once (`URL.parse` where it exists): every address of every file goes through here.
        const url = typeof URL.parse === 'function' ? URL.parse(value) : URL.canParse(value) ? new URL(value) : null;
        if (!url) return false;
        return url.protocol === 'https:' && url.hostname.includes('.') && !url.username && !url.password;
      },
      {
        error: 'indiquez une adresse web complète qui commence par « https:// ».',
        abort: true,
        params: { form: 'indiquez {noun} en entier, en commençant par https://.' },
      },
    ),
    z.refine((value) => !NOT_IN_ADDRESSES.test(value), {
      error: 'une adresse web ne contient ni espace, ni guillemet, ni chevron (< >) : recopiez-la depuis la barre d’adresse du navigateur.',
      params: {
        form: '{noun} contient un espace ou un signe qu’une adresse web n’a pas : recopiez-la depuis la barre d’adresse du navigateur.',
      },
    }),
  ),
  { format: 'https-url' },
);

export const email = described(
  z.email({
    error: 'indiquez une adresse e-mail valide (par exemple « contact@exemple.org »).',
  }),
  { form: { invalid_format: 'indiquez {noun} en entier, par exemple contact@exemple.org.' } },
);

/** French numbers: 10 digits starting with 0, or +33 followed by 9 digits. */
export const phone = described(
  z.string().check(
    z.regex(/^(?:0|\+33 ?)[1-9](?:[ .-]?\d{2}){4}$/, {
      error: 'indiquez un numéro français, par exemple « 04 76 00 00 00 » ou « +33 4 76 00 00 00 ».',
    }),
  ),
  { form: { invalid_format: 'indiquez {noun} comme un numéro français, par exemple 04 76 00 00 00 ou +33 4 76 00 00 00.' } },
);

export const postcode = described(
  z.string().check(
    z.regex(/^\d{5}$/, {
      error: 'un code postal compte 5 chiffres, entre guillemets dans le fichier (par exemple « "38000" »).',
    }),
  ),
  { form: { invalid_format: '{noun} compte 5 chiffres, par exemple 38000.' } },
);

export const departmentCode = described(
  z.enum(departmentCodes, {
    error: 'ce n’est pas un code de département INSEE : écrivez-le entre guillemets, par exemple « "01" », « "2A" » ou « "974" ».',
  }),
  { form: { invalid_value: 'choisissez {noun} dans la liste.' } },
);

export const regionCode = described(
  z.enum(regionCodes, {
    error: 'ce n’est pas un code de région INSEE : écrivez-le entre guillemets, par exemple « "84" » pour Auvergne-Rhône-Alpes.',
  }),
  { form: { invalid_value: 'choisissez {noun} dans la liste.' } },
);

/** Is `value` a real day of the Gregorian calendar written YYYY-MM-DD? */
export function isCalendarDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** A calendar date, written `YYYY-MM-DD`, kept as a string so it never shifts with time zones. */
export const calendarDate = described(
  z.iso.date({
    error: 'indiquez une date réelle au format AAAA-MM-JJ, sans guillemets (par exemple 2026-03-14).',
  }),
  { form: { invalid_format: 'indiquez {noun} : une date qui existe, avec le jour, le mois et l’année.' } },
);

export const year = described(z.int({ error: 'indiquez une année en chiffres (par exemple « 2025 »).' }).check(z.gte(2000), z.lte(2100)), {
  form: {
    invalid_type: 'indiquez {noun} en chiffres, par exemple 2025.',
    too_small: 'indiquez {noun} en chiffres, à partir de 2000.',
    too_big: 'indiquez {noun} en chiffres, avant 2100.',
  },
});

/** A whole amount in euros, at least `min`; `tooSmall` says why a smaller one is refused. */
export function euros(min: number, tooSmall: string) {
  return described(
    z
      .int({ error: 'indiquez un montant entier en euros, sans espace ni symbole (par exemple « 1500 »).' })
      .check(z.gte(min, { error: tooSmall })),
    { form: { invalid_type: 'indiquez {noun} en euros entiers, par exemple 1500.' } },
  );
}

export const sizes = ['petite', 'moyenne', 'grande'] as const;
export const associationSize = described(
  z.enum(sizes, {
    error: 'la taille est « petite » (jusqu’à 20 personnes, bénévoles), « moyenne » (plus de 5 salarié·es ou 50 personnes) ou « grande ».',
  }),
  { form: { invalid_value: 'choisissez {noun} dans la liste.' } },
);

export const sizeLabels: Record<(typeof sizes)[number], string> = {
  petite: 'Petites associations (jusqu’à 20 personnes, bénévoles)',
  moyenne: 'Associations moyennes (plus de 5 salarié·es ou 50 personnes)',
  grande: 'Grandes associations et fédérations',
};

/** A list of unique slugs; duplicates are always typing mistakes. */
export function slugList() {
  return z.array(slug).check(
    z.refine((list) => new Set(list).size === list.length, {
      error: 'une même valeur apparaît deux fois dans la liste : retirez le doublon.',
    }),
  );
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
