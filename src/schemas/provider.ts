/** A provider: a structure that accompanies associations towards free software. */
import * as z from 'zod/mini';
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
  sizeLabels,
  year,
} from './fields.ts';
import { described } from './meta.ts';
import type { BodyRule } from './body.ts';

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

export { sizeLabels } from './fields.ts';

/** Whether a provider takes on new associations now, as it says itself. */
export const availabilityStatuses = ['ouvert', 'liste-attente', 'complet'] as const;
export const availabilityLabels: Record<(typeof availabilityStatuses)[number], string> = {
  ouvert: 'Accepte de nouvelles associations',
  'liste-attente': 'Liste d’attente',
  complet: 'Complet pour l’instant',
};
/** The longest wait a listing can announce, in weeks: beyond a year, the provider is full. */
export const MAX_WAIT_WEEKS = 52;

/** ISO 639-1 language codes: two lowercase letters. */
const language = z.string().check(
  z.regex(/^[a-z]{2}$/, {
    error: 'indiquez un code de langue à deux lettres (« fr », « br », « oc », « en »…).',
  }),
);

export const providerSchema = z.strictObject({
  name: described(z.string().check(z.trim(), z.minLength(2), z.maxLength(120)), {
    title: 'Nom de la structure',
    description: 'Le nom sous lequel les associations vous connaissent (2 à 120 caractères).',
    noun: 'le nom de la structure',
  }),
  structure: described(z.enum(structureTypes), {
    title: 'Type de structure',
    description: 'La forme juridique de la structure.',
    labels: structureLabels,
    noun: 'le type de structure',
  }),
  networks: described(z._default(slugList(), []), {
    title: 'Réseaux',
    description: 'Les réseaux dont la structure est membre (CHATONS, Libre-entreprise…).',
    taxonomy: 'networks',
    noun: 'les réseaux',
  }),
  siren: described(z.optional(siren), {
    title: 'SIREN',
    description: 'Numéro SIREN à 9 chiffres, si la structure en a un.',
    noun: 'le numéro SIREN',
  }),
  website: described(httpsUrl, {
    title: 'Site web',
    description: 'Adresse du site de la structure, en https://.',
    noun: 'l’adresse du site web',
  }),
  contact: described(
    z.strictObject({
      email: described(email, {
        title: 'E-mail de contact',
        description: 'L’adresse générique de la structure (pas celle d’une personne).',
        noun: 'l’adresse e-mail de contact',
      }),
      phone: described(z.optional(phone), {
        title: 'Téléphone',
        description: 'Numéro français, facultatif.',
        noun: 'le numéro de téléphone',
      }),
      form: described(z.optional(httpsUrl), {
        title: 'Formulaire de contact',
        description: 'Adresse d’un formulaire de contact en ligne, facultative.',
        noun: 'l’adresse du formulaire de contact',
      }),
    }),
    { title: 'Contact', description: 'Comment une association vous joint.', noun: 'le contact' },
  ),
  location: described(
    z.strictObject({
      city: described(z.string().check(z.trim(), z.minLength(2), z.maxLength(80)), {
        title: 'Ville',
        description: 'La ville du siège.',
        noun: 'la ville du siège',
      }),
      postcode: described(postcode, {
        title: 'Code postal',
        description: 'Code postal du siège, 5 chiffres.',
        noun: 'le code postal du siège',
      }),
      department: described(departmentCode, {
        title: 'Département',
        description: 'Le département du siège.',
        geography: 'departments',
        noun: 'le département du siège',
      }),
    }),
    { title: 'Siège', description: 'Où se trouve la structure.', noun: 'le siège' },
  ),
  area: described(
    z
      .strictObject({
        national: described(z._default(z.boolean(), false), {
          title: 'Partout en France',
          description: 'Cochez si vous intervenez sur tout le territoire.',
        }),
        remote: described(z._default(z.boolean(), false), {
          title: 'À distance',
          description: 'Cochez si vous accompagnez aussi à distance.',
        }),
        regions: described(z._default(z.array(regionCode), []), {
          title: 'Régions',
          description: 'Les régions où vous intervenez sur place.',
          geography: 'regions',
          noun: 'les régions',
        }),
        departments: described(z._default(z.array(departmentCode), []), {
          title: 'Départements',
          description: 'Les départements où vous intervenez sur place.',
          geography: 'departments',
          noun: 'les départements',
        }),
      })
      // Rules catalogue: area-not-empty.
      .check(
        z.refine((a) => a.national || a.remote || a.regions.length > 0 || a.departments.length > 0, {
          error:
            'indiquez au moins une zone d’intervention : partout en France (national), à distance (remote), des régions ou des départements.',
          params: {
            form: 'indiquez où vous accompagnez les associations : partout en France, à distance, dans des régions ou des départements.',
          },
        }),
      ),
    { title: 'Zone d’intervention', description: 'Où vous accompagnez les associations.', noun: 'la zone d’intervention' },
  ),
  services: described(slugList().check(z.minLength(1, { error: 'indiquez au moins un service.' })), {
    title: 'Services',
    description: 'Ce que vous proposez aux associations (au moins un).',
    taxonomy: 'services',
    noun: 'les services',
    form: { too_small: 'cochez au moins un service.' },
  }),
  tools: described(z._default(slugList(), []), {
    title: 'Logiciels libres',
    description: 'Les logiciels libres que vous installez, hébergez ou enseignez.',
    taxonomy: 'tools',
    noun: 'les logiciels libres',
  }),
  sizes: described(
    z.array(associationSize).check(
      z.minLength(1, { error: 'indiquez au moins une taille d’association accompagnée.' }),
      z.refine((list) => new Set(list).size === list.length, { error: 'une taille apparaît deux fois : retirez le doublon.' }),
    ),
    {
      title: 'Tailles d’associations accompagnées',
      description: 'Les associations que vous accompagnez, par taille.',
      labels: sizeLabels,
      noun: 'les tailles d’associations accompagnées',
      form: { too_small: 'cochez au moins une taille d’association.' },
    },
  ),
  pricing: described(
    z.strictObject({
      model: described(z.enum(pricingModels), {
        title: 'Modèle de tarif',
        description: 'Comment vous facturez vos accompagnements.',
        labels: pricingLabels,
        noun: 'le modèle de tarif',
      }),
      from_eur: described(z.optional(euros(0, 'un prix ne peut pas être négatif.')), {
        title: 'À partir de (€)',
        description: 'Prix d’entrée indicatif, en euros entiers.',
        noun: 'le prix de départ',
      }),
      details: described(z.optional(z.string().check(z.trim(), z.maxLength(300))), {
        title: 'Précisions sur les tarifs',
        description: 'Une ou deux phrases, 300 caractères au plus.',
        noun: 'les précisions sur les tarifs',
      }),
      url: described(z.optional(httpsUrl), {
        title: 'Page des tarifs',
        description: 'Adresse de votre grille tarifaire.',
        noun: 'l’adresse de la page des tarifs',
      }),
    }),
    { title: 'Tarifs', description: 'Comment vous facturez.', noun: 'les tarifs' },
  ),
  languages: described(z._default(z.array(language), ['fr']), {
    title: 'Langues',
    description: 'Les langues dans lesquelles vous accompagnez ; le français par défaut.',
    vocabulary: 'languages',
    noun: 'les langues de travail',
    form: { invalid_format: 'choisissez {noun} dans la liste.' },
  }),
  charter_signed: described(z.optional(calendarDate), {
    title: 'Charte signée le',
    description: 'Le jour où la structure a signé la charte Emancip’Asso.',
    noun: 'la date de signature de la charte',
  }),
  trained: described(z.optional(year), {
    title: 'Formation suivie en',
    description: 'L’année où la structure a suivi la formation Emancip’Asso.',
    noun: 'l’année de la formation',
  }),
  logo: described(
    z.optional(
      z.string().check(
        z.regex(/^(\/[\w./-]+|[\w.-]+)\.(png|jpe?g|webp|svg|avif)$/i, {
          error: 'indiquez le chemin d’une image du site (« /logos/nom.png ») ou placée à côté de la fiche.',
        }),
        z.refine((p) => !p.includes('..'), { error: 'le chemin du logo ne peut pas remonter de dossier (« .. »).' }),
      ),
    ),
    { title: 'Logo', description: 'Image sous public/ ou à côté de la fiche, facultative.', widget: 'image' },
  ),
  availability: described(
    z.optional(
      z
        .strictObject({
          status: described(z.enum(availabilityStatuses), {
            title: 'Accueil de nouvelles associations',
            description: 'Où vous en êtes aujourd’hui.',
            labels: availabilityLabels,
            noun: 'la disponibilité',
          }),
          stated: described(calendarDate, {
            title: 'Disponibilité indiquée le',
            description: 'Le jour où la structure l’a dite.',
            noun: 'la date de la disponibilité',
          }),
          wait_weeks: described(
            z.optional(
              z
                .int({ error: 'indiquez un nombre entier de semaines (par exemple 6).' })
                .check(
                  z.gte(1, { error: 'une attente compte au moins 1 semaine.' }),
                  z.lte(MAX_WAIT_WEEKS, { error: `au-delà de ${MAX_WAIT_WEEKS} semaines d’attente, indiquez « complet ».` }),
                ),
            ),
            {
              title: 'Attente (en semaines)',
              description: 'Facultatif : dans combien de semaines environ vous pourrez commencer.',
              noun: 'l’attente',
            },
          ),
        })
        // Rules catalogue: wait-only-when-waiting.
        .check(
          z.refine((a) => a.wait_weeks === undefined || a.status === 'liste-attente', {
            error: 'une attente (wait_weeks) ne va qu’avec une liste d’attente (status: liste-attente).',
            path: ['wait_weeks'],
            params: { form: 'une attente ne va qu’avec une liste d’attente : videz-la, ou choisissez « Liste d’attente ».' },
          }),
        ),
    ),
    {
      title: 'Disponibilité',
      description: 'Acceptez-vous de nouvelles associations en ce moment ?',
      noun: 'la disponibilité',
    },
  ),
  updated: described(calendarDate, {
    title: 'Fiche revue le',
    description: 'La dernière fois que la structure a relu et confirmé sa fiche.',
    noun: 'la date de relecture',
  }),
});

/** The listing's Markdown body: its description. */
export const providerBody: BodyRule = { required: true, min: 200, max: 5000, noun: 'la description' };

export type Provider = z.output<typeof providerSchema>;
export type StructureType = Provider['structure'];
export type PricingModel = Provider['pricing']['model'];
export type AssociationSize = Provider['sizes'][number];
export type Availability = NonNullable<Provider['availability']>;
export type AvailabilityStatus = Availability['status'];
