/** /recommander/modele-de-recommandation.md: the blank, commented recommendation, for those without JavaScript. */
import type { APIRoute } from 'astro';
import { formSetup } from '../../forms/setup.ts';
import { getSiteData } from '../../site/data.ts';

export const GET: APIRoute = async () =>
  new Response(formSetup(await getSiteData(), 'recommendations').template, { headers: { 'content-type': 'text/markdown; charset=utf-8' } });
