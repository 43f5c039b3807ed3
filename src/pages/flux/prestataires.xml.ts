/** RSS feed of newly published providers, dated by their first verified recommendation. */
import type { APIRoute } from 'astro';
import { providerFeedItems } from '../../domain/exports/feeds.ts';
import { routes } from '../../domain/routes.ts';
import { exportContext, feed } from '../../site/open-data.ts';
import { getSiteData } from '../../site/data.ts';

export const GET: APIRoute = async ({ site }) => {
  const { directory, settings } = await getSiteData();
  return feed({
    site,
    title: `${settings.site_name}\u00A0: nouvelles structures recommandées`,
    description: 'Les structures qui entrent dans l’annuaire, à la date de leur première recommandation vérifiée.',
    path: routes.providersFeed(),
    items: providerFeedItems(directory, await exportContext(site)),
  });
};
