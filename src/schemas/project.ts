/** A project to co-fund: free software, or a feature of it, that associations need. */
import * as z from 'zod/mini';
import { calendarDate, euros, httpsUrl, slug } from './fields.ts';
import { described } from './meta.ts';

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

const positiveEuros = () => euros(1, 'un montant est supérieur à 0 €.');

const text = (min: number, max: number) => z.string().check(z.trim(), z.minLength(min), z.maxLength(max));

export const pledgeSchema = z.strictObject({
  funder: described(text(2, 160), { title: 'Financeur', description: 'La structure qui s’engage à financer.' }),
  amount_eur: described(positiveEuros(), { title: 'Montant (€)', description: 'Montant promis, en euros entiers.' }),
  date: described(calendarDate, { title: 'Date', description: 'Jour de la promesse (pas dans le futur).' }),
  paid: described(z._default(z.boolean(), false), { title: 'Versé', description: 'Cochez quand l’argent a été versé.' }),
});

export const milestoneSchema = z.strictObject({
  title: described(text(3, 160), { title: 'Étape', description: 'Ce qui sera livré à cette étape.' }),
  amount_eur: described(positiveEuros(), { title: 'Montant (€)', description: 'Coût de l’étape, en euros entiers.' }),
  due: described(z.optional(calendarDate), { title: 'Échéance', description: 'Date prévue, facultative.' }),
  done: described(z._default(z.boolean(), false), { title: 'Terminée', description: 'Cochez quand l’étape est livrée.' }),
});

export const projectSchema = z.strictObject({
  title: described(text(5, 120), { title: 'Titre', description: 'Le besoin en quelques mots (120 caractères au plus).' }),
  summary: described(text(10, 200), { title: 'Résumé', description: 'Une phrase de 200 caractères au plus.' }),
  kind: described(z.enum(projectKinds), {
    title: 'Nature',
    description: 'Fonctionnalité, logiciel, traduction, documentation ou accessibilité.',
    labels: projectKindLabels,
  }),
  software: described(
    z.strictObject({
      name: described(text(2, 80), { title: 'Logiciel', description: 'Le logiciel libre concerné.' }),
      url: described(httpsUrl, { title: 'Site du logiciel', description: 'Adresse du projet libre, en https://.' }),
    }),
    { title: 'Logiciel concerné', description: 'Le logiciel libre amont.' },
  ),
  status: described(z._default(z.enum(projectStatuses), 'proposition'), {
    title: 'Statut',
    description: 'Où en est le projet.',
    labels: projectStatusLabels,
  }),
  proposed: described(calendarDate, { title: 'Proposé le', description: 'Jour où le projet a été proposé.' }),
  proposed_by: described(text(2, 160), { title: 'Proposé par', description: 'La structure qui propose.' }),
  supporters: described(z._default(z.array(text(2, 160)), []), {
    title: 'Associations qui en ont besoin aussi',
    description: 'Une association par ligne.',
  }),
  goal_eur: described(positiveEuros(), { title: 'Objectif (€)', description: 'Montant total à réunir, en euros entiers.' }),
  pledges: described(z._default(z.array(pledgeSchema), []), {
    title: 'Promesses de financement',
    description: 'Qui s’engage, pour combien.',
  }),
  milestones: described(z._default(z.array(milestoneSchema), []), {
    title: 'Étapes',
    description: 'Les étapes et leur coût ; leur somme égale l’objectif.',
  }),
  maker: described(z.optional(slug), {
    title: 'Réalisé par',
    description: 'La structure de l’annuaire qui le réaliserait.',
    relation: 'providers',
  }),
  payment_url: described(z.optional(httpsUrl), {
    title: 'Page de paiement',
    description: 'Où l’on donne vraiment (HelloAsso, Liberapay, Open Collective…). Le site ne collecte jamais d’argent.',
  }),
  deadline: described(z.optional(calendarDate), { title: 'Date limite', description: 'Date limite de la collecte, facultative.' }),
});

export type Project = z.output<typeof projectSchema>;
export type ProjectStatus = Project['status'];
export type Pledge = z.output<typeof pledgeSchema>;
export type Milestone = z.output<typeof milestoneSchema>;
