/**
 * The embeds of this build: every network and région with its providers, in
 * the facet pages' order; the frames, their JSON and feeds, and the guide
 * /integrer/ read them from here.
 */
import { embedLinkRoute, embedProviders, embedSnippet, embedTargets, embedTitle, type EmbedTarget } from '../domain/directory/embeds.ts';
import { facetVocabulary } from '../domain/directory/facets.ts';
import type { ListedProvider } from '../domain/directory/index.ts';
import { absoluteUrl, routes } from '../domain/routes.ts';
import { getDirectoryPages } from './directory.ts';
import { siteHome } from './open-data.ts';

export interface Embed {
  target: EmbedTarget;
  providers: ListedProvider[];
}

let cached: Promise<Embed[]> | undefined;

export function getEmbeds(): Promise<Embed[]> {
  cached ??= getDirectoryPages().then(({ index, provider, taxonomies }) =>
    embedTargets(facetVocabulary(taxonomies)).map((target) => ({ target, providers: embedProviders(target, index, provider) })),
  );
  return cached;
}

/** The pages of the embeds, for the frames, their JSON and their feeds. */
export async function embedPaths() {
  return (await getEmbeds()).map((embed) => ({ params: { kind: embed.target.kind, code: embed.target.code }, props: { embed } }));
}

/** The code a partner copies for one embed, with this build's public addresses. */
export function snippetOf(embed: Embed, site: URL | undefined, siteName: string): string {
  const home = siteHome(site);
  return embedSnippet({
    src: absoluteUrl(home, routes.embed(embed.target.kind, embed.target.code)),
    title: embedTitle(embed.target, siteName),
    link: absoluteUrl(home, embedLinkRoute(embed.target, embed.providers.length)),
  });
}
