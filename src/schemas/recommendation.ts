/**
 * A recommendation: an association that was accompanied tells how it went.
 * It speaks for the association; it never names a private person.
 */
import * as z from 'zod/mini';
import { associationSize, calendarDate, departmentCode, httpsUrl, rna, siren, sizeLabels, slug, slugList } from './fields.ts';
import { described } from './meta.ts';
import type { BodyRule } from './body.ts';

export const verificationStatuses = ['pending', 'verified', 'rejected'] as const;
export const verificationStatusLabels: Record<(typeof verificationStatuses)[number], string> = {
  pending: 'En attente de vérification',
  verified: 'Vérifiée',
  rejected: 'Refusée',
};
export const verificationMethods = ['questionnaire', 'entretien', 'visite'] as const;
export const verificationMethodLabels: Record<(typeof verificationMethods)[number], string> = {
  questionnaire: 'Questionnaire',
  entretien: 'Entretien',
  visite: 'Visite sur place',
};

/** What an association answers when a criterion did not apply to it: stored as `null`. */
export const notConcernedLabel = 'Non concerné';

/** A rating from 1 (not at all) to 5 (fully), or null when the criterion did not apply. */
export const rating = described(
  z.nullable(
    z
      .int({ error: 'une note est un nombre entier de 1 à 5, ou « null » si le critère ne vous concerne pas.' })
      .check(z.gte(1, { error: 'une note va de 1 à 5.' }), z.lte(5, { error: 'une note va de 1 à 5.' })),
  ),
  {
    form: {
      invalid_type: `choisissez une note de 1 à 5, ou « ${notConcernedLabel} ».`,
      too_small: `choisissez une note de 1 à 5, ou « ${notConcernedLabel} ».`,
      too_big: `choisissez une note de 1 à 5, ou « ${notConcernedLabel} ».`,
    },
  },
);

export const recommendationSchema = z.strictObject({
  provider: described(slug, {
    title: 'Structure recommandée',
    description: 'La structure qui vous a accompagnés.',
    relation: 'providers',
    noun: 'la structure recommandée',
  }),
  association: described(
    z.strictObject({
      name: described(z.string().check(z.trim(), z.minLength(2), z.maxLength(160)), {
        title: 'Nom de l’association',
        description: 'Le nom de votre association.',
        noun: 'le nom de l’association',
      }),
      rna: described(z.optional(rna), { title: 'Numéro RNA', description: 'W suivi de 9 chiffres, s’il existe.', noun: 'le numéro RNA' }),
      siren: described(z.optional(siren), { title: 'SIREN', description: '9 chiffres, s’il existe.', noun: 'le numéro SIREN' }),
      city: described(z.optional(z.string().check(z.trim(), z.minLength(2), z.maxLength(80))), {
        title: 'Ville',
        description: 'Ville du siège.',
        noun: 'la ville du siège',
      }),
      department: described(z.optional(departmentCode), {
        title: 'Département',
        description: 'Le département du siège de l’association.',
        geography: 'departments',
        noun: 'le département',
      }),
      size: described(z.optional(associationSize), {
        title: 'Taille',
        description: 'Petite (jusqu’à 20 personnes), moyenne ou grande.',
        labels: sizeLabels,
        noun: 'la taille de l’association',
      }),
      website: described(z.optional(httpsUrl), {
        title: 'Site web',
        description: 'Adresse du site, en https://.',
        noun: 'l’adresse du site web',
      }),
    }),
    { title: 'Association', description: 'L’association qui recommande.', noun: 'l’association' },
  ),
  project: described(
    z
      .strictObject({
        title: described(z.string().check(z.trim(), z.minLength(5), z.maxLength(160)), {
          title: 'Le projet',
          description: 'En quelques mots, ce que vous avez fait ensemble.',
          noun: 'le résumé du projet',
          form: { missing: 'dites en quelques mots ce que vous avez fait ensemble.' },
        }),
        start: described(calendarDate, { title: 'Début', description: 'Date de début de l’accompagnement.', noun: 'la date de début' }),
        end: described(calendarDate, { title: 'Fin', description: 'Date de fin (pas dans le futur).', noun: 'la date de fin' }),
        services: described(slugList().check(z.minLength(1, { error: 'indiquez au moins un service reçu.' })), {
          title: 'Services reçus',
          description: 'Ce que la structure a fait pour vous.',
          taxonomy: 'services',
          noun: 'les services reçus',
          form: { too_small: 'cochez au moins un service reçu.' },
        }),
        tools: described(z._default(slugList(), []), {
          title: 'Logiciels mis en place',
          description: 'Les logiciels libres adoptés.',
          taxonomy: 'tools',
          noun: 'les logiciels mis en place',
        }),
      })
      // Rules catalogue: dates-in-order.
      .check(
        z.refine((p) => p.end >= p.start, {
          error: 'la fin du projet (end) est avant son début (start) : vérifiez les deux dates.',
          path: ['end'],
          params: { form: 'la date de fin est avant la date de début : vérifiez les deux dates.' },
        }),
      ),
    { title: 'Projet', description: 'L’accompagnement que vous avez reçu.', noun: 'le projet' },
  ),
  ratings: described(z.record(slug, rating), {
    title: 'Notes',
    description: 'Une note de 1 à 5 par critère, ou vide si le critère ne vous concerne pas.',
    taxonomy: 'criteria',
    noun: 'les notes',
  }),
  recommend: described(z.boolean({ error: 'répondez par « true » (oui) ou « false » (non).' }), {
    title: 'Recommanderiez-vous cette structure ?',
    description: 'Oui ou non.',
    form: { missing: 'dites si vous recommanderiez cette structure : oui ou non.' },
  }),
  verification: described(
    z._default(
      z
        .strictObject({
          status: described(z._default(z.enum(verificationStatuses), 'pending'), {
            title: 'Statut',
            description: 'Rempli par le comité : en attente, vérifiée ou refusée.',
            labels: verificationStatusLabels,
          }),
          date: described(z.optional(calendarDate), { title: 'Vérifiée le', description: 'Jour de la vérification.' }),
          method: described(z.optional(z.enum(verificationMethods)), {
            title: 'Méthode',
            description: 'Questionnaire, entretien ou visite.',
            labels: verificationMethodLabels,
          }),
          by: described(
            z.optional(
              z.string().check(
                z.regex(/^[a-z0-9][a-z0-9_-]{1,38}$/i, {
                  error: 'indiquez l’identifiant du membre du comité (par exemple « copil-camille »), pas un nom complet.',
                }),
              ),
            ),
            { title: 'Par', description: 'Identifiant du membre du comité qui a vérifié.' },
          ),
        })
        // Rules catalogue: verification-complete.
        .check(
          z.superRefine((v, ctx) => {
            if (v.status === 'pending') return;
            for (const key of ['date', 'method', 'by'] as const) {
              if (v[key] === undefined) {
                ctx.addIssue({
                  code: 'custom',
                  path: [key],
                  message: `une recommandation ${v.status === 'verified' ? 'vérifiée' : 'refusée'} doit indiquer ${
                    { date: 'la date de vérification (date)', method: 'la méthode (method)', by: 'qui l’a vérifiée (by)' }[key]
                  }.`,
                });
              }
            }
          }),
        ),
      { status: 'pending' as const },
    ),
    { title: 'Vérification', description: 'Réservé au comité de pilotage.', committee: true },
  ),
});

/** The recommendation's Markdown body: the association's testimony. */
export const recommendationBody: BodyRule = { required: true, min: 50, max: 3000, noun: 'le témoignage' };

export type Recommendation = z.output<typeof recommendationSchema>;
export type VerificationStatus = Recommendation['verification']['status'];
