/** The items of the RSS feeds: newly published providers, and projects. */
import type { Directory } from '../directory/index.ts';
import { countOf } from '../text/format.ts';
import { absoluteUrl, routes } from '../routes.ts';
import { projectStatusLabels } from '../../schemas/project.ts';
import type { ExportContext } from './descriptor.ts';

export interface FeedItem {
  title: string;
  link: string;
  /** `YYYY-MM-DD`. */
  date: string;
  description: string;
  categories: string[];
}

/** How many items a feed holds: the newest ones; the files of /donnees/ hold everything. */
export const FEED_ITEMS = 50;

const newestFirst = (a: FeedItem, b: FeedItem) => b.date.localeCompare(a.date) || a.title.localeCompare(b.title, 'fr');

/** Newly published providers: dated by their first verified recommendation, the newest first. */
export function providerFeedItems(directory: Pick<Directory, 'providers'>, ctx: ExportContext, limit = FEED_ITEMS): FeedItem[] {
  const serviceLabel = new Map(ctx.taxonomies.services.map((s) => [s.slug, s.label]));
  return directory.providers
    .map((p) => {
      const services = p.data.services.map((s) => serviceLabel.get(s) ?? s);
      return {
        title: p.data.name,
        link: absoluteUrl(ctx.siteUrl, routes.provider(p.id)),
        date: p.publishedSince,
        description: `${p.data.location.city} · ${countOf(p.recommendations.length, 'recommandation vérifiée', 'recommandations vérifiées')} · ${services.join(', ')}`,
        categories: services,
      };
    })
    .sort(newestFirst)
    .slice(0, limit);
}

/** Projects, dated by the day they were proposed, the newest first. */
export function projectFeedItems(directory: Pick<Directory, 'projects'>, ctx: ExportContext, limit = FEED_ITEMS): FeedItem[] {
  return directory.projects
    .map((p) => ({
      title: p.data.title,
      link: absoluteUrl(ctx.siteUrl, routes.project(p.id)),
      date: p.data.proposed,
      description: `${p.data.summary} (${projectStatusLabels[p.data.status]})`,
      categories: [p.data.software.name],
    }))
    .sort(newestFirst)
    .slice(0, limit);
}
