/**
 * The CMS configuration is read from the schemas, and what the CMS can save
 * passes `npm run check`. Entries are built from the derived configuration
 * (every allowed value, every optional field cleared as Decap clears it),
 * changed as the CMS changes them before saving, written as Decap writes them
 * (its own YAML library and front-matter writer), then checked by the
 * project's check: the CMS accepts an entry exactly when the check does.
 */
import { mkdtemp, readFile, rm, writeFile, cp } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { checkContent } from '../../src/check/index.ts';
import { backendConfig, connectSources } from '../../src/cms/backend.ts';
import { BundleFixError, fixBundle } from '../../src/cms/bundle-fixes.ts';
import { buildCmsConfig, VOCABULARIES_COLLECTION } from '../../src/cms/config.ts';
import { withFileName } from '../../src/cms/file-name.ts';
import { servedBundleFile } from '../../src/cms/integration.ts';
import { caseInsensitiveSource, typeFields, type EntryField } from '../../src/fields/index.ts';
import { applyEdits, saveEdits } from '../../src/cms/save.ts';
import type { Content } from '../../src/domain/content.ts';
import { entryIdFor, entryIdProblem, entryNaming, NAME_PART_MAX } from '../../src/domain/entry-names.ts';
import { slugify } from '../../src/domain/text/normalise.ts';
import { frenchTypography } from '../../src/domain/text/format.ts';
import { reservedProviderSlugs } from '../../src/domain/routes.ts';
import { checkEntry } from '../../src/check/entry.ts';
import { loadContent } from '../../src/loader/index.ts';
import { departments, regions } from '../../src/schemas/geography.ts';
import { entryTypes, type EntryTypeName } from '../../src/schemas/index.ts';
import { taxonomies, taxonomyNames, TERMS_KEY, type TaxonomyName } from '../../src/schemas/taxonomies.ts';
import { enumValues, hasDefault, isOptional, metaOf, objectShape, unwrap } from '../../src/schemas/introspect.ts';

const root = path.resolve(import.meta.dirname, '../..');
const TODAY = '2026-11-28';
let content: Content;
let work: string;

// Decap's own writers: its YAML library (v1) and gray-matter, as decap-cms-core resolves them.
const decapRequire = createRequire(createRequire(import.meta.url).resolve('decap-cms-core/package.json'));
const yaml1 = decapRequire('yaml') as {
  createNode(value: unknown): { items: Array<{ key?: { toString(): string } }> };
  Document: new () => { contents: unknown; toString(): string };
};
const matter = decapRequire('gray-matter') as { stringify(body: string, data: object, options: object): string };

function decapYaml(data: object, sortedKeys: string[] = []): string {
  const node = yaml1.createNode(data);
  const rank = (key: string | undefined) => (key && sortedKeys.includes(key) ? sortedKeys.indexOf(key) : sortedKeys.length);
  node.items.sort((a, b) => rank(a.key?.toString()) - rank(b.key?.toString()));
  const doc = new yaml1.Document();
  doc.contents = node;
  return doc.toString();
}

/** A file as Decap writes it (decap-cms-core/src/formats): front matter + body, or plain YAML. */
function decapFile(type: EntryTypeName, data: Record<string, unknown>, fields: EntryField[]): string {
  const sortedKeys = fields.map((f) => f.name);
  const { body = '', ...meta } = data as { body?: string };
  if (entryTypes[type].format === 'yaml') return decapYaml(meta, sortedKeys);
  const file = matter.stringify(body, meta, {
    engines: { yaml: { parse: () => ({}), stringify: (m: object) => decapYaml(m, sortedKeys) } },
    language: 'yaml',
    delimiters: '---',
  });
  return body.slice(-1) !== '\n' && file.slice(-1) === '\n' ? file.slice(0, -1) : file;
}

const fieldsOf = (type: EntryTypeName) => typeFields(type, content.taxonomies);
const find = (fields: EntryField[], name: string) => fields.find((f) => f.name === name)!;

interface Variant {
  type: EntryTypeName;
  id: string;
  what: string;
  data: Record<string, unknown>;
}

/**
 * What Decap saves for a field a person left alone or cleared: its default,
 * an empty string for a text, a date, a number or a single choice, an empty
 * list for a list; a required field keeps what the person typed (the base entry).
 */
function leftAlone(fields: EntryField[], base: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const field of fields) {
    const value = base[field.name];
    if (field.default !== undefined && field.default !== '') out[field.name] = structuredClone(field.default);
    else if (field.widget === 'object') {
      out[field.name] = leftAlone(field.fields ?? [], (value as Record<string, unknown>) ?? {});
    } else if (field.required) out[field.name] = structuredClone(value);
    else if (field.widget === 'list' || field.multiple) out[field.name] = [];
    else if (field.widget === 'boolean') continue;
    else out[field.name] = '';
  }
  return out;
}

/** Every way of filling each choice field (select, relation): one variant per allowed value, all values of a list at once. */
function choiceVariants(
  type: EntryTypeName,
  base: Record<string, unknown>,
  fields: EntryField[],
  pathSoFar: string[] = [],
): Array<{ what: string; data: Record<string, unknown> }> {
  const out: Array<{ what: string; data: Record<string, unknown> }> = [];
  const set = (value: unknown, at: string[]) => {
    const data = structuredClone(base);
    let target = data as Record<string, unknown>;
    for (const key of at.slice(0, -1)) target = (target[key] ??= {}) as Record<string, unknown>;
    target[at[at.length - 1]!] = value;
    return data;
  };
  for (const field of fields) {
    const at = [...pathSoFar, field.name];
    if (field.widget === 'object' && field.fields) out.push(...choiceVariants(type, base, field.fields, at));
    if (field.widget === 'select' && field.multiple)
      out.push({
        what: `${at.join('.')} = toutes les valeurs`,
        data: set(
          field.options!.map((o) => o.value),
          at,
        ),
      });
    else if (field.widget === 'select')
      for (const option of field.options!) out.push({ what: `${at.join('.')} = ${option.value}`, data: set(option.value, at) });
    if (field.widget === 'relation')
      for (const id of content.ids.providers) out.push({ what: `${at.join('.')} = ${id}`, data: set(id, at) });
    if (field.widget === 'object' && field.name === 'ratings') {
      for (const criterion of field.fields ?? []) {
        for (const rating of [1, 2, 3, 4, 5, ''])
          out.push({ what: `ratings.${criterion.name} = ${JSON.stringify(rating)}`, data: set(rating, [...at, criterion.name]) });
        const without = structuredClone(base);
        delete (without.ratings as Record<string, unknown>)[criterion.name];
        out.push({ what: `ratings.${criterion.name} laissée de côté`, data: without });
      }
    }
  }
  return out;
}

/** A postcode of each département, from the INSEE data, so that a département chosen in the CMS gets a matching postcode. */
async function postcodeOfDepartment(): Promise<Map<string, string>> {
  const communes = JSON.parse(
    await readFile(createRequire(import.meta.url).resolve('@etalab/decoupage-administratif/data/communes.json'), 'utf8'),
  ) as Array<{ departement?: string; codesPostaux?: string[] }>;
  const out = new Map<string, string>();
  for (const commune of communes)
    if (commune.departement && commune.codesPostaux?.[0] && !out.has(commune.departement))
      out.set(commune.departement, commune.codesPostaux[0]);
  return out;
}

function baseData(type: EntryTypeName, id: string): Record<string, unknown> {
  const entry = (content[type] as Array<{ id: string; data: unknown; body: string }>).find((e) => e.id === id)!;
  return { ...(structuredClone(entry.data) as Record<string, unknown>), ...(entry.body ? { body: entry.body } : {}) };
}

/** Makes each variant a distinct structure or association, so that the rules on duplicates stay out of the way. */
function distinct(type: EntryTypeName, data: Record<string, unknown>, n: number): { id: string; data: Record<string, unknown> } {
  const copy = structuredClone(data);
  if (type === 'providers') {
    copy.name = `Variante ${n} de structure`;
    copy.siren = '';
    return { id: `variante-${n}`, data: copy };
  }
  if (type === 'recommendations') {
    const association = copy.association as Record<string, unknown>;
    association.name = `Association variante ${n}`;
    association.rna = '';
    association.siren = '';
    return { id: `${copy.provider}--${slugify(String(association.name))}`, data: copy };
  }
  return { id: `variante-${n}`, data: copy };
}

// Bases: complete demo entries (a delivered project satisfies every status).
const bases: Array<[EntryTypeName, string]> = [
  ['providers', 'octets-solidaires'],
  ['recommendations', 'octets-solidaires--voix-du-blavet'],
  ['projects', 'mobilizon-traduction-bretonne'],
  ['resources', 'diagnostic'],
  ['partners', 'april'],
  ['pages', 'charte'],
];

beforeAll(async () => {
  content = (await loadContent(path.join(root, 'content'))).content;
  work = await mkdtemp(path.join(os.tmpdir(), 'emancipasso-cms-config-'));
});

afterAll(() => rm(work, { recursive: true, force: true }));

describe('the CMS configuration, read from the schemas', () => {
  it('has one collection per entry type, in French, with the editorial workflow', () => {
    const config = buildCmsConfig({ taxonomies: content.taxonomies, settings: content.settings! }) as {
      locale: string;
      publish_mode: string;
      collections: Array<{ name: string; label: string; folder?: string; fields?: unknown[] }>;
    };
    expect(config.locale).toBe('fr');
    expect(config.publish_mode).toBe('editorial_workflow');
    for (const type of Object.keys(entryTypes) as EntryTypeName[]) {
      const collection = config.collections.find((c) => c.name === type)!;
      expect(collection.label).toBe(entryTypes[type].labelPlural);
      expect(collection.folder).toBe(`content/${type}`);
    }
  });

  it('takes every field of the schema with its title, hint and whether it is required, adding nothing', () => {
    const compare = (fields: EntryField[], schema: Parameters<typeof objectShape>[0], where: string) => {
      const shape = objectShape(schema)!;
      expect(
        fields.map((f) => f.name).filter((n) => n !== 'body'),
        where,
      ).toEqual(Object.keys(shape));
      for (const field of fields) {
        if (field.name === 'body') continue;
        const fieldSchema = shape[field.name]!;
        const meta = metaOf(fieldSchema);
        // The schema's words, with French typography (no-break spaces) and nothing else.
        expect(field.label, `${where}.${field.name}`).toBe(frenchTypography(meta.title!));
        expect(field.hint, `${where}.${field.name}`).toBe(meta.description && frenchTypography(meta.description));
        // Required: neither optional nor with a default; a single choice with a default is required too, so it is never cleared to null.
        const singleChoiceWithDefault = field.widget === 'select' && !field.multiple && field.default !== undefined;
        expect(field.required, `${where}.${field.name}`).toBe(
          singleChoiceWithDefault || (!isOptional(fieldSchema) && hasDefault(fieldSchema) === undefined),
        );
        if (field.widget === 'object' && field.fields && unwrap(fieldSchema)._zod.def.type === 'object')
          compare(field.fields, fieldSchema, `${where}.${field.name}`);
      }
    };
    for (const type of Object.keys(entryTypes) as EntryTypeName[]) compare(fieldsOf(type), entryTypes[type].schema, type);
  });

  it('lets availability stay empty: its fields are optional for Decap, and the check asks for them once it is filled in', async () => {
    const config = buildCmsConfig({ taxonomies: content.taxonomies, settings: content.settings! }) as {
      collections: Array<{
        name: string;
        fields: Array<{ name: string; required?: boolean; fields?: Array<{ name: string; required?: boolean }> }>;
      }>;
    };
    const availability = config.collections.find((c) => c.name === 'providers')!.fields.find((f) => f.name === 'availability')!;
    expect(availability.required).toBe(false);
    expect(availability.fields!.map((f) => [f.name, f.required])).toEqual([
      ['status', false],
      ['stated', false],
      ['wait_weeks', false],
    ]);
    // The fields derived from the schema (which the forms read) keep what the schema asks.
    expect(find(fieldsOf('providers'), 'availability').fields!.map((f) => f.required)).toEqual([true, true, false]);
    // Left blank, as Decap writes it, the group is saved absent; half answered, the check asks for the rest.
    const data = { ...baseData('providers', 'octets-solidaires'), availability: { status: null, stated: '', wait_weeks: undefined } };
    const saved = applyEdits(data, saveEdits('providers', data, content.taxonomies));
    expect(saved).not.toHaveProperty('availability');
    const half = { ...data, availability: { status: 'complet', stated: '' } };
    const problems = checkEntry(
      'providers',
      'octets-solidaires',
      applyEdits(half, saveEdits('providers', half, content.taxonomies)),
      'x'.repeat(300),
      {
        taxonomies: content.taxonomies,
        providerIds: [...content.ids.providers],
        today: TODAY,
      },
    );
    expect(problems.map((p) => p.path).filter((p) => p.startsWith('availability'))).toEqual(['availability.stated']);
  });

  it('offers exactly the allowed values: lists, taxonomies, INSEE codes, French labels', () => {
    const providers = fieldsOf('providers');
    const structure = find(providers, 'structure');
    expect(structure.options!.map((o) => o.value)).toEqual(enumValues(objectShape(entryTypes.providers.schema)!.structure!));
    expect(structure.options!.find((o) => o.value === 'cooperative')!.label).toBe('Coopérative (SCOP, SCIC, CAE)');
    expect(find(providers, 'services').options!.map((o) => o.value)).toEqual(content.taxonomies.services.map((t) => t.slug));
    expect(find(providers, 'services')).toMatchObject({ widget: 'select', multiple: true, min: 1, required: true });
    expect(find(providers, 'tools').options).toHaveLength(content.taxonomies.tools.length);
    const location = find(providers, 'location').fields!;
    expect(find(location, 'department').options!.map((o) => o.value)).toEqual(departments.map((d) => d.code));
    expect(find(location, 'department').options!.find((o) => o.value === '2A')!.label).toBe('2A — Corse-du-Sud');
    expect(find(find(providers, 'area').fields!, 'regions').options).toHaveLength(regions.length);
    const recommendation = fieldsOf('recommendations');
    expect(find(recommendation, 'provider')).toMatchObject({
      widget: 'relation',
      collection: 'providers',
      value_field: '{{slug}}',
      required: true,
    });
    expect(find(find(recommendation, 'association').fields!, 'size').options!.map((o) => o.label)[0]).toMatch(/^Petites associations/);
    const ratings = find(recommendation, 'ratings');
    expect(ratings.fields!.map((f) => f.name)).toEqual(content.taxonomies.criteria.map((c) => c.slug));
    expect(ratings.fields![0]).toMatchObject({
      widget: 'number',
      value_type: 'int',
      min: 1,
      max: 5,
      required: false,
      label: content.taxonomies.criteria[0]!.label,
    });
    expect(find(fieldsOf('projects'), 'maker')).toMatchObject({ widget: 'relation', required: false });
  });

  it('writes dates as YYYY-MM-DD without time, integers as bounded numbers, long texts as restricted Markdown', () => {
    const providers = fieldsOf('providers');
    expect(find(providers, 'updated')).toMatchObject({
      widget: 'datetime',
      format: 'YYYY-MM-DD',
      date_format: 'DD/MM/YYYY',
      time_format: false,
      required: true,
      default: '',
    });
    expect(find(providers, 'trained')).toMatchObject({ widget: 'number', value_type: 'int', min: 2000, max: 2100, required: false });
    expect(find(find(providers, 'pricing').fields!, 'from_eur')).toMatchObject({ value_type: 'int', min: 0 });
    expect(find(providers, 'body')).toMatchObject({
      widget: 'markdown',
      minimal: true,
      editor_components: [],
      sanitize_preview: true,
      required: true,
    });
    expect(find(providers, 'body').buttons).not.toContain('code-block');
    const verification = find(fieldsOf('recommendations'), 'verification');
    expect(verification).toMatchObject({ committee: true, collapsed: true });
    expect(find(verification.fields!, 'status')).toMatchObject({ default: 'pending', required: true });
  });

  it('gives formatted fields the schema’s pattern and message, which accept the demo data and refuse what the schema refuses', () => {
    const providers = fieldsOf('providers');
    const cases: Array<{ field: EntryField; good: string[]; bad: string[] }> = [
      {
        field: find(providers, 'website'),
        good: content.providers.map((p) => p.data.website),
        bad: ['http://exemple.org', 'exemple.org', 'https://exemple', 'https://moi@exemple.org'],
      },
      { field: find(providers, 'siren'), good: ['100000025'], bad: ['12345678', '1234567890', '10000002A'] },
      { field: find(find(providers, 'contact').fields!, 'phone'), good: ['02 99 00 00 02', '+33 4 76 00 00 00'], bad: ['12', 'abc'] },
      {
        field: find(find(providers, 'contact').fields!, 'email'),
        good: content.providers.map((p) => p.data.contact.email),
        bad: ['contact@', 'contact.exemple.org'],
      },
      { field: find(find(providers, 'location').fields!, 'postcode'), good: ['35000', '2A000'.replace('A', '0')], bad: ['3500', 'abcde'] },
      { field: find(providers, 'name'), good: content.providers.map((p) => p.data.name), bad: ['A', 'x'.repeat(121)] },
      {
        field: find(find(fieldsOf('recommendations'), 'verification').fields!, 'by'),
        good: ['copil-yanis', 'Copil-Camille'],
        bad: ['Camille Martin', 'x'],
      },
    ];
    const websiteSchema = objectShape(entryTypes.providers.schema)!.website!;
    for (const { field, good, bad } of cases) {
      const [source, message] = field.pattern!;
      const pattern = new RegExp(source);
      for (const value of good) expect(pattern.test(value), `${field.name} : ${value}`).toBe(true);
      for (const value of bad) expect(pattern.test(value), `${field.name} : ${value}`).toBe(false);
      expect(message).not.toMatch(/\.$/);
    }
    const schemaMessage = (
      websiteSchema as unknown as { safeParse(v: string): { error: { issues: Array<{ message: string }> } } }
    ).safeParse('http://exemple.org').error.issues[0]!.message;
    expect(find(providers, 'website').pattern![1]).toBe(schemaMessage.replace(/^./, (c) => c.toUpperCase()).replace(/\.$/, ''));
  });

  it('writes a case-insensitive rule as a pattern without flags, which Decap cannot pass', () => {
    expect(caseInsensitiveSource('^[a-z0-9][a-z0-9_-]{1,38}$')).toBe('^[a-zA-Z0-9][a-zA-Z0-9_-]{1,38}$');
    expect(new RegExp(caseInsensitiveSource('\\.(png|jpe?g)$')).test('LOGO.PNG')).toBe(true);
    expect(new RegExp(caseInsensitiveSource('\\d{2}')).test('12')).toBe(true);
  });
});

describe('the vocabularies, kept by the committee in the CMS', () => {
  type FileCollection = {
    name: string;
    label: string;
    description: string;
    files: Array<{ name: string; label: string; file: string; fields: EntryField[] }>;
  };
  const vocabularies = () =>
    (buildCmsConfig({ taxonomies: content.taxonomies, settings: content.settings! }) as { collections: FileCollection[] }).collections.find(
      (c) => c.name === VOCABULARIES_COLLECTION,
    )!;

  it('are a collection of four files, one per vocabulary, marked for the committee', () => {
    const collection = vocabularies();
    expect(collection.label).toBe('Vocabulaires');
    expect(collection.description).toMatch(/^Réservé au comité : /);
    expect(collection.files.map((f) => [f.name, f.label, f.file])).toEqual(
      taxonomyNames.map((name) => [name, taxonomies[name].title, `content/${taxonomies[name].file}`]),
    );
  });

  it('list each vocabulary’s terms with the fields, labels and hints of its schema', () => {
    for (const file of vocabularies().files) {
      const name = file.name as TaxonomyName;
      expect(file.fields.map((f) => f.name)).toEqual([TERMS_KEY]);
      const [terms] = file.fields;
      expect(terms).toMatchObject({
        widget: 'list',
        label: taxonomies[name].title,
        hint: frenchTypography(taxonomies[name].advice),
        label_singular: taxonomies[name].termLabel,
      });
      const shape = objectShape(taxonomies[name].schema)!;
      expect(terms!.fields!.map((f) => f.name)).toEqual(Object.keys(shape));
      for (const field of terms!.fields!) {
        expect(field.label, `${name}.${field.name}`).toBe(metaOf(shape[field.name]!).title);
        expect(field.hint, `${name}.${field.name}`).toBe(frenchTypography(metaOf(shape[field.name]!).description!));
      }
    }
  });

  it('as Decap writes them, pass the check with a term added, and are refused with a term removed while files use it', async () => {
    const folder = await mkdtemp(path.join(work, 'vocabulaires-'));
    await cp(path.join(root, 'tests/content/fixtures/base'), folder, { recursive: true });
    const { content: base } = await loadContent(folder);
    const fields = vocabularies().files.find((f) => f.name === 'tools')!.fields;
    const write = (terms: unknown[]) =>
      writeFile(
        path.join(folder, taxonomies.tools.file),
        decapYaml(
          { [TERMS_KEY]: terms },
          fields.map((f) => f.name),
        ),
      );
    const zulip = {
      slug: 'zulip',
      label: 'Zulip',
      description: 'Messagerie d’équipe organisée en fils de discussion.',
      replaces: ['Slack'],
      license: 'Apache-2.0',
      website: 'https://zulip.com',
    };
    await write([...base.taxonomies.tools, zulip]);
    const added = await checkContent(folder, { today: TODAY, displayRoot: folder });
    expect(added.problems).toEqual([]);
    expect(added.content.taxonomies.tools.map((t) => t.slug)).toEqual(['nextcloud', 'collabora-online', 'paheko', 'zulip']);

    await write(base.taxonomies.tools.filter((t) => t.slug !== 'paheko'));
    const removed = await checkContent(folder, { today: TODAY, displayRoot: folder });
    expect(removed.problems.filter((p) => p.file === taxonomies.tools.file)).toEqual([
      expect.objectContaining({
        severity: 'error',
        path: TERMS_KEY,
        message: expect.stringMatching(
          /^le logiciel « paheko » n’est pas \(ou plus\) dans cette liste, mais 2\u00a0fichiers l’utilisent : providers\/cooperative-exemple-libre\.md · recommendations\//,
        ),
      }),
    ]);
  });
});

describe('the backends', () => {
  const settings = () => content.settings!;
  it('uses GitHub by default, with the settings’ repository and branch, and open authoring (fork and pull request)', () => {
    const { backend, local_backend } = backendConfig(settings(), {});
    expect(backend).toEqual({ name: 'github', repo: 'emancipasso/annuaire', branch: 'main', open_authoring: true });
    expect(local_backend).toBeUndefined();
    expect(backendConfig(settings(), { CMS_BASE_URL: 'https://auth.example.org' }).backend.base_url).toBe('https://auth.example.org');
    expect(connectSources(backendConfig(settings(), {}))).toEqual(['https://api.github.com']);
  });

  it('uses PKCE on GitLab and Forgejo, without a secret, the API derived from the repository’s address', () => {
    const gitlab = backendConfig(
      { ...settings(), repository: { forge: 'gitlab', url: 'https://gitlab.com/groupe/sous-groupe/annuaire', branch: 'main' } },
      { CMS_APP_ID: 'abc' },
    );
    expect(gitlab.backend).toMatchObject({
      name: 'gitlab',
      repo: 'groupe/sous-groupe/annuaire',
      auth_type: 'pkce',
      app_id: 'abc',
      api_root: 'https://gitlab.com/api/v4',
      base_url: 'https://gitlab.com',
    });
    const forgejo = backendConfig(settings(), {
      CMS_BACKEND: 'forgejo',
      CMS_REPO: 'asso/annuaire',
      CMS_BASE_URL: 'https://codeberg.org',
      CMS_APP_ID: 'x',
    });
    expect(forgejo.backend).toMatchObject({
      name: 'forgejo',
      repo: 'asso/annuaire',
      api_root: 'https://codeberg.org/api/v1',
      open_authoring: true,
    });
    expect(() => backendConfig(settings(), { CMS_BACKEND: 'gitea' })).toThrow(/github, gitlab, forgejo ou local/);
  });

  it('talks to decap-server for the local CMS (npm start, CMS_BACKEND=local)', () => {
    expect(backendConfig(settings(), {}, true).local_backend).toEqual({ url: 'http://localhost:8081/api/v1' });
    const local = backendConfig(settings(), { CMS_BACKEND: 'local', CMS_LOCAL_URL: 'http://127.0.0.1:9000/api/v1' });
    expect(local.local_backend).toEqual({ url: 'http://127.0.0.1:9000/api/v1' });
    expect(connectSources(local)).toContain('http://127.0.0.1:9000');
  });
});

describe('what the CMS can save', () => {
  it('passes npm run check exactly when the CMS accepts it, for every allowed value and every optional field cleared', async () => {
    const postcodes = await postcodeOfDepartment();
    const context = { taxonomies: content.taxonomies, providerIds: [...content.ids.providers], today: TODAY };
    const variants: Variant[] = [];
    const withoutPostcode: string[] = [];
    let n = 0;
    for (const [type, id] of bases) {
      const fields = fieldsOf(type);
      const base = baseData(type, id);
      const empty: Record<string, unknown> = { ...leftAlone(fields, base), ...(base.body ? { body: base.body } : {}) };
      const made: Array<{ what: string; data: Record<string, unknown> }> = [
        { what: 'champs facultatifs laissés vides', data: empty },
        ...choiceVariants(type, base, fields),
      ];
      if (type === 'providers')
        made.push({ what: 'champs facultatifs vides, à distance', data: { ...empty, area: { ...(empty.area as object), remote: true } } });
      for (const { what, data } of made) {
        // A département chosen with the postcode of another one is a mistake of the person, not of the CMS.
        const location = data.location as Record<string, string> | undefined;
        if (type === 'providers' && location && location.department !== (base.location as Record<string, string>).department) {
          const postcode = postcodes.get(location.department!);
          if (!postcode) {
            withoutPostcode.push(location.department!);
            continue;
          }
          location.postcode = postcode;
        }
        const { id: variantId, data: unique } = distinct(type, data, ++n);
        variants.push({ type, id: variantId, what, data: unique });
      }
    }

    // Saved as the CMS saves: its edits, its check, then Decap's writer.
    const folder = path.join(work, 'content');
    await cp(path.join(root, 'content'), folder, { recursive: true });
    const accepted = new Map<string, Variant>();
    const refused = new Map<string, { variant: Variant; paths: string[] }>();
    for (const variant of variants) {
      const fields = fieldsOf(variant.type);
      const { body = '', ...data } = variant.data as { body?: string };
      const saved = applyEdits(data, saveEdits(variant.type, data, content.taxonomies));
      const problems = checkEntry(variant.type, variant.id, saved, body, context);
      const file = `${variant.type}/${variant.id}.${entryTypes[variant.type].format === 'yaml' ? 'yml' : 'md'}`;
      await writeFile(path.join(folder, file), decapFile(variant.type, { ...saved, ...(body ? { body } : {}) }, fields));
      if (problems.length === 0) accepted.set(file, variant);
      else refused.set(file, { variant, paths: problems.map((p) => p.path) });
    }
    const result = await checkContent(folder, { today: TODAY, displayRoot: folder });
    const errorsOf = (file: string) => result.problems.filter((p) => p.severity === 'error' && p.file === file);

    for (const [file, variant] of accepted) expect(errorsOf(file), `${file} (${variant.what})`).toEqual([]);
    for (const [file, { variant, paths }] of refused) {
      const errors = errorsOf(file);
      expect(errors.length, `${file} (${variant.what}) : refusé par le CMS, accepté par la vérification`).toBeGreaterThan(0);
      expect(
        errors.map((e) => e.path.split(/[.[]/)[0]),
        file,
      ).toEqual(expect.arrayContaining(paths.map((p) => p.split(/[.[]/)[0])));
    }
    // Only a provider serving nowhere is refused: every allowed value of every field is accepted.
    expect([...refused.values()].map((r) => `${r.variant.type} : ${r.variant.what} → ${r.paths.join(', ')}`)).toEqual([
      'providers : champs facultatifs laissés vides → area',
    ]);
    expect(accepted.size).toBeGreaterThan(250);
    // No seat can lie where the INSEE data knows no postcode: the Terres australes et antarctiques.
    expect(withoutPostcode).toEqual(['984']);
    // Nothing else in the folder went wrong.
    expect(result.problems.filter((p) => p.severity === 'error' && !refused.has(p.file))).toEqual([]);
  });

  it('is refused where the check refuses it: an address without https, a value off the list, a rating out of bounds, a malformed phone number', async () => {
    const context = { taxonomies: content.taxonomies, providerIds: [...content.ids.providers], today: TODAY };
    const folder = path.join(work, 'faux');
    await cp(path.join(root, 'content'), folder, { recursive: true });
    const provider = baseData('providers', 'octets-solidaires');
    const recommendation = baseData('recommendations', 'octets-solidaires--voix-du-blavet');
    const wrong: Array<{
      type: EntryTypeName;
      id: string;
      data: Record<string, unknown>;
      path: string;
      field: EntryField;
      value: unknown;
    }> = [
      {
        type: 'providers',
        id: 'octets-solidaires',
        data: { ...provider, website: 'http://octets-solidaires.example.org' },
        path: 'website',
        field: find(fieldsOf('providers'), 'website'),
        value: 'http://octets-solidaires.example.org',
      },
      {
        type: 'providers',
        id: 'octets-solidaires',
        data: { ...provider, structure: 'fondation' },
        path: 'structure',
        field: find(fieldsOf('providers'), 'structure'),
        value: 'fondation',
      },
      {
        type: 'providers',
        id: 'octets-solidaires',
        data: { ...provider, services: ['hebergment'] },
        path: 'services[0]',
        field: find(fieldsOf('providers'), 'services'),
        value: 'hebergment',
      },
      {
        type: 'providers',
        id: 'octets-solidaires',
        data: { ...provider, contact: { ...(provider.contact as object), phone: '12 34' } },
        path: 'contact.phone',
        field: find(find(fieldsOf('providers'), 'contact').fields!, 'phone'),
        value: '12 34',
      },
      {
        type: 'recommendations',
        id: 'octets-solidaires--voix-du-blavet',
        data: { ...recommendation, ratings: { ...(recommendation.ratings as object), autonomie: 7 } },
        path: 'ratings.autonomie',
        field: find(find(fieldsOf('recommendations'), 'ratings').fields!, 'autonomie'),
        value: 7,
      },
    ];
    for (const [index, item] of wrong.entries()) {
      // The form itself does not offer or accept the value…
      if (item.field.pattern) expect(new RegExp(item.field.pattern[0]).test(String(item.value))).toBe(false);
      else if (item.field.options) expect(item.field.options.map((o) => o.value)).not.toContain(item.value);
      else expect(Number(item.value)).toBeGreaterThan(item.field.max!);
      // …the check before saving names the field…
      const { body = '', ...data } = item.data as { body?: string };
      expect(checkEntry(item.type, item.id, data, body, context).map((p) => p.path)).toContain(item.path);
      // …and so does npm run check on the file.
      const dir = path.join(folder, `cas-${index}`);
      await cp(path.join(root, 'content'), dir, { recursive: true });
      await writeFile(path.join(dir, item.type, `${item.id}.md`), decapFile(item.type, item.data, fieldsOf(item.type)));
      const result = await checkContent(dir, { today: TODAY, displayRoot: dir });
      expect(result.problems.filter((p) => p.severity === 'error').map((p) => `${p.file} ${p.path}`)).toContain(
        `${item.type}/${item.id}.md ${item.path}`,
      );
    }
  });
});

/*
 * Decap's own slug code (decap-cms-core, the version its bundle holds), run
 * as the CMS runs it. Its modules come from their ES build; the two that only
 * bring the rest of the application along (the configuration loader and the
 * entries' store) stand aside: the slug code does not use them.
 */
vi.mock(
  'decap-cms-lib-widgets',
  () => import(/* @vite-ignore */ path.join(path.dirname(decapRequire.resolve('decap-cms-lib-widgets/package.json')), 'dist/esm/index.js')),
);
vi.mock('../../node_modules/decap-cms-core/dist/esm/actions/config.js', () => ({ CONFIG_SUCCESS: 'CONFIG_SUCCESS' }));
vi.mock('../../node_modules/decap-cms-core/dist/esm/reducers/entries.js', () => ({ selectMediaFolder: () => undefined }));

type DecapMap = { getIn(path: readonly unknown[], notSetValue?: unknown): unknown; toJS(): Record<string, unknown> };
interface DecapSlugCode {
  slugFormatter(collection: unknown, data: DecapMap, slugConfig: unknown): string;
  sanitizeChar(char: string, slugConfig: unknown): string;
  fromJS(value: unknown): DecapMap;
}

async function decapSlugCode(): Promise<DecapSlugCode> {
  const esm = path.join(path.dirname(createRequire(import.meta.url).resolve('decap-cms-core/package.json')), 'dist/esm/lib');
  const formatters = await import(/* @vite-ignore */ path.join(esm, 'formatters.js'));
  const urlHelper = await import(/* @vite-ignore */ path.join(esm, 'urlHelper.js'));
  const immutable = await import(/* @vite-ignore */ decapRequire.resolve('immutable'));
  return {
    slugFormatter: formatters.slugFormatter,
    sanitizeChar: urlHelper.sanitizeChar,
    fromJS: immutable.fromJS ?? immutable.default.fromJS,
  };
}

/** What a person may type as a name, a title or an association's name. */
const typedNames = [
  'Atelier_numérique ~ libre',
  'L’Atelier d’Émilie',
  "L'Atelier d'Émilie",
  'Œuvre & Cœur à Saint-Étienne',
  '🌱 Graines 🌱 de 🌍 numérique',
  'Atelier    numérique      solidaire',
  '  « Atelier ! » …  ',
  '--Atelier--',
  '...Atelier...',
  '_~_Atelier_~_',
  '(Atelier) [numérique] {libre} #1 @home 50% +1 = 2 $ * / \\ | ? : ; < > "',
  'Association pour le développement des usages numériques libres et solidaires en Auvergne-Rhône-Alpes',
  'Associationpourledéveloppementdesusagesnumériqueslibresetsolidairesenrégion',
  'x'.repeat(120),
  '🌱🌱🌱',
  '🏳️‍🌈',
  '!!!',
  'A.',
  'Con',
  'AUX',
  'lpt1',
  'Straße',
  'Ассоциация «Свобода»',
  '日本語のタイトル',
  'ǅemal ﬃ ① Ａｔｅｌｉｅｒ',
  'tab\tand\nnew line',
  // Words of the directory's own pages: no provider file may take them.
  ...reservedProviderSlugs.map((word) => word.toUpperCase()),
];

/** An entry as the CMS holds it: the typed text where the type takes its file name, and a provider for a recommendation. */
function typedEntry(type: EntryTypeName, text: string): Record<string, unknown> {
  const naming = entryNaming[type];
  const data: Record<string, unknown> = naming.prefix ? { [naming.prefix]: 'octets-solidaires' } : {};
  let target = data;
  for (const key of naming.from.slice(0, -1)) target = (target[key] = {}) as Record<string, unknown>;
  target[naming.from.at(-1)!] = text;
  return { ...data, services: ['diagnostic'], body: 'Texte.' };
}

/** The check's rule for a file name (`entryIdProblem`, which `npm run check` applies). */
const accepted = (type: EntryTypeName, id: string) => entryIdProblem(type, id, `${id}.md`) === undefined;

describe('file names of new entries', () => {
  it('are names the check accepts, from Decap’s own slug code and the generated configuration, whatever is typed', async () => {
    const decap = await decapSlugCode();
    const config = buildCmsConfig({ taxonomies: content.taxonomies, settings: content.settings! }) as {
      slug: unknown;
      collections: Array<{ name: string }>;
    };
    for (const type of Object.keys(entryTypes) as EntryTypeName[]) {
      const collection = decap.fromJS(config.collections.find((c) => c.name === type));
      for (const text of typedNames) {
        const typed = typedEntry(type, text);
        const data = decap.fromJS(typed);
        const view = withFileName(type, data);
        const slug = decap.slugFormatter(collection, view, config.slug);
        const what = `${type} : ${JSON.stringify(text)} → ${JSON.stringify(slug)}`;
        expect(accepted(type, slug), what).toBe(true);
        // Decap keeps the name the project makes, as the no-account forms make it.
        expect(slug, what).toBe(entryIdFor(type, typed));
        // A name already taken gets « -1 », « -2 »… from Decap: still a name the check accepts.
        for (const n of [1, 2, 10, 99, 999])
          expect(accepted(type, `${slug}${decap.sanitizeChar(' ', config.slug)}${n}`), `${what} (${n})`).toBe(true);
        // What Decap writes in the file is what was typed.
        expect(view.toJS(), what).toEqual(typed);
        expect(data.getIn(entryNaming[type].from), what).toBe(text);
      }
    }
  });

  it('come out readable: accents dropped, words joined by dashes, a word kept whole, a fallback when no letter is left', () => {
    const name = (text: string) => entryIdFor('providers', { name: text });
    expect(name('L’Atelier d’Émilie')).toBe('l-atelier-d-emilie');
    expect(name("L'Atelier d'Émilie")).toBe('l-atelier-d-emilie');
    expect(name('Atelier_numérique ~ libre')).toBe('atelier-numerique-libre');
    expect(name('Œuvre & Cœur à Saint-Étienne')).toBe('oeuvre-coeur-a-saint-etienne');
    expect(name('🌱 Graines 🌱 de 🌍 numérique')).toBe('graines-de-numerique');
    expect(name('  « Atelier ! » …  ')).toBe('atelier');
    expect(name('🌱🌱🌱')).toBe('prestataire');
    expect(name('AUX')).toBe('aux-prestataire');
    expect(name(reservedProviderSlugs[0]!)).toBe(`${reservedProviderSlugs[0]}-prestataire`);
    const long = name('Association pour le développement des usages numériques libres et solidaires en Auvergne-Rhône-Alpes');
    expect(long).toBe('association-pour-le-developpement-des-usages');
    expect(long.length).toBeLessThanOrEqual(NAME_PART_MAX);
    expect(entryIdFor('projects', { title: '🚀🚀' })).toBe('projet');
    expect(entryIdFor('recommendations', { provider: 'octets-solidaires', association: { name: '💚' } })).toBe(
      'octets-solidaires--association',
    );
  });

  it('need the step before saving: Decap alone keeps « _ » and « ~ » and leaves nothing of a name made of emoji', async () => {
    // Should this fail one day, Decap's settings may be enough, and `file-name.ts` can go.
    const decap = await decapSlugCode();
    const config = buildCmsConfig({ taxonomies: content.taxonomies, settings: content.settings! }) as {
      slug: unknown;
      collections: Array<{ name: string }>;
    };
    const collection = decap.fromJS(config.collections.find((c) => c.name === 'providers'));
    const alone = (text: string) => decap.slugFormatter(collection, decap.fromJS({ name: text }), config.slug);
    expect(alone('Atelier_numérique ~ libre')).toBe('atelier_numerique-~-libre');
    expect(alone('🌱🌱🌱')).toBe('');
    expect(alone('Con')).toBe('');
  });
});

describe('the local backup of a form', () => {
  it('is not made for an untouched form: every required multiple choice starts as the empty list Decap would set', () => {
    const config = buildCmsConfig({ taxonomies: content.taxonomies, settings: content.settings! }) as {
      collections: Array<{ name: string; fields?: unknown[] }>;
    };
    const required: string[] = [];
    const walk = (fields: unknown[] = [], where: string) => {
      for (const field of fields as Array<Record<string, unknown>>) {
        if (field.widget === 'select' && field.multiple && field.required) {
          required.push(`${where}.${String(field.name)}`);
          expect(field.default, `${where}.${String(field.name)}`).toEqual([]);
        }
        walk(field.fields as unknown[] | undefined, `${where}.${String(field.name)}`);
      }
    };
    for (const collection of config.collections) walk(collection.fields, collection.name);
    expect(required).toContain('providers.services');
  });
});

describe('the corrections of Decap’s bundle', () => {
  it('apply to the installed bundle, whose slug code is the one tested above', async () => {
    const dist = path.dirname(createRequire(import.meta.url).resolve('decap-cms/dist/decap-cms.js'));
    const source = await readFile(path.join(dist, 'decap-cms.js'), 'utf8');
    const served = String(await servedBundleFile('decap-cms.js'));
    expect(served).not.toBe(source);
    // The restore of a local backup waits for the form's draft.
    expect(served).toMatch(
      /componentDidUpdate\((\w+)\)\{if\(!\(\1\.localBackup&&\1\.draftKey\)&&this\.props\.localBackup&&this\.props\.draftKey&&\(/,
    );
    expect(served.length - source.length).toBeLessThan(100);
    const core = decapRequire('./package.json') as { version: string };
    expect(source).toContain(`console.log("decap-cms-core ${core.version}")`);
  });

  it('stop the build, saying what to do, when Decap no longer holds the code they correct', () => {
    expect(() => fixBundle('decap-cms.js', 'componentDidUpdate(e){}')).toThrow(BundleFixError);
    expect(() => fixBundle('decap-cms.js', 'componentDidUpdate(e){}')).toThrow(
      /restaurer la sauvegarde locale.*src\/cms\/bundle-fixes\.ts/,
    );
    expect(fixBundle('other.js', 'unchanged')).toBe('unchanged');
  });
});
