/**
 * What a project's status means, and how far its funding has come. Cards,
 * pages, the dashboard, the rules and the exports ask these questions here
 * rather than list statuses themselves.
 */
import type { Milestone, Pledge, Project, ProjectStatus } from '../schemas/project.ts';
import { formatEuros, formatPercent, frenchTypography } from './text/format.ts';

/** Projects are listed by status in this order: those collecting money first, the closed ones last. */
export const projectStatusOrder: readonly ProjectStatus[] = [
  'en-financement',
  'proposition',
  'finance',
  'en-developpement',
  'livre',
  'abandonne',
];

/** Proposed, not yet validated by the committee: no collection is open. */
export const awaitsCommittee = (status: ProjectStatus) => status === 'proposition';

/** Money is being collected now: the project asks for contributions. */
export const isFundraising = (status: ProjectStatus) => status === 'en-financement';

/** Announced as funded: promises must reach the goal. */
export const claimsGoalReached = (status: ProjectStatus) => status === 'finance' || status === 'en-developpement' || status === 'livre';

/** Delivered: every milestone must be done. */
export const isDelivered = (status: ProjectStatus) => status === 'livre';

/** Closed, delivered or given up: nothing more to give to. */
export const isFinished = (status: ProjectStatus) => status === 'livre' || status === 'abandonne';

/** A collection was opened and the money counts: the progress bar is shown. */
export const showsFunding = (status: ProjectStatus) => !awaitsCommittee(status) && status !== 'abandonne';

/** The collection's deadline still matters (money may still come in). */
export const collectsMoney = (status: ProjectStatus) => isFundraising(status) || status === 'finance' || status === 'en-developpement';

export interface FundingProgress {
  pledged: number;
  paid: number;
  /** pledged / goal, from 0 (may exceed 1 when over-funded). */
  ratio: number;
  remaining: number;
  milestonesDone: number;
}

/** Every amount promised, paid or not. */
export function pledgedTotal(pledges: readonly Pick<Pledge, 'amount_eur'>[]): number {
  return pledges.reduce((sum, pledge) => sum + pledge.amount_eur, 0);
}

/** What the milestones cost together: it must equal the goal. */
export function milestonesTotal(milestones: readonly Pick<Milestone, 'amount_eur'>[]): number {
  return milestones.reduce((sum, milestone) => sum + milestone.amount_eur, 0);
}

export function fundingProgress(project: Pick<Project, 'pledges' | 'goal_eur' | 'milestones'>): FundingProgress {
  const pledged = pledgedTotal(project.pledges);
  return {
    pledged,
    paid: pledgedTotal(project.pledges.filter((p) => p.paid)),
    ratio: project.goal_eur > 0 ? pledged / project.goal_eur : 0,
    remaining: Math.max(0, project.goal_eur - pledged),
    milestonesDone: project.milestones.filter((m) => m.done).length,
  };
}

/**
 * The funding in words. A promise counts towards the goal as soon as it is
 * made, paid or not (`fundingProgress`, and the rule that a funded project's
 * promises reach its goal); what was paid is said apart, so that no one
 * reads the percentage as money received.
 */
export interface FundingWords {
  /** « 3 300 € promis sur 6 000 € (55 %) ». */
  promised: string;
  /** « dont 800 € déjà versés », « rien n’est encore versé », « tout est versé ». */
  paid: string;
  /** « il manque 2 700 € de promesses », « objectif atteint en promesses ». */
  remaining: string;
}

export function fundingWords(funding: FundingProgress, goal: number): FundingWords {
  return {
    promised: `${formatEuros(funding.pledged)} promis sur ${formatEuros(goal)} (${formatPercent(funding.ratio)})`,
    paid:
      funding.pledged === 0
        ? 'aucune promesse pour l’instant'
        : funding.paid === 0
          ? 'rien n’est encore versé'
          : funding.paid >= funding.pledged
            ? 'tout est versé'
            : `dont ${formatEuros(funding.paid)} déjà versés`,
    remaining: funding.remaining > 0 ? `il manque ${formatEuros(funding.remaining)} de promesses` : 'objectif atteint en promesses',
  };
}

/** What the percentage and the goal count, said once for every project page. */
export const FUNDING_COUNTS = frenchTypography(
  'Le pourcentage et l’objectif comptent les sommes promises, versées ou non : une promesse compte dès qu’une association s’engage, puis l’argent est versé sur la plateforme de collecte.',
);

/** What a visitor can do for a project now, which its page explains. */
export type ContributionState =
  | 'fundraising'
  /** Collecting, but the payment page is not open yet. */
  | 'fundraising-without-page'
  | 'awaiting-committee'
  /** Goal reached, work going on: contributions are still welcome. */
  | 'funded'
  | 'delivered'
  | 'abandoned';

export function contributionState(project: Pick<Project, 'status' | 'payment_url'>): ContributionState {
  const { status } = project;
  if (isFundraising(status)) return project.payment_url ? 'fundraising' : 'fundraising-without-page';
  if (awaitsCommittee(status)) return 'awaiting-committee';
  if (isDelivered(status)) return 'delivered';
  if (status === 'abandonne') return 'abandoned';
  return 'funded';
}

type WithStatus = { data: Pick<Project, 'status'> };

/** Projects collecting money now, in their listing order. */
export function fundraisingProjects<T extends WithStatus>(projects: readonly T[]): T[] {
  return projects.filter((p) => isFundraising(p.data.status));
}

/** Projects proposed and waiting for the committee's decision. */
export function projectsAwaitingCommittee<T extends WithStatus>(projects: readonly T[]): T[] {
  return projects.filter((p) => awaitsCommittee(p.data.status));
}

/** Projects under their status, statuses in the order met (the list is sorted by status already). */
export function groupByStatus<T extends WithStatus>(projects: readonly T[]): Map<ProjectStatus, T[]> {
  const groups = new Map<ProjectStatus, T[]>();
  for (const p of projects) groups.set(p.data.status, [...(groups.get(p.data.status) ?? []), p]);
  return groups;
}

/** How many projects have each status. */
export function countByStatus(projects: readonly WithStatus[]): Map<ProjectStatus, number> {
  return new Map([...groupByStatus(projects)].map(([status, list]) => [status, list.length]));
}
