/** The slugs the finder's candidate lists point into. */
import type { APIRoute } from 'astro';
import { getDirectoryPages } from '../../site/directory.ts';
import { finderVocabulary } from '../../domain/finder/files.ts';

export const GET: APIRoute = async () => {
  const { index } = await getDirectoryPages();
  return new Response(JSON.stringify(finderVocabulary(index)), { headers: { 'content-type': 'application/json; charset=utf-8' } });
};
