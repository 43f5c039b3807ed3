/**
 * A provider's profile as visitors read it: every value in French words
 * (labels, not slugs), in the order the page shows them, and the page's own
 * words (`profileWords`). The public profile renders it, and so does the CMS
 * preview (`src/cms/preview.ts`), so that a provider sees its listing
 * exactly as associations will.
 */
import { AVERAGES_EXPLAINED, isPublished, ratingScale, type ListedProvider } from './index.ts';
import type { FacetKey } from './facet-keys.ts';
import { recommendationsSentence } from './card-view.ts';
import {
  countOf,
  formatAverage,
  formatDate,
  formatMonth,
  formatNumber,
  frenchTypography as t,
  languageName,
  plural,
} from '../text/format.ts';
import { pricingSummary } from './pricing.ts';
import { availabilityAdvice, availabilitySentence } from './availability.ts';
import { departmentName, regionName } from '../../schemas/geography.ts';
import { notConcernedLabel, verificationMethodLabels, type Recommendation } from '../../schemas/recommendation.ts';
import type { Entry } from '../content.ts';
import type { Vocabularies } from '../../schemas/taxonomies.ts';

/** A value that links to its facet page: `routes.facetValue(key, value)`. */
export interface Linked {
  key: FacetKey;
  value: string;
  label: string;
}

/** One column of a criterion's answers: a rating, or « Non concerné ». */
export interface AnswerColumn {
  /** « Note 4 », « Non concerné »: the column's header. */
  label: string;
}

export interface AnswerCount {
  /** « 2 »: its column's header says what it counts. */
  count: string;
  /** 0 to 10: the decorative bar's length, in tenths of the criterion's answers. */
  tenths: number;
}

export interface RatingRow {
  /** The criterion's slug (taxonomies). */
  criterion: string;
  question: string;
  /** « 4,3 sur 5 », or « aucune note » when every answer was « Non concerné ». */
  average: string;
  /** 0 to 10, the bar's length in tenths of 5; undefined without an average. */
  tenths: number | undefined;
  /** « 3 notes », the ratings the average is made of. */
  answers: string;
  /** One count per column of `ProfileView.ratingColumns`, in its order. */
  counts: AnswerCount[];
}

/** The profile's headings and fixed words, in the page's order. */
export const profileWords = {
  criteria: 'Critères vérifiés',
  contact: 'Contacter la structure',
  email: 'E-mail',
  phone: 'Téléphone',
  form: 'Formulaire de contact',
  website: 'Site',
  presentation: 'Présentation',
  services: 'Services proposés',
  area: 'Zone d’intervention',
  seat: 'Siège',
  national: 'Partout en France',
  remote: 'À distance',
  region: 'Région',
  departments: 'Départements',
  languages: 'Langues de travail',
  sizes: 'Associations accompagnées',
  tools: 'Logiciels libres proposés',
  tool: 'Logiciel libre',
  replaces: 'Remplace',
  pricing: 'Tarifs',
  pricingGrid: 'Voir la grille tarifaire',
  ratings: 'Ce qu’en disent les associations',
  question: 'Question posée aux associations',
  average: 'Moyenne',
  noRatings: 'Aucune note n’a encore été donnée.',
  about: 'À propos de cette fiche',
  wrong: 'Une information est fausse ou dépassée ? ',
  reportError: 'Signaler une erreur',
  forgeAccount: ' (compte sur la forge nécessaire) ou ',
  writeCommittee: 'écrire au comité',
} as const;

export interface RecommendationView {
  id: string;
  association: string;
  /** « Petites associations · Lyon, Rhône ». */
  about: string;
  project: string;
  /** « de mars 2025 à juin 2025 ». */
  period: string;
  /** « Services reçus : … · logiciels mis en place : … ». */
  received: string;
  /** Whether it recommends, and who verified it when and how. */
  verified: string;
}

export interface ProfileView {
  name: string;
  /** « Coopérative (SCOP, SCIC, CAE) à Lyon (Rhône) ». */
  lead: string;
  /** « Coopérative (SCOP, SCIC, CAE) ». */
  structure: string;
  /** « Lyon (Rhône) ». */
  place: string;
  /** The verifiable criteria, the verified recommendations first. */
  badges: string[];
  /** « 2 recommandations vérifiées ». */
  verifiedRecommendations: string;
  /** « 1 septembre 2026 »: the most recent verification by the committee, when it is dated. */
  lastVerified?: string;
  contact: { email: string; phone?: { text: string; tel: string }; form?: string; website: { url: string; text: string } };
  services: Linked[];
  area: { national: boolean; remote: boolean; regions: Linked[]; departments: Linked[] };
  /** « breton, occitan », when the provider works in more than French. */
  languages?: string;
  /** « français », « français, breton »: every working language. */
  workingLanguages: string;
  sizes: Linked[];
  tools: Array<Linked & { replaces: string }>;
  pricing: { summary: string; details?: string; url?: string };
  /** « Disponibilité au 12 octobre 2026 : liste d’attente, environ 6 semaines. », with advice when it is to be confirmed or not said. */
  availability: string;
  /** The columns of every criterion's answers: each rating, lowest first, then « Non concerné ». */
  ratingColumns: AnswerColumn[];
  ratings: RatingRow[];
  /** What the table of answers holds. */
  ratingsCaption: string;
  /** How the averages are computed, in one sentence. */
  ratingsMethod: string;
  /** « 2 associations sur 3 la recommandent. »; none while no recommendation is verified. */
  recommendShare?: string;
  recommendationsHeading: string;
  recommendations: RecommendationView[];
  /**
   * Said where the recommendations would be, while none is verified: the
   * directory does not publish such a profile, the CMS preview shows it.
   */
  unpublished?: string;
  /** « Fiche relue par la structure le 14 mars 2026. » */
  reviewed: string;
  stale: boolean;
}

export interface ProfileContext {
  /** The French name of a facet value (« Rhône (69) », « Petites associations… »). */
  label: (key: FacetKey, value: string) => string;
  vocabularies: Pick<Vocabularies, 'tools' | 'criteria'>;
}

/** `2025-03-01`…`2025-06-30` → « de mars 2025 à juin 2025 »; one month → « juin 2025 ». */
function period(start: string, end: string): string {
  return formatMonth(start) === formatMonth(end) ? formatMonth(end) : `de ${formatMonth(start)} à ${formatMonth(end)}`;
}

/** Said of a profile without a verified recommendation: it is not published yet. */
export const unpublishedNotice = 'Pas encore de recommandation vérifiée : la fiche sera publiée dès la première.';

/** A verified recommendation as the profile shows it (the testimony itself is its rendered body). */
export function recommendationView(r: Pick<Entry<Recommendation>, 'id' | 'data'>, label: ProfileContext['label']): RecommendationView {
  const a = r.data.association;
  const where = [a.city && t(a.city), a.department && departmentName(a.department)].filter(Boolean).join(', ');
  const tools = r.data.project.tools.map((s) => label('outil', s));
  const v = r.data.verification;
  return {
    id: r.id,
    association: t(a.name),
    about: [a.size && label('taille', a.size), where].filter(Boolean).join(' · '),
    project: t(r.data.project.title),
    period: period(r.data.project.start, r.data.project.end),
    received: t(
      `Services reçus : ${r.data.project.services.map((s) => label('service', s)).join(', ')}${tools.length > 0 ? ` · logiciels mis en place : ${tools.join(', ')}` : ''}`,
    ),
    verified: t(
      `${r.data.recommend ? 'Recommande cette structure.' : 'Ne recommande pas cette structure sans réserve.'} Recommandation vérifiée par le comité de pilotage${
        v.date ? ` le ${formatDate(v.date)}` : ''
      }${v.method ? ` (${verificationMethodLabels[v.method].toLocaleLowerCase('fr')})` : ''}.`,
    ),
  };
}

export function profileView(provider: ListedProvider, ctx: ProfileContext): ProfileView {
  const { data } = provider;
  const { label } = ctx;
  const linked = (key: FacetKey, values: readonly string[]) => values.map((value) => ({ key, value, label: label(key, value) }));
  // A value not chosen yet (the CMS preview of an entry being filled) shows as it is.
  const place = `${t(data.location.city)} (${departmentName(data.location.department) ?? data.location.department})`;
  const tools = new Map(ctx.vocabularies.tools.map((tool) => [tool.slug, tool]));
  const questions = new Map(ctx.vocabularies.criteria.map((c) => [c.slug, c.label]));
  const verifiedCount = provider.recommendations.length;
  const recommending = provider.recommendCount;
  const published = isPublished(verifiedCount);
  const verifiedRecommendations = published ? recommendationsSentence(verifiedCount) : 'Pas encore de recommandation vérifiée';
  const workingLanguages = data.languages.map(languageName).join(', ');
  return {
    name: t(data.name),
    lead: `${label('structure', data.structure)} à ${place}`,
    structure: label('structure', data.structure),
    place,
    verifiedRecommendations,
    ...(provider.lastVerified ? { lastVerified: formatDate(provider.lastVerified) } : {}),
    badges: [
      verifiedRecommendations,
      ...data.networks.map((n) => t(`Membre : ${label('reseau', n)}`)),
      ...(data.charter_signed ? [`Charte signée le ${formatDate(data.charter_signed)}`] : []),
      ...(data.trained ? [`Formation Emancip’Asso suivie en ${data.trained}`] : []),
    ],
    contact: {
      email: data.contact.email,
      phone: data.contact.phone ? { text: data.contact.phone, tel: data.contact.phone.replace(/[ .-]/g, '') } : undefined,
      form: data.contact.form,
      website: { url: data.website, text: data.website.replace(/^https:\/\//, '').replace(/\/$/, '') },
    },
    services: linked('service', data.services),
    area: {
      national: data.area.national,
      remote: data.area.remote,
      regions: data.area.regions.map((code) => ({ key: 'region', value: code, label: regionName(code) ?? code })),
      // The seat's département is said already.
      departments: data.area.departments
        .filter((d) => d !== data.location.department)
        .map((code) => ({ key: 'departement', value: code, label: `${departmentName(code) ?? code} (${code})` })),
    },
    languages: data.languages.some((l) => l !== 'fr') ? workingLanguages : undefined,
    workingLanguages,
    sizes: linked('taille', data.sizes),
    tools: data.tools.map((slug) => ({
      key: 'outil',
      value: slug,
      label: tools.get(slug)?.label ?? slug,
      replaces: (tools.get(slug)?.replaces ?? []).join(', ') || '—',
    })),
    pricing: { summary: pricingSummary(data.pricing), details: data.pricing.details && t(data.pricing.details), url: data.pricing.url },
    availability: t(
      [
        `${availabilitySentence(provider.availability, (state) => label('disponibilite', state))}.`,
        availabilityAdvice(provider.availability),
      ]
        .filter(Boolean)
        .join(' '),
    ),
    ratingColumns: [...ratingScale.map((step) => ({ label: `Note ${step}` })), { label: notConcernedLabel }],
    ratings: provider.ratings
      // Every criterion is answered by every recommendation (rules catalogue: every-criterion-rated); one that nobody answered was added since.
      .filter((r) => r.count + r.notConcerned > 0)
      .map((r) => {
        const total = r.count + r.notConcerned;
        const count = (n: number): AnswerCount => ({ count: formatNumber(n), tenths: Math.round((n / total) * 10) });
        return {
          criterion: r.criterion,
          question: t(questions.get(r.criterion) ?? r.criterion),
          average: r.average === null ? 'aucune note' : `${formatAverage(r.average)} sur ${ratingScale.at(-1)}`,
          tenths: r.average === null ? undefined : Math.round((r.average / ratingScale.at(-1)!) * 10),
          answers: countOf(r.count, 'note', 'notes'),
          counts: [...r.distribution.map(count), count(r.notConcerned)],
        };
      }),
    ratingsCaption: t(
      `Pour chaque question, la moyenne des notes, puis le nombre de réponses par note (de ${ratingScale[0]} à ${ratingScale.at(-1)}) et « ${notConcernedLabel} ».`,
    ),
    ratingsMethod: AVERAGES_EXPLAINED,
    recommendShare: published
      ? `${countOf(recommending, 'association', 'associations')} sur ${verifiedCount} la ${plural(recommending, 'recommande', 'recommandent')}.`
      : undefined,
    recommendationsHeading:
      verifiedCount > 1
        ? `Les ${verifiedCount} recommandations vérifiées`
        : published
          ? 'La recommandation vérifiée'
          : 'Recommandations vérifiées',
    recommendations: provider.recommendations.map((r) => recommendationView(r, label)),
    ...(published ? {} : { unpublished: unpublishedNotice }),
    reviewed: `Fiche relue par la structure le ${formatDate(data.updated)}.`,
    stale: provider.stale,
  };
}
