/**
 * The link check (`npm run links`): every address to another site that the
 * content holds, fetched once each, with a warning where a link is dead or
 * has moved. A dead link never blocks a merge: sites come and go, and the
 * committee decides what to do about each one.
 */
import type { Content } from '../domain/content.ts';
import type { Problem } from '../domain/problems.ts';
import { loadContent } from '../loader/index.ts';
import { collectLinks, fetchKey, type LinkUse } from './extract.ts';
import { traceUrl, type HttpOptions } from './http.ts';
import {
  classify,
  countByStatus,
  isTransient,
  linkMessage,
  type LinkOutcome,
  type LinkStatus,
  type ShowUrl,
  type Trace,
} from './outcome.ts';
import { runPool } from './pool.ts';

export interface LinkCheckOptions extends HttpOptions {
  /** Requests at once, in all. */
  concurrency: number;
  /** Requests at once to one site. */
  perHost?: number;
  /** Pause before asking again the links whose failure may be passing. */
  retryDelayMs?: number;
  /** How file paths are shown: relative to this folder (the project). */
  displayRoot?: string;
}

export const DEFAULT_TIMEOUT_SECONDS = 10;
export const DEFAULT_CONCURRENCY = 8;
export const PER_HOST = 2;
const RETRY_DELAY_MS = 1000;

/** A link warning as `npm run links` prints it, and as `--json` gives it. */
export interface LinkProblem extends Problem {
  severity: 'warning';
  url: string;
  status: LinkStatus;
  /** The HTTP status of the last answer, when there was one. */
  httpStatus?: number;
  /** The new address (moved), or where redirects led (dead). */
  location?: string;
  /** The field's French title, as the CMS shows it (« Site web », « Texte »). */
  field: string;
}

export interface LinkCheckResult {
  content: Content;
  uses: LinkUse[];
  /** Outcome per address fetched (see `fetchKey`). */
  outcomes: Map<string, LinkOutcome>;
  problems: LinkProblem[];
  counts: Record<LinkStatus, number>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Fetches each address once, a few at a time and at most `perHost` at once
 * per site; the ones whose failure may be passing (timeout, server error)
 * are asked once more, after a pause, all together.
 */
export async function checkAddresses(addresses: readonly string[], options: LinkCheckOptions): Promise<Map<string, LinkOutcome>> {
  const limits = { concurrency: options.concurrency, perKey: Math.min(options.perHost ?? PER_HOST, options.concurrency) };
  const host = (address: string) => new URL(address).host;
  const trace = async (address: string): Promise<Trace> => {
    try {
      return await traceUrl(address, options);
    } catch (error) {
      // Never expected; a link is reported unreachable rather than the run stopped.
      const code = (error as { code?: unknown })?.code;
      return {
        redirects: [],
        end: { kind: 'failure', failure: { code: typeof code === 'string' ? code : 'UNKNOWN', host: new URL(address).hostname } },
      };
    }
  };
  const traces = await runPool(addresses, host, trace, limits);
  const again = addresses.map((address, index) => ({ address, index })).filter(({ index }) => isTransient(traces[index]!));
  if (again.length > 0) {
    await sleep(options.retryDelayMs ?? RETRY_DELAY_MS);
    const retried = await runPool(
      again,
      ({ address }) => host(address),
      ({ address }) => trace(address),
      limits,
    );
    again.forEach(({ index }, i) => (traces[index] = retried[i]!));
  }
  return new Map(addresses.map((address, index) => [address, classify(traces[index]!)]));
}

/** One warning per use of a link that is not valid, in file order. */
export function linkProblems(uses: readonly LinkUse[], outcomes: ReadonlyMap<string, LinkOutcome>, show?: ShowUrl): LinkProblem[] {
  const problems: LinkProblem[] = [];
  for (const use of uses) {
    const outcome = outcomes.get(fetchKey(use.url));
    if (!outcome) continue;
    const message = linkMessage(use.url, outcome, show);
    if (!message) continue;
    problems.push({
      file: use.file,
      line: use.line,
      column: use.column,
      path: use.path,
      severity: 'warning',
      message,
      url: use.url,
      status: outcome.status,
      ...(outcome.httpStatus !== undefined ? { httpStatus: outcome.httpStatus } : {}),
      ...(outcome.location ? { location: outcome.location } : {}),
      field: use.field,
    });
  }
  return problems;
}

/** Loads the content folder, then checks every address it holds; `onStart` hears how many before the wait. */
export async function checkLinks(
  dir: string,
  options: LinkCheckOptions,
  onStart?: (addresses: number, uses: number) => void,
): Promise<LinkCheckResult> {
  const { content } = await loadContent(dir, { displayRoot: options.displayRoot });
  const uses = collectLinks(content);
  const addresses = [...new Set(uses.map((use) => fetchKey(use.url)))];
  onStart?.(addresses.length, uses.length);
  const outcomes = await checkAddresses(addresses, options);
  return { content, uses, outcomes, problems: linkProblems(uses, outcomes), counts: countByStatus(outcomes.values()) };
}
