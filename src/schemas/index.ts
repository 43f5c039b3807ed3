/**
 * The content contract in one place: every kind of file, where it lives, its
 * schema and what its Markdown body must hold. The check, the Astro
 * collections, the CMS configuration and the forms all read this table.
 */
import type { z } from 'zod';
import { pageSchema, partnerSchema, resourceSchema, settingsSchema } from './editorial.ts';
import { projectSchema } from './project.ts';
import { providerSchema } from './provider.ts';
import { recommendationSchema } from './recommendation.ts';
import { SLUG_PATTERN } from './fields.ts';
import { taxonomySchemas, type TaxonomyName } from './taxonomies.ts';

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
 * témoignage est trop court ».
 */
export function bodyLengthProblem(rule: BodyRule, length: number): string | undefined {
  const feminine = rule.noun.startsWith('la ');
  const noun = rule.noun.replace(/^./, (c) => c.toUpperCase());
  if (rule.required && length === 0) {
    return `${noun} manque : écrivez-${feminine ? 'la' : 'le'} sous la ligne « --- » qui ferme l’en-tête.`;
  }
  if (length < rule.min) return `${noun} est trop court${feminine ? 'e' : ''} : au moins ${rule.min} caractères (actuellement ${length}).`;
  if (length > rule.max) return `${noun} est trop long${feminine ? 'ue' : ''} : au plus ${rule.max} caractères (actuellement ${length}).`;
  return undefined;
}

/** Where an entry's file name comes from, when the CMS or a form makes it. */
export interface FileNaming {
  /** The field whose text names the file: « L’Atelier » → `l-atelier.md`. */
  from: readonly string[];
  /** A field holding a slug, written first and followed by « -- » (a recommendation: its provider). */
  prefix?: string;
  /** The name when the text holds no letter or digit (a name made only of emoji). */
  fallback: string;
}

export interface EntryType<S extends z.ZodType = z.ZodType> {
  /** Collection name, also the folder under the content folder. */
  name: string;
  /** French name of one entry, for messages and the CMS. */
  label: string;
  /** French plural name. */
  labelPlural: string;
  format: 'markdown' | 'yaml';
  schema: S;
  body?: BodyRule;
  fileName: FileNaming;
}

export const entryTypes = {
  providers: {
    name: 'providers',
    label: 'Prestataire',
    labelPlural: 'Prestataires',
    format: 'markdown',
    schema: providerSchema,
    fileName: { from: ['name'], fallback: 'structure' },
    body: { required: true, min: 200, max: 5000, noun: 'la description' },
  },
  recommendations: {
    name: 'recommendations',
    label: 'Recommandation',
    labelPlural: 'Recommandations',
    format: 'markdown',
    schema: recommendationSchema,
    fileName: { prefix: 'provider', from: ['association', 'name'], fallback: 'association' },
    body: { required: true, min: 50, max: 3000, noun: 'le témoignage' },
  },
  projects: {
    name: 'projects',
    label: 'Projet à co-financer',
    labelPlural: 'Projets à co-financer',
    format: 'markdown',
    schema: projectSchema,
    fileName: { from: ['title'], fallback: 'projet' },
    body: { required: true, min: 50, max: 10000, noun: 'la présentation' },
  },
  resources: {
    name: 'resources',
    label: 'Ressource',
    labelPlural: 'Ressources',
    format: 'markdown',
    schema: resourceSchema,
    fileName: { from: ['title'], fallback: 'ressource' },
    body: { required: true, min: 50, max: 30000, noun: 'le contenu' },
  },
  partners: {
    name: 'partners',
    label: 'Partenaire',
    labelPlural: 'Partenaires',
    format: 'yaml',
    schema: partnerSchema,
    fileName: { from: ['name'], fallback: 'partenaire' },
  },
  pages: {
    name: 'pages',
    label: 'Page',
    labelPlural: 'Pages',
    format: 'markdown',
    schema: pageSchema,
    fileName: { from: ['title'], fallback: 'page' },
    body: { required: true, min: 20, max: 30000, noun: 'le texte' },
  },
} as const satisfies Record<string, EntryType>;

export type EntryTypeName = keyof typeof entryTypes;
export const entryTypeNames = Object.keys(entryTypes) as EntryTypeName[];

/** Recommendations are named <provider>--<association>, hence the double hyphen. */
const PREFIXED_ID_PATTERN = /^[a-z0-9]+(-{1,2}[a-z0-9]+)*$/;

/** How long a file name (without its extension) may be. */
export function entryIdLength(type: EntryTypeName): { min: number; max: number } {
  const naming: FileNaming = entryTypes[type].fileName;
  return { min: 2, max: naming.prefix ? 125 : 60 };
}

/** Whether `id` may name a file of this type: lowercase letters, digits and dashes, within `entryIdLength`. */
export function isEntryId(type: EntryTypeName, id: string): boolean {
  const { min, max } = entryIdLength(type);
  const naming: FileNaming = entryTypes[type].fileName;
  const pattern = naming.prefix ? PREFIXED_ID_PATTERN : SLUG_PATTERN;
  return pattern.test(id) && id.length >= min && id.length <= max;
}

/** Taxonomies are single YAML files holding a list of terms. */
export const taxonomyFiles: Record<TaxonomyName, string> = {
  services: 'taxonomies/services.yml',
  tools: 'taxonomies/tools.yml',
  criteria: 'taxonomies/criteria.yml',
  networks: 'taxonomies/networks.yml',
};
export const SETTINGS_FILE = 'settings.yml';

/** Files above this size are refused before parsing: no entry needs more. */
export const MAX_FILE_BYTES = 256 * 1024;

export { taxonomySchemas, settingsSchema };
export * from './fields.ts';
export * from './provider.ts';
export * from './recommendation.ts';
export * from './project.ts';
export * from './editorial.ts';
export * from './taxonomies.ts';
export * as geography from './geography.ts';
