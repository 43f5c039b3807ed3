/**
 * What every page needs, computed once per build from Astro's collections:
 * the directory (published providers, projects, figures) and the taxonomies.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import type { Content, Entry } from '../domain/content.ts';
import { todayInFrance } from '../domain/text/dates.ts';
import { buildDirectory, type Directory } from '../domain/directory/index.ts';
import { withBase } from '../domain/routes.ts';
import { taxonomyNames, type Vocabularies } from '../schemas/taxonomies.ts';
import type { Settings } from '../schemas/editorial.ts';

export interface SiteData {
  today: string;
  directory: Directory;
  taxonomies: Content['taxonomies'];
  settings: Settings;
  /** Sanitised HTML of a rendered body, by collection and id, its site links under the base path. */
  html(collection: 'providers' | 'recommendations' | 'projects' | 'resources' | 'pages', id: string): string;
  resources: CollectionEntry<'resources'>[];
  partners: CollectionEntry<'partners'>[];
  pages: CollectionEntry<'pages'>[];
}

let data: Promise<SiteData> | undefined;

function asEntries<T>(entries: Array<{ id: string; data: T; body?: string; filePath?: string }>): Entry<T>[] {
  return entries.map((e) => ({
    id: e.id,
    file: e.filePath ?? e.id,
    data: e.data,
    body: e.body ?? '',
    bodyLine: 1,
    locate: () => ({ line: 1, column: 1 }),
  }));
}

async function load(): Promise<SiteData> {
  const [providers, recommendations, projects, resources, partners, pages, settings] = await Promise.all([
    getCollection('providers'),
    getCollection('recommendations'),
    getCollection('projects'),
    getCollection('resources'),
    getCollection('partners'),
    getCollection('pages'),
    getCollection('settings'),
  ]);
  // In the order of their files: the committee chose it (criteria are asked in that order).
  const inFileOrder = <T>(terms: Array<{ data: T; rendered?: { metadata?: Record<string, unknown> } }>) =>
    [...terms].sort((a, b) => Number(a.rendered?.metadata?.position ?? 0) - Number(b.rendered?.metadata?.position ?? 0)).map((e) => e.data);
  const taxonomies = Object.fromEntries(
    await Promise.all(taxonomyNames.map(async (name) => [name, inFileOrder(await getCollection(name))] as const)),
  ) as Vocabularies;
  const content: Content = {
    providers: asEntries(providers),
    recommendations: asEntries(recommendations),
    projects: asEntries(projects),
    resources: asEntries(resources),
    partners: asEntries(partners),
    pages: asEntries(pages),
    taxonomies,
    taxonomyFiles: {} as Content['taxonomyFiles'],
    settings: settings[0]?.data,
    ids: {} as Content['ids'],
    rejected: [],
  };
  // A fixed day makes builds of the same content reproducible (tests, reviews).
  const today = process.env.EMANCIPASSO_TODAY ?? todayInFrance();
  const rendered = new Map<string, string>();
  for (const [name, list] of Object.entries({ providers, recommendations, projects, resources, pages })) {
    for (const entry of list) rendered.set(`${name}/${entry.id}`, entry.rendered?.html ?? '');
  }
  if (!content.settings) throw new Error('content/settings.yml manque ou est invalide : lancez « npm run check ».');
  return {
    today,
    directory: buildDirectory(content, today),
    taxonomies,
    settings: content.settings,
    html: (collection, id) => withBase(rendered.get(`${collection}/${id}`) ?? '', import.meta.env.BASE_URL),
    resources: resources.sort((a, b) => a.data.order - b.data.order),
    partners,
    pages,
  };
}

export function getSiteData(): Promise<SiteData> {
  data ??= load();
  return data;
}
