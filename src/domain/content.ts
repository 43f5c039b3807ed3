/** The content as the loader hands it to the rules: typed entries that passed their schema. */
import type { Page, Partner, Resource, Settings } from '../schemas/editorial.ts';
import type { Project } from '../schemas/project.ts';
import type { Provider } from '../schemas/provider.ts';
import type { Recommendation } from '../schemas/recommendation.ts';
import type { TaxonomyName, Vocabularies } from '../schemas/taxonomies.ts';

export interface SourcePosition {
  line: number;
  column: number;
}

/** Position of the value at `path`; with `keyOfLast`, of its key (for unknown fields). */
export type Locate = (path: readonly PropertyKey[], keyOfLast?: boolean) => SourcePosition;

export interface Entry<T> {
  /** The file name without extension: the slug. */
  id: string;
  /** Path shown in messages (`content/providers/x.md`). */
  file: string;
  data: T;
  /** Markdown body ('' for YAML files). */
  body: string;
  /** Line of the file on which the body starts. */
  bodyLine: number;
  locate: Locate;
}

export interface Content {
  providers: Entry<Provider>[];
  recommendations: Entry<Recommendation>[];
  projects: Entry<Project>[];
  resources: Entry<Resource>[];
  partners: Entry<Partner>[];
  pages: Entry<Page>[];
  taxonomies: Vocabularies;
  /** Where each taxonomy file is, to point at its terms. */
  taxonomyFiles: Record<
    TaxonomyName,
    {
      file: string;
      locate: Locate;
      /** Where the list of terms is in the file: `['terms']`, or `[]` in a file of the older shape (a bare list). */
      termsAt: readonly PropertyKey[];
      /** The file is a bare list, the shape before the CMS could edit vocabularies (read, with a warning). */
      legacy?: boolean;
      /** Place in the file of each valid term (invalid ones are left out of `taxonomies`). */
      indices?: number[];
      /**
       * The file is missing or could not be read as a list (that is reported):
       * its terms are unknown, so slugs are not checked against it rather than
       * all reported as unknown.
       */
      unreadable?: boolean;
    }
  >;
  settings: Settings | undefined;
  /**
   * Entries that failed their schema, with their raw data: the rules that can
   * still run on them (Markdown safety, taxonomy slugs) do, so that one run
   * reports every problem of every file.
   */
  rejected: Array<{ type: 'providers' | 'recommendations' | 'projects' | 'resources' | 'partners' | 'pages'; entry: Entry<unknown> }>;
  /** Ids of every file found per folder, valid or not: a reference to an invalid entry is not "unknown". */
  ids: Record<'providers' | 'recommendations' | 'projects' | 'resources' | 'partners' | 'pages', ReadonlySet<string>>;
}
