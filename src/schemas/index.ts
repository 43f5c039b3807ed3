/**
 * The content contract in one place: every kind of file, where it lives, its
 * schema and what its Markdown body must hold. The check, the Astro
 * collections, the CMS configuration and the forms all read this table.
 */
import type * as z from 'zod/mini';
import { pageSchema, partnerSchema, resourceSchema, settingsSchema } from './editorial.ts';
import { projectSchema } from './project.ts';
import { providerBody, providerSchema } from './provider.ts';
import { recommendationBody, recommendationSchema } from './recommendation.ts';
import { taxonomySchemas } from './taxonomies.ts';

export { bodyLengthProblem, type BodyRule } from './body.ts';
import type { BodyRule } from './body.ts';

export interface EntryType<S extends z.ZodMiniType = z.ZodMiniType> {
  /** Collection name, also the folder under the content folder. */
  name: string;
  /** French name of one entry, for messages and the CMS. */
  label: string;
  /** French plural name. */
  labelPlural: string;
  format: 'markdown' | 'yaml';
  schema: S;
  body?: BodyRule;
}

export const entryTypes = {
  providers: {
    name: 'providers',
    label: 'Prestataire',
    labelPlural: 'Prestataires',
    format: 'markdown',
    schema: providerSchema,
    body: providerBody,
  },
  recommendations: {
    name: 'recommendations',
    label: 'Recommandation',
    labelPlural: 'Recommandations',
    format: 'markdown',
    schema: recommendationSchema,
    body: recommendationBody,
  },
  projects: {
    name: 'projects',
    label: 'Projet à co-financer',
    labelPlural: 'Projets à co-financer',
    format: 'markdown',
    schema: projectSchema,
    body: { required: true, min: 50, max: 10000, noun: 'la présentation' },
  },
  resources: {
    name: 'resources',
    label: 'Ressource',
    labelPlural: 'Ressources',
    format: 'markdown',
    schema: resourceSchema,
    body: { required: true, min: 50, max: 30000, noun: 'le contenu' },
  },
  partners: {
    name: 'partners',
    label: 'Partenaire',
    labelPlural: 'Partenaires',
    format: 'yaml',
    schema: partnerSchema,
  },
  pages: {
    name: 'pages',
    label: 'Page',
    labelPlural: 'Pages',
    format: 'markdown',
    schema: pageSchema,
    body: { required: true, min: 20, max: 30000, noun: 'le texte' },
  },
} as const satisfies Record<string, EntryType>;

export type EntryTypeName = keyof typeof entryTypes;
export const entryTypeNames = Object.keys(entryTypes) as EntryTypeName[];

export const SETTINGS_FILE = 'settings.yml';

export { CONTENT_FOLDER } from './content-folder.ts';

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
