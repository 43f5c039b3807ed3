/** A project to co-fund: free software, or a feature of it, that associations need. */
import { z } from 'zod';
import { calendarDate, euros, httpsUrl, slug } from './fields.ts';

export const projectKinds = ['fonctionnalite', 'logiciel', 'traduction', 'documentation', 'accessibilite'] as const;
export const projectKindLabels: Record<(typeof projectKinds)[number], string> = {
  fonctionnalite: 'Nouvelle fonctionnalité',
  logiciel: 'Nouveau logiciel',
  traduction: 'Traduction',
  documentation: 'Documentation',
  accessibilite: 'Accessibilité',
};
export const projectStatuses = ['proposition', 'en-financement', 'finance', 'en-developpement', 'livre', 'abandonne'] as const;
export const projectStatusLabels: Record<(typeof projectStatuses)[number], string> = {
  proposition: 'Proposé, en attente du comité',
  'en-financement': 'En cours de financement',
  finance: 'Financé',
  'en-developpement': 'En développement',
  livre: 'Livré',
  abandonne: 'Abandonné',
};

const positiveEuros = euros.min(1, { error: 'un montant est supérieur à 0 €.' });

export const pledgeSchema = z.strictObject({
  funder: z.string().trim().min(2).max(160).meta({ title: 'Financeur', description: 'La structure qui s’engage à financer.' }),
  amount_eur: positiveEuros.meta({ title: 'Montant (€)', description: 'Montant promis, en euros entiers.' }),
  date: calendarDate.meta({ title: 'Date', description: 'Jour de la promesse (pas dans le futur).' }),
  paid: z.boolean().default(false).meta({ title: 'Versé', description: 'Cochez quand l’argent a été versé.' }),
});

export const milestoneSchema = z.strictObject({
  title: z.string().trim().min(3).max(160).meta({ title: 'Étape', description: 'Ce qui sera livré à cette étape.' }),
  amount_eur: positiveEuros.meta({ title: 'Montant (€)', description: 'Coût de l’étape, en euros entiers.' }),
  due: calendarDate.optional().meta({ title: 'Échéance', description: 'Date prévue, facultative.' }),
  done: z.boolean().default(false).meta({ title: 'Terminée', description: 'Cochez quand l’étape est livrée.' }),
});

export const projectSchema = z.strictObject({
  title: z.string().trim().min(5).max(120).meta({ title: 'Titre', description: 'Le besoin en quelques mots (120 caractères au plus).' }),
  summary: z.string().trim().min(10).max(200).meta({ title: 'Résumé', description: 'Une phrase de 200 caractères au plus.' }),
  kind: z.enum(projectKinds).meta({
    title: 'Nature',
    description: 'Fonctionnalité, logiciel, traduction, documentation ou accessibilité.',
    labels: projectKindLabels,
  }),
  software: z
    .strictObject({
      name: z.string().trim().min(2).max(80).meta({ title: 'Logiciel', description: 'Le logiciel libre concerné.' }),
      url: httpsUrl.meta({ title: 'Site du logiciel', description: 'Adresse du projet libre, en https://.' }),
    })
    .meta({ title: 'Logiciel concerné', description: 'Le logiciel libre amont.' }),
  status: z
    .enum(projectStatuses)
    .default('proposition')
    .meta({ title: 'Statut', description: 'Où en est le projet.', labels: projectStatusLabels }),
  proposed: calendarDate.meta({ title: 'Proposé le', description: 'Jour où le projet a été proposé.' }),
  proposed_by: z.string().trim().min(2).max(160).meta({ title: 'Proposé par', description: 'La structure qui propose.' }),
  supporters: z.array(z.string().trim().min(2).max(160)).default([]).meta({
    title: 'Associations qui en ont besoin aussi',
    description: 'Une association par ligne.',
  }),
  goal_eur: positiveEuros.meta({ title: 'Objectif (€)', description: 'Montant total à réunir, en euros entiers.' }),
  pledges: z.array(pledgeSchema).default([]).meta({ title: 'Promesses de financement', description: 'Qui s’engage, pour combien.' }),
  milestones: z
    .array(milestoneSchema)
    .default([])
    .meta({ title: 'Étapes', description: 'Les étapes et leur coût ; leur somme égale l’objectif.' }),
  maker: slug
    .optional()
    .meta({ title: 'Réalisé par', description: 'La structure de l’annuaire qui le réaliserait.', relation: 'providers' }),
  payment_url: httpsUrl.optional().meta({
    title: 'Page de paiement',
    description: 'Où l’on donne vraiment (HelloAsso, Liberapay, Open Collective…). Le site ne collecte jamais d’argent.',
  }),
  deadline: calendarDate.optional().meta({ title: 'Date limite', description: 'Date limite de la collecte, facultative.' }),
});

export type Project = z.output<typeof projectSchema>;
export type ProjectStatus = Project['status'];
export type Pledge = z.output<typeof pledgeSchema>;
export type Milestone = z.output<typeof milestoneSchema>;
