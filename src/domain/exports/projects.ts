/**
 * `projets.json`: the projects to co-fund, their funding.json fields first
 * (so that a tool reading that manifest finds each project's name, page,
 * upstream software and funding plan), then the fields of the files.
 */
import type { Directory, ListedProject } from '../directory/index.ts';
import { isFundraising } from '../projects.ts';
import { absoluteUrl, routes } from '../routes.ts';
import { projectSchema } from '../../schemas/project.ts';
import type { Tool } from '../../schemas/taxonomies.ts';
import { DATA_LICENCE } from './licence.ts';
import {
  buildObject,
  computed,
  field,
  fieldDocs,
  fromSchema,
  group,
  list,
  type ExportContext,
  type FieldDoc,
  type ObjectOf,
} from './descriptor.ts';

/** Version of the funding.json manifest whose field names the projects export follows. */
export const FUNDING_JSON_VERSION = 'v1.1.0';

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

/** SPDX licence of the software when it is one of the tools of the vocabulary (same site or same name). */
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

/** A project as the export reads it: with its funding.json identifier. */
export interface GuidProject {
  project: ListedProject;
  guid: string;
}
type G = GuidProject;
const own = (...path: string[]) => fromSchema(projectSchema, ...path);
const fj = (title: string, description: string, type: string, fundingJson: string) => computed(title, description, type, { fundingJson });

function channels({ project }: G) {
  const url = project.data.payment_url;
  return url
    ? [
        {
          guid: 'paiement',
          type: 'payment-provider' as const,
          address: url,
          description: 'Page où verser une contribution. Emancip’Asso ne collecte jamais d’argent.',
        },
      ]
    : [];
}

/** Every field of a project in `projets.json`, in export order. */
export const projectExport = {
  guid: field(
    fj(
      'Identifiant funding.json',
      'L’identifiant du projet raccourci à 32 caractères, comme le demande funding.json.',
      'texte',
      'projects[].guid',
    ),
    (x: G) => x.guid,
  ),
  name: field(fj('Nom', 'Le titre du projet (champ « title »).', 'texte', 'projects[].name'), (x: G) => x.project.data.title),
  description: field(
    fj('Description', 'Le résumé du projet (champ « summary »).', 'texte', 'projects[].description'),
    (x: G) => x.project.data.summary,
  ),
  webpageUrl: group({
    url: field(fj('Page du projet', 'Adresse de la page du projet sur ce site.', 'adresse web', 'projects[].webpageUrl.url'), (x: G, ctx) =>
      absoluteUrl(ctx.siteUrl, routes.project(x.project.id)),
    ),
  }),
  repositoryUrl: group({
    url: field(
      fj(
        'Logiciel amont',
        'Adresse du logiciel libre concerné (champ « software.url ») : son site ou son dépôt de code.',
        'adresse web',
        'projects[].repositoryUrl.url',
      ),
      (x: G) => x.project.data.software.url,
    ),
  }),
  licenses: field(
    fj(
      'Licences',
      'La licence du logiciel, au format « spdx:… », quand il figure dans la liste des logiciels de l’annuaire ; sinon vide.',
      'liste',
      'projects[].licenses',
    ),
    (x: G, ctx) => softwareLicences(x.project, ctx.taxonomies.tools),
  ),
  tags: field(
    fj('Mots-clés', 'La nature du projet et le nom du logiciel, en minuscules avec des tirets.', 'liste', 'projects[].tags'),
    (x: G) => [...new Set([x.project.data.kind, tagOf(x.project.data.software.name)].filter((t) => t.length > 0))],
  ),
  funding: group({
    channels: field(
      fj(
        'Moyens de paiement',
        'La page de paiement (« payment_url ») comme canal « payment-provider » ; vide quand il n’y en a pas. Le site ne collecte jamais d’argent.',
        'liste d’objets',
        'funding.channels[]',
      ),
      channels,
    ),
    plans: field(
      fj(
        'Plan de financement',
        'Un plan « objectif » : le montant à réunir en euros, en une fois (« one-time »), actif seulement pendant la collecte (statut « en-financement »).',
        'liste d’objets',
        'funding.plans[]',
      ),
      (x: G) => [
        {
          guid: 'objectif',
          status: isFundraising(x.project.data.status) ? ('active' as const) : ('inactive' as const),
          name: 'Objectif de financement',
          description: `${x.project.data.title} : somme totale à réunir, versée une fois.`,
          amount: x.project.data.goal_eur,
          currency: 'EUR' as const,
          frequency: 'one-time' as const,
          channels: channels(x).map((c) => c.guid),
        },
      ],
    ),
  }),
  slug: field(computed('Identifiant', 'Identifiant stable du projet : le nom de son fichier.', 'texte'), (x: G) => x.project.id),
  url: field(computed('Page', 'Adresse de la page du projet sur ce site.', 'adresse web'), (x: G, ctx) =>
    absoluteUrl(ctx.siteUrl, routes.project(x.project.id)),
  ),
  title: field(own('title'), (x: G) => x.project.data.title),
  summary: field(own('summary'), (x: G) => x.project.data.summary),
  kind: field(own('kind'), (x: G): string => x.project.data.kind),
  status: field(own('status'), (x: G): string => x.project.data.status),
  software: group({
    name: field(own('software', 'name'), (x: G) => x.project.data.software.name),
    url: field(own('software', 'url'), (x: G) => x.project.data.software.url),
  }),
  proposed: field(own('proposed'), (x: G) => x.project.data.proposed),
  proposed_by: field(own('proposed_by'), (x: G) => x.project.data.proposed_by),
  supporters: field(own('supporters'), (x: G): string[] => [...x.project.data.supporters]),
  goal_eur: field(own('goal_eur'), (x: G) => x.project.data.goal_eur),
  pledged_eur: field(
    computed('Promis (€)', 'Somme de toutes les promesses de financement, en euros.', 'nombre entier'),
    (x: G) => x.project.funding.pledged,
  ),
  paid_eur: field(computed('Versé (€)', 'Somme des promesses déjà versées, en euros.', 'nombre entier'), (x: G) => x.project.funding.paid),
  remaining_eur: field(
    computed('Reste à réunir (€)', 'Objectif moins les promesses, jamais négatif.', 'nombre entier'),
    (x: G) => x.project.funding.remaining,
  ),
  progress: field(
    computed('Avancement', 'Promesses divisées par l’objectif (1 = objectif atteint ; peut dépasser 1).', 'nombre décimal'),
    (x: G) => Math.round(x.project.funding.ratio * 100) / 100,
  ),
  pledges: list(own('pledges'), (x: G) => x.project.data.pledges, {
    funder: field(own('pledges', '0', 'funder'), (p: ListedProject['data']['pledges'][number]) => p.funder),
    amount_eur: field(own('pledges', '0', 'amount_eur'), (p: ListedProject['data']['pledges'][number]) => p.amount_eur),
    date: field(own('pledges', '0', 'date'), (p: ListedProject['data']['pledges'][number]) => p.date),
    paid: field(own('pledges', '0', 'paid'), (p: ListedProject['data']['pledges'][number]) => p.paid),
  }),
  milestones: list(own('milestones'), (x: G) => x.project.data.milestones, {
    title: field(own('milestones', '0', 'title'), (m: ListedProject['data']['milestones'][number]) => m.title),
    amount_eur: field(own('milestones', '0', 'amount_eur'), (m: ListedProject['data']['milestones'][number]) => m.amount_eur),
    due: field(own('milestones', '0', 'due'), (m: ListedProject['data']['milestones'][number]) => m.due),
    done: field(own('milestones', '0', 'done'), (m: ListedProject['data']['milestones'][number]) => m.done),
  }),
  // Only a published maker is named: an unpublished provider appears nowhere.
  maker: field(
    computed(
      'Réalisé par',
      'La structure de l’annuaire qui réaliserait le projet (identifiant, nom, fiche), seulement si elle est publiée.',
      'objet',
    ),
    (x: G, ctx) => {
      const maker = x.project.maker;
      return maker ? { slug: maker.id, name: maker.data.name, url: absoluteUrl(ctx.siteUrl, routes.provider(maker.id)) } : undefined;
    },
  ),
  payment_url: field(own('payment_url'), (x: G) => x.project.data.payment_url),
  deadline: field(own('deadline'), (x: G) => x.project.data.deadline),
};

export type ExportedProject = ObjectOf<typeof projectExport>;

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
    projects: directory.projects.map((project) => buildObject(projectExport, { project, guid: fundingGuid(project.id, taken) }, ctx)),
  };
}

/** The fields of a project, as /donnees/ describes them. */
export function projectFieldDocs(): FieldDoc[] {
  return fieldDocs(projectExport, []);
}
