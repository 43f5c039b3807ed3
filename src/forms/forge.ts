/**
 * The forge's own "new file" page, filled in with the entry: the person
 * proposes the change there, and the forge itself makes the pull request
 * (with a fork when they cannot write to the repository).
 */
import type { Settings } from '../schemas/editorial.ts';

export type Repository = Settings['repository'];

export const FORGE_NAMES: Record<Repository['forge'], string> = {
  github: 'GitHub',
  gitlab: 'GitLab',
  forgejo: 'Forgejo (Codeberg)',
};

/**
 * The address of the new-file page for `filePath` (`content/providers/x.md`),
 * with its content when there is one:
 * GitHub `/new/<branch>?filename=…&value=…`, GitLab `/-/new/<branch>/<dir>?file_name=…&content=…`,
 * Forgejo and Gitea `/_new/<branch>/<dir>/?filename=…&value=…`.
 */
export function newFileUrl(repository: Repository, filePath: string, content = ''): string {
  const base = repository.url.replace(/\/+$/, '').replace(/\.git$/, '');
  const branch = encodeURIComponent(repository.branch);
  const slash = filePath.lastIndexOf('/');
  const dir = filePath.slice(0, slash).split('/').map(encodeURIComponent).join('/');
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
  const base = repository.url.replace(/\/+$/, '').replace(/\.git$/, '');
  const branch = encodeURIComponent(repository.branch);
  const file = filePath.split('/').map(encodeURIComponent).join('/');
  switch (repository.forge) {
    case 'github':
      return `${base}/blob/${branch}/${file}`;
    case 'gitlab':
      return `${base}/-/blob/${branch}/${file}`;
    case 'forgejo':
      return `${base}/src/branch/${branch}/${file}`;
  }
}

/** Where the open pull (merge) requests wait. */
export function pullRequestsUrl(repository: Repository): string {
  const base = repository.url.replace(/\/+$/, '').replace(/\.git$/, '');
  return repository.forge === 'gitlab' ? `${base}/-/merge_requests` : `${base}/pulls`;
}
