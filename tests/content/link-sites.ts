/**
 * Local HTTPS sites for the link check tests, on 127.0.0.1 only: nothing
 * leaves the machine. Their certificates come from a certificate authority
 * made for the test run, which only the checker under test is told to trust
 * (an option in process, NODE_EXTRA_CA_CERTS in a child process).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { generate } from 'selfsigned';

export interface Sites {
  /** The test authority's certificate (PEM): trust it to trust the sites. */
  ca: string;
  /** A site with a trusted certificate for 127.0.0.1 and every kind of answer (see `routes`). */
  site: string;
  /** A trusted certificate, but made for another name than 127.0.0.1. */
  wrongHost: string;
  /** A certificate no authority vouches for. */
  untrusted: string;
  /** A port where nothing listens. */
  refused: string;
  /** Requests the sites received: `HEAD /ok`. */
  requests: string[];
  /** The most requests the main site served at once since the last `resetCounts`. */
  maxInFlight: () => number;
  /** Forgets the requests seen so far. */
  resetCounts: () => void;
  close: () => Promise<void>;
}

/** How long `/lente` waits before answering: longer than any timeout the tests give. */
export const SLOW_MS = 4000;

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

const redirect = (status: number, location: string): Handler => (_req, res) => res.writeHead(status, { location }).end();
const answer = (status: number): Handler => (_req, res) => res.writeHead(status, { 'content-type': 'text/html' }).end(status < 400 ? '<p>Bonjour</p>' : '<p>Erreur</p>');

/** What the main site answers, by path. */
const routes: Record<string, Handler> = {
  '/ok': answer(200),
  // Refuses HEAD, as many servers do, and answers GET.
  '/sans-head': (req, res) => (req.method === 'HEAD' ? answer(405)(req, res) : answer(200)(req, res)),
  '/ancienne': redirect(301, '/nouvelle'),
  '/nouvelle': answer(200),
  '/ancienne-308': redirect(308, 'nouvelle'),
  '/boucle-a': redirect(301, '/boucle-b'),
  '/boucle-b': redirect(301, '/boucle-a'),
  '/temporaire': redirect(302, '/ok'),
  '/definitive-puis-temporaire': redirect(301, '/temporaire'),
  '/deplacee-puis-introuvable': redirect(301, '/introuvable'),
  '/introuvable': answer(404),
  '/supprimee': answer(410),
  '/erreur': answer(500),
  '/guichet': answer(403),
};

async function listen(options: https.ServerOptions, handler: Handler): Promise<{ server: https.Server; url: string }> {
  const server = https.createServer(options, handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `https://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

export async function startSites(): Promise<Sites> {
  const days = (n: number) => new Date(Date.now() + n * 86_400_000);
  const authority = await generate([{ name: 'commonName', value: 'Autorité de test Emancip’Asso' }], {
    keyType: 'ec',
    algorithm: 'sha256',
    notBeforeDate: days(-1),
    notAfterDate: days(2),
    extensions: [
      { name: 'basicConstraints', cA: true, critical: true },
      { name: 'keyUsage', keyCertSign: true, cRLSign: true, digitalSignature: true, critical: true },
    ],
  });
  const leaf = (altNames: Array<{ type: 2; value: string } | { type: 7; ip: string }>, signed: boolean) =>
    generate([{ name: 'commonName', value: 'site de test' }], {
      keyType: 'ec',
      algorithm: 'sha256',
      notBeforeDate: days(-1),
      notAfterDate: days(2),
      extensions: [
        { name: 'basicConstraints', cA: false },
        { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
        { name: 'extKeyUsage', serverAuth: true },
        { name: 'subjectAltName', altNames },
      ],
      ...(signed ? { ca: { key: authority.private, cert: authority.cert } } : {}),
    });
  const [good, other, lone] = await Promise.all([
    leaf([{ type: 7, ip: '127.0.0.1' }], true),
    leaf([{ type: 2, value: 'ailleurs.example' }], true),
    leaf([{ type: 7, ip: '127.0.0.1' }], false),
  ]);

  const requests: string[] = [];
  const timers = new Set<NodeJS.Timeout>();
  let inFlight = 0;
  let maxInFlight = 0;
  const main = await listen({ key: good.private, cert: good.cert }, (req, res) => {
    const path = new URL(req.url ?? '/', 'https://x').pathname;
    requests.push(`${req.method} ${path}`);
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    res.on('close', () => inFlight--);
    if (path === '/lente') {
      const timer = setTimeout(() => {
        timers.delete(timer);
        answer(200)(req, res);
      }, SLOW_MS);
      timers.add(timer);
      return;
    }
    // Pages that take a moment, to see how many requests come at once.
    if (path.startsWith('/patiente/')) {
      const timer = setTimeout(() => {
        timers.delete(timer);
        answer(200)(req, res);
      }, 150);
      timers.add(timer);
      return;
    }
    (routes[path] ?? answer(404))(req, res);
  });
  const wrongHost = await listen({ key: other.private, cert: other.cert }, answer(200));
  const untrusted = await listen({ key: lone.private, cert: lone.cert }, answer(200));
  // A port that was free a moment ago: nothing listens there any more.
  const closed = await listen({ key: lone.private, cert: lone.cert }, answer(200));
  await new Promise((resolve) => closed.server.close(resolve));

  const servers = [main.server, wrongHost.server, untrusted.server];
  return {
    ca: authority.cert,
    site: main.url,
    wrongHost: wrongHost.url,
    untrusted: untrusted.url,
    refused: closed.url,
    requests,
    maxInFlight: () => maxInFlight,
    resetCounts: () => {
      requests.length = 0;
      maxInFlight = inFlight;
    },
    close: async () => {
      for (const timer of timers) clearTimeout(timer);
      await Promise.all(
        servers.map(
          (server) =>
            new Promise<void>((resolve) => {
              server.closeAllConnections();
              server.close(() => resolve());
            }),
        ),
      );
    },
  };
}
