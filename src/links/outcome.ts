/**
 * What the answers of a site mean for a link, and how to say it in French.
 * Pure: the network layer (`http.ts`) records what happened as a trace, and
 * this module decides whether the link is valid, moved or dead.
 */
import { formatNumber } from '../domain/text/format.ts';

/** Why no answer came, as Node names it (`ENOTFOUND`, `CERT_HAS_EXPIRED`…), or `TIMEOUT`. */
export interface Failure {
  code: string;
  host: string;
  /** The time allowed, for `TIMEOUT`. */
  timeoutSeconds?: number;
}

export type TraceEnd =
  | { kind: 'answer'; status: number }
  | { kind: 'failure'; failure: Failure }
  /** A redirect led back to an address already visited. */
  | { kind: 'loop' }
  | { kind: 'too-many-redirects' };

/** What happened when following an address: each redirect, then how it ended. */
export interface Trace {
  redirects: Array<{ status: number; to: string }>;
  end: TraceEnd;
}

/** Redirects a browser follows; 301 and 308 say the address changed for good. */
export const REDIRECT_STATUSES: ReadonlySet<number> = new Set([301, 302, 303, 307, 308]);
const PERMANENT_REDIRECTS: ReadonlySet<number> = new Set([301, 308]);
export const MAX_REDIRECTS = 10;

export const linkStatuses = ['valid', 'moved', 'not-found', 'gone', 'server-error', 'unreachable', 'redirect-loop', 'unexpected'] as const;
export type LinkStatus = (typeof linkStatuses)[number];

export interface LinkOutcome {
  status: LinkStatus;
  /** The HTTP status of the last answer, when there was one. */
  httpStatus?: number;
  /** The new address of a moved link; for a dead one reached through redirects, where they led. */
  location?: string;
  /** Why the site could not be reached, in French. */
  reason?: string;
  /** Too many redirects rather than a loop. */
  tooManyRedirects?: boolean;
}

const TLS_UNTRUSTED = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_UNTRUSTED',
  'CERT_SIGNATURE_FAILURE',
  'CERT_REJECTED',
]);
const CONNECTION_CUT = new Set(['ECONNRESET', 'EPIPE', 'ECONNABORTED']);
const NO_ROUTE = new Set(['ENETUNREACH', 'EHOSTUNREACH', 'ENETDOWN', 'EHOSTDOWN']);

/** Why a site could not be reached, in words a volunteer understands. */
export function describeFailure({ code, host, timeoutSeconds }: Failure): string {
  if (code === 'TIMEOUT') {
    const seconds = timeoutSeconds ?? 0;
    return `le site n’a pas répondu en ${formatNumber(seconds)} seconde${seconds >= 2 ? 's' : ''}`;
  }
  if (code === 'ENOTFOUND') return `le nom de domaine « ${host} » n’existe pas (ou plus)`;
  if (code === 'EAI_AGAIN' || code === 'EAI_FAIL') {
    return `le nom de domaine « ${host} » n’a pas pu être trouvé (pas de connexion à internet, ou serveur de noms indisponible)`;
  }
  if (code === 'ECONNREFUSED') return 'le serveur refuse la connexion';
  if (CONNECTION_CUT.has(code)) return 'la connexion a été coupée par le serveur';
  if (NO_ROUTE.has(code)) return 'le réseau ne permet pas de joindre le site (pas de connexion à internet ?)';
  if (code === 'CERT_HAS_EXPIRED') return 'son certificat de sécurité a expiré (connexion https non sûre)';
  if (code === 'CERT_NOT_YET_VALID') return 'son certificat de sécurité n’est pas encore valable (connexion https non sûre)';
  if (code === 'ERR_TLS_CERT_ALTNAME_INVALID')
    return `son certificat de sécurité est fait pour une autre adresse que « ${host} » (connexion https non sûre)`;
  if (TLS_UNTRUSTED.has(code))
    return 'son certificat de sécurité n’est pas reconnu : il ne vient pas d’une autorité de confiance (connexion https non sûre)';
  if (/^ERR_(SSL|TLS)_|CERT|^EPROTO$/.test(code)) return 'la connexion sécurisée (https) n’a pas pu s’établir';
  if (code.startsWith('HPE_')) return 'le serveur répond de façon illisible';
  return `erreur de réseau (${code})`;
}

/** Failures and answers worth asking once more: they are often passing. */
export function isTransient(trace: Trace): boolean {
  const { end } = trace;
  if (end.kind === 'answer') return end.status >= 500 || end.status === 429;
  if (end.kind === 'failure') {
    const { code } = end.failure;
    return (
      code === 'TIMEOUT' ||
      code === 'ETIMEDOUT' ||
      code === 'EAI_AGAIN' ||
      code === 'ECONNREFUSED' ||
      CONNECTION_CUT.has(code) ||
      NO_ROUTE.has(code)
    );
  }
  return false;
}

/** What a trace means for the link. */
export function classify(trace: Trace): LinkOutcome {
  const { redirects, end } = trace;
  const reached = redirects.at(-1)?.to;
  switch (end.kind) {
    case 'failure':
      return { status: 'unreachable', reason: describeFailure(end.failure), ...(reached ? { location: reached } : {}) };
    case 'loop':
      return { status: 'redirect-loop', ...(reached ? { location: reached } : {}) };
    case 'too-many-redirects':
      return { status: 'redirect-loop', tooManyRedirects: true, ...(reached ? { location: reached } : {}) };
    case 'answer':
      break;
  }
  const httpStatus = end.status;
  const via = reached ? { location: reached } : {};
  if (httpStatus >= 200 && httpStatus < 300) {
    // The address moved when it starts with permanent redirects; what a
    // temporary redirect points to is not an address to write down.
    let moved: string | undefined;
    for (const hop of redirects) {
      if (!PERMANENT_REDIRECTS.has(hop.status)) break;
      moved = hop.to;
    }
    return moved ? { status: 'moved', httpStatus, location: moved } : { status: 'valid', httpStatus };
  }
  if (httpStatus === 404) return { status: 'not-found', httpStatus, ...via };
  if (httpStatus === 410) return { status: 'gone', httpStatus, ...via };
  if (httpStatus >= 500) return { status: 'server-error', httpStatus, ...via };
  return { status: 'unexpected', httpStatus, ...via };
}

/** How an address shows in a message: as is on a terminal, set apart in Markdown. */
export type ShowUrl = (url: string) => string;

/** The warning for a link, in French, saying what to do; undefined for a valid link. */
export function linkMessage(url: string, outcome: LinkOutcome, show: ShowUrl = (u) => u): string | undefined {
  const at = show(url);
  const via = outcome.location ? ` (après redirection vers ${show(outcome.location)})` : '';
  const code = outcome.httpStatus;
  switch (outcome.status) {
    case 'valid':
      return undefined;
    case 'moved':
      return `adresse déplacée : ${at} redirige définitivement vers ${show(outcome.location!)}. Vérifiez que la nouvelle adresse mène à la bonne page, puis remplacez l’ancienne par elle.`;
    case 'not-found':
      return `page introuvable (erreur ${code}) : ${at}${via}. Cherchez la bonne adresse sur le site, puis corrigez le lien ou retirez-le.`;
    case 'gone':
      return `page supprimée (erreur ${code}) : ${at}${via}. Le site dit que cette page n’existe plus : retirez le lien ou remplacez-le par une page qui existe.`;
    case 'server-error':
      return `le site répond par une erreur (erreur ${code}) : ${at}${via}. C’est souvent passager : si l’erreur est toujours là la semaine suivante, prévenez le site ou retirez le lien.`;
    case 'unreachable':
      return `injoignable : ${at}${via} — ${outcome.reason}. Ouvrez l’adresse dans un navigateur : si le site n’existe plus, retirez le lien ou remplacez-le.`;
    case 'redirect-loop':
      return `${outcome.tooManyRedirects ? `l’adresse passe par plus de ${MAX_REDIRECTS} redirections` : 'l’adresse redirige en boucle'} : ${at}. Le site est mal configuré : ouvrez l’adresse dans un navigateur, et si la page ne s’affiche pas, retirez le lien.`;
    case 'unexpected':
      return `réponse inattendue du site (code ${code}) : ${at}${via}. Certains sites refusent les vérifications automatiques : ouvrez l’adresse dans un navigateur ; si la page s’affiche, il n’y a rien à faire.`;
  }
}

/** How each status is counted in the summary: singular, plural. */
const SUMMARY_WORDS: Record<LinkStatus, [string, string]> = {
  valid: ['valide', 'valides'],
  moved: ['déplacé', 'déplacés'],
  'not-found': ['introuvable', 'introuvables'],
  gone: ['supprimé', 'supprimés'],
  'server-error': ['en erreur', 'en erreur'],
  unreachable: ['injoignable', 'injoignables'],
  'redirect-loop': ['en boucle', 'en boucle'],
  unexpected: ['à vérifier à la main', 'à vérifier à la main'],
};

export function countByStatus(outcomes: Iterable<LinkOutcome>): Record<LinkStatus, number> {
  const counts = Object.fromEntries(linkStatuses.map((s) => [s, 0])) as Record<LinkStatus, number>;
  for (const outcome of outcomes) counts[outcome.status]++;
  return counts;
}

/** « 120 liens vérifiés : 112 valides, 3 déplacés, 4 introuvables, 1 injoignable. » */
export function formatLinkSummary(counts: Record<LinkStatus, number>): string {
  const total = linkStatuses.reduce((sum, s) => sum + counts[s], 0);
  if (total === 0) return 'Aucun lien vers un autre site dans le contenu : rien à vérifier.';
  const parts = linkStatuses
    .filter((s) => s === 'valid' || counts[s] > 0)
    .map((s) => `${counts[s]} ${SUMMARY_WORDS[s][counts[s] > 1 ? 1 : 0]}`);
  const line = `${total} lien${total > 1 ? 's' : ''} vérifié${total > 1 ? 's' : ''} : ${parts.join(', ')}.`;
  // Every site at once is the sign of a machine without internet, not of a content to fix.
  if (total > 1 && counts.unreachable === total) {
    return `${line} Aucun site n’a pu être joint : vérifiez d’abord la connexion à internet de cet ordinateur, puis recommencez.`;
  }
  return line;
}
