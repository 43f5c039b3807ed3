/**
 * The directory as pages, search, exports and the committee see it, derived
 * from the content. The publication rule lives here: a provider is published
 * only while at least one of its recommendations is verified.
 */
import type { Content, Entry } from '../content.ts';
import { fundingProgress, projectStatusOrder, type FundingProgress } from '../projects.ts';
import { isListingStale, isRecommendationStale } from '../staleness.ts';
import { availabilityFacts, type AvailabilityFacts } from './availability.ts';
import type { Project } from '../../schemas/project.ts';
import type { Provider } from '../../schemas/provider.ts';
import { notConcernedLabel, rating, type Recommendation } from '../../schemas/recommendation.ts';
import { boundsOf } from '../../schemas/introspect.ts';
import { frenchTypography } from '../text/format.ts';

export interface CriterionAverage {
  criterion: string;
  /** Mean of the ratings given, or null when nobody rated this criterion. */
  average: number | null;
  /** How many verified recommendations rated it. */
  count: number;
  /** How many verified recommendations gave each rating of `ratingScale`, in its order (lowest first). */
  distribution: number[];
  /** How many verified recommendations answered « Non concerné » (`null`). */
  notConcerned: number;
}

export interface ListedProvider {
  id: string;
  data: Provider;
  body: string;
  /** Verified recommendations, newest verification first. */
  recommendations: Entry<Recommendation>[];
  ratings: CriterionAverage[];
  /** How many verified recommendations say they would recommend the provider. */
  recommendCount: number;
  /** The most recent verification date. */
  lastVerified: string | undefined;
  /** The day it entered the directory: its first verified recommendation (`YYYY-MM-DD`). */
  publishedSince: string;
  /** Not reviewed for 18 months. */
  stale: boolean;
  /** What it stated of its availability, resolved on the day of the build. */
  availability: AvailabilityFacts;
}

export interface WaitingProvider {
  id: string;
  data: Provider;
  file: string;
  pending: number;
  rejected: number;
}

export interface ListedProject {
  id: string;
  data: Project;
  body: string;
  funding: FundingProgress;
  /** The maker, when it is a published provider (a link is shown only then). */
  maker: ListedProvider | undefined;
}

export interface Directory {
  /** Published providers, by name. */
  providers: ListedProvider[];
  /** Valid providers that wait for a verified recommendation. */
  waiting: WaitingProvider[];
  pendingRecommendations: Entry<Recommendation>[];
  /** Verified recommendations to verify again (older than 36 months). */
  staleRecommendations: Entry<Recommendation>[];
  /** Published providers not reviewed for 18 months. */
  staleProviders: ListedProvider[];
  projects: ListedProject[];
}

const collator = new Intl.Collator('fr', { sensitivity: 'base', numeric: true });

/** The publication rule (rules catalogue: `publication`). */
export function isPublished(verifiedCount: number): boolean {
  return verifiedCount > 0;
}

const ratingBounds = boundsOf(rating);
/** Every rating a recommendation can give, lowest first: 1 to 5, read from the schema. */
export const ratingScale: readonly number[] = Array.from(
  { length: ratingBounds.max! - ratingBounds.min! + 1 },
  (_, i) => ratingBounds.min! + i,
);

/**
 * Each criterion's average and the answers behind it. Only ratings count:
 * « Non concerné » (`null`) is counted apart and never lowers an average.
 * The directory gives it the verified recommendations only.
 */
export function criterionAverages(recommendations: readonly Recommendation[], criteria: readonly string[]): CriterionAverage[] {
  return criteria.map((criterion) => {
    const answers = recommendations.map((r) => r.ratings[criterion]);
    const values = answers.filter((v): v is number => typeof v === 'number');
    return {
      criterion,
      count: values.length,
      average: values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length,
      distribution: ratingScale.map((step) => values.filter((v) => v === step).length),
      notConcerned: answers.filter((v) => v === null).length,
    };
  });
}

/** How `criterionAverages` counts, and how `buildDirectory` feeds it, said once for every profile. */
export const AVERAGES_EXPLAINED = frenchTypography(
  `Chaque moyenne est celle des notes de ${ratingBounds.min} à ${ratingBounds.max} données dans les recommandations vérifiées par le comité de pilotage, arrondie au dixième ; les réponses « ${notConcernedLabel} » ne comptent pas dans la moyenne.`,
);

/** A provider's verified recommendations, newest verification first: the ones its profile shows. */
export function verifiedRecommendations<R extends { data: Pick<Recommendation, 'verification'> }>(recommendations: readonly R[]): R[] {
  return recommendations
    .filter((r) => r.data.verification.status === 'verified')
    .sort((a, b) => (b.data.verification.date ?? '').localeCompare(a.data.verification.date ?? ''));
}

/**
 * A provider with what its verified recommendations say of it, as its profile
 * shows it. The directory lists it only when it is published (`isPublished`);
 * the CMS preview shows it before that, too.
 */
export function listedProvider(
  provider: Pick<ListedProvider, 'id' | 'data' | 'body'>,
  verified: Entry<Recommendation>[],
  criteria: readonly string[],
  today: string,
): ListedProvider {
  return {
    id: provider.id,
    data: provider.data,
    body: provider.body,
    recommendations: verified,
    ratings: criterionAverages(
      verified.map((r) => r.data),
      criteria,
    ),
    recommendCount: verified.filter((r) => r.data.recommend).length,
    lastVerified: verified[0]?.data.verification.date,
    publishedSince: verified.at(-1)?.data.verification.date ?? '',
    stale: isListingStale(provider.data.updated, today),
    availability: availabilityFacts(provider.data.availability, today),
  };
}

/** A project with its funding, as its page shows it; `maker` when it is a published provider. */
export function listedProject(project: Pick<ListedProject, 'id' | 'data' | 'body'>, maker: ListedProvider | undefined): ListedProject {
  return { id: project.id, data: project.data, body: project.body, funding: fundingProgress(project.data), maker };
}

export function buildDirectory(content: Content, today: string): Directory {
  const criteria = content.taxonomies.criteria.map((c) => c.slug);
  const byProvider = new Map<string, Entry<Recommendation>[]>();
  for (const rec of content.recommendations) {
    let list = byProvider.get(rec.data.provider);
    if (!list) byProvider.set(rec.data.provider, (list = []));
    list.push(rec);
  }

  const providers: ListedProvider[] = [];
  const waiting: WaitingProvider[] = [];
  for (const provider of content.providers) {
    const all = byProvider.get(provider.id) ?? [];
    const verified = verifiedRecommendations(all);
    if (isPublished(verified.length)) {
      providers.push(listedProvider(provider, verified, criteria, today));
    } else {
      waiting.push({
        id: provider.id,
        data: provider.data,
        file: provider.file,
        pending: all.filter((r) => r.data.verification.status === 'pending').length,
        rejected: all.filter((r) => r.data.verification.status === 'rejected').length,
      });
    }
  }
  providers.sort((a, b) => collator.compare(a.data.name, b.data.name));
  const published = new Map(providers.map((p) => [p.id, p]));

  const projects = content.projects
    .map((project) => listedProject(project, project.data.maker ? published.get(project.data.maker) : undefined))
    .sort(
      (a, b) =>
        projectStatusOrder.indexOf(a.data.status) - projectStatusOrder.indexOf(b.data.status) ||
        b.data.proposed.localeCompare(a.data.proposed),
    );

  return {
    providers,
    waiting,
    pendingRecommendations: content.recommendations.filter((r) => r.data.verification.status === 'pending'),
    staleRecommendations: content.recommendations.filter(
      (r) => r.data.verification.status === 'verified' && isRecommendationStale(r.data.verification.date ?? today, today),
    ),
    staleProviders: providers.filter((p) => p.stale),
    projects,
  };
}

/** The providers most recently published, newest first. */
export function recentlyPublished(providers: readonly ListedProvider[], limit: number): ListedProvider[] {
  return [...providers].sort((a, b) => b.publishedSince.localeCompare(a.publishedSince)).slice(0, limit);
}

/** How many providers work everywhere in France: they count for every place. */
export function nationalCount(providers: readonly ListedProvider[]): number {
  return providers.filter((p) => p.data.area.national).length;
}
