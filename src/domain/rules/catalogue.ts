/**
 * Every rule the check applies beyond a single field, and every warning, as
 * data: an identifier, how serious it is, the files it concerns and one French
 * sentence for contributors. The reference of the content (docs/contenu.md)
 * is generated from this list; the code that enforces each rule names it by
 * its identifier (src/domain/rules/index.ts, the schemas' refinements, the
 * publication rule of src/domain/directory/index.ts).
 */
import { recommendationId } from '../entry-names.ts';
import { reservedProviderSlugs } from '../routes.ts';
import { AVAILABILITY_STALE_MONTHS, LISTING_STALE_MONTHS, RECOMMENDATION_STALE_MONTHS } from '../staleness.ts';
import type { Severity } from '../problems.ts';
import type { EntryTypeName } from '../../schemas/index.ts';
import { boundsOf } from '../../schemas/introspect.ts';
import { rating } from '../../schemas/recommendation.ts';

/**
 * `error` fails the check and the build; `warning` is reported and never
 * fails; `publication` is what the site does with valid content.
 */
export type RuleSeverity = Severity | 'publication';

export const ruleSeverityLabels: Record<RuleSeverity, string> = {
  error: 'erreur',
  warning: 'avertissement',
  publication: 'publication',
};

/** The kinds of files a rule can concern: the entry types, the taxonomies and the settings. */
export type RuleScope = EntryTypeName | 'taxonomies' | 'settings';

export interface RuleDescription {
  /** Stable identifier, in English kebab-case, that the code enforcing the rule refers to. */
  id: string;
  severity: RuleSeverity;
  /** The kinds of files the rule reads or reports on. */
  scope: readonly RuleScope[];
  /** What is checked, in French, for contributors; field and file names in Markdown code spans. */
  text: string;
}

const codes = (words: Iterable<string>) => [...words].map((w) => `\`${w}\``).join(', ');
const ratingBounds = boundsOf(rating);

/** Every cross-file rule, cross-field rule and warning of the check, and the publication rule. */
export const rulesCatalogue: readonly RuleDescription[] = [
  {
    id: 'references-resolve',
    severity: 'error',
    scope: ['providers', 'recommendations', 'projects', 'resources', 'taxonomies'],
    text: 'Chaque identifiant cité existe : les services, logiciels, critères et réseaux dans leur fichier de `content/taxonomies/`, la structure d’une recommandation (`provider`) et celle qui réaliserait un projet (`maker`) dans `content/providers/` (le nom du fichier, sans `.md`). Une valeur inconnue reçoit une suggestion (« Vouliez-vous dire… ? »).',
  },
  {
    id: 'vocabulary-terms-in-use',
    severity: 'error',
    scope: ['taxonomies'],
    text: 'Un terme retiré d’un vocabulaire (ou absent) alors que des fiches l’utilisent est signalé aussi sur le fichier du vocabulaire, avec les fichiers qui l’utilisent : remettez-le, ou changez d’abord ces fichiers.',
  },
  {
    id: 'unique-term-slugs',
    severity: 'error',
    scope: ['taxonomies'],
    text: 'Dans un fichier de vocabulaire, chaque identifiant (`slug`) n’apparaît qu’une fois.',
  },
  {
    id: 'reserved-provider-slugs',
    severity: 'error',
    scope: ['providers'],
    text: `Une structure ne peut pas s’appeler ${codes(reservedProviderSlugs)} : ces mots nomment des pages de l’annuaire (pagination, filtres de recherche, vue tableau, pages de filtre).`,
  },
  {
    id: 'postcode-in-department',
    severity: 'error',
    scope: ['providers'],
    text: 'Le code postal du siège (`location.postcode`) existe et appartient au département indiqué (`location.department`), d’après les données officielles de l’INSEE.',
  },
  {
    id: 'unique-siren',
    severity: 'error',
    scope: ['providers'],
    text: 'Un numéro SIREN identifie une seule structure : deux fiches ne peuvent pas avoir le même.',
  },
  {
    id: 'area-not-empty',
    severity: 'error',
    scope: ['providers'],
    text: 'Une structure indique au moins une zone d’intervention : partout en France (`area.national`), à distance (`area.remote`), des régions (`area.regions`) ou des départements (`area.departments`).',
  },
  {
    id: 'one-recommendation-per-association',
    severity: 'error',
    scope: ['recommendations'],
    text: 'Une association ne recommande une structure qu’une fois : même nom (sans tenir compte des majuscules, des accents ni de la ponctuation), même numéro RNA ou même SIREN, c’est la même association. On complète la recommandation existante.',
  },
  {
    id: 'no-self-recommendation',
    severity: 'error',
    scope: ['recommendations', 'providers'],
    text: 'Une structure ne se recommande pas elle-même : l’association n’a ni le même SIREN ni le même nom que la structure recommandée.',
  },
  {
    id: 'every-criterion-rated',
    severity: 'error',
    scope: ['recommendations', 'taxonomies'],
    text: `Une recommandation donne une note (\`ratings\`) pour chaque critère de \`content/taxonomies/criteria.yml\`, et pour aucun autre : de ${ratingBounds.min} à ${ratingBounds.max}, ou \`null\` quand le critère ne la concerne pas.`,
  },
  {
    id: 'verification-complete',
    severity: 'error',
    scope: ['recommendations'],
    text: 'Une recommandation vérifiée ou refusée indique la date de vérification, la méthode et le membre du comité qui s’en est chargé (`verification.date`, `verification.method`, `verification.by`).',
  },
  {
    id: 'no-personal-data-in-recommendations',
    severity: 'error',
    scope: ['recommendations'],
    text: 'Une recommandation parle au nom de l’association : ni son témoignage ni aucun de ses champs (le site de l’association excepté) ne contient d’adresse e-mail ou de numéro de téléphone.',
  },
  {
    id: 'dates-not-in-future',
    severity: 'error',
    scope: ['providers', 'recommendations', 'projects'],
    text: 'Ce qui a déjà eu lieu n’est pas dans le futur : relecture d’une fiche (`updated`), signature de la charte (`charter_signed`), disponibilité indiquée (`availability.stated`), année de formation (`trained`), fin de l’accompagnement recommandé (`project.end`), vérification (`verification.date`), proposition d’un projet (`proposed`) et chaque promesse (`pledges[].date`). « Aujourd’hui » est la date du jour à Paris ; `EMANCIPASSO_TODAY=AAAA-MM-JJ` la fixe.',
  },
  {
    id: 'dates-in-order',
    severity: 'error',
    scope: ['recommendations', 'projects'],
    text: 'Les dates se suivent : la fin d’un accompagnement (`project.end`) ne précède pas son début (`project.start`), une vérification ne précède pas la fin de l’accompagnement, une promesse de financement ne précède pas la proposition du projet (`proposed`).',
  },
  {
    id: 'milestones-add-up',
    severity: 'error',
    scope: ['projects'],
    text: 'Quand un projet a des étapes, la somme de leurs montants est égale à son objectif (`goal_eur`).',
  },
  {
    id: 'status-matches-funding',
    severity: 'error',
    scope: ['projects'],
    text: 'Le statut suit le financement : un projet `finance`, `en-developpement` ou `livre` a des promesses qui atteignent son objectif, et un projet `livre` a toutes ses étapes terminées (`done: true`).',
  },
  {
    id: 'safe-markdown-links',
    severity: 'error',
    scope: ['providers', 'recommendations', 'projects', 'resources', 'pages'],
    text: 'Un lien du texte mène à une adresse `https://`, à une adresse `mailto:` ou à une page du site (chemin commençant par `/`), quelle qu’en soit l’écriture (majuscules, entités, liens automatiques, références) ; une image vient du site lui-même (chemin commençant par `/`), jamais d’un autre site.',
  },
  {
    id: 'no-raw-html',
    severity: 'error',
    scope: ['providers', 'recommendations', 'projects', 'resources', 'pages'],
    text: 'Le texte est du Markdown sans HTML : une balise, un commentaire HTML ou un script sont refusés.',
  },
  {
    id: 'pricing-has-magnitude',
    severity: 'warning',
    scope: ['providers'],
    text: 'Les critères demandent un modèle de prix et un ordre de grandeur : sauf pour un accompagnement gratuit ou à prix libre, une fiche indique un prix de départ (`pricing.from_eur`). Avertissement pour les fiches déjà écrites ; le formulaire « Proposer une structure » le demande à chaque nouvelle fiche.',
  },
  {
    id: 'listing-stale',
    severity: 'warning',
    scope: ['providers'],
    text: `Une fiche relue (\`updated\`) il y a plus de ${LISTING_STALE_MONTHS} mois est à faire relire par la structure ; le site signale aussi qu’elle est ancienne.`,
  },
  {
    id: 'availability-stated',
    severity: 'warning',
    scope: ['providers'],
    text: 'Une fiche dit si la structure accepte de nouvelles associations (`availability` : `status` ouvert, liste-attente ou complet, et `stated`, le jour où elle l’a dit) ; sans elle, le site affiche « disponibilité non précisée ».',
  },
  {
    id: 'availability-stale',
    severity: 'warning',
    scope: ['providers'],
    text: `Une disponibilité indiquée (\`availability.stated\`) il y a plus de ${AVAILABILITY_STALE_MONTHS} mois est à faire confirmer par la structure ; d’ici là, le site l’affiche « à confirmer ».`,
  },
  {
    id: 'wait-only-when-waiting',
    severity: 'error',
    scope: ['providers'],
    text: 'Un délai d’attente (`availability.wait_weeks`, en semaines) ne va qu’avec une liste d’attente (`availability.status: liste-attente`).',
  },
  {
    id: 'recommendation-stale',
    severity: 'warning',
    scope: ['recommendations'],
    text: `Une recommandation vérifiée il y a plus de ${RECOMMENDATION_STALE_MONTHS} mois est à vérifier à nouveau auprès de l’association.`,
  },
  {
    id: 'service-received-is-offered',
    severity: 'warning',
    scope: ['recommendations', 'providers'],
    text: 'Un service reçu (`project.services`) qui ne figure pas parmi les services de la structure recommandée signale une fiche peut-être à compléter.',
  },
  {
    id: 'recommendation-file-name',
    severity: 'warning',
    scope: ['recommendations'],
    text: `Le fichier d’une recommandation s’appelle \`${recommendationId('<structure>', '<association>')}.md\` : l’identifiant de la structure, deux tirets, puis celui de l’association.`,
  },
  {
    id: 'publication',
    severity: 'publication',
    scope: ['providers', 'recommendations'],
    text: 'Une structure n’apparaît nulle part sur le site (fiche, recherche, carte, filtres, données ouvertes, flux, plan du site) tant qu’elle n’a pas au moins une recommandation vérifiée par le comité (`verification.status: verified`) ; les recommandations en attente ou refusées ne sont jamais publiées.',
  },
];
