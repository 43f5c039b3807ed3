/**
 * The open-data files and feeds, from the small test corpus
 * (tests/content/fixtures/base): two published providers, one waiting
 * (atelier-en-attente, whose recommendations are pending or rejected), one
 * project whose maker is published.
 */
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Content, Entry } from '../../src/domain/content.ts';
import { buildDirectory, type Directory } from '../../src/domain/directory/index.ts';
import { guardFormula, providerCsvColumns, providersCsv } from '../../src/domain/exports/csv.ts';
import type { ExportContext } from '../../src/domain/exports/descriptor.ts';
import { FEED_ITEMS, projectFeedItems, providerFeedItems } from '../../src/domain/exports/feeds.ts';
import { exportProjects, fundingGuid, projectFieldDocs } from '../../src/domain/exports/projects.ts';
import { exportProviders, providerFieldDocs } from '../../src/domain/exports/providers.ts';
import { loadContent } from '../../src/loader/index.ts';
import { metaOf, schemaAt } from '../../src/schemas/introspect.ts';
import { projectSchema } from '../../src/schemas/project.ts';
import { providerSchema } from '../../src/schemas/provider.ts';
import { BASE, TODAY } from '../content/helpers.ts';

const PUBLISHED = ['cooperative-exemple-libre', 'nuage-des-exemples'];
const UNPUBLISHED = 'atelier-en-attente';
const PROJECT = 'agenda-partage-exemple';

let content: Content;
let directory: Directory;
let ctx: ExportContext;

beforeAll(async () => {
  content = (await loadContent(BASE)).content;
  directory = buildDirectory(content, TODAY);
  ctx = { siteUrl: 'https://annuaire.example.org/base/', today: TODAY, taxonomies: content.taxonomies };
});

/** The test corpus with one provider, recommendation or project changed: the case a test shows. */
function directoryWith(change: (c: Content) => void): Directory {
  const clone = <T>(entries: Entry<T>[]) => entries.map((e) => ({ ...e, data: structuredClone(e.data) }));
  const copy: Content = {
    ...content,
    providers: clone(content.providers),
    recommendations: clone(content.recommendations),
    projects: clone(content.projects),
  };
  change(copy);
  return buildDirectory(copy, TODAY);
}

describe('providers export', () => {
  it('lists only published providers, each with at least one verified recommendation', () => {
    const exported = exportProviders(directory, ctx);
    expect(exported.providers.map((p) => p.slug)).toEqual(PUBLISHED);
    for (const p of exported.providers) expect(p.verified_recommendations).toBeGreaterThan(0);
    expect(exported.count).toBe(2);
    expect(exported.licence.id).toBe('etalab-2.0');
  });

  it('carries only verified recommendations, and nothing of pending or rejected ones', () => {
    const json = JSON.stringify(exportProviders(directory, ctx));
    for (const rec of content.recommendations.filter((r) => r.data.verification.status !== 'verified')) {
      expect(json).not.toContain(rec.data.association.name);
    }
    const verifiedCount = content.recommendations.filter(
      (r) => r.data.verification.status === 'verified' && r.data.provider !== UNPUBLISHED,
    ).length;
    const exportedCount = exportProviders(directory, ctx).providers.reduce((n, p) => n + p.recommendations.length, 0);
    expect(exportedCount).toBe(verifiedCount);
  });

  it('says nothing about people: no committee member, no identifiers or website of the association', () => {
    const exported = exportProviders(directory, ctx);
    const json = JSON.stringify(exported);
    for (const rec of content.recommendations) {
      if (rec.data.verification.by) expect(json).not.toContain(`"${rec.data.verification.by}"`);
      if (rec.data.association.rna) expect(json).not.toContain(rec.data.association.rna);
    }
    for (const p of exported.providers) {
      for (const r of p.recommendations) {
        expect(Object.keys(r.association).sort()).toEqual(expect.arrayContaining(['name']));
        for (const key of Object.keys(r.association)) expect(['name', 'city', 'size']).toContain(key);
        expect(Object.keys(r.verification).sort()).toEqual(['date', 'method']);
      }
    }
  });

  it('computes the figures: counts, per-criterion averages, first and last verification', () => {
    const exported = exportProviders(directory, ctx).providers.find((p) => p.slug === 'nuage-des-exemples')!;
    const recs = content.recommendations.filter(
      (r) => r.data.provider === 'nuage-des-exemples' && r.data.verification.status === 'verified',
    );
    expect(recs).toHaveLength(2);
    const dates = recs.map((r) => r.data.verification.date!).sort();
    expect(exported.verified_recommendations).toBe(recs.length);
    expect(exported.published_since).toBe(dates[0]);
    expect(exported.last_verified).toBe(dates.at(-1));
    expect(exported.url).toBe('https://annuaire.example.org/base/annuaire/nuage-des-exemples/');
    for (const criterion of content.taxonomies.criteria) {
      const given = recs.map((r) => r.data.ratings[criterion.slug]).filter((v): v is number => typeof v === 'number');
      const expected = given.length ? Math.round((given.reduce((a, b) => a + b, 0) / given.length) * 100) / 100 : null;
      expect(exported.ratings[criterion.slug]).toEqual({ average: expected, count: given.length });
    }
  });
});

describe('providers CSV', () => {
  it('has one row per published provider and one column per CSV field, lists joined with « ; »', () => {
    const exported = exportProviders(directory, ctx).providers;
    const rows = parse(providersCsv(exported, content.taxonomies.criteria), { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(exported.length);
    expect(Object.keys(rows[0]!)).toEqual(providerCsvColumns(content.taxonomies.criteria));
    const first = rows.find((r) => r.slug === exported[0]!.slug)!;
    expect(first.services).toBe(exported[0]!.services.join(';'));
    expect(first['verified_recommendations']).toBe(String(exported[0]!.verified_recommendations));
    expect(rows.some((r) => r.slug === UNPUBLISHED)).toBe(false);
  });

  it('escapes commas, quotes and line breaks, and keeps spreadsheet formulas as text', () => {
    const hostile = directoryWith((c) => {
      const p = c.providers.find((e) => e.id === 'nuage-des-exemples')!;
      p.data.name = '=HYPERLINK("https://attaque.example","Cliquez")';
      p.data.pricing.details = '+33, « tarif » "spécial"\nsur deux lignes';
      p.data.location.city = '@Lyon';
      p.data.contact.phone = '-1+1';
    });
    const exported = exportProviders(hostile, ctx).providers;
    const csv = providersCsv(exported, content.taxonomies.criteria);
    const rows = parse(csv, { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(PUBLISHED.length);
    const row = rows.find((r) => r.slug === 'nuage-des-exemples')!;
    expect(row.name).toBe(`'=HYPERLINK("https://attaque.example","Cliquez")`);
    expect(row['pricing.details']).toBe(`'+33, « tarif » "spécial"\nsur deux lignes`);
    expect(row['location.city']).toBe("'@Lyon");
    expect(row['contact.phone']).toBe("'-1+1");
    // The JSON keeps the values as they are: it is not opened by a spreadsheet.
    expect(exported.find((p) => p.slug === 'nuage-des-exemples')!.name.startsWith('=')).toBe(true);
    // No cell of the file starts with a formula character.
    for (const r of rows) for (const cell of Object.values(r)) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });

  it('guards every formula start and nothing else', () => {
    for (const v of ['=1+1', '+1', '-2', '@SUM(A1)', '\tx', '\rx']) expect(guardFormula(v)).toBe(`'${v}`);
    for (const v of ['Lyon', '2026-01-01', "'déjà", '', '1=1']) expect(guardFormula(v)).toBe(v);
  });
});

describe('field descriptions', () => {
  it('take titles and hints from the schemas, not from a second list', () => {
    const { providers: fields, recommendations } = providerFieldDocs(content.taxonomies.criteria);
    const city = fields.find((f) => f.key === 'location.city')!;
    expect(city.title).toBe(metaOf(schemaAt(providerSchema, ['location', 'city'])!).title);
    const structure = fields.find((f) => f.key === 'structure')!;
    expect(structure.values?.map((v) => v.value)).toEqual(['association', 'cooperative', 'entreprise', 'independant', 'collectif']);
    const goal = projectFieldDocs().find((f) => f.key === 'goal_eur')!;
    expect(goal.description).toBe(metaOf(schemaAt(projectSchema, ['goal_eur'])!).description);
    expect(recommendations.map((f) => f.key)).not.toContain('recommendations[].verification.by');
  });

  it('describe every key of the exported objects', () => {
    const exported = exportProviders(directory, ctx).providers;
    const { providers, recommendations } = providerFieldDocs(content.taxonomies.criteria);
    const described = new Set([...providers, ...recommendations].map((f) => f.key));
    const leafKeys = (o: object, prefix = ''): string[] =>
      Object.entries(o).flatMap(([k, v]) =>
        v && typeof v === 'object' && !Array.isArray(v) && !described.has(prefix + k) ? leafKeys(v, `${prefix}${k}.`) : [prefix + k],
      );
    for (const p of exported) {
      for (const key of leafKeys(p)) expect(described, key).toContain(key);
      for (const r of p.recommendations) for (const key of leafKeys(r, 'recommendations[].')) expect(described, key).toContain(key);
    }

    const projectKeys = new Set(projectFieldDocs().map((f) => f.key));
    for (const p of exportProjects(directory, ctx).projects) {
      for (const key of Object.keys(p)) {
        expect(
          [...projectKeys].some((k) => k === key || k.startsWith(`${key}.`)),
          key,
        ).toBe(true);
      }
    }
  });
});

describe('projects export (funding.json)', () => {
  it('fills the funding.json project fields', () => {
    const { projects, fundingJsonVersion } = exportProjects(directory, ctx);
    expect(fundingJsonVersion).toBe('v1.1.0');
    expect(projects).toHaveLength(content.projects.length);
    for (const p of projects) {
      expect(p.guid).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(p.guid.length).toBeLessThanOrEqual(32);
      expect(p.name).toBe(p.title);
      expect(p.description).toBe(p.summary);
      expect(p.webpageUrl.url).toBe(`https://annuaire.example.org/base/projets/${p.slug}/`);
      expect(p.repositoryUrl.url).toBe(p.software.url);
      for (const tag of p.tags) expect(tag).toMatch(/^[a-z0-9-]{1,32}$/);
      for (const licence of p.licenses) expect(licence).toMatch(/^spdx:/);
      const [plan] = p.funding.plans;
      expect(plan).toMatchObject({ amount: p.goal_eur, currency: 'EUR', frequency: 'one-time' });
      expect(plan!.status).toBe(p.status === 'en-financement' ? 'active' : 'inactive');
      expect(plan!.channels).toEqual(p.funding.channels.map((c) => c.guid));
      if (p.payment_url) expect(p.funding.channels[0]).toMatchObject({ type: 'payment-provider', address: p.payment_url });
    }
    const guids = projects.map((p) => p.guid);
    expect(new Set(guids).size).toBe(guids.length);
  });

  it('computes pledged, paid and remaining amounts', () => {
    const p = exportProjects(directory, ctx).projects.find((x) => x.slug === PROJECT)!;
    expect(p.pledged_eur).toBe(1200);
    expect(p.paid_eur).toBe(500);
    expect(p.remaining_eur).toBe(1800);
    expect(p.progress).toBe(0.4);
  });

  it('never names an unpublished maker', () => {
    const changed = directoryWith((c) => {
      c.projects.find((p) => p.id === PROJECT)!.data.maker = UNPUBLISHED;
    });
    const exported = exportProjects(changed, ctx);
    expect(JSON.stringify(exported)).not.toContain(UNPUBLISHED);
    expect(exported.projects.find((p) => p.slug === PROJECT)!.maker).toBeUndefined();
    // A published maker is named, with a link to its profile.
    expect(exportProjects(directory, ctx).projects.find((p) => p.slug === PROJECT)!.maker).toEqual({
      slug: 'nuage-des-exemples',
      name: directory.providers.find((p) => p.id === 'nuage-des-exemples')!.data.name,
      url: 'https://annuaire.example.org/base/annuaire/nuage-des-exemples/',
    });
  });

  it('shortens long slugs into distinct funding.json identifiers', () => {
    const taken = new Set<string>();
    const a = fundingGuid('import-google-workspace-nextcloud-et-calendriers', taken);
    const b = fundingGuid('import-google-workspace-nextcloud-et-contacts', taken);
    expect(a).toBe('import-google-workspace');
    expect(b.length).toBeLessThanOrEqual(32);
    expect(b).not.toBe(a);
    expect(fundingGuid('court', taken)).toBe('court');
  });
});

describe('feeds', () => {
  it('date each published provider by its first verified recommendation, newest first', () => {
    const items = providerFeedItems(directory, ctx);
    expect(items.map((i) => i.link.split('/').at(-2)).sort()).toEqual(directory.providers.map((p) => p.id).sort());
    const dates = items.map((i) => i.date);
    expect([...dates].sort().reverse()).toEqual(dates);
    const garonne = items.find((i) => i.link.endsWith('/nuage-des-exemples/'))!;
    expect(garonne.date).toBe(exportProviders(directory, ctx).providers.find((p) => p.slug === 'nuage-des-exemples')!.published_since);
  });

  it('hold only the newest items', () => {
    const all = providerFeedItems(directory, ctx);
    expect(all.length).toBeLessThanOrEqual(FEED_ITEMS);
    expect(providerFeedItems(directory, ctx, 1)).toEqual(all.slice(0, 1));
    expect(projectFeedItems(directory, ctx, 0)).toEqual([]);
  });

  it('date projects by the day they were proposed', () => {
    const items = projectFeedItems(directory, ctx);
    expect(items).toHaveLength(content.projects.length);
    for (const item of items) {
      const project = content.projects.find((p) => item.link.endsWith(`/projets/${p.id}/`))!;
      expect(item.date).toBe(project.data.proposed);
    }
  });
});
