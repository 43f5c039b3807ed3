/** An embed's providers as an RSS feed: the newest in the directory first. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { embedTitle } from '../../../domain/directory/embeds.ts';
import { embedFeedItems } from '../../../domain/exports/embeds.ts';
import { routes } from '../../../domain/routes.ts';
import { getSiteData } from '../../../site/data.ts';
import { embedPaths, type Embed } from '../../../site/embeds.ts';
import { exportContext, feed } from '../../../site/open-data.ts';

export const getStaticPaths = embedPaths satisfies GetStaticPaths;

export const GET: APIRoute = async ({ site, props }) => {
  const { target, providers } = (props as { embed: Embed }).embed;
  const { settings } = await getSiteData();
  return feed({
    site,
    title: embedTitle(target, settings.site_name),
    description: `${target.heading}, à la date de leur première recommandation vérifiée.`,
    path: routes.embedFeed(target.kind, target.code),
    items: embedFeedItems(providers, await exportContext(site)),
  });
};
