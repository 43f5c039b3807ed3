/**
 * Addresses on the forge that holds the repository (GitHub, GitLab, Forgejo
 * such as Codeberg): its "new file" page filled in with an entry (the person
 * proposes the change there and the forge makes the pull request, with a
 * fork when they cannot write to the repository), a file's page and edit
 * page, the open pull requests, a pre-filled new issue; and the e-mail to
 * the committee for people without an account.
 */
import type { Settings } from '../schemas/editorial.ts';

export type Repository = Settings['repository'];

export const FORGE_NAMES: Record<Repository['forge'], string> = {
  github: 'GitHub',
  gitlab: 'GitLab',
  forgejo: 'Forgejo (Codeberg)',
};

/** `https://gitlab.com/groupe/annuaire.git/` → `https://gitlab.com/groupe/annuaire`. */
function root(repository: Repository): string {
  return repository.url.replace(/\/+$/, '').replace(/\.git$/, '');
}

const encodePath = (filePath: string) => filePath.split('/').map(encodeURIComponent).join('/');

/**
 * The address of the new-file page for `filePath` (`content/providers/x.md`),
 * with its content when there is one:
 * GitHub `/new/<branch>?filename=…&value=…`, GitLab `/-/new/<branch>/<dir>?file_name=…&content=…`,
 * Forgejo and Gitea `/_new/<branch>/<dir>/?filename=…&value=…`.
 */
export function newFileUrl(repository: Repository, filePath: string, content = ''): string {
  const base = root(repository);
  const branch = encodeURIComponent(repository.branch);
  const slash = filePath.lastIndexOf('/');
  const dir = encodePath(filePath.slice(0, slash));
  const name = filePath.slice(slash + 1);
  const value = (key: string) => (content ? `&${key}=${encodeURIComponent(content)}` : '');
  switch (repository.forge) {
    case 'github':
      return `${base}/new/${branch}?filename=${encodeURIComponent(filePath)}${value('value')}`;
    case 'gitlab':
      return `${base}/-/new/${branch}/${dir}?file_name=${encodeURIComponent(name)}${value('content')}`;
    case 'forgejo':
      return `${base}/_new/${branch}/${dir}/?filename=${encodeURIComponent(name)}${value('value')}`;
  }
}

/** The page of a file of the published branch on the forge. */
export function fileUrl(repository: Repository, filePath: string): string {
  const segment = { github: 'blob', gitlab: '-/blob', forgejo: 'src/branch' }[repository.forge];
  return `${root(repository)}/${segment}/${encodeURIComponent(repository.branch)}/${encodePath(filePath)}`;
}

/** The forge's page that edits a file of the published branch. */
export function editFileUrl(repository: Repository, filePath: string): string {
  const segment = { github: 'edit', gitlab: '-/edit', forgejo: '_edit' }[repository.forge];
  return `${root(repository)}/${segment}/${repository.branch}/${encodePath(filePath)}`;
}

/** Where the open pull (merge) requests wait. */
export function pullRequestsUrl(repository: Repository): string {
  return repository.forge === 'gitlab' ? `${root(repository)}/-/merge_requests` : `${root(repository)}/pulls`;
}

/** A new-issue URL on the forge, pre-filled with a title and a text. */
export function newIssueUrl(repository: Repository, title: string, body: string): string {
  const q = (params: Record<string, string>) => new URLSearchParams(params).toString();
  if (repository.forge === 'gitlab') return `${root(repository)}/-/issues/new?${q({ 'issue[title]': title, 'issue[description]': body })}`;
  return `${root(repository)}/issues/new?${q({ title, body })}`;
}

/**
 * A new-issue URL that opens an issue form of `.github/ISSUE_TEMPLATE/`,
 * its fields pre-filled by their ids (GitHub reads each field's id as a
 * query parameter). GitLab and Forgejo do not pre-fill forms' fields: they
 * get the title and the same questions as plain text.
 */
export function issueFormUrl(
  repository: Repository,
  template: string,
  title: string,
  fields: Record<string, string>,
  plainBody: string,
): string {
  if (repository.forge !== 'github') return newIssueUrl(repository, title, plainBody);
  return `${root(repository)}/issues/new?${new URLSearchParams({ template, title, ...fields }).toString()}`;
}

/** mailto: with subject and body, for people without an account on the forge. */
export function mailUrl(email: string, subject: string, body: string): string {
  return `mailto:${email}?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(body)}`;
}
