/** A provider: a structure that accompanies associations towards free software. */
import { z } from 'zod';
import {
  associationSize,
  calendarDate,
  departmentCode,
  email,
  euros,
  httpsUrl,
  phone,
  postcode,
  regionCode,
  siren,
  slugList,
  year,
} from './fields.ts';

export const structureTypes = ['association', 'cooperative', 'entreprise', 'independant', 'collectif'] as const;
export const structureLabels: Record<(typeof structureTypes)[number], string> = {
  association: 'Association',
  cooperative: 'Coopérative (SCOP, SCIC, CAE)',
  entreprise: 'Entreprise',
  independant: 'Indépendant·e',
  collectif: 'Collectif',
};

export const pricingModels = ['devis', 'forfait', 'prix-libre', 'adhesion', 'gratuit'] as const;
export const pricingLabels: Record<(typeof pricingModels)[number], string> = {
  devis: 'Sur devis',
  forfait: 'Forfait',
  'prix-libre': 'Prix libre',
  adhesion: 'Adhésion',
  gratuit: 'Gratuit',
};

export const sizeLabels: Record<z.output<typeof associationSize>, string> = {
  petite: 'Petites associations (jusqu’à 20 personnes, bénévoles)',
  moyenne: 'Associations moyennes (plus de 5 salarié·es ou 50 personnes)',
  grande: 'Grandes associations et fédérations',
};

/** ISO 639-1 language codes: two lowercase letters. */
const language = z.string().regex(/^[a-z]{2}$/, {
  error: 'indiquez un code de langue à deux lettres (« fr », « br », « oc », « en »…).',
});

export const providerSchema = z.strictObject({
  name: z.string().trim().min(2).max(120).meta({
    title: 'Nom de la structure',
    description: 'Le nom sous lequel les associations vous connaissent (2 à 120 caractères).',
  }),
  structure: z.enum(structureTypes).meta({
    title: 'Type de structure',
    description: 'Association, coopérative, entreprise, indépendant·e ou collectif.',
    labels: structureLabels,
  }),
  networks: slugList().default([]).meta({
    title: 'Réseaux',
    description: 'Les réseaux dont la structure est membre (CHATONS, Libre-entreprise…).',
    taxonomy: 'networks',
  }),
  siren: siren.optional().meta({
    title: 'SIREN',
    description: 'Numéro SIREN à 9 chiffres, si la structure en a un.',
  }),
  website: httpsUrl.meta({ title: 'Site web', description: 'Adresse du site de la structure, en https://.' }),
  contact: z
    .strictObject({
      email: email.meta({
        title: 'E-mail de contact',
        description: 'L’adresse générique de la structure (pas celle d’une personne).',
      }),
      phone: phone.optional().meta({ title: 'Téléphone', description: 'Numéro français, facultatif.' }),
      form: httpsUrl.optional().meta({
        title: 'Formulaire de contact',
        description: 'Adresse d’un formulaire de contact en ligne, facultative.',
      }),
    })
    .meta({ title: 'Contact', description: 'Comment une association vous joint.' }),
  location: z
    .strictObject({
      city: z.string().trim().min(2).max(80).meta({ title: 'Ville', description: 'La ville du siège.' }),
      postcode: postcode.meta({ title: 'Code postal', description: 'Code postal du siège, 5 chiffres.' }),
      department: departmentCode.meta({
        title: 'Département',
        description: 'Code INSEE du département du siège (« 38 », « 2A », « 974 »).',
        geography: 'departments',
      }),
    })
    .meta({ title: 'Siège', description: 'Où se trouve la structure.' }),
  area: z
    .strictObject({
      national: z.boolean().default(false).meta({
        title: 'Partout en France',
        description: 'Cochez si vous intervenez sur tout le territoire.',
      }),
      remote: z.boolean().default(false).meta({
        title: 'À distance',
        description: 'Cochez si vous accompagnez aussi à distance.',
      }),
      regions: z.array(regionCode).default([]).meta({
        title: 'Régions',
        description: 'Les régions où vous intervenez sur place.',
        geography: 'regions',
      }),
      departments: z.array(departmentCode).default([]).meta({
        title: 'Départements',
        description: 'Les départements où vous intervenez sur place.',
        geography: 'departments',
      }),
    })
    // Rules catalogue: area-not-empty.
    .refine((a) => a.national || a.remote || a.regions.length > 0 || a.departments.length > 0, {
      error:
        'indiquez au moins une zone d’intervention : partout en France (national), à distance (remote), des régions ou des départements.',
    })
    .meta({ title: 'Zone d’intervention', description: 'Où vous accompagnez les associations.' }),
  services: slugList().min(1, { error: 'indiquez au moins un service.' }).meta({
    title: 'Services',
    description: 'Ce que vous proposez aux associations (au moins un).',
    taxonomy: 'services',
  }),
  tools: slugList().default([]).meta({
    title: 'Logiciels libres',
    description: 'Les logiciels libres que vous installez, hébergez ou enseignez.',
    taxonomy: 'tools',
  }),
  sizes: z
    .array(associationSize)
    .min(1, { error: 'indiquez au moins une taille d’association accompagnée.' })
    .refine((list) => new Set(list).size === list.length, { error: 'une taille apparaît deux fois : retirez le doublon.' })
    .meta({
      title: 'Tailles d’associations accompagnées',
      description: 'Petite (jusqu’à 20 personnes), moyenne (plus de 5 salarié·es ou 50 personnes), grande.',
      labels: sizeLabels,
    }),
  pricing: z
    .strictObject({
      model: z.enum(pricingModels).meta({
        title: 'Modèle de tarif',
        description: 'Sur devis, forfait, prix libre, adhésion ou gratuit.',
        labels: pricingLabels,
      }),
      from_eur: euros.min(0, { error: 'un prix ne peut pas être négatif.' }).optional().meta({
        title: 'À partir de (€)',
        description: 'Prix d’entrée indicatif, en euros entiers.',
      }),
      details: z.string().trim().max(300).optional().meta({
        title: 'Précisions sur les tarifs',
        description: 'Une ou deux phrases, 300 caractères au plus.',
      }),
      url: httpsUrl.optional().meta({ title: 'Page des tarifs', description: 'Adresse de votre grille tarifaire.' }),
    })
    .meta({ title: 'Tarifs', description: 'Comment vous facturez.' }),
  languages: z.array(language).default(['fr']).meta({
    title: 'Langues',
    description: 'Langues de travail, codes à deux lettres ; « fr » par défaut.',
  }),
  charter_signed: calendarDate.optional().meta({
    title: 'Charte signée le',
    description: 'Le jour où la structure a signé la charte Emancip’Asso.',
  }),
  trained: year.optional().meta({
    title: 'Formation suivie en',
    description: 'L’année où la structure a suivi la formation Emancip’Asso.',
  }),
  logo: z
    .string()
    .regex(/^(\/[\w./-]+|[\w.-]+)\.(png|jpe?g|webp|svg|avif)$/i, {
      error: 'indiquez le chemin d’une image du site (« /logos/nom.png ») ou placée à côté de la fiche.',
    })
    .refine((p) => !p.includes('..'), { error: 'le chemin du logo ne peut pas remonter de dossier (« .. »).' })
    .optional()
    .meta({ title: 'Logo', description: 'Image sous public/ ou à côté de la fiche, facultative.', widget: 'image' }),
  updated: calendarDate.meta({
    title: 'Fiche revue le',
    description: 'La dernière fois que la structure a relu et confirmé sa fiche.',
  }),
});

export type Provider = z.output<typeof providerSchema>;
export type StructureType = Provider['structure'];
export type PricingModel = Provider['pricing']['model'];
export type AssociationSize = Provider['sizes'][number];
