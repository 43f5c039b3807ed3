/**
 * The shared field types of the content contract, and what every schema
 * promises: strict objects, a French title and hint on each field, French
 * messages a volunteer can act on.
 */
import { describe, expect, it } from 'vitest';
import type * as z from 'zod/mini';
import regionsData from '@etalab/decoupage-administratif/data/regions.json' with { type: 'json' };
import departmentsData from '@etalab/decoupage-administratif/data/departements.json' with { type: 'json' };
import { explainIssue } from '../../src/loader/issues.ts';
import { validate } from '../../src/loader/index.ts';
import {
  calendarDate,
  departmentCode,
  dropEmptyStrings,
  email,
  entryTypes,
  hasValidLuhnKey,
  httpsUrl,
  isCalendarDate,
  phone,
  postcode,
  providerSchema,
  recommendationSchema,
  regionCode,
  rna,
  settingsSchema,
  siren,
  slug,
  slugList,
  taxonomySchemas,
} from '../../src/schemas/index.ts';
import { departmentName, departmentRegion, regionName } from '../../src/schemas/geography.ts';
import { arrayElement, metaOf, objectShape, unwrap } from '../../src/schemas/introspect.ts';
import { fixture } from '../content/helpers.ts';
import { parseSource } from '../../src/loader/parse.ts';

const accepts = (schema: z.ZodMiniType, value: unknown) => schema.safeParse(value).success;
/** The French message a volunteer reads for `value`. */
function messageFor(schema: z.ZodMiniType, value: unknown): string {
  const result = schema.safeParse(value, { reportInput: true });
  if (result.success) throw new Error(`${JSON.stringify(value)} was accepted`);
  return explainIssue(result.error.issues[0]!, schema)[0]!.message;
}

describe('slug', () => {
  it.each(['nuage-solidaire', 'ab', 'a1-b2', 'x'.repeat(60)])('accepts « %s »', (value) => {
    expect(accepts(slug, value)).toBe(true);
  });
  it.each(['Nuage', 'nuage_solidaire', 'nuage solidaire', '-nuage', 'nuage-', 'nuage--solidaire', 'hébergement', 'a', 'x'.repeat(61)])(
    'refuses « %s »',
    (value) => {
      expect(accepts(slug, value)).toBe(false);
    },
  );
  it('explains how a slug is written', () => {
    expect(messageFor(slug, 'Nuage Solidaire')).toContain('en minuscules sans accents, les mots séparés par des tirets');
  });
  it('refuses the same slug twice in a list', () => {
    expect(messageFor(slugList(), ['nextcloud', 'nextcloud'])).toBe(
      'une même valeur apparaît deux fois dans la liste : retirez le doublon.',
    );
  });
});

describe('SIREN, with its Luhn key', () => {
  it.each(['900000001', '910000009', '732829320'])('accepts %s', (value) => {
    expect(hasValidLuhnKey(value)).toBe(true);
    expect(accepts(siren, value)).toBe(true);
  });
  it('refuses a number whose key is wrong, saying where to find the right one', () => {
    expect(hasValidLuhnKey('900000002')).toBe(false);
    expect(messageFor(siren, '900000002')).toContain('sa clé de contrôle est fausse');
    expect(messageFor(siren, '900000002')).toContain('annuaire-entreprises.data.gouv.fr');
  });
  it.each(['90000000', '9000000010', '900 000 001', '90000000A'])('refuses « %s », which is not 9 digits', (value) => {
    expect(messageFor(siren, value)).toContain('exactement 9 chiffres');
  });
  it('asks for quotes around a SIREN written as a number', () => {
    expect(messageFor(siren, 900000001)).toContain('Mettez la valeur entre guillemets');
  });
});

describe('RNA', () => {
  it('accepts W and 9 digits', () => expect(accepts(rna, 'W751234567')).toBe(true));
  it.each(['w751234567', 'W75123456', 'W7512345678', '751234567'])('refuses « %s »', (value) => {
    expect(messageFor(rna, value)).toContain('W suivi de 9 chiffres');
  });
});

describe('https URL', () => {
  it.each(['https://nuage.example.org', 'https://nuage.example.org/tarifs?x=1#y', 'HTTPS://NUAGE.EXAMPLE.ORG'])('accepts %s', (value) => {
    expect(accepts(httpsUrl, value)).toBe(true);
  });
  it.each([
    'http://nuage.example.org',
    'nuage.example.org',
    'www.nuage.example.org',
    'https://localhost',
    'https://user:secret@nuage.example.org',
    'javascript:alert(1)',
    'ftp://nuage.example.org',
    'https://',
  ])('refuses %s', (value) => {
    expect(messageFor(httpsUrl, value)).toBe('indiquez une adresse web complète qui commence par « https:// ».');
  });
  it.each(['https://exemple.org/"><script>', 'https://exemple.org/a b', "https://exemple.org/'x'", 'https://exemple.org/<x>'])(
    'refuses %s, an address pasted with what no address holds',
    (value) => {
      expect(messageFor(httpsUrl, value)).toBe(
        'une adresse web ne contient ni espace, ni guillemet, ni chevron (< >) : recopiez-la depuis la barre d’adresse du navigateur.',
      );
    },
  );
  it('marks itself as an https URL for forms and the CMS', () => {
    expect(metaOf(httpsUrl).format).toBe('https-url');
    expect(metaOf(providerSchema.shape.website).format).toBe('https-url');
  });
});

describe('e-mail, phone and postcode', () => {
  it('accepts an address, refuses a name', () => {
    expect(accepts(email, 'contact@nuage.example.org')).toBe(true);
    expect(messageFor(email, 'Claire Martin')).toContain('adresse e-mail valide');
  });
  it.each(['04 76 00 00 00', '0476000000', '04.76.00.00.00', '+33 4 76 00 00 00', '+33476000000'])(
    'accepts the French number %s',
    (value) => {
      expect(accepts(phone, value)).toBe(true);
    },
  );
  it.each(['04 76 00 00', '+44 20 7946 0000', '00 76 00 00 00', 'zéro quatre'])('refuses %s', (value) => {
    expect(messageFor(phone, value)).toContain('indiquez un numéro français');
  });
  it('accepts a 5-digit postcode as text, refuses it as a number or with 4 digits', () => {
    expect(accepts(postcode, '38000')).toBe(true);
    expect(accepts(postcode, '01000')).toBe(true);
    expect(messageFor(postcode, '3800')).toContain('un code postal compte 5 chiffres');
    expect(messageFor(postcode, 38000)).toContain('Mettez la valeur entre guillemets');
  });
});

describe('INSEE codes, read from @etalab/decoupage-administratif', () => {
  it('knows every département and région of the official data, and no other', () => {
    const departments = (departmentsData as Array<{ code: string }>).map((d) => d.code);
    const regions = (regionsData as Array<{ code: string }>).map((r) => r.code);
    expect(departments.length).toBeGreaterThanOrEqual(101);
    for (const code of departments) expect(accepts(departmentCode, code), code).toBe(true);
    for (const code of regions) expect(accepts(regionCode, code), code).toBe(true);
    expect(departmentCode.options.length).toBe(departments.length);
    expect(regionCode.options.length).toBe(regions.length);
  });

  it.each(['01', '2A', '2B', '38', '974', '976'])('accepts the département « %s »', (code) => {
    expect(accepts(departmentCode, code)).toBe(true);
  });

  it.each(['1', '20', '96', '99', '2a', '00'])('refuses « %s », which is not a département', (code) => {
    expect(messageFor(departmentCode, code)).toContain('ce n’est pas un code de département INSEE');
  });

  it('asks for quotes around a code YAML read as a number', () => {
    expect(messageFor(departmentCode, 38)).toBe('écrivez cette valeur entre guillemets : « "38" ».');
    expect(messageFor(regionCode, 84)).toBe('écrivez cette valeur entre guillemets : « "84" ».');
  });

  it('refuses a région that does not exist, without listing every code', () => {
    const message = messageFor(regionCode, '99');
    expect(message).toContain('ce n’est pas un code de région INSEE');
    expect(message.length).toBeLessThan(200);
  });

  it('names places and links départements to their région', () => {
    expect(departmentName('38')).toBe('Isère');
    expect(departmentName('2A')).toBe('Corse-du-Sud');
    expect(departmentRegion('38')).toBe('84');
    expect(regionName('84')).toBe('Auvergne-Rhône-Alpes');
    expect(regionName('99')).toBeUndefined();
  });
});

describe('calendar dates', () => {
  it.each(['2026-03-14', '2024-02-29', '2000-02-29', '2026-12-31'])('accepts %s', (value) => {
    expect(isCalendarDate(value)).toBe(true);
    expect(accepts(calendarDate, value)).toBe(true);
  });
  it.each(['2026-02-30', '2023-02-29', '1900-02-29', '2026-13-01', '2026-00-10', '2026-3-14', '14/03/2026', '2026-03-14T10:00:00Z', ''])(
    'refuses « %s »',
    (value) => {
      expect(isCalendarDate(value)).toBe(false);
      expect(accepts(calendarDate, value)).toBe(false);
    },
  );
  it('says how to write a date', () => {
    expect(messageFor(calendarDate, '14/03/2026')).toContain('au format AAAA-MM-JJ');
  });
  it('keeps a date as the text of the day, whatever the time zone', () => {
    const parsed = parseSource(new TextEncoder().encode('updated: 2026-03-14\n'), 'yaml', 10_000);
    expect(parsed.data).toEqual({ updated: '2026-03-14' });
  });
});

describe('an empty text means the field is absent (what the CMS saves for a cleared field)', () => {
  it('drops empty and blank strings at every depth of objects', () => {
    expect(dropEmptyStrings({ a: '', b: '  ', c: 'x', d: { e: '', f: 0, g: false, h: null }, i: [{ j: '' }] })).toEqual({
      c: 'x',
      d: { f: 0, g: false, h: null },
      i: [{}],
    });
  });

  it('leaves list items alone: an empty item in a list is a mistake to report', () => {
    expect(dropEmptyStrings({ services: ['', 'hebergement'] })).toEqual({ services: ['', 'hebergement'] });
  });

  it('lets a provider whose optional fields were cleared pass its schema', () => {
    const parsed = parseSource(new TextEncoder().encode(fixture('base/providers/nuage-des-exemples.md')), 'markdown', 100_000);
    const data = parsed.data as Record<string, Record<string, unknown>>;
    const cleared = {
      ...data,
      siren: '',
      logo: '',
      contact: { ...data.contact, phone: '', form: '' },
      pricing: { ...data.pricing, details: '' },
    };
    const { value, problems } = validate(providerSchema, cleared, parsed.locate, 'providers/nuage-des-exemples.md');
    expect(problems).toEqual([]);
    expect(value).not.toHaveProperty('siren');
    expect(value!.contact).toEqual({ email: 'contact@nuage.example.org' });
  });

  it('still asks for a required field left empty', () => {
    const parsed = parseSource(new TextEncoder().encode(fixture('base/providers/nuage-des-exemples.md')), 'markdown', 100_000);
    const { problems } = validate(providerSchema, { ...(parsed.data as object), name: '' }, parsed.locate, 'providers/x.md');
    expect(problems).toEqual([
      expect.objectContaining({
        path: 'name',
        line: 2,
        column: 7,
        message: 'ce champ est obligatoire (Nom de la structure) : ajoutez-le.',
      }),
    ]);
  });
});

/** Every object schema inside `schema`, with its path. */
function objects(schema: z.core.$ZodType, path = '(racine)'): Array<{ path: string; schema: z.core.$ZodType }> {
  const inner = unwrap(schema);
  const def = inner._zod.def as { type: string; valueType?: z.core.$ZodType };
  if (def.type === 'array') return objects(arrayElement(inner)!, `${path}[]`);
  if (def.type === 'record') return objects(def.valueType!, `${path}{}`);
  const shape = objectShape(inner);
  if (!shape) return [];
  return [{ path, schema: inner }, ...Object.entries(shape).flatMap(([key, field]) => objects(field, `${path}.${key}`))];
}

const allSchemas: Array<[string, z.core.$ZodType]> = [
  ...Object.values(entryTypes).map((type) => [type.name, type.schema] as [string, z.core.$ZodType]),
  ...Object.entries(taxonomySchemas).map(([name, schema]) => [`taxonomies/${name}`, schema] as [string, z.core.$ZodType]),
  ['settings', settingsSchema],
];

describe.each(allSchemas)('the %s schema', (_name, schema) => {
  it('refuses unknown keys in every object, however deep', () => {
    for (const object of objects(schema)) {
      const catchall = (object.schema._zod.def as { catchall?: z.core.$ZodType }).catchall;
      expect(catchall?._zod.def.type, object.path).toBe('never');
    }
  });

  it('gives every field a French title and a one-line description', () => {
    for (const object of objects(schema)) {
      for (const [key, field] of Object.entries(objectShape(object.schema)!)) {
        const meta = metaOf(field);
        expect(meta.title, `${object.path}.${key}`).toMatch(/\S/);
        expect(meta.description, `${object.path}.${key}`).toMatch(/\S/);
        expect(meta.description!.includes('\n'), `${object.path}.${key}`).toBe(false);
      }
    }
  });
});

describe('unknown keys', () => {
  it('are refused with the fields that exist and the nearest one', () => {
    const result = recommendationSchema.safeParse({ provider: 'x', recomend: true }, { reportInput: true });
    const unknown = result.error!.issues.find((issue) => issue.code === 'unrecognized_keys')!;
    const [located] = explainIssue(unknown, recommendationSchema);
    expect(located).toEqual({
      path: ['recomend'],
      atKey: true,
      message: expect.stringMatching(
        /^le champ « recomend » n’existe pas ici\. Vouliez-vous dire « recommend » \? Champs possibles : provider, association, project, ratings, recommend, verification\.$/,
      ),
    });
  });
});

describe('messages', () => {
  /** What zod says on its own, in English, and must never reach a volunteer. */
  const english = /\b(Invalid|Too (small|big)|Expected|expected|Unrecognized|received)\b/;

  it.each<[string, z.ZodMiniType, unknown]>([
    ['a provider that is a list', providerSchema, ['a']],
    [
      'a provider with wrong types everywhere',
      providerSchema,
      {
        name: 3,
        structure: 'x',
        networks: 'chatons',
        website: 1,
        contact: 'x',
        location: {},
        area: {},
        services: [],
        sizes: ['xl'],
        pricing: { model: 'x', from_eur: -1.5 },
        languages: ['fra'],
        trained: 1990,
        logo: '../x.png',
        updated: 'hier',
      },
    ],
    ['ratings with a key that is not a slug', recommendationSchema, { ratings: { Autonomie: 3, support: 7, besoins: 2.5 } }],
    [
      'settings with a wrong e-mail',
      settingsSchema,
      { demo: 'oui', contact_email: 'comité', site_url: 'x', repository: { forge: 'sourcehut' } },
    ],
  ])('are French for %s', (_case, schema, value) => {
    const result = schema.safeParse(value, { reportInput: true });
    expect(result.success).toBe(false);
    for (const issue of result.error!.issues) {
      for (const { message } of explainIssue(issue, schema)) {
        expect(message, JSON.stringify(issue)).not.toMatch(english);
        expect(message).toMatch(/[a-zàâéèêîôûç]/);
      }
    }
  });

  it('name the key of a record that is not a slug', () => {
    expect(messageFor(recommendationSchema.shape.ratings, { Autonomie: 3 })).toBe(
      'le nom « Autonomie » n’est pas valable : un identifiant s’écrit en minuscules sans accents, les mots séparés par des tirets (par exemple « nuage-solidaire »).',
    );
  });
});
