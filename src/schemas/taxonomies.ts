/**
 * Taxonomies: the shared vocabularies that providers, recommendations and
 * projects refer to by slug. Each lives in `content/taxonomies/<name>.yml`,
 * its terms listed under `terms:` (a file the CMS can edit: its « Vocabulaires »).
 */
import * as z from 'zod/mini';
import { httpsUrl, slug } from './fields.ts';
import { described } from './meta.ts';
import { taxonomyWords } from './taxonomy-words.ts';

const term = {
  /** Stable identifier, used in files and URLs. */
  slug: described(slug, { title: 'Identifiant', description: 'Identifiant stable, utilisé dans les fichiers et les adresses.' }),
  /** Name shown to visitors. */
  label: described(z.string().check(z.minLength(2), z.maxLength(120)), { title: 'Libellé', description: 'Nom affiché aux visiteurs.' }),
  /** One sentence that explains the term to a non-specialist. */
  description: described(z.string().check(z.minLength(10), z.maxLength(400)), {
    title: 'Description',
    description: 'Une phrase qui explique le terme à une personne non spécialiste.',
  }),
};

export const serviceSchema = z.strictObject({ ...term });

export const toolSchema = z.strictObject({
  ...term,
  /** Proprietary services this free software replaces, as people name them ("Google Drive"). */
  replaces: described(z._default(z.array(z.string().check(z.minLength(2), z.maxLength(60))), []), {
    title: 'Remplace',
    description: 'Les services propriétaires que ce logiciel libre remplace, tels qu’on les nomme (« Google Drive »).',
  }),
  /** SPDX identifier of the licence ("AGPL-3.0"). */
  license: described(z.string().check(z.minLength(2), z.maxLength(60)), {
    title: 'Licence',
    description: 'Identifiant SPDX de la licence (« AGPL-3.0 »).',
  }),
  /** Website of the free software project. */
  website: described(httpsUrl, { title: 'Site du logiciel', description: 'Adresse du site du projet libre.' }),
});

/** A criterion is phrased as the question an accompanied association answers. */
export const criterionSchema = z.strictObject({ ...term });

export const networkSchema = z.strictObject({
  ...term,
  /** Website of the network. */
  website: described(z.optional(httpsUrl), { title: 'Site du réseau', description: 'Adresse du site du réseau.' }),
});

/**
 * The four vocabularies, described once: where each lives, its schema, its
 * French names, and which entry fields use it. The loader, the check, the
 * review, the CMS, /donnees/ and the generated reference all read this.
 */
export const taxonomies = {
  // termLabel: one term, as the CMS names it (« Ajouter un service »); advice: what the committee must
  // know before changing the list (the CMS's hint, and the reference's). Both stay out of taxonomy-words.ts,
  // which the browser's forms load.
  services: {
    ...taxonomyWords.services,
    schema: serviceSchema,
    termLabel: 'un service',
    advice:
      'Les services qu’une structure peut proposer aux associations. Leurs identifiants apparaissent dans les adresses de l’annuaire (/annuaire/service/<identifiant>/) : ne les renommez pas.',
  },
  tools: {
    ...taxonomyWords.tools,
    schema: toolSchema,
    termLabel: 'un logiciel',
    advice:
      'Les logiciels libres proposés par les structures, avec les services propriétaires qu’ils remplacent. Écrivez les services remplacés toujours de la même façon (« Google Drive », « Microsoft Teams »…) : ils servent de filtre dans l’annuaire.',
  },
  criteria: {
    ...taxonomyWords.criteria,
    schema: criterionSchema,
    termLabel: 'un critère',
    advice:
      'Les questions notées de 1 à 5 (ou « non concerné ») dans chaque recommandation, dans cet ordre. Chaque recommandation porte exactement une note par critère de cette liste : ajouter un critère demande de compléter toutes les recommandations.',
  },
  networks: {
    ...taxonomyWords.networks,
    schema: networkSchema,
    termLabel: 'un réseau',
    advice:
      'Les réseaux et collectifs dont une structure peut être membre. L’appartenance est déclarée par la structure ; le comité la vérifie auprès du réseau avant publication.',
  },
} as const;

export type { TaxonomyName } from './taxonomy-words.ts';
import type { TaxonomyName } from './taxonomy-words.ts';
export const taxonomyNames = Object.keys(taxonomies) as TaxonomyName[];
export const taxonomySchemas = Object.fromEntries(taxonomyNames.map((name) => [name, taxonomies[name].schema])) as {
  [N in TaxonomyName]: (typeof taxonomies)[N]['schema'];
};

/** The key of a vocabulary file under which its terms are listed. */
export const TERMS_KEY = 'terms';

/**
 * A vocabulary file: its terms under `terms:`. A file that is a bare list
 * (the shape before the CMS could edit vocabularies) is still read, with a
 * warning that says how to convert it.
 */
export function vocabularyFileSchema<N extends TaxonomyName>(name: N) {
  const vocabulary = taxonomies[name];
  return z.strictObject({
    [TERMS_KEY]: described(z.array(vocabulary.schema as (typeof taxonomies)[N]['schema']), {
      title: vocabulary.title,
      description: vocabulary.advice,
    }),
  });
}

export type Service = z.output<typeof serviceSchema>;
export type Tool = z.output<typeof toolSchema>;
export type Criterion = z.output<typeof criterionSchema>;
export type Network = z.output<typeof networkSchema>;
/** The terms of every vocabulary. */
export type Vocabularies = { [N in TaxonomyName]: Array<z.output<(typeof taxonomies)[N]['schema']>> };
