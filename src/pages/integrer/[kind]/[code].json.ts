/** An embed's list as open data: all its providers, in the frame's order, with a documented subset of the fields of prestataires.json. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { exportEmbed } from '../../../domain/exports/embeds.ts';
import { embedPaths, type Embed } from '../../../site/embeds.ts';
import { exportContext } from '../../../site/open-data.ts';

export const getStaticPaths = embedPaths satisfies GetStaticPaths;

export const GET: APIRoute = async ({ site, props }) => {
  const { target, providers } = (props as { embed: Embed }).embed;
  return new Response(JSON.stringify(exportEmbed(target, providers, await exportContext(site))), {
    headers: { 'content-type': 'application/json; charset=utf-8' },
  });
};
