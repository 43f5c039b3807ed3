/** The finder's candidates located in, or serving, one département. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getDirectoryPages } from '../../../site/directory.ts';
import { departmentFile } from '../../../domain/finder/files.ts';
import { departments } from '../../../schemas/geography.ts';

export const getStaticPaths: GetStaticPaths = () => departments.map((d) => ({ params: { code: d.code } }));

export const GET: APIRoute = async ({ params }) => {
  const { directory, index } = await getDirectoryPages();
  return new Response(JSON.stringify(departmentFile(params.code!, directory.providers, index)), {
    headers: { 'content-type': 'application/json; charset=utf-8' },
  });
};
