/**
 * The list of an embed as open data (`/integrer/reseau/chatons.json`) and as
 * a feed (`.xml`): the same providers as the frame, all of them, in the same
 * order. Each provider carries a subset of the fields of `prestataires.json`,
 * picked from its descriptor: what a partner needs to show a list (who,
 * where, what, since when), not the recommendations, which stay in the full file.
 */
import type { ListedProvider } from '../directory/index.ts';
import type { EmbedTarget } from '../directory/embeds.ts';
import { absoluteUrl, routes } from '../routes.ts';
import { buildObject, fieldDocs, pickFields, type ExportContext, type FieldDoc, type ObjectOf } from './descriptor.ts';
import { providerFeedItems, type FeedItem } from './feeds.ts';
import { DATA_LICENCE } from './licence.ts';
import { providerExport } from './providers.ts';

export const embedProviderExport = pickFields(providerExport, [
  'slug',
  'url',
  'name',
  'structure',
  'networks',
  'website',
  'location',
  'area',
  'services',
  'tools',
  'sizes',
  'published_since',
  'verified_recommendations',
]);

export type ExportedEmbedProvider = ObjectOf<typeof embedProviderExport>;

export interface EmbedExport {
  title: string;
  licence: typeof DATA_LICENCE;
  /** The open-data page, which describes every field. */
  source: string;
  /** The page a partner frames, with the same list. */
  embed: string;
  generated: string;
  /** What the list is of: `reseau` and a network's slug, or `region` and an INSEE code. */
  kind: EmbedTarget['kind'];
  code: string;
  label: string;
  count: number;
  providers: ExportedEmbedProvider[];
}

export function exportEmbed(target: EmbedTarget, providers: readonly ListedProvider[], ctx: ExportContext): EmbedExport {
  return {
    title: target.heading,
    licence: DATA_LICENCE,
    source: absoluteUrl(ctx.siteUrl, routes.openData()),
    embed: absoluteUrl(ctx.siteUrl, routes.embed(target.kind, target.code)),
    generated: ctx.today,
    kind: target.kind,
    code: target.code,
    label: target.label,
    count: providers.length,
    providers: providers.map((p) => buildObject(embedProviderExport, p, ctx)),
  };
}

/** The feed of an embed: its providers as they entered the directory, the newest first (feeds.ts). */
export function embedFeedItems(providers: readonly ListedProvider[], ctx: ExportContext): FeedItem[] {
  return providerFeedItems({ providers: [...providers] }, ctx);
}

/** The fields of a provider in an embed's JSON, as /integrer/ lists them (their descriptions are on /donnees/). */
export function embedFieldDocs(): FieldDoc[] {
  return fieldDocs(embedProviderExport, []);
}
