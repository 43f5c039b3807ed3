/**
 * A recommendation: an association that was accompanied tells how it went.
 * It speaks for the association; it never names a private person.
 */
import { z } from 'zod';
import { associationSize, calendarDate, departmentCode, httpsUrl, rna, siren, slug, slugList } from './fields.ts';
import { sizeLabels } from './provider.ts';

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

/** A rating from 1 (not at all) to 5 (fully), or null when the criterion did not apply. */
export const rating = z
  .int({ error: 'une note est un nombre entier de 1 à 5, ou « null » si le critère ne vous concerne pas.' })
  .min(1, { error: 'une note va de 1 à 5.' })
  .max(5, { error: 'une note va de 1 à 5.' })
  .nullable();

export const recommendationSchema = z.strictObject({
  provider: slug.meta({
    title: 'Structure recommandée',
    description: 'L’identifiant de la structure qui vous a accompagnés.',
    relation: 'providers',
  }),
  association: z
    .strictObject({
      name: z.string().trim().min(2).max(160).meta({
        title: 'Nom de l’association',
        description: 'Le nom de votre association.',
      }),
      rna: rna.optional().meta({ title: 'Numéro RNA', description: 'W suivi de 9 chiffres, s’il existe.' }),
      siren: siren.optional().meta({ title: 'SIREN', description: '9 chiffres, s’il existe.' }),
      city: z.string().trim().min(2).max(80).optional().meta({ title: 'Ville', description: 'Ville du siège.' }),
      department: departmentCode.optional().meta({
        title: 'Département',
        description: 'Code INSEE du département.',
        geography: 'departments',
      }),
      size: associationSize.optional().meta({
        title: 'Taille',
        description: 'Petite (jusqu’à 20 personnes), moyenne ou grande.',
        labels: sizeLabels,
      }),
      website: httpsUrl.optional().meta({ title: 'Site web', description: 'Adresse du site, en https://.' }),
    })
    .meta({ title: 'Association', description: 'L’association qui recommande.' }),
  project: z
    .strictObject({
      title: z.string().trim().min(5).max(160).meta({
        title: 'Le projet',
        description: 'En quelques mots, ce que vous avez fait ensemble.',
      }),
      start: calendarDate.meta({ title: 'Début', description: 'Date de début de l’accompagnement.' }),
      end: calendarDate.meta({ title: 'Fin', description: 'Date de fin (pas dans le futur).' }),
      services: slugList().min(1, { error: 'indiquez au moins un service reçu.' }).meta({
        title: 'Services reçus',
        description: 'Ce que la structure a fait pour vous.',
        taxonomy: 'services',
      }),
      tools: slugList().default([]).meta({
        title: 'Logiciels mis en place',
        description: 'Les logiciels libres adoptés.',
        taxonomy: 'tools',
      }),
    })
    // Rules catalogue: dates-in-order.
    .refine((p) => p.end >= p.start, {
      error: 'la fin du projet (end) est avant son début (start) : vérifiez les deux dates.',
      path: ['end'],
    })
    .meta({ title: 'Projet', description: 'L’accompagnement que vous avez reçu.' }),
  ratings: z.record(slug, rating).meta({
    title: 'Notes',
    description: 'Une note de 1 à 5 par critère, ou vide si le critère ne vous concerne pas.',
    taxonomy: 'criteria',
  }),
  recommend: z.boolean({ error: 'répondez par « true » (oui) ou « false » (non).' }).meta({
    title: 'Recommanderiez-vous cette structure ?',
    description: 'Oui ou non.',
  }),
  verification: z
    .strictObject({
      status: z.enum(verificationStatuses).default('pending').meta({
        title: 'Statut',
        description: 'Rempli par le comité : en attente, vérifiée ou refusée.',
        labels: verificationStatusLabels,
      }),
      date: calendarDate.optional().meta({ title: 'Vérifiée le', description: 'Jour de la vérification.' }),
      method: z.enum(verificationMethods).optional().meta({
        title: 'Méthode',
        description: 'Questionnaire, entretien ou visite.',
        labels: verificationMethodLabels,
      }),
      by: z
        .string()
        .regex(/^[a-z0-9][a-z0-9_-]{1,38}$/i, {
          error: 'indiquez l’identifiant du membre du comité (par exemple « copil-camille »), pas un nom complet.',
        })
        .optional()
        .meta({ title: 'Par', description: 'Identifiant du membre du comité qui a vérifié.' }),
    })
    // Rules catalogue: verification-complete.
    .superRefine((v, ctx) => {
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
    })
    .default({ status: 'pending' })
    .meta({ title: 'Vérification', description: 'Réservé au comité de pilotage.', committee: true }),
});

export type Recommendation = z.output<typeof recommendationSchema>;
export type VerificationStatus = Recommendation['verification']['status'];
