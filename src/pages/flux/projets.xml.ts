/** RSS feed of projects to co-fund, dated by the day they were proposed. */
import type { APIRoute } from 'astro';
import { projectFeedItems } from '../../domain/exports/feeds.ts';
import { routes } from '../../domain/routes.ts';
import { exportContext, feed } from '../../site/open-data.ts';
import { getSiteData } from '../../site/data.ts';

export const GET: APIRoute = async ({ site }) => {
  const { directory, settings } = await getSiteData();
  return feed({
    site,
    title: `${settings.site_name}\u00A0: projets libres à co-financer`,
    description:
      'Les logiciels et fonctionnalités libres que des associations proposent de financer ensemble, à la date de leur proposition.',
    path: routes.projectsFeed(),
    items: projectFeedItems(directory, await exportContext(site)),
  });
};
