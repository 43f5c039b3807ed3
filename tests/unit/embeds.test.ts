/**
 * The directory on partner sites, from the small test corpus
 * (tests/content/fixtures/base): Nuage des exemples (CHATONS, Grenoble,
 * serving Auvergne-Rhône-Alpes) and Coopérative Exemple Libre
 * (Libre-entreprise, Nantes, everywhere in France) are published; Atelier en
 * attente is not.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Content } from '../../src/domain/content.ts';
import {
  EMBED_LIMIT,
  embedLinkRoute,
  embedProviders,
  embedSnippet,
  embedTargets,
  embedTitle,
  embedView,
  featuredEmbed,
  type EmbedTarget,
} from '../../src/domain/directory/embeds.ts';
import { facetProviders } from '../../src/domain/directory/facet-pages.ts';
import { buildFacets, facetLabels, facetVocabulary, type FacetIndex } from '../../src/domain/directory/facets.ts';
import { buildDirectory, type Directory } from '../../src/domain/directory/index.ts';
import { fieldDocs, pickFields, type ExportContext } from '../../src/domain/exports/descriptor.ts';
import { embedFeedItems, embedFieldDocs, embedProviderExport, exportEmbed } from '../../src/domain/exports/embeds.ts';
import { providerExport } from '../../src/domain/exports/providers.ts';
import { embedKinds, isEmbed, reservedProviderSlugs, routes } from '../../src/domain/routes.ts';
import { loadContent } from '../../src/loader/index.ts';
import { regions } from '../../src/schemas/geography.ts';
import { BASE, TODAY } from '../content/helpers.ts';

const NUAGE = 'nuage-des-exemples';
const COOPERATIVE = 'cooperative-exemple-libre';
const UNPUBLISHED = 'atelier-en-attente';

let content: Content;
let directory: Directory;
let index: FacetIndex;
let targets: EmbedTarget[];
let ctx: ExportContext;
const provider = (id: string) => directory.providers.find((p) => p.id === id)!;
const target = (kind: EmbedTarget['kind'], code: string) => targets.find((t) => t.kind === kind && t.code === code)!;

beforeAll(async () => {
  content = (await loadContent(BASE)).content;
  directory = buildDirectory(content, TODAY);
  index = buildFacets(directory.providers, content.taxonomies);
  targets = embedTargets(facetVocabulary(content.taxonomies));
  ctx = { siteUrl: 'https://annuaire.example.org/base/', today: TODAY, taxonomies: content.taxonomies };
});

describe('embed addresses', () => {
  it('live under /integrer/, outside the directory, so that no provider file name can meet them', () => {
    expect(routes.embeds()).toBe('integrer/');
    expect(routes.embed('reseau', 'chatons')).toBe('integrer/reseau/chatons/');
    expect(routes.embed('region', '84')).toBe('integrer/region/84/');
    expect(routes.embedJson('reseau', 'chatons')).toBe('integrer/reseau/chatons.json');
    expect(routes.embedFeed('region', '84')).toBe('integrer/region/84.xml');
    for (const kind of embedKinds) expect(routes.embed(kind, 'x').startsWith(routes.directory())).toBe(false);
    expect(reservedProviderSlugs).not.toContain('integrer');
  });

  it('tell an embed (page, JSON or feed) from the guide and every other page', () => {
    expect(isEmbed(routes.embed('reseau', 'chatons'))).toBe(true);
    expect(isEmbed(routes.embedJson('region', '84'))).toBe(true);
    expect(isEmbed(routes.embedFeed('reseau', 'pana'))).toBe(true);
    expect(isEmbed(routes.embeds())).toBe(false);
    expect(isEmbed(routes.home())).toBe(false);
    expect(isEmbed(routes.provider('integrer'))).toBe(false);
    expect(isEmbed(routes.facetValue('reseau', 'chatons'))).toBe(false);
  });
});

describe('embed targets', () => {
  it('are every network of the vocabulary, then every région, even those nobody is listed in', () => {
    const withEmpty = embedTargets(
      facetVocabulary({
        ...content.taxonomies,
        networks: [...content.taxonomies.networks, { slug: 'pana', label: 'PANA', description: '' }],
      }),
    );
    expect(withEmpty.filter((t) => t.kind === 'reseau').map((t) => t.code)).toEqual(['chatons', 'libre-entreprise', 'pana']);
    expect(withEmpty.filter((t) => t.kind === 'region').map((t) => t.code)).toHaveLength(regions.length);
    expect(withEmpty.findIndex((t) => t.kind === 'region')).toBe(3);
  });

  it('are headed as the directory’s facet pages are', () => {
    expect(target('reseau', 'chatons')).toEqual({
      kind: 'reseau',
      code: 'chatons',
      label: 'CHATONS',
      heading: 'Membres du réseau CHATONS',
    });
    expect(target('region', '84').heading).toBe('Structures en Auvergne-Rhône-Alpes');
    expect(target('region', '53').label).toBe('Bretagne');
    expect(embedTitle(target('reseau', 'chatons'), 'Emancip’Asso')).toBe('Membres du réseau CHATONS · annuaire Emancip’Asso');
  });
});

describe('embed providers', () => {
  it('are the published members of the facet, in the facet page’s order', () => {
    for (const t of targets) {
      const ids = index.members[t.kind].get(t.code) ?? [];
      const listed = embedProviders(t, index, provider).map((p) => p.id);
      expect(listed).toEqual(facetProviders(t.kind, t.code, ids.map(provider)).map((p) => p.id));
      expect(listed).not.toContain(UNPUBLISHED);
    }
    expect(embedProviders(target('reseau', 'chatons'), index, provider).map((p) => p.id)).toEqual([NUAGE]);
  });

  it('for a région, put those who are there before those who work everywhere, following the place rule', () => {
    expect(embedProviders(target('region', '84'), index, provider).map((p) => p.id)).toEqual([NUAGE, COOPERATIVE]);
    // Working everywhere in France counts for every région; serving remotely does not.
    expect(embedProviders(target('region', '53'), index, provider).map((p) => p.id)).toEqual([COOPERATIVE]);
  });
});

describe('what an embed shows', () => {
  const view = (t: EmbedTarget, limit?: number) =>
    embedView(t, embedProviders(t, index, provider), facetLabels(content.taxonomies), content.taxonomies.tools, limit);

  it('lists every provider when the list is short, with its card and, for a région, why it is there', () => {
    const v = view(target('region', '84'));
    expect(v.total).toBe(2);
    expect(v.summary).toBe('2\u00A0structures recommandées');
    expect(v.cards.map((c) => c.id)).toEqual([NUAGE, COOPERATIVE]);
    expect(v.cards[0]!.summary).toContain('Grenoble (Isère)');
    expect(v.cards[1]!.reasons).toEqual(['intervient partout en France']);
    expect(v.more).toBeUndefined();
    expect(v.empty).toBeUndefined();
    expect(view(target('reseau', 'chatons')).cards[0]!.reasons).toEqual([]);
  });

  it('shows the first ones of a long list, says how it was cut, and links to the whole list', () => {
    const region = view(target('region', '84'), 1);
    expect(region.cards.map((c) => c.id)).toEqual([NUAGE]);
    expect(region.summary).toBe(
      'Les 1 premières structures sur 2\u00A0: d’abord celles installées en Auvergne-Rhône-Alpes ou qui y interviennent, puis les plus recommandées.',
    );
    expect(region.more).toEqual({ text: 'Voir les 2 structures dans l’annuaire', route: routes.facetValue('region', '84') });
    const network = embedView(
      target('reseau', 'chatons'),
      [provider(NUAGE), provider(COOPERATIVE)],
      facetLabels(content.taxonomies),
      content.taxonomies.tools,
      1,
    );
    expect(network.summary).toBe('Les 1 membres les plus recommandés, sur 2.');
    expect(EMBED_LIMIT).toBe(20);
  });

  it('says when nobody is listed yet, and how to change that', () => {
    const pana: EmbedTarget = { kind: 'reseau', code: 'pana', label: 'PANA', heading: 'Membres du réseau PANA' };
    const empty = embedView(pana, [], facetLabels(content.taxonomies), content.taxonomies.tools);
    expect(empty.cards).toEqual([]);
    expect(empty.empty?.sentence).toBe('Aucun membre du réseau PANA n’est encore dans l’annuaire.');
    expect(empty.empty?.invitation).toMatch(/^Vous en connaissez une .*\u202F\? Proposez-la/);
    expect(empty.empty?.links.map((l) => l.route)).toEqual([routes.propose(), routes.recommend()]);
    const corse = embedView(target('region', '94'), [], facetLabels(content.taxonomies), content.taxonomies.tools);
    expect(corse.empty?.sentence).toBe('Aucune structure n’intervient encore en Corse dans l’annuaire.');
    expect(embedLinkRoute(pana, 0)).toBe(routes.directory());
    expect(embedLinkRoute(pana, 3)).toBe(routes.facetValue('reseau', 'pana'));
  });

  it('previews first an embed with someone listed', () => {
    expect(featuredEmbed([{ providers: [] }, { providers: [1] }])).toEqual({ providers: [1] });
    expect(featuredEmbed([{ providers: [] }])).toEqual({ providers: [] });
  });
});

describe('the code to copy', () => {
  it('is a lazy frame with a title, the full width and a height, then a plain link to the same list', () => {
    const snippet = embedSnippet({
      src: 'https://annuaire.example.org/integrer/reseau/chatons/',
      title: 'Membres du réseau CHATONS · annuaire Emancip’Asso',
      link: 'https://annuaire.example.org/annuaire/reseau/chatons/',
    });
    expect(snippet).toBe(
      [
        '<iframe src="https://annuaire.example.org/integrer/reseau/chatons/" title="Membres du réseau CHATONS · annuaire Emancip’Asso" width="100%" height="480" loading="lazy"></iframe>',
        '<p><a href="https://annuaire.example.org/annuaire/reseau/chatons/">Membres du réseau CHATONS · annuaire Emancip’Asso</a></p>',
      ].join('\n'),
    );
  });

  it('escapes what it quotes: a name cannot close the attribute or open a tag', () => {
    const snippet = embedSnippet({ src: 'https://a.example/"x', title: 'A "B" <script>&', link: 'https://a.example/' });
    expect(snippet).not.toContain('<script>');
    expect(snippet).toContain('title="A &quot;B&quot; &lt;script&gt;&amp;"');
    expect(snippet).toContain('>A "B" &lt;script&gt;&amp;</a>');
    expect(snippet).toContain('src="https://a.example/&quot;x"');
  });
});

describe('an embed as open data', () => {
  it('holds every provider of the list, in its order, with the picked fields of prestataires.json only', () => {
    const t = target('region', '84');
    const exported = exportEmbed(t, embedProviders(t, index, provider), ctx);
    expect(exported).toMatchObject({
      title: 'Structures en Auvergne-Rhône-Alpes',
      kind: 'region',
      code: '84',
      label: 'Auvergne-Rhône-Alpes',
      count: 2,
      generated: TODAY,
      source: 'https://annuaire.example.org/base/donnees/',
      embed: 'https://annuaire.example.org/base/integrer/region/84/',
    });
    expect(exported.licence.id).toBe('etalab-2.0');
    expect(exported.providers.map((p) => p.slug)).toEqual([NUAGE, COOPERATIVE]);
    expect(Object.keys(exported.providers[0]!)).toEqual([
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
    expect(exported.providers[0]!.url).toBe('https://annuaire.example.org/base/annuaire/nuage-des-exemples/');
    expect(JSON.stringify(exported)).not.toContain('"recommendations"');
  });

  it('describes its fields with the very words of prestataires.json', () => {
    const full = new Map(fieldDocs(providerExport, content.taxonomies.criteria).map((f) => [f.key, f]));
    for (const field of embedFieldDocs()) expect(field).toEqual(full.get(field.key));
    expect(embedFieldDocs().map((f) => f.key)).toContain('location.region');
  });

  it('picks fields by name, in the descriptor’s order, and refuses a name it does not know', () => {
    expect(Object.keys(pickFields(providerExport, ['name', 'slug']))).toEqual(['slug', 'name']);
    expect(Object.keys(embedProviderExport)[0]).toBe('slug');
    expect(() => pickFields(providerExport, ['nom' as 'name'])).toThrow('Champs inconnus dans la sélection : nom.');
  });

  it('feeds its providers the newest first, with links to their profiles', () => {
    const t = target('region', '84');
    const items = embedFeedItems(embedProviders(t, index, provider), ctx);
    expect(items.map((i) => i.link).sort()).toEqual([
      'https://annuaire.example.org/base/annuaire/cooperative-exemple-libre/',
      'https://annuaire.example.org/base/annuaire/nuage-des-exemples/',
    ]);
    expect(items[0]!.date >= items[1]!.date).toBe(true);
  });
});
