/**
 * `prestataires.json`: the published providers with their figures and their
 * verified recommendations. Everything starts from the Directory, so only
 * published providers and verified recommendations can ever be exported. An
 * association speaks through its name, city and size only: no identifiers,
 * no committee member.
 */
import type { Entry } from '../content.ts';
import type { Directory, ListedProvider } from '../directory/index.ts';
import { absoluteUrl, routes } from '../routes.ts';
import { departmentRegion } from '../../schemas/geography.ts';
import { providerSchema } from '../../schemas/provider.ts';
import { recommendationSchema, type Recommendation } from '../../schemas/recommendation.ts';
import { DATA_LICENCE } from './licence.ts';
import { availabilityStates } from '../directory/availability.ts';
import { AVAILABILITY_STALE_MONTHS } from '../staleness.ts';
import {
  buildObject,
  computed,
  field,
  fieldDocs,
  fromSchema,
  group,
  list,
  perCriterion,
  type ExportContext,
  type FieldDoc,
  type ObjectOf,
} from './descriptor.ts';

type P = ListedProvider;
type R = Entry<Recommendation>;
const own = (...path: string[]) => fromSchema(providerSchema, ...path);
const rec = (...path: string[]) => fromSchema(recommendationSchema, ...path);
const csv = { csv: true };
const round2 = (n: number) => Math.round(n * 100) / 100;

/** A verified recommendation inside its provider. */
const verifiedRecommendation = {
  association: group({
    name: field(rec('association', 'name'), (r: R) => r.data.association.name),
    city: field(rec('association', 'city'), (r: R) => r.data.association.city),
    size: field(rec('association', 'size'), (r: R): string | undefined => r.data.association.size),
  }),
  project: group({
    title: field(rec('project', 'title'), (r: R) => r.data.project.title),
    start: field(rec('project', 'start'), (r: R) => r.data.project.start),
    end: field(rec('project', 'end'), (r: R) => r.data.project.end),
    services: field(rec('project', 'services'), (r: R): string[] => [...r.data.project.services]),
    tools: field(rec('project', 'tools'), (r: R): string[] => [...r.data.project.tools]),
  }),
  ratings: field(rec('ratings'), (r: R) => ({ ...r.data.ratings })),
  recommend: field(rec('recommend'), (r: R) => r.data.recommend),
  verification: group({
    date: field(rec('verification', 'date'), (r: R) => r.data.verification.date ?? ''),
    method: field(rec('verification', 'method'), (r: R): string => r.data.verification.method ?? ''),
  }),
  testimony: field(computed('Témoignage', 'Le témoignage de l’association, en Markdown.', 'texte (Markdown)'), (r: R) => r.body.trim()),
};

/** Every field of a provider in `prestataires.json`, in export order; those marked `csv` are the CSV's columns. */
export const providerExport = {
  slug: field(
    computed('Identifiant', 'Identifiant stable de la structure : le nom de son fichier, repris dans l’adresse de sa fiche.', 'texte'),
    (p: P) => p.id,
    csv,
  ),
  url: field(
    computed('Fiche', 'Adresse de la fiche de la structure sur ce site.', 'adresse web'),
    (p: P, ctx) => absoluteUrl(ctx.siteUrl, routes.provider(p.id)),
    csv,
  ),
  name: field(own('name'), (p: P) => p.data.name, csv),
  structure: field(own('structure'), (p: P): string => p.data.structure, csv),
  networks: field(own('networks'), (p: P): string[] => [...p.data.networks], csv),
  siren: field(own('siren'), (p: P) => p.data.siren, csv),
  website: field(own('website'), (p: P) => p.data.website, csv),
  contact: group({
    email: field(own('contact', 'email'), (p: P) => p.data.contact.email, csv),
    phone: field(own('contact', 'phone'), (p: P) => p.data.contact.phone, csv),
    form: field(own('contact', 'form'), (p: P) => p.data.contact.form, csv),
  }),
  location: group({
    city: field(own('location', 'city'), (p: P) => p.data.location.city, csv),
    postcode: field(own('location', 'postcode'), (p: P) => p.data.location.postcode, csv),
    department: field(own('location', 'department'), (p: P) => p.data.location.department, csv),
    region: field(
      computed('Région du siège', 'Code INSEE de la région du département du siège, déduit du département.', 'code INSEE', {
        geography: 'regions',
      }),
      (p: P) => departmentRegion(p.data.location.department) ?? '',
      csv,
    ),
  }),
  area: group({
    national: field(own('area', 'national'), (p: P) => p.data.area.national, csv),
    remote: field(own('area', 'remote'), (p: P) => p.data.area.remote, csv),
    regions: field(own('area', 'regions'), (p: P): string[] => [...p.data.area.regions], csv),
    departments: field(own('area', 'departments'), (p: P): string[] => [...p.data.area.departments], csv),
  }),
  services: field(own('services'), (p: P): string[] => [...p.data.services], csv),
  tools: field(own('tools'), (p: P): string[] => [...p.data.tools], csv),
  sizes: field(own('sizes'), (p: P): string[] => [...p.data.sizes], csv),
  pricing: group({
    model: field(own('pricing', 'model'), (p: P): string => p.data.pricing.model, csv),
    from_eur: field(own('pricing', 'from_eur'), (p: P) => p.data.pricing.from_eur, csv),
    details: field(own('pricing', 'details'), (p: P) => p.data.pricing.details, csv),
    url: field(own('pricing', 'url'), (p: P) => p.data.pricing.url, csv),
  }),
  languages: field(own('languages'), (p: P): string[] => [...p.data.languages], csv),
  availability: group({
    status: field(own('availability', 'status'), (p: P): string | undefined => p.data.availability?.status, csv),
    stated: field(own('availability', 'stated'), (p: P) => p.data.availability?.stated, csv),
    wait_weeks: field(own('availability', 'wait_weeks'), (p: P) => p.data.availability?.wait_weeks, csv),
    shown: field(
      computed(
        'Disponibilité affichée',
        `Ce que le site affiche le jour de la génération : ${availabilityStates.map((s) => `« ${s} »`).join(', ')} (indiquée il y a plus de ${AVAILABILITY_STALE_MONTHS} mois) ou « non-precisee » (pas indiquée).`,
        'texte',
      ),
      (p: P): string => p.availability.state,
      csv,
    ),
  }),
  charter_signed: field(own('charter_signed'), (p: P) => p.data.charter_signed, csv),
  trained: field(own('trained'), (p: P) => p.data.trained, csv),
  updated: field(own('updated'), (p: P) => p.data.updated, csv),
  description: field(computed('Présentation', 'Le texte de présentation de la structure, en Markdown.', 'texte (Markdown)'), (p: P) =>
    p.body.trim(),
  ),
  published_since: field(
    computed(
      'Publiée depuis le',
      'Date de la première recommandation vérifiée : le jour où la structure est entrée dans l’annuaire.',
      'date (AAAA-MM-JJ)',
    ),
    (p: P) => p.publishedSince,
    csv,
  ),
  last_verified: field(
    computed('Dernière vérification', 'Date de la recommandation vérifiée la plus récente.', 'date (AAAA-MM-JJ)'),
    (p: P) => p.lastVerified ?? '',
    csv,
  ),
  verified_recommendations: field(
    computed('Recommandations vérifiées', 'Nombre de recommandations vérifiées par le comité.', 'nombre entier'),
    (p: P) => p.recommendations.length,
    csv,
  ),
  would_recommend: field(
    computed(
      'La recommanderaient',
      'Parmi les recommandations vérifiées, combien d’associations recommanderaient la structure.',
      'nombre entier',
    ),
    (p: P) => p.recommendCount,
    csv,
  ),
  ratings: perCriterion(
    (p: P) =>
      Object.fromEntries(
        p.ratings.map((r) => [r.criterion, { average: r.average === null ? null : round2(r.average), count: r.count }]),
      ) as Record<string, { average: number | null; count: number }>,
    {
      average: {
        csv: true,
        doc: (c) =>
          computed(
            `Note moyenne : ${c.label}`,
            `Moyenne des notes de 1 à 5 données par les associations dans les recommandations vérifiées (deux décimales, vide si personne n’a noté ce critère). ${c.description}`,
            'nombre décimal',
          ),
      },
      count: {
        csv: false,
        doc: (c) => computed(`Nombre de notes : ${c.label}`, 'Combien de recommandations vérifiées ont noté ce critère.', 'nombre entier'),
      },
    },
  ),
  recommendations: list(
    computed(
      'Recommandations vérifiées',
      'Les recommandations vérifiées, de la plus récente à la plus ancienne (champs décrits plus bas).',
      'liste d’objets',
    ),
    (p: P) => p.recommendations,
    verifiedRecommendation,
  ),
};

export type ExportedProvider = ObjectOf<typeof providerExport>;

export interface ProvidersExport {
  title: string;
  licence: typeof DATA_LICENCE;
  source: string;
  generated: string;
  count: number;
  providers: ExportedProvider[];
}

export function exportProviders(directory: Pick<Directory, 'providers'>, ctx: ExportContext): ProvidersExport {
  return {
    title: 'Structures recommandées pour accompagner les associations vers le numérique libre',
    licence: DATA_LICENCE,
    source: absoluteUrl(ctx.siteUrl, routes.openData()),
    generated: ctx.today,
    count: directory.providers.length,
    providers: directory.providers.map((p) => buildObject(providerExport, p, ctx)),
  };
}

/** The fields of a provider (those of its recommendations apart), as /donnees/ describes them. */
export function providerFieldDocs(criteria: ExportContext['taxonomies']['criteria']): {
  providers: FieldDoc[];
  recommendations: FieldDoc[];
} {
  const all = fieldDocs(providerExport, criteria);
  return {
    providers: all.filter((f) => !f.key.startsWith('recommendations[].')),
    recommendations: all.filter((f) => f.key.startsWith('recommendations[].')),
  };
}
