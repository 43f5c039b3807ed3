/**
 * Where the CMS saves: chosen by environment variables at build time (and by
 * `npm start` for the local backend), with `content/settings.yml` as default.
 *
 *   CMS_BACKEND     github | gitlab | forgejo | local (default: settings.repository.forge)
 *   CMS_REPO        owner/name (default: read from settings.repository.url)
 *   CMS_BRANCH      published branch (default: settings.repository.branch)
 *   CMS_BASE_URL    GitHub: address of the OAuth helper; GitLab/Forgejo: the forge's address
 *   CMS_AUTH_ENDPOINT  GitHub: path of the helper's login route (default « auth »)
 *   CMS_APP_ID      GitLab/Forgejo: identifier of the OAuth application (PKCE, no secret)
 *   CMS_API_ROOT    GitLab/Forgejo: API address (default derived from the repository address)
 *   CMS_LOCAL_URL   decap-server address for the local backend (default http://localhost:8081/api/v1)
 */
import type { Settings } from '../schemas/editorial.ts';

export type Forge = Settings['repository']['forge'];
export type BackendName = Forge | 'local';

export interface CmsEnv {
  CMS_BACKEND?: string;
  CMS_REPO?: string;
  CMS_BRANCH?: string;
  CMS_BASE_URL?: string;
  CMS_AUTH_ENDPOINT?: string;
  CMS_APP_ID?: string;
  CMS_API_ROOT?: string;
  CMS_LOCAL_URL?: string;
}

export const DEFAULT_LOCAL_URL = 'http://localhost:8081/api/v1';

export interface BackendConfig {
  backend: Record<string, unknown>;
  local_backend?: { url: string };
}

const BACKENDS = ['github', 'gitlab', 'forgejo', 'local'] as const;

export class BackendConfigError extends Error {}

/** `https://github.com/owner/name(.git)` → `owner/name` (GitLab groups keep their sub-groups). */
export function repoFromUrl(url: string): string {
  const path = new URL(url).pathname.replace(/\.git$/, '').replace(/^\/+|\/+$/g, '');
  if (!path.includes('/')) throw new BackendConfigError(`L’adresse du dépôt « ${url} » ne contient pas « propriétaire/nom ».`);
  return path;
}

/**
 * The `backend` (and `local_backend`) part of the Decap configuration.
 * `dev` (astro dev, npm start) always adds the local backend: when
 * decap-server answers, the CMS writes to the scratch repository instead.
 */
export function backendConfig(settings: Settings, env: CmsEnv, dev = false): BackendConfig {
  const name = (env.CMS_BACKEND || settings.repository.forge) as BackendName;
  if (!BACKENDS.includes(name)) {
    throw new BackendConfigError(`CMS_BACKEND vaut « ${env.CMS_BACKEND} » : choisissez github, gitlab, forgejo ou local.`);
  }
  const repo = env.CMS_REPO || repoFromUrl(settings.repository.url);
  const branch = env.CMS_BRANCH || settings.repository.branch;
  const origin = new URL(settings.repository.url).origin;
  const local = dev || name === 'local' ? { local_backend: { url: env.CMS_LOCAL_URL || DEFAULT_LOCAL_URL } } : {};
  // The local backend still names a forge: the CMS falls back to it when decap-server does not answer.
  const forge: Forge = name === 'local' ? settings.repository.forge : name;

  switch (forge) {
    case 'github':
      return {
        backend: {
          name: 'github',
          repo,
          branch,
          // Someone without write access gets a fork and a pull request.
          open_authoring: true,
          ...(env.CMS_BASE_URL ? { base_url: env.CMS_BASE_URL } : {}),
          ...(env.CMS_AUTH_ENDPOINT ? { auth_endpoint: env.CMS_AUTH_ENDPOINT } : {}),
        },
        ...local,
      };
    case 'gitlab':
      return {
        backend: {
          name: 'gitlab',
          repo,
          branch,
          auth_type: 'pkce',
          ...(env.CMS_APP_ID ? { app_id: env.CMS_APP_ID } : {}),
          base_url: env.CMS_BASE_URL || origin,
          auth_endpoint: env.CMS_AUTH_ENDPOINT || 'oauth/authorize',
          api_root: env.CMS_API_ROOT || `${origin}/api/v4`,
        },
        ...local,
      };
    case 'forgejo':
      // Decap's `gitea` backend has no editorial workflow: `forgejo` has it, and PKCE.
      return {
        backend: {
          name: 'forgejo',
          repo,
          branch,
          open_authoring: true,
          ...(env.CMS_APP_ID ? { app_id: env.CMS_APP_ID } : {}),
          api_root: env.CMS_API_ROOT || `${env.CMS_BASE_URL || origin}/api/v1`,
        },
        ...local,
      };
  }
}

/**
 * The addresses the CMS page talks to (its Content Security Policy): the
 * forge's API, the forge itself for the PKCE token, decap-server locally.
 */
export function connectSources(config: BackendConfig): string[] {
  const { backend, local_backend } = config;
  const urls: string[] = [];
  if (backend.name === 'github') urls.push(String(backend.api_root ?? 'https://api.github.com'));
  for (const key of ['api_root', 'base_url'] as const) if (typeof backend[key] === 'string') urls.push(backend[key]);
  if (local_backend) urls.push(local_backend.url);
  return [...new Set(urls.map((url) => new URL(url).origin))];
}
