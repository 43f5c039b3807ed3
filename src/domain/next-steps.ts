/**
 * What happens once a listing or a recommendation is sent, as the forms'
 * last step says it: who reads it, what they do, and when. The delay is the
 * committee's own words (`committee_delay` in content/settings.yml), so that
 * it can promise only what it keeps.
 */
import { frenchTypography as t } from './text/typography.ts';

export type SentEntry = 'providers' | 'recommendations';

/** What the person sends, named for the last step's heading: « Dernière étape : envoyez votre fiche ». */
export const sentThing: Record<SentEntry, { noun: string; one: string }> = {
  providers: { noun: 'votre fiche', one: 'la fiche' },
  recommendations: { noun: 'votre recommandation', one: 'la recommandation' },
};

export function lastStepHeading(type: SentEntry): string {
  return t(`Dernière étape : envoyez ${sentThing[type].noun}`);
}

/** The subject of the e-mail to the committee: what it is and whom it names. */
export function mailSubject(type: SentEntry, names: { provider?: string; association?: string; name?: string }): string {
  return type === 'providers'
    ? t(`Proposition de fiche : ${names.name ?? ''}`.trim())
    : t(`Recommandation de ${names.provider ?? 'la structure'} par ${names.association ?? 'une association'}`);
}

/** The steps after sending, in order. */
export function nextSteps(type: SentEntry, delay: string): string[] {
  if (type === 'providers') {
    return [
      `Le comité de pilotage relit votre fiche et vous répond ${delay}, par e-mail, s’il manque quelque chose.`,
      'Envoyez le lien ci-dessous aux associations que vous avez accompagnées, pour qu’elles vous recommandent.',
      'Le comité vérifie chaque recommandation auprès de l’association. Votre fiche est publiée dès qu’une recommandation est vérifiée.',
    ].map(t);
  }
  return [
    `Le comité de pilotage lit votre recommandation et contacte votre association ${delay}, par ses coordonnées publiques, pour vérifier qu’elle vient bien d’elle (questionnaire, entretien ou visite).`,
    'Une fois vérifiée, elle est publiée sur la fiche de la structure ; si la structure n’était pas encore dans l’annuaire, elle y apparaît.',
    'Rien n’est publié sans cette vérification, et aucun nom de personne n’est publié.',
  ].map(t);
}
