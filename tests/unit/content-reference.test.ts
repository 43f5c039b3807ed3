/**
 * docs/contenu.md, the reference of the content files, is generated from the
 * schemas and the rules catalogue: the committed file must be what
 * `npm run docs` writes today, and it must say what the code enforces.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTENT_REFERENCE_FILE, contentReference, table } from '../../scripts/lib/content-reference.ts';
import { facetKeys } from '../../src/domain/directory/facet-keys.ts';
import { reservedProviderSlugs } from '../../src/domain/routes.ts';
import { LISTING_STALE_MONTHS, RECOMMENDATION_STALE_MONTHS } from '../../src/domain/staleness.ts';
import { rulesCatalogue } from '../../src/domain/rules/catalogue.ts';
import { MAX_ALIASES, MAX_DEPTH } from '../../src/loader/parse.ts';
import { INSEE_COG_URL } from '../../src/schemas/geography.ts';
import { entryTypeNames, entryTypes, MAX_FILE_BYTES, settingsSchema, taxonomySchemas } from '../../src/schemas/index.ts';
import { schemaFields } from '../../src/schemas/introspect.ts';
import { projectStatusLabels } from '../../src/schemas/project.ts';
import { structureLabels } from '../../src/schemas/provider.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const generated = contentReference();

describe('docs/contenu.md', () => {
  it('is what npm run docs writes from the code today', () => {
    const committed = readFileSync(path.join(ROOT, CONTENT_REFERENCE_FILE), 'utf8');
    if (committed !== generated) {
      const [a, b] = [committed.split('\n'), generated.split('\n')];
      const line = a.findIndex((text, i) => text !== b[i]) + 1 || Math.min(a.length, b.length) + 1;
      throw new Error(`docs/contenu.md n’est plus à jour : lancez npm run docs (première différence à la ligne ${line}).`);
    }
  });

  it('lists every field of every content type, the taxonomies and the settings, with its path', () => {
    const schemas = [...entryTypeNames.map((name) => entryTypes[name].schema), settingsSchema];
    for (const schema of schemas) {
      for (const field of schemaFields(schema)) expect(generated).toContain(`| \`${field.path}\``);
    }
    for (const schema of Object.values(taxonomySchemas)) {
      for (const field of schemaFields(schema)) expect(generated).toContain(`| \`terms[].${field.path}\``);
    }
    for (const nested of [
      'contact.email',
      'pledges[].amount_eur',
      'milestones[].done',
      'ratings.<clé>',
      'verification.status',
      'repository.forge',
    ]) {
      expect(generated).toContain(`| \`${nested}\``);
    }
  });

  it('gives each field its French type, whether it is required, its default, its values with their labels and its help', () => {
    const row = (field: string) => generated.split('\n').find((line) => line.startsWith(`| \`${field}\` `))!;
    expect(row('website')).toMatch(/\| adresse web +\| oui +\|/);
    expect(row('siren')).toMatch(/\| texte +\| non +\|.*clé de contrôle/);
    expect(row('area.national')).toContain('non, par défaut `false`');
    expect(row('languages')).toContain('non, par défaut `[fr]`');
    expect(row('structure')).toContain(`\`cooperative\` (${structureLabels.cooperative})`);
    expect(row('status')).toContain(`\`en-financement\` (${projectStatusLabels['en-financement']})`);
    expect(row('services')).toContain('`content/taxonomies/services.yml`');
    expect(row('location.department')).toContain(`(${INSEE_COG_URL})`);
    expect(row('area.regions')).toMatch(/liste de codes INSEE/);
    expect(row('provider')).toContain('`content/providers/`');
    expect(row('ratings.<clé>')).toMatch(/De 1 à 5 ; ou `null`/);
    expect(row('name')).toContain('Le nom sous lequel les associations vous connaissent');
    expect(row('pledges[].amount_eur')).toMatch(/\| nombre entier +\| oui +\| Au moins 1\./);
  });

  it('states the body rules, the limits and every rule of the catalogue, with the numbers of the code', () => {
    expect(generated).toContain('la description (le Markdown sous l’en-tête), obligatoire, de 200 à 5 000 caractères');
    expect(generated).toContain(`plus de ${MAX_FILE_BYTES / 1024} Ko`);
    expect(generated).toContain(`plus de ${MAX_DEPTH} niveaux`);
    expect(generated).toContain(`plus de ${MAX_ALIASES} alias YAML`);
    for (const rule of rulesCatalogue) expect(generated).toContain(`| \`${rule.id}\``);
    expect(generated).toContain(`plus de ${LISTING_STALE_MONTHS} mois`);
    expect(generated).toContain(`plus de ${RECOMMENDATION_STALE_MONTHS} mois`);
  });

  it('is tidy Markdown that a formatter leaves alone: aligned tables, no trailing space, one final newline', () => {
    const lines = generated.split('\n');
    expect(lines.filter((line) => /[ \t]$/.test(line))).toEqual([]);
    expect(generated.endsWith('\n') && !generated.endsWith('\n\n')).toBe(true);
    expect(generated).not.toMatch(/\n{3}/);
    // Each table: every line as wide as its header, the separator made of dashes.
    const tables = generated.split('\n\n').filter((block) => block.startsWith('| '));
    expect(tables.length).toBeGreaterThan(10);
    for (const block of tables) {
      const rows = block.trimEnd().split('\n');
      const width = [...rows[0]!].length;
      for (const row of rows) expect([...row].length, row).toBe(width);
      expect(rows[1]).toMatch(/^\| -{3,}( \| -{3,})* \|$/);
    }
  });
});

describe('table', () => {
  it('pads every cell to its column and escapes pipes', () => {
    expect(
      table(
        ['a', 'bb'],
        [
          ['x|y', 'z'],
          ['', 'long text'],
        ],
      ),
    ).toBe(['| a    | bb        |', '| ---- | --------- |', '| x\\|y | z         |', '|      | long text |'].join('\n'));
  });
});

describe('the rules catalogue', () => {
  /** Every source file of src/, but the catalogue itself. */
  function sources(dir = path.join(ROOT, 'src')): string[] {
    return readdirSync(dir).flatMap((name) => {
      const file = path.join(dir, name);
      if (statSync(file).isDirectory()) return sources(file);
      return /\.(ts|astro)$/.test(name) && !file.endsWith(path.join('rules', 'catalogue.ts')) ? [readFileSync(file, 'utf8')] : [];
    });
  }

  it('gives each rule a unique kebab-case identifier and a French sentence', () => {
    const ids = rulesCatalogue.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const rule of rulesCatalogue) {
      expect(rule.id).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(rule.text).toMatch(/^[A-ZÀ-Ý].*\.$/);
      expect(rule.scope.length).toBeGreaterThan(0);
    }
  });

  it('names each rule in the code that enforces it', () => {
    const code = sources().join('\n');
    for (const rule of rulesCatalogue) expect(code, `« ${rule.id} » n’est nommée nulle part dans src/`).toContain(rule.id);
  });

  it('reads its thresholds and reserved names from the domain', () => {
    const text = (id: string) => rulesCatalogue.find((r) => r.id === id)!.text;
    expect(text('listing-stale')).toContain(`${LISTING_STALE_MONTHS} mois`);
    expect(text('recommendation-stale')).toContain(`${RECOMMENDATION_STALE_MONTHS} mois`);
    expect(reservedProviderSlugs).toEqual(expect.arrayContaining(['page', 'filtres', ...facetKeys]));
    for (const word of reservedProviderSlugs) expect(text('reserved-provider-slugs')).toContain(`\`${word}\``);
  });
});
