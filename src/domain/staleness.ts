/**
 * When a listing or a recommendation needs reviewing again, and every
 * sentence that says so (profile, « Proposer », the dashboard, `npm run
 * stale`, the check's warnings): the thresholds are written here only.
 */
import { addMonths } from './text/dates.ts';
import { frenchTypography as t } from './text/format.ts';

/** Listings not reviewed by their provider for this long are stale. */
export const LISTING_STALE_MONTHS = 18;
/** Verified recommendations older than this should be verified again. */
export const RECOMMENDATION_STALE_MONTHS = 36;
/** An availability stated longer ago than this is to be confirmed: it changes faster than the rest of a listing. */
export const AVAILABILITY_STALE_MONTHS = 6;

/** The day `months` months before `today`, worked out once a day: it is asked for every entry. */
let limitsDay = '';
const limits = new Map<number, string>();
function monthsBefore(today: string, months: number): string {
  if (today !== limitsDay) {
    limits.clear();
    limitsDay = today;
  }
  let limit = limits.get(months);
  if (limit === undefined) limits.set(months, (limit = addMonths(today, -months)));
  return limit;
}

/** A listing last reviewed on `updated` (`YYYY-MM-DD`) is stale on `today`. */
export function isListingStale(updated: string, today: string): boolean {
  return updated <= monthsBefore(today, LISTING_STALE_MONTHS);
}

/** A recommendation verified on `verified` is to be verified again on `today`. */
export function isRecommendationStale(verified: string, today: string): boolean {
  return verified <= monthsBefore(today, RECOMMENDATION_STALE_MONTHS);
}

/** An availability stated on `stated` is to be confirmed on `today`: stated more than six months before. */
export function isAvailabilityStale(stated: string, today: string): boolean {
  return stated < monthsBefore(today, AVAILABILITY_STALE_MONTHS);
}

export const staleness = {
  /** On a stale profile. */
  profileNotice: t(`Elle n’a pas été relue depuis plus de ${LISTING_STALE_MONTHS} mois : certaines informations ont pu changer.`),
  /** What « Proposer une structure » promises. */
  listingRule: t(`Relisez-la au moins une fois par an : une fiche non relue depuis ${LISTING_STALE_MONTHS} mois est signalée au comité.`),
  /** Headings and explanations of the committee's lists. */
  listingsTitle: t(`Fiches non relues depuis plus de ${LISTING_STALE_MONTHS} mois`),
  recommendationsTitle: t(`Recommandations vérifiées il y a plus de ${RECOMMENDATION_STALE_MONTHS} mois`),
  listingsToReview: t(
    `Fiches publiées que la structure n’a pas relues depuis plus de ${LISTING_STALE_MONTHS} mois : demandez-lui de les relire, puis mettez à jour la date « Fiche revue le ».`,
  ),
  recommendationsToReview: t(
    `Vérifiées il y a plus de ${RECOMMENDATION_STALE_MONTHS} mois : l’association recommande-t-elle toujours la structure ? Si elle confirme, mettez à jour la date, la méthode et la personne qui a vérifié.`,
  ),
  /** `npm run stale -- --help`. */
  commandHelp: `Liste les fiches à faire relire (${LISTING_STALE_MONTHS} mois) et les recommandations à vérifier à nouveau (${RECOMMENDATION_STALE_MONTHS} mois).`,
  /** The check's warnings. */
  listingWarning: (lastReviewed: string) =>
    `fiche relue pour la dernière fois le ${lastReviewed}, il y a plus de ${LISTING_STALE_MONTHS} mois : demandez à la structure de la relire, puis mettez à jour cette date.`,
  availabilityMissingWarning:
    'la fiche ne dit pas si la structure accepte de nouvelles associations : ajoutez « availability » (status : ouvert, liste-attente ou complet ; stated : le jour où elle l’a dit).',
  availabilityWarning: (stated: string) =>
    `disponibilité indiquée le ${stated}, il y a plus de ${AVAILABILITY_STALE_MONTHS} mois : le site l’affiche « à confirmer » ; demandez à la structure si elle a changé, puis mettez à jour sa date (stated).`,
  /** What « Proposer une structure » and the committee's documentation say. */
  availabilityRule: t(
    `Redites votre disponibilité au moins tous les ${AVAILABILITY_STALE_MONTHS} mois : au-delà, l’annuaire l’affiche « à confirmer ».`,
  ),
  recommendationWarning: (verified: string) =>
    `recommandation vérifiée le ${verified}, il y a plus de ${RECOMMENDATION_STALE_MONTHS} mois : vérifiez-la à nouveau auprès de l’association.`,
} as const;
