/**
 * The open-data files and feeds as the build serves them: the domain's
 * exports with the site's public address (`site` and the base path).
 */
import rss from '@astrojs/rss';
import { escapeUTF8 } from 'entities/escape';
import { getSiteData } from './data.ts';
import { providersCsv } from '../domain/exports/csv.ts';
import type { ExportContext } from '../domain/exports/descriptor.ts';
import type { FeedItem } from '../domain/exports/feeds.ts';
import { exportProjects } from '../domain/exports/projects.ts';
import { exportProviders } from '../domain/exports/providers.ts';

/** The public address of the site's home, base path included: `https://exemple.org/annuaire/`. */
export function siteHome(site: URL | undefined): string {
  if (!site) throw new Error('L’adresse publique du site manque : indiquez SITE_URL (ou « site » dans astro.config.mjs).');
  return new URL(import.meta.env.BASE_URL, site).href;
}

export async function exportContext(site: URL | undefined): Promise<ExportContext> {
  const { today, taxonomies } = await getSiteData();
  return { siteUrl: siteHome(site), today, taxonomies };
}

export interface OpenDataFiles {
  providersJson: string;
  providersCsv: string;
  projectsJson: string;
  providers: number;
  projects: number;
}

let files: Promise<OpenDataFiles> | undefined;

/**
 * The three files as they are written, computed once per build: the
 * endpoints serve them and the /donnees/ page gives their sizes. JSON is
 * written compact: browsers and editors lay it out for reading.
 */
export function openDataFiles(site: URL | undefined): Promise<OpenDataFiles> {
  files ??= (async () => {
    const [{ directory, taxonomies }, ctx] = await Promise.all([getSiteData(), exportContext(site)]);
    const providers = exportProviders(directory, ctx);
    return {
      providersJson: JSON.stringify(providers),
      providersCsv: providersCsv(providers.providers, taxonomies.criteria),
      projectsJson: JSON.stringify(exportProjects(directory, ctx)),
      providers: providers.count,
      projects: directory.projects.length,
    };
  })();
  return files;
}

/** An RSS 2.0 feed of the given items, in French, pointing to itself (atom:link rel="self"). */
export async function feed(options: { site: URL | undefined; title: string; description: string; path: string; items: FeedItem[] }) {
  const home = siteHome(options.site);
  const self = new URL(options.path, home).href;
  return rss({
    title: options.title,
    description: options.description,
    site: home,
    xmlns: { atom: 'http://www.w3.org/2005/Atom' },
    customData: `<language>fr-fr</language><atom:link href="${self}" rel="self" type="application/rss+xml"/>`,
    items: options.items.map((item) => ({
      title: item.title,
      link: item.link,
      // Noon UTC keeps the calendar day the same for readers in France and nearby.
      pubDate: new Date(`${item.date}T12:00:00Z`),
      // Readers take an RSS description as HTML: contributor text is escaped
      // for HTML here, then for XML by the feed writer.
      description: escapeUTF8(item.description),
      categories: item.categories,
    })),
  });
}
