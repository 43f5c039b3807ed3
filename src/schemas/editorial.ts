/** Resources (training topics), partner networks and editorial pages. */
import { z } from 'zod';
import { httpsUrl, slugList } from './fields.ts';

export const resourceSchema = z.strictObject({
  title: z.string().trim().min(3).max(120).meta({ title: 'Titre', description: 'Le titre du module.' }),
  summary: z.string().trim().min(10).max(200).meta({ title: 'Résumé', description: 'Une phrase de 200 caractères au plus.' }),
  order: z.int().min(0).max(999).meta({ title: 'Ordre', description: 'Position dans le programme (1 pour le premier).' }),
  services: slugList()
    .default([])
    .meta({ title: 'Services liés', description: 'Les services que ce module prépare.', taxonomy: 'services' }),
});

export const partnerKinds = ['reseau-associatif', 'collectif-technique', 'federation', 'institution'] as const;
export const partnerKindLabels: Record<(typeof partnerKinds)[number], string> = {
  'reseau-associatif': 'Réseau associatif',
  'collectif-technique': 'Collectif technique',
  federation: 'Fédération',
  institution: 'Institution',
};

export const partnerSchema = z.strictObject({
  name: z.string().trim().min(2).max(120).meta({ title: 'Nom', description: 'Le nom du réseau partenaire.' }),
  url: httpsUrl.meta({ title: 'Site web', description: 'Adresse du site, en https://.' }),
  kind: z.enum(partnerKinds).meta({
    title: 'Nature',
    description: 'Réseau associatif, collectif technique, fédération ou institution.',
    labels: partnerKindLabels,
  }),
  description: z.string().trim().max(400).optional().meta({ title: 'Présentation', description: 'Une ou deux phrases.' }),
});

export const pageSchema = z.strictObject({
  title: z.string().trim().min(2).max(120).meta({ title: 'Titre', description: 'Le titre de la page.' }),
  description: z
    .string()
    .trim()
    .max(200)
    .optional()
    .meta({ title: 'Description', description: 'Une phrase pour les moteurs de recherche.' }),
});

/** Settings of a deployment, in `content/settings.yml`. */
export const settingsSchema = z.strictObject({
  demo: z.boolean().meta({
    title: 'Données de démonstration',
    description: 'Vrai tant que le site montre des données fictives : un bandeau le dit aux visiteurs.',
  }),
  site_name: z
    .string()
    .trim()
    .min(2)
    .max(60)
    .default('Emancip’Asso')
    .meta({ title: 'Nom du site', description: 'Le nom affiché en tête des pages.' }),
  site_url: httpsUrl.meta({ title: 'Adresse du site', description: 'L’adresse publique, pour les flux et le plan du site.' }),
  contact_email: z.email().meta({ title: 'E-mail du comité', description: 'L’adresse où écrire au comité de pilotage.' }),
  repository: z
    .strictObject({
      forge: z.enum(['github', 'gitlab', 'forgejo']).meta({ title: 'Forge', description: 'Où vit le dépôt.' }),
      url: httpsUrl.meta({ title: 'Adresse du dépôt', description: 'Par exemple https://github.com/organisation/annuaire.' }),
      branch: z.string().min(1).max(100).default('main').meta({ title: 'Branche', description: 'La branche publiée.' }),
    })
    .meta({ title: 'Dépôt', description: 'Le dépôt où arrivent les propositions.' }),
});

export type Resource = z.output<typeof resourceSchema>;
export type Partner = z.output<typeof partnerSchema>;
export type Page = z.output<typeof pageSchema>;
export type Settings = z.output<typeof settingsSchema>;
