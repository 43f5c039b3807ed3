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
    /** One term, as the CMS names it (« Ajouter un service »). */
    termLabel: 'un service',
    /** What the committee must know before changing the list: the CMS's hint, and the reference's. */
    advice:
      'Les services qu’une structure peut proposer aux associations. Leurs identifiants apparaissent dans les adresses de l’annuaire (/annuaire/service/<identifiant>/) : ne les renommez pas.',
  },
  tools: {
    file: 'taxonomies/tools.yml',
    title: 'Logiciels libres',
    known: 'un outil connu',
    usedFor: 'les logiciels que les structures proposent, et les services des GAFAM qu’ils remplacent',
    term: 'le logiciel',
    termLabel: 'un logiciel',
    advice:
      'Les logiciels libres proposés par les structures, avec les services propriétaires qu’ils remplacent. Écrivez les services remplacés toujours de la même façon (« Google Drive », « Microsoft Teams »…) : ils servent de filtre dans l’annuaire.',
  },
  criteria: {
    file: 'taxonomies/criteria.yml',
    title: 'Critères de recommandation',
    known: 'un critère connu',
    usedFor: 'les questions notées de 1 à 5 dans chaque recommandation, dans l’ordre du fichier',
    term: 'le critère',
    termLabel: 'un critère',
    advice:
      'Les questions notées de 1 à 5 (ou « non concerné ») dans chaque recommandation, dans cet ordre. Chaque recommandation porte exactement une note par critère de cette liste : ajouter un critère demande de compléter toutes les recommandations.',
  },
  networks: {
    file: 'taxonomies/networks.yml',
    title: 'Réseaux',
    known: 'un réseau connu',
    usedFor: 'les réseaux dont une structure est membre (CHATONS…)',
    term: 'le réseau',
    termLabel: 'un réseau',
    advice:
      'Les réseaux et collectifs dont une structure peut être membre. L’appartenance est déclarée par la structure ; le comité la vérifie auprès du réseau avant publication.',
  },
} as const;

export type TaxonomyName = keyof typeof taxonomyWords;
