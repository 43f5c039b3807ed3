/**
 * A project's page as visitors read it: its state in French words, what a
 * visitor can do for it now, its funding, its steps and its facts, in the
 * order the page shows them, with the page's own words (`projectWords`).
 * The public page (`src/pages/projets/[slug].astro`) renders it, and so does
 * the CMS preview (`src/cms/preview.ts`).
 */
import type { ListedProject } from './directory/index.ts';
import type { Provider } from '../schemas/provider.ts';
import { collectsMoney, contributionState, FUNDING_COUNTS, fundingWords, showsFunding, type FundingProgress } from './projects.ts';
import { routes } from './routes.ts';
import { FORGE_NAMES, type Repository } from './forge.ts';
import { acceptsSupporters, needLinks, needRequest, supportersCount } from './project-needs.ts';
import { formatDate, formatEuros, formatPercent, frenchTypography as t } from './text/format.ts';
import { projectKindLabels, projectStatusLabels } from '../schemas/project.ts';

/** A run of text: plain, emphasised, a link elsewhere (`url`) or to a page of the site (`route`, without the base path). */
export type Inline = string | { strong: string } | { text: string; url: string } | { text: string; route: string };

/** The page's headings and fixed words. */
export const projectWords = {
  contribute: 'Comment contribuer',
  funding: 'Financement',
  pledges: 'Les engagements des financeurs',
  /** The pledges' columns: the table's headers, and each value's label when a phone shows a pledge as a block. */
  funder: 'Financeur',
  amount: 'Montant promis',
  date: 'Promis le',
  paid: 'Versé',
  details: 'Le projet en détail',
} as const;

/** How far the funding has come, as the progress bar and its words say it. */
export interface FundingView {
  /** « 1 200 € promis sur 4 800 € (25 %) ». */
  label: string;
  /** « 25 % », inside the bar for browsers that do not draw it. */
  percent: string;
  max: number;
  value: number;
  /** « 300 € déjà versés · il manque 3 600 € ». */
  paid: string;
}

export function fundingView(funding: FundingProgress, goal: number): FundingView {
  const words = fundingWords(funding, goal);
  return {
    label: words.promised,
    percent: formatPercent(funding.ratio),
    max: goal,
    value: Math.min(funding.pledged, goal),
    paid: `${words.paid} · ${words.remaining}`,
  };
}

export interface ProjectView {
  title: string;
  summary: string;
  /** « En financement ». */
  status: string;
  /** « Traduction ». */
  kind: string;
  /** What a visitor can do now, paragraph by paragraph, and the button to the payment page while money is collected. */
  contribute: { paragraphs: Inline[][]; button?: { text: string; url: string } };
  /** Once a collection was opened. */
  funding?: {
    progress: FundingView;
    /** What the percentage and the goal count. */
    counts: string;
    /** « Date limite de la collecte : 30 juin 2026 (dépassée). » */
    deadline?: string;
    pledges: Array<{ funder: string; amount: string; date: string; paid: string }>;
  };
  milestones?: {
    /** « Étapes (1 sur 3 terminées) ». */
    heading: string;
    items: Array<{ title: string; /** « · 1 500 € · prévue pour le 3 mars 2026 · » */ details: string; state: string; done: boolean }>;
  };
  /** « Logiciel concerné », « Proposé par »…: a term and its value, or its list of values. */
  /** « Nous en avons besoin aussi »: who said so, and how to say it; none once the project is delivered. */
  need?: {
    heading: string;
    /** « 3 associations en ont besoin », and their names; undefined while none has said so. */
    supporters?: { count: string; names: string[] };
    none: string;
    explain: string;
    button: { text: string; url: string };
    /** The e-mail, for people without an account on the forge. */
    alternative: Inline[];
  };
  facts: Array<{ term: string; value: Inline[] } | { term: string; list: string[] }>;
}

/** A project as its page needs it: its maker is named and linked only when it is a published provider. */
export type ProjectOnPage = Pick<ListedProject, 'data' | 'funding'> & { maker: { id: string; data: Pick<Provider, 'name'> } | undefined };

export interface ProjectContext {
  /** `YYYY-MM-DD`: whether the collection's deadline has passed. */
  today: string;
  /** Where an association says it needs the project too: the page's public address, the forge, the committee's e-mail. */
  need: { pageUrl: string; repository: Repository; committeeEmail: string };
}

export function projectView(project: ProjectOnPage, ctx: ProjectContext): ProjectView {
  const { data } = project;
  const host = data.payment_url ? new URL(data.payment_url).hostname.replace(/^www\./, '') : undefined;
  const software: Inline = { text: t(data.software.name), url: data.software.url };
  const asking = acceptsSupporters(data.status);
  const contribute = (): ProjectView['contribute'] => {
    switch (contributionState(data)) {
      case 'fundraising':
        return {
          paragraphs: [
            [
              'Les dons et les contributions passent par ',
              { strong: host! },
              t(
                // The colon follows the host in its own part: its no-break space is written here.
                `\u00a0: le site Emancip’Asso ne collecte jamais d’argent lui-même.${data.deadline ? ` La collecte se termine le ${formatDate(data.deadline)}.` : ''}`,
              ),
            ],
          ],
          button: { text: `Contribuer sur ${host}`, url: data.payment_url! },
        };
      case 'fundraising-without-page':
        return {
          paragraphs: [
            [t('La page de collecte n’est pas encore ouverte. Votre association peut déjà s’engager : écrivez au comité de pilotage.')],
          ],
        };
      case 'awaiting-committee':
        return {
          paragraphs: [
            [
              t(
                'Ce projet attend la validation du comité de pilotage avant l’ouverture d’une collecte. Le nombre d’associations qui en ont besoin l’aide à décider.',
              ),
            ],
          ],
        };
      case 'funded':
        return {
          paragraphs: [
            [
              t(
                'L’objectif est atteint : merci à toutes les structures qui ont contribué. Vous pouvez encore aider en testant le travail et en faisant connaître le projet.',
              ),
              ...(data.payment_url ? [' Les contributions restent possibles sur ', { text: host!, url: data.payment_url }, '.'] : []),
            ],
          ],
        };
      case 'delivered':
        return { paragraphs: [[t('Ce projet est livré. Pour l’utiliser, voyez le site du logiciel : '), software, '.']] };
      case 'abandoned':
        return { paragraphs: [[t('Ce projet a été abandonné : il n’est plus possible d’y contribuer.')]] };
    }
  };
  const deadlinePassed = data.deadline !== undefined && data.deadline < ctx.today;
  const { milestonesDone } = project.funding;
  return {
    title: t(data.title),
    summary: t(data.summary),
    // A value not chosen yet (the CMS preview of an entry being filled) shows as it is.
    status: projectStatusLabels[data.status] ?? data.status,
    kind: projectKindLabels[data.kind] ?? data.kind,
    contribute: contribute(),
    ...(showsFunding(data.status)
      ? {
          funding: {
            progress: fundingView(project.funding, data.goal_eur),
            counts: FUNDING_COUNTS,
            ...(data.deadline && collectsMoney(data.status)
              ? { deadline: t(`Date limite de la collecte : ${formatDate(data.deadline)}${deadlinePassed ? ' (dépassée)' : ''}.`) }
              : {}),
            pledges: data.pledges.map((p) => ({
              funder: t(p.funder),
              amount: formatEuros(p.amount_eur),
              date: formatDate(p.date),
              paid: p.paid ? 'oui' : 'pas encore',
            })),
          },
        }
      : {}),
    ...(data.milestones.length > 0
      ? {
          milestones: {
            heading: `Étapes (${milestonesDone} sur ${data.milestones.length} terminées)`,
            items: data.milestones.map((m) => ({
              title: t(m.title),
              details: ` · ${formatEuros(m.amount_eur)}${m.due ? ` · prévue pour le ${formatDate(m.due)}` : ''} · `,
              state: m.done ? 'terminée' : 'à venir',
              done: m.done,
            })),
          },
        }
      : {}),
    ...(asking ? { need: needView(data, ctx.need) } : {}),
    facts: [
      { term: 'Logiciel concerné', value: [software] },
      { term: 'Proposé par', value: [`${t(data.proposed_by)}, le ${formatDate(data.proposed)}`] },
      // While the project can still be asked for, its supporters are listed with the request (`need`).
      ...(data.supporters.length > 0 && !asking
        ? [{ term: 'Associations qui en ont besoin aussi', list: data.supporters.map((s) => t(s)) }]
        : []),
      { term: 'Objectif', value: [formatEuros(data.goal_eur)] },
      ...(data.maker
        ? [
            {
              term: 'Réalisé par',
              value: [
                project.maker
                  ? { text: t(project.maker.data.name), route: routes.provider(project.maker.id) }
                  : 'une structure qui n’est pas encore publiée dans l’annuaire',
              ],
            },
          ]
        : []),
    ],
  };
}

function needView(data: ProjectOnPage['data'], where: ProjectContext['need']): NonNullable<ProjectView['need']> {
  const links = needLinks(needRequest(data, where.pageUrl), where.repository, where.committeeEmail);
  const count = supportersCount(data.supporters);
  return {
    heading: t('Votre association en a besoin aussi ?'),
    ...(count ? { supporters: { count: t(`${count} :`), names: data.supporters.map((s) => t(s)) } } : {}),
    none: 'Aucune autre association ne l’a encore dit.',
    explain: t(
      'Dites-le au comité de pilotage : il ajoutera votre association à cette liste. Plus elles sont nombreuses, plus le projet a de chances d’être financé.',
    ),
    button: { text: 'Nous en avons besoin aussi', url: links.forge },
    alternative: [
      `Le formulaire s’ouvre sur ${FORGE_NAMES[where.repository.forge]} (compte nécessaire). Sans compte, `,
      { text: 'écrivez au comité de pilotage', url: links.mail },
      t(' : le message est déjà prêt, il reste à dire qui vous êtes et ce que vous en feriez.').replace(/^ /, '\u00a0'),
    ],
  };
}
