/**
 * The directory on partner sites: for each network of the vocabulary and
 * each région, a short list that another site shows in a frame
 * (/integrer/reseau/chatons/, /integrer/region/84/), with the same members,
 * the same order and the same numbers as the directory's facet page
 * (/annuaire/reseau/chatons/): the facets decide who is listed, the facet
 * pages' rule decides the order. Also what the list says when it is empty
 * or cut, and the HTML code a partner copies.
 */
import { escapeAttribute, escapeText } from 'entities/escape';
import type { ListedProvider } from './index.ts';
import type { FacetIndex, FacetKey } from './facets.ts';
import { providerCardView, type ProviderCardView } from './cards.ts';
import { facetHeading, facetProviders, facetReasons } from './facet-pages.ts';
import { inPlace } from './places.ts';
import { embedKinds, routes, type EmbedKind } from '../routes.ts';
import { countOf, frenchTypography as t } from '../text/format.ts';
import type { Vocabularies } from '../../schemas/taxonomies.ts';

export { embedKinds, type EmbedKind };

/**
 * How many providers a frame shows: the first of the facet page's order (for
 * a network the most recommended, for a région those who are there first),
 * then a link to the whole list on the site. A frame is a small window in
 * someone else's page: past a screenful or two, people stop scrolling inside
 * it, and a bounded list keeps the page light (weight, elements, Ecoindex)
 * however large the directory grows. The JSON and the facet page hold everyone.
 */
export const EMBED_LIMIT = 20;

/** The height of the frame in the code to copy, in CSS pixels: about five providers at a glance. */
export const EMBED_HEIGHT = 480;

/** One embed: a network of the vocabulary or a région, with its name and the heading of its list. */
export interface EmbedTarget {
  kind: EmbedKind;
  /** The network's slug or the région's INSEE code. */
  code: string;
  /** « CHATONS », « Bretagne ». */
  label: string;
  /** « Membres du réseau CHATONS », « Structures en Bretagne ». */
  heading: string;
}

/**
 * Every embed, even those nobody is listed in yet, so that a network can put
 * the frame on its site before its first member is published: the networks
 * in the vocabulary's order, then the régions by name. `vocabulary` is the
 * facets' own list of values (facetVocabulary).
 */
export function embedTargets(vocabulary: Record<EmbedKind, ReadonlyArray<{ value: string; label: string }>>): EmbedTarget[] {
  return embedKinds.flatMap((kind) =>
    vocabulary[kind].map(({ value, label }) => ({ kind, code: value, label, heading: t(facetHeading(kind, value, label)) })),
  );
}

/** The providers of an embed, in the order of the directory's facet page (places.ts and facet-pages.ts). */
export function embedProviders(
  target: Pick<EmbedTarget, 'kind' | 'code'>,
  index: Pick<FacetIndex, 'members'>,
  provider: (id: string) => ListedProvider,
) {
  return facetProviders(target.kind, target.code, (index.members[target.kind].get(target.code) ?? []).map(provider));
}

export interface EmbedLink {
  text: string;
  route: string;
}

export interface EmbedView {
  /** Everyone listed, shown or not. */
  total: number;
  /** « 3 structures recommandées », or how the list was cut. */
  summary: string;
  /** The providers shown, each with why it is on a région's list. */
  cards: Array<ProviderCardView & { reasons: string[] }>;
  /** When the list is cut: the whole list on the site. */
  more?: EmbedLink;
  /** When nobody is listed yet: what to say, and how to change that. */
  empty?: { sentence: string; invitation: string; links: EmbedLink[] };
}

/** What an embed shows: `providers` in the order of embedProviders. */
export function embedView(
  target: EmbedTarget,
  providers: readonly ListedProvider[],
  label: (key: FacetKey, value: string) => string,
  tools: Vocabularies['tools'],
  limit = EMBED_LIMIT,
): EmbedView {
  const total = providers.length;
  const shown = providers.slice(0, limit);
  const cards = shown.map((p) => ({ ...providerCardView(p, label), reasons: facetReasons(target.kind, target.code, p, tools).map(t) }));
  if (total === 0) {
    return {
      total,
      summary: '',
      cards,
      empty: {
        sentence: t(
          target.kind === 'reseau'
            ? `Aucun membre du réseau ${target.label} n’est encore dans l’annuaire.`
            : `Aucune structure n’intervient encore ${inPlace('region', target.code)} dans l’annuaire.`,
        ),
        invitation: t(
          'Vous en connaissez une qui accompagne des associations vers des outils libres ? Proposez-la, puis demandez à une association qu’elle a accompagnée de la recommander : elle paraîtra ici une fois la recommandation vérifiée.',
        ),
        links: [
          { text: 'Proposer une structure', route: routes.propose() },
          { text: 'Recommander une structure', route: routes.recommend() },
        ],
      },
    };
  }
  const cut = total > shown.length;
  const where = target.kind === 'region' ? inPlace('region', target.code) : '';
  return {
    total,
    summary: t(
      !cut
        ? countOf(total, 'structure recommandée', 'structures recommandées')
        : target.kind === 'reseau'
          ? `Les ${shown.length} membres les plus recommandés, sur ${total}.`
          : `Les ${shown.length} premières structures sur ${total} : d’abord celles installées ${where} ou qui y interviennent, puis les plus recommandées.`,
    ),
    cards,
    more: cut ? { text: `Voir les ${total} structures dans l’annuaire`, route: routes.facetValue(target.kind, target.code) } : undefined,
  };
}

/** The name of an embed where it is shown: the frame's title, its page title, the link beside it. */
export function embedTitle(target: EmbedTarget, siteName: string): string {
  return t(`${target.heading} · annuaire ${siteName}`);
}

/**
 * The HTML a partner pastes into its site: the frame, then a plain link to
 * the same list. The link sits after the frame, not inside it: an <iframe>
 * may hold nothing (HTML standard), and a link beside it still serves where
 * the frame is not shown (a site whose own policy forbids frames, a feed, a
 * text browser). `width="100%"` is read by every browser and needs no style
 * attribute, which some sites' policies forbid.
 */
export function embedSnippet(options: { src: string; title: string; link: string; height?: number }): string {
  const title = escapeAttribute(options.title);
  return [
    `<iframe src="${escapeAttribute(options.src)}" title="${title}" width="100%" height="${options.height ?? EMBED_HEIGHT}" loading="lazy"></iframe>`,
    `<p><a href="${escapeAttribute(options.link)}">${escapeText(options.title)}</a></p>`,
  ].join('\n');
}

/** Where the link beside a frame leads: the full list on the site, or the directory while the list is empty. */
export function embedLinkRoute(target: Pick<EmbedTarget, 'kind' | 'code'>, total: number): string {
  return total > 0 ? routes.facetValue(target.kind, target.code) : routes.directory();
}

/** The embed the guide shows first: the first with someone listed, so that the preview shows a real list. */
export function featuredEmbed<T extends { providers: readonly unknown[] }>(embeds: readonly T[]): T | undefined {
  return embeds.find((e) => e.providers.length > 0) ?? embeds[0];
}
