/**
 * The words of each vocabulary: where its file lives, its French names, what
 * it is used for. taxonomies.ts adds each one's schema; the rules read the
 * words alone, without the schemas (the browser's forms run the rules).
 */
export const taxonomyWords = {
  services: {
    file: 'taxonomies/services.yml',
    title: 'Services',
    /** « … n’est pas un service connu ». */
    known: 'un service connu',
    usedFor: 'ce que les structures proposent et ce que les associations ont reçu',
    /** « le service « x » n’est pas (ou plus) dans cette liste… ». */
    term: 'le service',
  },
  tools: {
    file: 'taxonomies/tools.yml',
    title: 'Logiciels libres',
    known: 'un outil connu',
    usedFor: 'les logiciels que les structures proposent, et les services des GAFAM qu’ils remplacent',
    term: 'le logiciel',
  },
  criteria: {
    file: 'taxonomies/criteria.yml',
    title: 'Critères de recommandation',
    known: 'un critère connu',
    usedFor: 'les questions notées de 1 à 5 dans chaque recommandation, dans l’ordre du fichier',
    term: 'le critère',
  },
  networks: {
    file: 'taxonomies/networks.yml',
    title: 'Réseaux',
    known: 'un réseau connu',
    usedFor: 'les réseaux dont une structure est membre (CHATONS…)',
    term: 'le réseau',
  },
} as const;

export type TaxonomyName = keyof typeof taxonomyWords;
