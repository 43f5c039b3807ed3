/**
 * « Nous en avons besoin aussi » : an association tells the committee that
 * it needs a project too, so that the committee adds it to the project's
 * `supporters`. The request goes through the forge's issue form
 * (`.github/ISSUE_TEMPLATE/besoin-projet.yml`), pre-filled, or by e-mail
 * for people without an account. How many associations need a project
 * helps the committee decide and convinces funders.
 */
import type { Project, ProjectStatus } from '../schemas/project.ts';
import { issueFormUrl, mailUrl, type Repository } from './forge.ts';
import { countOf, frenchTypography as t, plural } from './text/format.ts';

/** The issue form and its fields' ids, as written in the template. */
export const NEED_FORM = {
  template: 'besoin-projet.yml',
  fields: { project: 'projet', association: 'association', usage: 'usage', contact: 'contact' },
} as const;

/** A delivered project is there to be used: there is nothing left to ask for. */
export const acceptsSupporters = (status: ProjectStatus) => status !== 'livre';

/** « 3 associations en ont besoin », or nothing when none has said so yet. */
export function supportersCount(supporters: readonly string[]): string | undefined {
  const n = supporters.length;
  return n === 0 ? undefined : `${countOf(n, 'association', 'associations')} en ${plural(n, 'a', 'ont')} besoin`;
}

export interface NeedRequest {
  /** The issue's title and the e-mail's subject. */
  title: string;
  /** The issue form's project field: the title and the page's address. */
  project: string;
  /** The same questions as the form's, as plain text, for the e-mail (and the forges without issue forms). */
  body: string;
}

/** What the request says before the association fills in the rest. */
export function needRequest(project: Pick<Project, 'title'>, pageUrl: string): NeedRequest {
  const title = t(project.title.replace(/\s+/g, ' '));
  const named = `${title} (${pageUrl})`;
  return {
    title: t(`Besoin : « ${title} »`),
    project: named,
    body: t(
      [
        `Projet : ${named}`,
        '',
        'Nom de notre association :',
        '',
        'Ce que nous en ferions :',
        '',
        'Une adresse générique pour nous joindre (pas celle d’une personne) :',
        '',
      ].join('\n'),
    ),
  };
}

/** The two ways to say it: the forge's form, pre-filled with the project, and the e-mail to the committee. */
export function needLinks(request: NeedRequest, repository: Repository, committeeEmail: string): { forge: string; mail: string } {
  return {
    forge: issueFormUrl(repository, NEED_FORM.template, request.title, { [NEED_FORM.fields.project]: request.project }, request.body),
    mail: mailUrl(committeeEmail, request.title, request.body),
  };
}
