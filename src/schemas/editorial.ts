/** Resources (training topics), partner networks and editorial pages. */
import * as z from 'zod/mini';
import { httpsUrl, slugList } from './fields.ts';
import { described } from './meta.ts';

const text = (min: number, max: number) => z.string().check(z.trim(), z.minLength(min), z.maxLength(max));

export const resourceSchema = z.strictObject({
  title: described(text(3, 120), { title: 'Titre', description: 'Le titre du module.' }),
  summary: described(text(10, 200), { title: 'Résumé', description: 'Une phrase de 200 caractères au plus.' }),
  order: described(z.int().check(z.gte(0), z.lte(999)), { title: 'Ordre', description: 'Position dans le programme (1 pour le premier).' }),
  services: described(z._default(slugList(), []), {
    title: 'Services liés',
    description: 'Les services que ce module prépare.',
    taxonomy: 'services',
  }),
});

export const partnerKinds = ['reseau-associatif', 'collectif-technique', 'federation', 'institution'] as const;
export const partnerKindLabels: Record<(typeof partnerKinds)[number], string> = {
  'reseau-associatif': 'Réseau associatif',
  'collectif-technique': 'Collectif technique',
  federation: 'Fédération',
  institution: 'Institution',
};

export const partnerSchema = z.strictObject({
  name: described(text(2, 120), { title: 'Nom', description: 'Le nom du réseau partenaire.' }),
  url: described(httpsUrl, { title: 'Site web', description: 'Adresse du site, en https://.' }),
  kind: described(z.enum(partnerKinds), {
    title: 'Nature',
    description: 'Réseau associatif, collectif technique, fédération ou institution.',
    labels: partnerKindLabels,
  }),
  description: described(z.optional(z.string().check(z.trim(), z.maxLength(400))), {
    title: 'Présentation',
    description: 'Une ou deux phrases.',
  }),
});

export const pageSchema = z.strictObject({
  title: described(text(2, 120), { title: 'Titre', description: 'Le titre de la page.' }),
  description: described(z.optional(z.string().check(z.trim(), z.maxLength(200))), {
    title: 'Description',
    description: 'Une phrase pour les moteurs de recherche.',
  }),
});

/** Settings of a deployment, in `content/settings.yml`. */
export const settingsSchema = z.strictObject({
  demo: described(z.boolean(), {
    title: 'Données de démonstration',
    description: 'Vrai tant que le site montre des données fictives : un bandeau le dit aux visiteurs.',
  }),
  site_name: described(z._default(text(2, 60), 'Emancip’Asso'), {
    title: 'Nom du site',
    description: 'Le nom affiché en tête des pages.',
  }),
  site_url: described(httpsUrl, { title: 'Adresse du site', description: 'L’adresse publique, pour les flux et le plan du site.' }),
  contact_email: described(z.email(), { title: 'E-mail du comité', description: 'L’adresse où écrire au comité de pilotage.' }),
  committee_delay: described(z._default(text(3, 80), 'sous trois semaines environ'), {
    title: 'Délai de réponse du comité',
    description:
      'Ce que les formulaires promettent à qui envoie une fiche ou une recommandation : « le comité vous répond … » (par exemple « sous trois semaines environ »). Dites un délai que le comité tient.',
  }),
  repository: described(
    z.strictObject({
      forge: described(z.enum(['github', 'gitlab', 'forgejo']), { title: 'Forge', description: 'Où vit le dépôt.' }),
      url: described(httpsUrl, { title: 'Adresse du dépôt', description: 'Par exemple https://github.com/organisation/annuaire.' }),
      branch: described(z._default(z.string().check(z.minLength(1), z.maxLength(100)), 'main'), {
        title: 'Branche',
        description: 'La branche publiée.',
      }),
    }),
    { title: 'Dépôt', description: 'Le dépôt où arrivent les propositions.' },
  ),
});

export type Resource = z.output<typeof resourceSchema>;
export type Partner = z.output<typeof partnerSchema>;
export type Page = z.output<typeof pageSchema>;
export type Settings = z.output<typeof settingsSchema>;
