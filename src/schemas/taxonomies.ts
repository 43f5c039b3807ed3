/**
 * Taxonomies: the shared vocabularies that providers, recommendations and
 * projects refer to by slug. Each lives in `content/taxonomies/<name>.yml`.
 */
import { z } from 'zod';
import { httpsUrl, slug } from './fields.ts';

const term = {
  /** Stable identifier, used in files and URLs. */
  slug: slug.meta({ title: 'Identifiant', description: 'Identifiant stable, utilisé dans les fichiers et les adresses.' }),
  /** Name shown to visitors. */
  label: z.string().min(2).max(120).meta({ title: 'Libellé', description: 'Nom affiché aux visiteurs.' }),
  /** One sentence that explains the term to a non-specialist. */
  description: z.string().min(10).max(400).meta({ title: 'Description', description: 'Une phrase qui explique le terme à une personne non spécialiste.' }),
};

export const serviceSchema = z.strictObject({ ...term });

export const toolSchema = z.strictObject({
  ...term,
  /** Proprietary services this free software replaces, as people name them ("Google Drive"). */
  replaces: z.array(z.string().min(2).max(60)).default([]).meta({
    title: 'Remplace',
    description: 'Les services propriétaires que ce logiciel libre remplace, tels qu’on les nomme (« Google Drive »).',
  }),
  /** SPDX identifier of the licence ("AGPL-3.0"). */
  license: z.string().min(2).max(60).meta({ title: 'Licence', description: 'Identifiant SPDX de la licence (« AGPL-3.0 »).' }),
  /** Website of the free software project. */
  website: httpsUrl.meta({ title: 'Site du logiciel', description: 'Adresse du site du projet libre.' }),
});

/** A criterion is phrased as the question an accompanied association answers. */
export const criterionSchema = z.strictObject({ ...term });

export const networkSchema = z.strictObject({
  ...term,
  /** Website of the network. */
  website: httpsUrl.optional().meta({ title: 'Site du réseau', description: 'Adresse du site du réseau.' }),
});

export const taxonomySchemas = {
  services: serviceSchema,
  tools: toolSchema,
  criteria: criterionSchema,
  networks: networkSchema,
} as const;

export type TaxonomyName = keyof typeof taxonomySchemas;
export type Service = z.output<typeof serviceSchema>;
export type Tool = z.output<typeof toolSchema>;
export type Criterion = z.output<typeof criterionSchema>;
export type Network = z.output<typeof networkSchema>;

/** French nouns used in messages: « … n'est pas un service connu ». */
export const taxonomyNouns: Record<TaxonomyName, { one: string; file: string }> = {
  services: { one: 'un service connu', file: 'content/taxonomies/services.yml' },
  tools: { one: 'un outil connu', file: 'content/taxonomies/tools.yml' },
  criteria: { one: 'un critère connu', file: 'content/taxonomies/criteria.yml' },
  networks: { one: 'un réseau connu', file: 'content/taxonomies/networks.yml' },
};
