/**
 * The Decap CMS configuration, served as `/admin/config.yml`: one collection
 * per entry type of `src/schemas/index.ts`, fields derived from the schemas
 * (`fields.ts`), taxonomies read from the content folder, the backend from
 * the environment (`backend.ts`). Publishing goes through the editorial
 * workflow: every save is a branch and a pull request, never a commit on the
 * published branch.
 */
import { stringify } from 'yaml';
import type { Settings } from '../schemas/editorial.ts';
import { CONTENT_FOLDER, entryTypes, settingsSchema, SETTINGS_FILE, type EntryTypeName } from '../schemas/index.ts';
import { taxonomies as vocabularies, taxonomyNames, TERMS_KEY, vocabularyFileSchema } from '../schemas/taxonomies.ts';
import { backendConfig, type CmsEnv } from './backend.ts';
import { awaitsCommittee } from '../domain/projects.ts';
import { entryNaming, NAME_PART_MAX, recommendationId } from '../domain/entry-names.ts';
import { projectStatuses } from '../schemas/project.ts';
import { entryFields, typeFields, type EntryField, type Taxonomies } from '../fields/index.ts';

/** The CMS collection of the vocabularies, one file per taxonomy (`#/collections/vocabularies/entries/tools`). */
export const VOCABULARIES_COLLECTION = 'vocabularies';

export interface CmsConfigInput {
  taxonomies: Taxonomies;
  settings: Settings;
  env?: CmsEnv;
  /** astro dev / npm start: the CMS talks to decap-server when it answers. */
  dev?: boolean;
  /** The content folder, relative to the repository root. */
  contentFolder?: string;
}

/** How each collection names, sums up and files its entries (not its fields: they come from the schemas). */
interface CollectionView {
  /** Field that identifies an entry in Decap (it must not be empty to save). */
  identifier: string;
  summary: string;
  description: string;
  committeeOnly?: boolean;
  sortable?: string[];
  filters?: Array<{ label: string; field: string; pattern: string | boolean }>;
}

const views: Record<EntryTypeName, CollectionView> = {
  providers: {
    identifier: 'name',
    summary: '{{name}} — {{location.city}}',
    description:
      'Les structures qui accompagnent les associations. Une fiche est publiée dès qu’une de ses recommandations est vérifiée par le comité.',
    sortable: ['name', 'updated'],
  },
  recommendations: {
    identifier: 'provider',
    summary: '{{association.name}} → {{provider}} ({{verification.status}})',
    description:
      'Le témoignage d’une association accompagnée. Le comité de pilotage la vérifie auprès de l’association avant de la publier.',
    sortable: ['provider'],
    filters: [
      { label: 'En attente de vérification', field: 'verification.status', pattern: 'pending' },
      { label: 'Vérifiées', field: 'verification.status', pattern: 'verified' },
    ],
  },
  projects: {
    identifier: 'title',
    summary: '{{title}} ({{status}})',
    description: 'Les logiciels libres et fonctionnalités dont les associations ont besoin, à co-financer.',
    sortable: ['title', 'proposed'],
    filters: [{ label: 'Propositions à valider', field: 'status', pattern: projectStatuses.find(awaitsCommittee)! }],
  },
  resources: {
    identifier: 'title',
    summary: '{{order}}. {{title}}',
    description: 'Réservé au comité : les modules du programme de formation des structures.',
    committeeOnly: true,
    sortable: ['order', 'title'],
  },
  partners: {
    identifier: 'name',
    summary: '{{name}}',
    description: 'Réservé au comité : les réseaux partenaires.',
    committeeOnly: true,
  },
  pages: {
    identifier: 'title',
    summary: '{{title}}',
    description: 'Réservé au comité : les pages éditoriales (charte, critères, mentions légales…).',
    committeeOnly: true,
  },
};

/**
 * A field as Decap reads it: without the keys of Emancip'Asso's own. A
 * required multiple choice starts as an empty list: Decap's select would
 * otherwise set one as soon as the form opens, and an untouched form would
 * count as changed, kept as a local backup and offered for restoring.
 *
 * Decap asks for the required fields of an optional group even when the
 * whole group is left empty (decap-cms issue 7748): in an optional group
 * (the availability), each field is optional for Decap; the check run before
 * saving (the schema) asks for them as soon as the group is answered, and a
 * group left blank is saved absent (save.ts).
 */
function forDecap(field: EntryField, inOptionalGroup = false): Record<string, unknown> {
  const { committee: _committee, input: _input, fields, field: item, ...rest } = field;
  const startsEmpty = rest.widget === 'select' && rest.multiple && rest.required && rest.default === undefined;
  const optionalGroup = rest.widget === 'object' && rest.required === false;
  return {
    ...rest,
    ...(inOptionalGroup ? { required: false } : {}),
    ...(startsEmpty ? { default: [] } : {}),
    ...(fields ? { fields: fields.map((f) => forDecap(f, optionalGroup)) } : {}),
    ...(item ? { field: forDecap(item) } : {}),
  };
}

/**
 * The collection's `slug` template, from how the entry type names its files.
 * Decap fills it only when it creates a file; `admin.ts` then hands it the
 * name part already made (`file-name.ts`), which Decap's own rules leave as
 * it is. Should that step ever be missing, the template still keeps within
 * the length (`truncate` appends « ... », which the slug rules drop).
 */
export function slugTemplate(type: EntryTypeName): string {
  const naming = entryNaming[type];
  const part = `{{fields.${naming.from.join('.')} | truncate(${NAME_PART_MAX})}}`;
  return naming.prefix ? recommendationId(`{{${naming.prefix}}}`, part) : part;
}

export function buildCmsConfig(input: CmsConfigInput): Record<string, unknown> {
  const { taxonomies, settings, env = {}, dev = false } = input;
  const folder = (input.contentFolder ?? CONTENT_FOLDER).replace(/\/+$/, '');
  const collections = (Object.keys(entryTypes) as EntryTypeName[]).map((type) => {
    const entryType = entryTypes[type];
    const view = views[type];
    return {
      name: type,
      label: entryType.labelPlural,
      label_singular: entryType.label,
      description: view.description,
      folder: `${folder}/${entryType.name}`,
      ...(entryType.format === 'markdown' ? { extension: 'md', format: 'frontmatter' } : { extension: 'yml', format: 'yml' }),
      create: true,
      identifier_field: view.identifier,
      slug: slugTemplate(type),
      summary: view.summary,
      ...(view.sortable ? { sortable_fields: view.sortable } : {}),
      ...(view.filters ? { view_filters: view.filters } : {}),
      fields: typeFields(type, taxonomies).map((f) => forDecap(f)),
    };
  });
  const settingsCollection = {
    name: 'settings',
    label: 'Réglages',
    description: 'Réservé au comité : le nom du site, son adresse, le dépôt et l’adresse de contact.',
    editor: { preview: false },
    files: [
      {
        name: 'settings',
        label: 'Réglages du site',
        file: `${folder}/${SETTINGS_FILE}`,
        fields: entryFields(settingsSchema, undefined, { taxonomies }).map((f) => forDecap(f)),
      },
    ],
  };

  // The committee keeps the vocabularies: one file each, its terms as a list (`terms:`).
  const vocabulariesCollection = {
    name: VOCABULARIES_COLLECTION,
    label: 'Vocabulaires',
    label_singular: 'Vocabulaire',
    description:
      'Réservé au comité : les services, logiciels libres, critères et réseaux que les fiches citent. Un terme retiré alors que des fiches l’utilisent encore est refusé par la vérification, qui nomme ces fiches.',
    editor: { preview: false },
    files: taxonomyNames.map((name) => ({
      name,
      label: vocabularies[name].title,
      file: `${folder}/${vocabularies[name].file}`,
      fields: entryFields(vocabularyFileSchema(name), undefined, { taxonomies }).map((field) =>
        field.name === TERMS_KEY
          ? {
              ...forDecap(field),
              label_singular: vocabularies[name].termLabel,
              summary: '{{fields.label}} ({{fields.slug}})',
              collapsed: true,
            }
          : forDecap(field),
      ),
    })),
  };

  return {
    locale: 'fr',
    ...backendConfig(settings, env, dev),
    publish_mode: 'editorial_workflow',
    site_url: settings.site_url,
    display_url: settings.site_url,
    // Logos go beside the site's other images; the schema accepts « /logos/nom.png ».
    media_folder: 'public/logos',
    public_folder: '/logos',
    slug: { encoding: 'ascii', clean_accents: true, sanitize_replacement: '-' },
    search: true,
    collections: [...collections, vocabulariesCollection, settingsCollection],
  };
}

export function cmsConfigYaml(input: CmsConfigInput): string {
  return `# Produit à partir de src/schemas/ : ne pas modifier à la main.\n${stringify(buildCmsConfig(input), { lineWidth: 0 })}`;
}
