/**
 * Small data files by the thousand, rendered by the build as one bundle each
 * (each file's address with what it holds), then split after the build by
 * src/integrations/data-files.ts.
 */

/** One bundle: each file's address in the site (a `routes` path) with what it holds. */
export type DataBundle = Array<[file: string, data: unknown]>;

/** What a bundle's route answers. */
export function bundleResponse(files: DataBundle): Response {
  return new Response(JSON.stringify(files), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
}
