/**
 * Open data: the published directory and the projects as plain objects and
 * CSV rows, and the items of the feeds. Everything starts from the
 * Directory, so only published providers and verified recommendations can
 * ever be exported. Field titles and hints come from the schemas' `.meta()`;
 * only figures computed here carry their own description, next to the code
 * that computes them.
 */
import { stringify } from 'csv-stringify/sync';
import type { Directory, ListedProject, ListedProvider } from './directory.ts';
import { isFundraising } from './projects.ts';
import { absoluteUrl, routes } from './routes.ts';
import { arrayElement, enumValues, kindOf, metaOf, schemaAt, unwrap } from '../schemas/introspect.ts';
import { departmentRegion } from '../schemas/geography.ts';
import { projectSchema, projectStatusLabels } from '../schemas/project.ts';
import { providerSchema } from '../schemas/provider.ts';
import { recommendationSchema } from '../schemas/recommendation.ts';
import type { Criterion, Service, Tool } from '../schemas/taxonomies.ts';
import type { z } from 'zod';

/** The licence of the exported data. */
export const DATA_LICENCE = {
  name: 'Licence Ouverte 2.0 (Etalab)',
  id: 'etalab-2.0',
  url: 'https://www.etalab.gouv.fr/licence-ouverte-open-licence/',
} as const;

/** Version of the funding.json manifest whose field names the projects export follows. */
export const FUNDING_JSON_VERSION = 'v1.1.0';

export interface ExportContext {
  /** Absolute address of the site's home, base path included, ending with `/`. */
  siteUrl: string;
  /** The build's day (`YYYY-MM-DD`), written as the generation date. */
  today: string;
  taxonomies: { criteria: readonly Criterion[]; tools: readonly Tool[]; services: readonly Service[] };
}

export const providerUrl = (ctx: Pick<ExportContext, 'siteUrl'>, slug: string) => absoluteUrl(ctx.siteUrl, routes.provider(slug));
export const projectUrl = (ctx: Pick<ExportContext, 'siteUrl'>, slug: string) => absoluteUrl(ctx.siteUrl, routes.project(slug));

// ---------------------------------------------------------------------------
// Providers

export interface RatingSummary {
  /** Mean of the ratings, two decimals, or null when nobody rated the criterion. */
  average: number | null;
  count: number;
}

/**
 * What a recommendation shows in the exports: the association speaks through
 * its name, city and size only; no identifiers, no committee member.
 */
export interface ExportedRecommendation {
  association: { name: string; city?: string; size?: string };
  project: { title: string; start: string; end: string; services: string[]; tools: string[] };
  ratings: Record<string, number | null>;
  recommend: boolean;
  verification: { date: string; method: string };
  testimony: string;
}

export interface ExportedProvider {
  slug: string;
  url: string;
  name: string;
  structure: string;
  networks: string[];
  siren?: string;
  website: string;
  contact: { email: string; phone?: string; form?: string };
  location: { city: string; postcode: string; department: string; region: string };
  area: { national: boolean; remote: boolean; regions: string[]; departments: string[] };
  services: string[];
  tools: string[];
  sizes: string[];
  pricing: { model: string; from_eur?: number; details?: string; url?: string };
  languages: string[];
  charter_signed?: string;
  trained?: number;
  updated: string;
  description: string;
  published_since: string;
  last_verified: string;
  verified_recommendations: number;
  would_recommend: number;
  ratings: Record<string, RatingSummary>;
  recommendations: ExportedRecommendation[];
}

const round2 = (n: number) => Math.round(n * 100) / 100;

/** Drops keys whose value is undefined, so JSON and CSV agree on "empty". */
function compact<T extends object>(object: T): T {
  return Object.fromEntries(Object.entries(object).filter(([, v]) => v !== undefined)) as T;
}

export function exportProvider(provider: ListedProvider, ctx: ExportContext): ExportedProvider {
  const d = provider.data;
  return compact({
    slug: provider.id,
    url: providerUrl(ctx, provider.id),
    name: d.name,
    structure: d.structure,
    networks: [...d.networks],
    siren: d.siren,
    website: d.website,
    contact: compact({ email: d.contact.email, phone: d.contact.phone, form: d.contact.form }),
    location: {
      city: d.location.city,
      postcode: d.location.postcode,
      department: d.location.department,
      region: departmentRegion(d.location.department) ?? '',
    },
    area: {
      national: d.area.national,
      remote: d.area.remote,
      regions: [...d.area.regions],
      departments: [...d.area.departments],
    },
    services: [...d.services],
    tools: [...d.tools],
    sizes: [...d.sizes],
    pricing: compact({ model: d.pricing.model, from_eur: d.pricing.from_eur, details: d.pricing.details, url: d.pricing.url }),
    languages: [...d.languages],
    charter_signed: d.charter_signed,
    trained: d.trained,
    updated: d.updated,
    description: provider.body.trim(),
    published_since: provider.publishedSince,
    last_verified: provider.lastVerified ?? '',
    verified_recommendations: provider.recommendations.length,
    would_recommend: provider.recommendCount,
    ratings: Object.fromEntries(
      provider.ratings.map((r) => [r.criterion, { average: r.average === null ? null : round2(r.average), count: r.count }]),
    ),
    recommendations: provider.recommendations
      .filter((r) => r.data.verification.status === 'verified')
      .map((r) => {
        const a = r.data.association;
        return {
          association: compact({ name: a.name, city: a.city, size: a.size }),
          project: {
            title: r.data.project.title,
            start: r.data.project.start,
            end: r.data.project.end,
            services: [...r.data.project.services],
            tools: [...r.data.project.tools],
          },
          ratings: { ...r.data.ratings },
          recommend: r.data.recommend,
          verification: { date: r.data.verification.date ?? '', method: r.data.verification.method ?? '' },
          testimony: r.body.trim(),
        };
      }),
  });
}

export interface ProvidersExport {
  title: string;
  licence: typeof DATA_LICENCE;
  source: string;
  generated: string;
  count: number;
  providers: ExportedProvider[];
}

export function exportProviders(directory: Pick<Directory, 'providers'>, ctx: ExportContext): ProvidersExport {
  return {
    title: 'Structures recommandées pour accompagner les associations vers le numérique libre',
    licence: DATA_LICENCE,
    source: absoluteUrl(ctx.siteUrl, routes.openData()),
    generated: ctx.today,
    count: directory.providers.length,
    providers: directory.providers.map((p) => exportProvider(p, ctx)),
  };
}

// ---------------------------------------------------------------------------
// Field descriptions: what the /donnees/ page shows, read from the schemas.

export interface FieldDoc {
  /** Path in the JSON object, and header of the CSV column when `csv`. */
  key: string;
  title: string;
  description: string;
  /** Plain French word for the kind of value. */
  type: string;
  /** Allowed values and their French labels, when the field is a closed list. */
  values?: Array<{ value: string; label: string }>;
  /** The taxonomy whose slugs the field holds. */
  taxonomy?: string;
  /** INSEE codes the field holds. */
  geography?: string;
  csv: boolean;
  /** The matching funding.json field (projects only). */
  fundingJson?: string;
}

type AnySchema = z.core.$ZodType;

/** A plain French name for the kind of value a schema holds. */
function typeName(schema: AnySchema): string {
  const inner = unwrap(schema);
  const def = inner._zod.def as { type: string; format?: string };
  const meta = metaOf(schema);
  switch (def.type) {
    case 'array': {
      const element = arrayElement(schema);
      return element && kindOf(element) === 'object' ? 'liste d’objets' : 'liste';
    }
    case 'boolean':
      return 'vrai ou faux';
    case 'number':
    case 'int':
      return 'nombre entier';
    case 'enum':
      return 'valeur d’une liste fermée';
    case 'object':
      return 'objet';
    case 'record':
      return 'objet (une clé par critère)';
    case 'string':
      if (def.format === 'date') return 'date (AAAA-MM-JJ)';
      if (meta.format === 'https-url') return 'adresse web';
      return 'texte';
    default:
      return 'texte';
  }
}

function labelledValues(schema: AnySchema): FieldDoc['values'] {
  const target = arrayElement(schema) ?? schema;
  const values = enumValues(target);
  if (!values) return undefined;
  const labels = metaOf(target).labels ?? metaOf(schema).labels ?? {};
  return values.map((value) => ({ value, label: labels[value] ?? value }));
}

/** Describes the field at `path` of `root` from its `.meta()`. */
function fromSchema(root: AnySchema, key: string, path: readonly string[], csv: boolean, fundingJson?: string): FieldDoc {
  const schema = schemaAt(root, path);
  if (!schema) throw new Error(`Pas de champ « ${path.join('.')} » dans le schéma : la liste des champs exportés est à corriger.`);
  const meta = metaOf(schema);
  const element = arrayElement(schema);
  const geography = meta.geography ?? (element ? metaOf(element).geography : undefined);
  return compact({
    key,
    title: meta.title ?? key,
    description: meta.description ?? '',
    // INSEE codes are a closed list too long to print: the page links to the official list instead.
    type: geography ? (element ? 'liste de codes INSEE' : 'code INSEE') : typeName(schema),
    values: geography ? undefined : labelledValues(schema),
    taxonomy: meta.taxonomy ?? (element ? metaOf(element).taxonomy : undefined),
    geography,
    csv,
    fundingJson,
  });
}

function computed(key: string, title: string, description: string, type: string, csv: boolean, extra: Partial<FieldDoc> = {}): FieldDoc {
  return { key, title, description, type, csv, ...extra };
}

/** Provider fields taken as they are from the files, in export order. */
const providerSchemaFields: Array<{ key: string; csv: boolean }> = [
  { key: 'name', csv: true },
  { key: 'structure', csv: true },
  { key: 'networks', csv: true },
  { key: 'siren', csv: true },
  { key: 'website', csv: true },
  { key: 'contact.email', csv: true },
  { key: 'contact.phone', csv: true },
  { key: 'contact.form', csv: true },
  { key: 'location.city', csv: true },
  { key: 'location.postcode', csv: true },
  { key: 'location.department', csv: true },
  { key: 'area.national', csv: true },
  { key: 'area.remote', csv: true },
  { key: 'area.regions', csv: true },
  { key: 'area.departments', csv: true },
  { key: 'services', csv: true },
  { key: 'tools', csv: true },
  { key: 'sizes', csv: true },
  { key: 'pricing.model', csv: true },
  { key: 'pricing.from_eur', csv: true },
  { key: 'pricing.details', csv: true },
  { key: 'pricing.url', csv: true },
  { key: 'languages', csv: true },
  { key: 'charter_signed', csv: true },
  { key: 'trained', csv: true },
  { key: 'updated', csv: true },
];

/** Every field of a provider in `prestataires.json`, and which ones are CSV columns, in order. */
export function providerFields(criteria: readonly Criterion[]): FieldDoc[] {
  const fields: FieldDoc[] = [
    computed('slug', 'Identifiant', 'Identifiant stable de la structure : le nom de son fichier, repris dans l’adresse de sa fiche.', 'texte', true),
    computed('url', 'Fiche', 'Adresse de la fiche de la structure sur ce site.', 'adresse web', true),
  ];
  for (const { key, csv } of providerSchemaFields) {
    fields.push(fromSchema(providerSchema, key, key.split('.'), csv));
    if (key === 'location.department') {
      fields.push(
        computed('location.region', 'Région du siège', 'Code INSEE de la région du département du siège, déduit du département.', 'code INSEE', true, {
          geography: 'regions',
        }),
      );
    }
  }
  fields.push(
    computed('description', 'Présentation', 'Le texte de présentation de la structure, en Markdown.', 'texte (Markdown)', false),
    computed(
      'published_since',
      'Publiée depuis le',
      'Date de la première recommandation vérifiée : le jour où la structure est entrée dans l’annuaire.',
      'date (AAAA-MM-JJ)',
      true,
    ),
    computed('last_verified', 'Dernière vérification', 'Date de la recommandation vérifiée la plus récente.', 'date (AAAA-MM-JJ)', true),
    computed('verified_recommendations', 'Recommandations vérifiées', 'Nombre de recommandations vérifiées par le comité.', 'nombre entier', true),
    computed(
      'would_recommend',
      'La recommanderaient',
      'Parmi les recommandations vérifiées, combien d’associations recommanderaient la structure.',
      'nombre entier',
      true,
    ),
  );
  for (const criterion of criteria) {
    fields.push(
      computed(
        `ratings.${criterion.slug}.average`,
        `Note moyenne : ${criterion.label}`,
        `Moyenne des notes de 1 à 5 données par les associations dans les recommandations vérifiées (deux décimales, vide si personne n’a noté ce critère). ${criterion.description}`,
        'nombre décimal',
        true,
      ),
      computed(
        `ratings.${criterion.slug}.count`,
        `Nombre de notes : ${criterion.label}`,
        'Combien de recommandations vérifiées ont noté ce critère.',
        'nombre entier',
        false,
      ),
    );
  }
  fields.push(
    computed(
      'recommendations',
      'Recommandations vérifiées',
      'Les recommandations vérifiées, de la plus récente à la plus ancienne (champs décrits plus bas).',
      'liste d’objets',
      false,
    ),
  );
  return fields;
}

/** Fields of each recommendation inside a provider of `prestataires.json`. */
export function recommendationFields(): FieldDoc[] {
  const keys = [
    'association.name',
    'association.city',
    'association.size',
    'project.title',
    'project.start',
    'project.end',
    'project.services',
    'project.tools',
    'ratings',
    'recommend',
    'verification.date',
    'verification.method',
  ];
  return [
    ...keys.map((key) => fromSchema(recommendationSchema, `recommendations[].${key}`, key.split('.'), false)),
    computed('recommendations[].testimony', 'Témoignage', 'Le témoignage de l’association, en Markdown.', 'texte (Markdown)', false),
  ];
}

// ---------------------------------------------------------------------------
// CSV

/**
 * A spreadsheet runs a cell that starts with = + - @ (or a tab or carriage
 * return) as a formula: such cells get a leading apostrophe so that they stay text.
 */
export function guardFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

type Cell = string | number | boolean | null | undefined;

function valueAt(object: unknown, key: string): unknown {
  let current = object;
  // Criterion slugs hold dashes, never dots: splitting on dots is safe.
  for (const part of key.split('.')) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[part];
  }
  return current;
}

function toCell(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (Array.isArray(value)) return guardFormula(value.map(String).join(';'));
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return guardFormula(String(value as Cell));
}

/** The CSV columns: the provider fields marked `csv`, in order. */
export function csvColumns(criteria: readonly Criterion[]): string[] {
  return providerFields(criteria)
    .filter((f) => f.csv)
    .map((f) => f.key);
}

/** One row per provider, RFC 4180 (comma, double quotes, CRLF), lists joined with « ; ». */
export function providersCsv(providers: readonly ExportedProvider[], criteria: readonly Criterion[]): string {
  const columns = csvColumns(criteria);
  const rows = providers.map((p) => columns.map((key) => toCell(valueAt(p, key))));
  return stringify([columns, ...rows], { record_delimiter: 'windows' });
}

// ---------------------------------------------------------------------------
// Projects, aligned with the funding.json manifest where fields overlap

export interface FundingJsonUrl {
  url: string;
}

export interface ExportedProject {
  // funding.json `projects[]` fields
  guid: string;
  name: string;
  description: string;
  webpageUrl: FundingJsonUrl;
  repositoryUrl: FundingJsonUrl;
  licenses: string[];
  tags: string[];
  // funding.json `funding` block, for this one project
  funding: {
    channels: Array<{ guid: string; type: 'payment-provider'; address: string; description: string }>;
    plans: Array<{
      guid: string;
      status: 'active' | 'inactive';
      name: string;
      description: string;
      amount: number;
      currency: 'EUR';
      frequency: 'one-time';
      channels: string[];
    }>;
  };
  // Emancip'Asso fields
  slug: string;
  url: string;
  title: string;
  summary: string;
  kind: string;
  status: string;
  software: { name: string; url: string };
  proposed: string;
  proposed_by: string;
  supporters: string[];
  goal_eur: number;
  pledged_eur: number;
  paid_eur: number;
  remaining_eur: number;
  progress: number;
  pledges: Array<{ funder: string; amount_eur: number; date: string; paid: boolean }>;
  milestones: Array<{ title: string; amount_eur: number; due?: string; done: boolean }>;
  maker?: { slug: string; name: string; url: string };
  payment_url?: string;
  deadline?: string;
}

/**
 * funding.json identifiers are at most 32 lowercase letters, digits and
 * dashes; project slugs may be longer, so they are cut at a dash, and made
 * unique with a number when two cuts meet.
 */
export function fundingGuid(slug: string, taken: Set<string>): string {
  const cut = (s: string, max: number) => {
    if (s.length <= max) return s;
    const head = s.slice(0, max);
    const dash = head.lastIndexOf('-');
    return dash >= max / 2 ? head.slice(0, dash) : head.replace(/-+$/, '');
  };
  let guid = cut(slug, 32);
  for (let n = 2; taken.has(guid); n++) guid = `${cut(slug, 32 - String(n).length - 1)}-${n}`;
  taken.add(guid);
  return guid;
}

const hostOf = (url: string) => (URL.canParse(url) ? new URL(url).hostname.replace(/^www\./, '') : undefined);

/** SPDX licence of the software when it is one of the tools of the taxonomy (same site or same name). */
function softwareLicences(project: ListedProject, tools: readonly Tool[]): string[] {
  const host = hostOf(project.data.software.url);
  const name = project.data.software.name.toLowerCase();
  const tool = tools.find((t) => hostOf(t.website) === host || t.label.toLowerCase() === name);
  return tool ? [`spdx:${tool.license}`] : [];
}

const tagOf = (text: string) =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 32)
    .replace(/-$/, '');

export function exportProject(project: ListedProject, ctx: ExportContext, guid: string): ExportedProject {
  const d = project.data;
  const channels = d.payment_url
    ? [
        {
          guid: 'paiement',
          type: 'payment-provider' as const,
          address: d.payment_url,
          description: 'Page où verser une contribution. Emancip’Asso ne collecte jamais d’argent.',
        },
      ]
    : [];
  return compact({
    guid,
    name: d.title,
    description: d.summary,
    webpageUrl: { url: projectUrl(ctx, project.id) },
    repositoryUrl: { url: d.software.url },
    licenses: softwareLicences(project, ctx.taxonomies.tools),
    tags: [...new Set([d.kind, tagOf(d.software.name)].filter((t) => t.length > 0))],
    funding: {
      channels,
      plans: [
        {
          guid: 'objectif',
          status: isFundraising(d.status) ? ('active' as const) : ('inactive' as const),
          name: 'Objectif de financement',
          description: `${d.title} : somme totale à réunir, versée une fois.`,
          amount: d.goal_eur,
          currency: 'EUR' as const,
          frequency: 'one-time' as const,
          channels: channels.map((c) => c.guid),
        },
      ],
    },
    slug: project.id,
    url: projectUrl(ctx, project.id),
    title: d.title,
    summary: d.summary,
    kind: d.kind,
    status: d.status,
    software: { name: d.software.name, url: d.software.url },
    proposed: d.proposed,
    proposed_by: d.proposed_by,
    supporters: [...d.supporters],
    goal_eur: d.goal_eur,
    pledged_eur: project.funding.pledged,
    paid_eur: project.funding.paid,
    remaining_eur: project.funding.remaining,
    progress: round2(project.funding.ratio),
    pledges: d.pledges.map((p) => ({ funder: p.funder, amount_eur: p.amount_eur, date: p.date, paid: p.paid })),
    milestones: d.milestones.map((m) => compact({ title: m.title, amount_eur: m.amount_eur, due: m.due, done: m.done })),
    // Only a published maker is named: an unpublished provider appears nowhere.
    maker: project.maker ? { slug: project.maker.id, name: project.maker.data.name, url: providerUrl(ctx, project.maker.id) } : undefined,
    payment_url: d.payment_url,
    deadline: d.deadline,
  });
}

export interface ProjectsExport {
  title: string;
  licence: typeof DATA_LICENCE;
  source: string;
  generated: string;
  fundingJsonVersion: string;
  count: number;
  projects: ExportedProject[];
}

export function exportProjects(directory: Pick<Directory, 'projects'>, ctx: ExportContext): ProjectsExport {
  const taken = new Set<string>();
  return {
    title: 'Projets de logiciels libres à co-financer pour les associations',
    licence: DATA_LICENCE,
    source: absoluteUrl(ctx.siteUrl, routes.openData()),
    generated: ctx.today,
    fundingJsonVersion: FUNDING_JSON_VERSION,
    count: directory.projects.length,
    projects: directory.projects.map((p) => exportProject(p, ctx, fundingGuid(p.id, taken))),
  };
}

/** Fields of each project of `projets.json`: the funding.json ones first, then those of the content files. */
export function projectFields(): FieldDoc[] {
  const fj = (key: string, title: string, description: string, type: string) => computed(key, title, description, type, false, { fundingJson: `projects[].${key}` });
  const fields: FieldDoc[] = [
    fj('guid', 'Identifiant funding.json', 'L’identifiant du projet raccourci à 32 caractères, comme le demande funding.json.', 'texte'),
    fj('name', 'Nom', 'Le titre du projet (champ « title »).', 'texte'),
    fj('description', 'Description', 'Le résumé du projet (champ « summary »).', 'texte'),
    fj('webpageUrl.url', 'Page du projet', 'Adresse de la page du projet sur ce site.', 'adresse web'),
    fj('repositoryUrl.url', 'Logiciel amont', 'Adresse du logiciel libre concerné (champ « software.url ») : son site ou son dépôt de code.', 'adresse web'),
    fj('licenses', 'Licences', 'La licence du logiciel, au format « spdx:… », quand il figure dans la liste des logiciels de l’annuaire ; sinon vide.', 'liste'),
    fj('tags', 'Mots-clés', 'La nature du projet et le nom du logiciel, en minuscules avec des tirets.', 'liste'),
    computed('funding.channels', 'Moyens de paiement', 'La page de paiement (« payment_url ») comme canal « payment-provider » ; vide quand il n’y en a pas. Le site ne collecte jamais d’argent.', 'liste d’objets', false, {
      fundingJson: 'funding.channels[]',
    }),
    computed('funding.plans', 'Plan de financement', 'Un plan « objectif » : le montant à réunir en euros, en une fois (« one-time »), actif seulement pendant la collecte (statut « en-financement »).', 'liste d’objets', false, {
      fundingJson: 'funding.plans[]',
    }),
    computed('slug', 'Identifiant', 'Identifiant stable du projet : le nom de son fichier.', 'texte', false),
    computed('url', 'Page', 'Adresse de la page du projet sur ce site.', 'adresse web', false),
  ];
  const schemaKeys = [
    'title',
    'summary',
    'kind',
    'status',
    'software.name',
    'software.url',
    'proposed',
    'proposed_by',
    'supporters',
    'goal_eur',
  ];
  for (const key of schemaKeys) fields.push(fromSchema(projectSchema, key, key.split('.'), false));
  fields.push(
    computed('pledged_eur', 'Promis (€)', 'Somme de toutes les promesses de financement, en euros.', 'nombre entier', false),
    computed('paid_eur', 'Versé (€)', 'Somme des promesses déjà versées, en euros.', 'nombre entier', false),
    computed('remaining_eur', 'Reste à réunir (€)', 'Objectif moins les promesses, jamais négatif.', 'nombre entier', false),
    computed('progress', 'Avancement', 'Promesses divisées par l’objectif (1 = objectif atteint ; peut dépasser 1).', 'nombre décimal', false),
  );
  for (const key of ['pledges', 'milestones']) fields.push(fromSchema(projectSchema, key, [key], false));
  for (const key of ['funder', 'amount_eur', 'date', 'paid']) fields.push(fromSchema(projectSchema, `pledges[].${key}`, ['pledges', '0', key], false));
  for (const key of ['title', 'amount_eur', 'due', 'done']) fields.push(fromSchema(projectSchema, `milestones[].${key}`, ['milestones', '0', key], false));
  fields.push(
    computed('maker', 'Réalisé par', 'La structure de l’annuaire qui réaliserait le projet (identifiant, nom, fiche), seulement si elle est publiée.', 'objet', false),
  );
  for (const key of ['payment_url', 'deadline']) fields.push(fromSchema(projectSchema, key, [key], false));
  return fields;
}

// ---------------------------------------------------------------------------
// Feeds

export interface FeedItem {
  title: string;
  link: string;
  /** `YYYY-MM-DD`. */
  date: string;
  description: string;
  categories: string[];
}

/** How many items a feed holds: the newest ones; the files of /donnees/ hold everything. */
export const FEED_ITEMS = 50;

/** Newly published providers: dated by their first verified recommendation, the newest first. */
export function providerFeedItems(directory: Pick<Directory, 'providers'>, ctx: ExportContext, limit = FEED_ITEMS): FeedItem[] {
  const serviceLabel = new Map(ctx.taxonomies.services.map((s) => [s.slug, s.label]));
  return directory.providers
    .map((p) => {
      const n = p.recommendations.length;
      return {
        title: p.data.name,
        link: providerUrl(ctx, p.id),
        date: p.publishedSince,
        description: `${p.data.location.city} · ${n} recommandation${n > 1 ? 's' : ''} vérifiée${n > 1 ? 's' : ''} · ${p.data.services
          .map((s) => serviceLabel.get(s) ?? s)
          .join(', ')}`,
        categories: p.data.services.map((s) => serviceLabel.get(s) ?? s),
      };
    })
    .sort((a, b) => b.date.localeCompare(a.date) || a.title.localeCompare(b.title, 'fr'))
    .slice(0, limit);
}

/** Projects, dated by the day they were proposed, the newest first. */
export function projectFeedItems(directory: Pick<Directory, 'projects'>, ctx: ExportContext, limit = FEED_ITEMS): FeedItem[] {
  return directory.projects
    .map((p) => ({
      title: p.data.title,
      link: projectUrl(ctx, p.id),
      date: p.data.proposed,
      description: `${p.data.summary} (${projectStatusLabels[p.data.status]})`,
      categories: [p.data.software.name],
    }))
    .sort((a, b) => b.date.localeCompare(a.date) || a.title.localeCompare(b.title, 'fr'))
    .slice(0, limit);
}
