/**
 * The network side of the link check, kept thin: ask a site for an address
 * (HEAD, then GET when HEAD is refused), follow its redirects one by one,
 * and record what happened as a trace for `outcome.ts` to judge. Built on
 * Node's http and https modules, which say precisely why a connection
 * failed (DNS, TLS, refused) and accept extra certificate authorities.
 * Nothing here throws: every failure is part of the trace.
 */
import dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import tls from 'node:tls';
import { MAX_REDIRECTS, REDIRECT_STATUSES, type Failure, type Trace } from './outcome.ts';

export interface HttpOptions {
  /** Time allowed for each request, until the answer's headers arrive. */
  timeoutSeconds: number;
  /** Certificate authorities trusted on top of the usual ones (PEM). */
  ca?: string | readonly string[];
}

type Answer = { status: number; location?: string } | { failure: Failure };

/** Sites see who asks; some refuse requests that do not say. */
const HEADERS = {
  'user-agent': 'Mozilla/5.0 (compatible; EmancipAsso-link-check/1.0)',
  accept: 'text/html,application/xhtml+xml,*/*;q=0.8',
  'accept-language': 'fr,en;q=0.5',
};

/**
 * Names under `.invalid` never exist (RFC 6761): answered at once, without
 * asking a name server, as the RFC recommends.
 */
const lookup: LookupFunction = (hostname, options, callback) => {
  if (/\.invalid\.?$/i.test(hostname)) {
    const error = Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND', hostname });
    process.nextTick(() => callback(error, ''));
    return;
  }
  dns.lookup(hostname, options, callback);
};

function failureOf(error: unknown, url: URL, timeoutSeconds: number): Failure {
  const code = (error as { code?: unknown })?.code;
  return {
    code: typeof code === 'string' ? code : 'UNKNOWN',
    host: url.hostname,
    ...(code === 'TIMEOUT' ? { timeoutSeconds } : {}),
  };
}

/** One request; the body is never read: the status and `Location` say all. */
function request(url: URL, method: 'HEAD' | 'GET', options: HttpOptions): Promise<Answer> {
  return new Promise((resolve) => {
    const secure = url.protocol === 'https:';
    const extra = options.ca === undefined ? undefined : [options.ca].flat();
    let timer: NodeJS.Timeout | undefined;
    const finish = (answer: Answer) => {
      clearTimeout(timer);
      resolve(answer);
    };
    let req: http.ClientRequest;
    try {
      req = (secure ? https : http).request(url, {
        method,
        headers: HEADERS,
        lookup,
        // One connection per request, closed at once: nothing lingers between sites.
        agent: false,
        ...(secure && extra ? { ca: [...tls.rootCertificates, ...extra] } : {}),
      });
    } catch (error) {
      return finish({ failure: failureOf(error, url, options.timeoutSeconds) });
    }
    req.on('response', (res) => {
      const location = res.headers.location;
      finish({ status: res.statusCode ?? 0, ...(location ? { location } : {}) });
      res.destroy();
      req.destroy();
    });
    req.on('error', (error) => finish({ failure: failureOf(error, url, options.timeoutSeconds) }));
    timer = setTimeout(() => req.destroy(Object.assign(new Error('timeout'), { code: 'TIMEOUT' })), options.timeoutSeconds * 1000);
    req.end();
  });
}

/**
 * HEAD first, the lightest question. Many servers refuse it (405, 501, 403)
 * or answer it wrongly, so any error status is asked again with GET, and so
 * is a connection cut short. A failure before the request is even read
 * (unknown name, refused connection, certificate, timeout) would be the same
 * with GET: it is not asked twice.
 */
async function headThenGet(url: URL, options: HttpOptions): Promise<Answer> {
  const head = await request(url, 'HEAD', options);
  if ('failure' in head) {
    const { code } = head.failure;
    if (!(code === 'ECONNRESET' || code === 'EPIPE' || code.startsWith('HPE_') || code === 'UNKNOWN')) return head;
  } else if (head.status < 400) {
    return head;
  }
  return request(url, 'GET', options);
}

/** Follows an address through its redirects, one at a time, so that each one is seen. */
export async function traceUrl(start: string, options: HttpOptions): Promise<Trace> {
  const redirects: Trace['redirects'] = [];
  let current: URL;
  try {
    current = new URL(start);
  } catch {
    return { redirects, end: { kind: 'failure', failure: { code: 'ERR_INVALID_URL', host: '' } } };
  }
  const seen = new Set([current.href]);
  for (;;) {
    const answer = await headThenGet(current, options);
    if ('failure' in answer) return { redirects, end: { kind: 'failure', failure: answer.failure } };
    const next = REDIRECT_STATUSES.has(answer.status) && answer.location ? URL.parse(answer.location, current) : null;
    // A redirect with no usable target is an answer like any other.
    if (!next || (next.protocol !== 'https:' && next.protocol !== 'http:'))
      return { redirects, end: { kind: 'answer', status: answer.status } };
    redirects.push({ status: answer.status, to: next.href });
    if (seen.has(next.href)) return { redirects, end: { kind: 'loop' } };
    if (redirects.length > MAX_REDIRECTS) return { redirects, end: { kind: 'too-many-redirects' } };
    seen.add(next.href);
    current = next;
  }
}
