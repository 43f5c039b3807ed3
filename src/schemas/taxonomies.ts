/**
 * Taxonomies: the shared vocabularies that providers, recommendations and
 * projects refer to by slug. Each lives in `content/taxonomies/<name>.yml`,
 * its terms listed under `terms:` (a file the CMS can edit: its « Vocabulaires »).
 */
import { z } from 'zod';
import { httpsUrl, slug } from './fields.ts';

const term = {
  /** Stable identifier, used in files and URLs. */
  slug: slug.meta({ title: 'Identifiant', description: 'Identifiant stable, utilisé dans les fichiers et les adresses.' }),
  /** Name shown to visitors. */
  label: z.string().min(2).max(120).meta({ title: 'Libellé', description: 'Nom affiché aux visiteurs.' }),
  /** One sentence that explains the term to a non-specialist. */
  description: z
    .string()
    .min(10)
    .max(400)
    .meta({ title: 'Description', description: 'Une phrase qui explique le terme à une personne non spécialiste.' }),
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

/**
 * The four vocabularies, described once: where each lives, its schema, its
 * French names, and which entry fields use it. The loader, the check, the
 * review, the CMS, /donnees/ and the generated reference all read this.
 */
export const taxonomies = {
  services: {
    file: 'taxonomies/services.yml',
    schema: serviceSchema,
    title: 'Services',
    /** « … n’est pas un service connu ». */
    known: 'un service connu',
    /** « le service « x » n’est pas (ou plus) dans cette liste… ». */
    term: 'le service',
    /** One term, as the CMS names it (« Ajouter un service »). */
    termLabel: 'un service',
    usedFor: 'ce que les structures proposent et ce que les associations ont reçu',
    /** What the committee must know before changing the list: the CMS's hint, and the reference's. */
    advice:
      'Les services qu’une structure peut proposer aux associations. Leurs identifiants apparaissent dans les adresses de l’annuaire (/annuaire/service/<identifiant>/) : ne les renommez pas.',
  },
  tools: {
    file: 'taxonomies/tools.yml',
    schema: toolSchema,
    title: 'Logiciels libres',
    known: 'un outil connu',
    term: 'le logiciel',
    termLabel: 'un logiciel',
    usedFor: 'les logiciels que les structures proposent, et les services des GAFAM qu’ils remplacent',
    advice:
      'Les logiciels libres proposés par les structures, avec les services propriétaires qu’ils remplacent. Écrivez les services remplacés toujours de la même façon (« Google Drive », « Microsoft Teams »…) : ils servent de filtre dans l’annuaire.',
  },
  criteria: {
    file: 'taxonomies/criteria.yml',
    schema: criterionSchema,
    title: 'Critères de recommandation',
    known: 'un critère connu',
    term: 'le critère',
    termLabel: 'un critère',
    usedFor: 'les questions notées de 1 à 5 dans chaque recommandation, dans l’ordre du fichier',
    advice:
      'Les questions notées de 1 à 5 (ou « non concerné ») dans chaque recommandation, dans cet ordre. Chaque recommandation porte exactement une note par critère de cette liste : ajouter un critère demande de compléter toutes les recommandations.',
  },
  networks: {
    file: 'taxonomies/networks.yml',
    schema: networkSchema,
    title: 'Réseaux',
    known: 'un réseau connu',
    term: 'le réseau',
    termLabel: 'un réseau',
    usedFor: 'les réseaux dont une structure est membre (CHATONS…)',
    advice:
      'Les réseaux et collectifs dont une structure peut être membre. L’appartenance est déclarée par la structure ; le comité la vérifie auprès du réseau avant publication.',
  },
} as const;

export type TaxonomyName = keyof typeof taxonomies;
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
    [TERMS_KEY]: z.array(vocabulary.schema as (typeof taxonomies)[N]['schema']).meta({
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
