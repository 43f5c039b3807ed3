/** /proposer/modele-de-fiche.md: the blank, commented provider file, for those without JavaScript. */
import type { APIRoute } from 'astro';
import { formSetup } from '../../forms/setup.ts';
import { getSiteData } from '../../site/data.ts';

export const GET: APIRoute = async () =>
  new Response(formSetup(await getSiteData(), 'providers').template, { headers: { 'content-type': 'text/markdown; charset=utf-8' } });
