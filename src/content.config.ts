/**
 * Astro collections, built from the schemas of `src/schemas/` and read from
 * the content folder (`content/`, or `CONTENT_DIR`) by the project's loader.
 */
import { defineCollection } from 'astro:content';
import { entriesLoader, settingsLoader, taxonomyLoader } from './loader/astro.ts';
import { entryTypes, settingsSchema } from './schemas/index.ts';
import { taxonomies } from './schemas/taxonomies.ts';

export const collections = {
  providers: defineCollection({ loader: entriesLoader('providers'), schema: entryTypes.providers.schema }),
  recommendations: defineCollection({ loader: entriesLoader('recommendations'), schema: entryTypes.recommendations.schema }),
  projects: defineCollection({ loader: entriesLoader('projects'), schema: entryTypes.projects.schema }),
  resources: defineCollection({ loader: entriesLoader('resources'), schema: entryTypes.resources.schema }),
  partners: defineCollection({ loader: entriesLoader('partners'), schema: entryTypes.partners.schema }),
  pages: defineCollection({ loader: entriesLoader('pages'), schema: entryTypes.pages.schema }),
  services: defineCollection({ loader: taxonomyLoader('services'), schema: taxonomies.services.schema }),
  tools: defineCollection({ loader: taxonomyLoader('tools'), schema: taxonomies.tools.schema }),
  criteria: defineCollection({ loader: taxonomyLoader('criteria'), schema: taxonomies.criteria.schema }),
  networks: defineCollection({ loader: taxonomyLoader('networks'), schema: taxonomies.networks.schema }),
  settings: defineCollection({ loader: settingsLoader(), schema: settingsSchema }),
};
