/**
 * The link check: which addresses the content holds and where, what each
 * answer means, how it is said, and the real requests against local HTTPS
 * sites (tests/content/link-sites.ts) — none leaves the machine.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { absoluteUrl, routes } from '../../src/domain/routes.ts';
import { loadContent } from '../../src/loader/index.ts';
import { collectLinks, fetchKey, type LinkUse } from '../../src/links/extract.ts';
import { checkAddresses, linkProblems, type LinkCheckOptions } from '../../src/links/index.ts';
import {
  classify,
  countByStatus,
  describeFailure,
  formatLinkSummary,
  isTransient,
  linkMessage,
  type LinkOutcome,
  type Trace,
} from '../../src/links/outcome.ts';
import { runPool } from '../../src/links/pool.ts';
import { formatLinksMarkdown } from '../../src/review/links.ts';
import { corpus, edited, removeCorpora } from '../content/helpers.ts';
import { SLOW_MS, startSites, type Sites } from '../content/link-sites.ts';

afterAll(removeCorpora);

const answer = (status: number, redirects: Trace['redirects'] = []): Trace => ({ redirects, end: { kind: 'answer', status } });

describe('what an answer means', () => {
  it('calls a page that answers 2xx valid, even through temporary redirects', () => {
    expect(classify(answer(200))).toEqual({ status: 'valid', httpStatus: 200 });
    expect(classify(answer(204, [{ status: 302, to: 'https://a.example/b' }])).status).toBe('valid');
    expect(classify(answer(200, [{ status: 307, to: 'https://a.example/b' }])).status).toBe('valid');
  });

  it('calls an address moved when it starts with permanent redirects, and gives the last permanent target', () => {
    expect(classify(answer(200, [{ status: 301, to: 'https://a.example/new' }]))).toEqual({
      status: 'moved',
      httpStatus: 200,
      location: 'https://a.example/new',
    });
    const chain = [
      { status: 308, to: 'https://a.example/1' },
      { status: 301, to: 'https://a.example/2' },
      { status: 302, to: 'https://a.example/login' },
    ];
    expect(classify(answer(200, chain)).location).toBe('https://a.example/2');
    // A temporary redirect first: the address in the content is still the one to keep.
    expect(
      classify(
        answer(200, [
          { status: 302, to: 'https://a.example/x' },
          { status: 301, to: 'https://a.example/y' },
        ]),
      ).status,
    ).toBe('valid');
  });

  it('calls dead what is dead, even after a redirect, and says where the redirects led', () => {
    expect(classify(answer(404)).status).toBe('not-found');
    expect(classify(answer(410)).status).toBe('gone');
    expect(classify(answer(503))).toEqual({ status: 'server-error', httpStatus: 503 });
    expect(classify(answer(404, [{ status: 301, to: 'https://a.example/x' }]))).toEqual({
      status: 'not-found',
      httpStatus: 404,
      location: 'https://a.example/x',
    });
    expect(classify(answer(403)).status).toBe('unexpected');
    expect(classify({ redirects: [], end: { kind: 'loop' } }).status).toBe('redirect-loop');
    expect(classify({ redirects: [], end: { kind: 'too-many-redirects' } })).toEqual({ status: 'redirect-loop', tooManyRedirects: true });
    expect(classify({ redirects: [], end: { kind: 'failure', failure: { code: 'ENOTFOUND', host: 'x.invalid' } } }).status).toBe(
      'unreachable',
    );
  });

  it('asks again only what may be passing', () => {
    const failure = (code: string): Trace => ({ redirects: [], end: { kind: 'failure', failure: { code, host: 'h' } } });
    expect(isTransient(answer(500))).toBe(true);
    expect(isTransient(answer(429))).toBe(true);
    expect(isTransient(failure('TIMEOUT'))).toBe(true);
    expect(isTransient(failure('ECONNRESET'))).toBe(true);
    expect(isTransient(failure('EAI_AGAIN'))).toBe(true);
    expect(isTransient(answer(404))).toBe(false);
    expect(isTransient(failure('ENOTFOUND'))).toBe(false);
    expect(isTransient(failure('CERT_HAS_EXPIRED'))).toBe(false);
  });
});

describe('how it is said', () => {
  it('names the reason a site is unreachable in French', () => {
    const reason = (code: string, extra = {}) => describeFailure({ code, host: 'site.example', ...extra });
    expect(reason('TIMEOUT', { timeoutSeconds: 10 })).toBe('le site n’a pas répondu en 10 secondes');
    expect(reason('TIMEOUT', { timeoutSeconds: 1 })).toBe('le site n’a pas répondu en 1 seconde');
    expect(reason('ENOTFOUND')).toBe('le nom de domaine « site.example » n’existe pas (ou plus)');
    expect(reason('EAI_AGAIN')).toContain('pas de connexion à internet');
    expect(reason('ECONNREFUSED')).toBe('le serveur refuse la connexion');
    expect(reason('CERT_HAS_EXPIRED')).toContain('a expiré');
    expect(reason('DEPTH_ZERO_SELF_SIGNED_CERT')).toContain('n’est pas reconnu');
    expect(reason('ERR_TLS_CERT_ALTNAME_INVALID')).toContain('une autre adresse que « site.example »');
    expect(reason('ERR_SSL_WRONG_VERSION_NUMBER')).toContain('connexion sécurisée');
    expect(reason('ESOMETHING')).toBe('erreur de réseau (ESOMETHING)');
  });

  it('says what is wrong and what to do, with the new address of a moved link', () => {
    const url = 'https://a.example/old';
    expect(linkMessage(url, { status: 'valid', httpStatus: 200 })).toBeUndefined();
    expect(linkMessage(url, { status: 'moved', httpStatus: 200, location: 'https://a.example/new' })).toBe(
      'adresse déplacée : https://a.example/old redirige définitivement vers https://a.example/new. Vérifiez que la nouvelle adresse mène à la bonne page, puis remplacez l’ancienne par elle.',
    );
    expect(linkMessage(url, { status: 'not-found', httpStatus: 404 })).toMatch(
      /^page introuvable \(erreur 404\) : https:\/\/a\.example\/old\. Cherchez la bonne adresse/,
    );
    expect(linkMessage(url, { status: 'gone', httpStatus: 410 })).toMatch(/^page supprimée \(erreur 410\)/);
    expect(linkMessage(url, { status: 'server-error', httpStatus: 502 })).toMatch(/^le site répond par une erreur \(erreur 502\)/);
    expect(linkMessage(url, { status: 'unreachable', reason: 'le serveur refuse la connexion' })).toMatch(
      /^injoignable : https:\/\/a\.example\/old — le serveur refuse la connexion\. /,
    );
    expect(linkMessage(url, { status: 'redirect-loop' })).toMatch(/^l’adresse redirige en boucle/);
    expect(linkMessage(url, { status: 'not-found', httpStatus: 404, location: 'https://a.example/x' })).toContain(
      '(après redirection vers https://a.example/x)',
    );
    expect(linkMessage(url, { status: 'moved', location: 'https://a.example/new' }, (u) => `<${u}>`)).toContain(
      '<https://a.example/old> redirige définitivement vers <https://a.example/new>',
    );
  });

  it('sums up by status, in French', () => {
    const outcomes: LinkOutcome[] = [
      ...Array.from({ length: 112 }, () => ({ status: 'valid' as const })),
      ...Array.from({ length: 3 }, () => ({ status: 'moved' as const })),
      ...Array.from({ length: 4 }, () => ({ status: 'not-found' as const })),
      { status: 'unreachable' },
    ];
    expect(formatLinkSummary(countByStatus(outcomes))).toBe('120 liens vérifiés : 112 valides, 3 déplacés, 4 introuvables, 1 injoignable.');
    expect(formatLinkSummary(countByStatus([{ status: 'valid' }]))).toBe('1 lien vérifié : 1 valide.');
    expect(formatLinkSummary(countByStatus([]))).toBe('Aucun lien vers un autre site dans le contenu : rien à vérifier.');
    // Nothing answers at all: the machine is offline, not the content wrong.
    expect(formatLinkSummary(countByStatus([{ status: 'unreachable' }, { status: 'unreachable' }]))).toBe(
      '2 liens vérifiés : 0 valide, 2 injoignables. Aucun site n’a pu être joint : vérifiez d’abord la connexion à internet de cet ordinateur, puis recommencez.',
    );
  });
});

describe('the pool', () => {
  it('keeps to its limits in all and per site, and returns results in order', async () => {
    let running = 0;
    let most = 0;
    const perSite = new Map<string, number>();
    let mostOnOneSite = 0;
    const items = Array.from({ length: 30 }, (_, i) => ({ i, site: i % 3 === 0 ? 'big' : `small-${i}` }));
    const results = await runPool(
      items,
      (item) => item.site,
      async (item) => {
        running++;
        perSite.set(item.site, (perSite.get(item.site) ?? 0) + 1);
        most = Math.max(most, running);
        mostOnOneSite = Math.max(mostOnOneSite, perSite.get(item.site)!);
        await new Promise((resolve) => setTimeout(resolve, 5));
        running--;
        perSite.set(item.site, perSite.get(item.site)! - 1);
        return item.i * 2;
      },
      { concurrency: 4, perKey: 2 },
    );
    expect(results).toEqual(items.map((item) => item.i * 2));
    expect(most).toBe(4);
    expect(mostOnOneSite).toBe(2);
  });

  it('ends at once on nothing to do', async () => {
    expect(
      await runPool(
        [],
        () => 'x',
        async () => 1,
        { concurrency: 2, perKey: 1 },
      ),
    ).toEqual([]);
  });
});

describe('the addresses of the content', () => {
  let uses: LinkUse[];

  beforeAll(async () => {
    const dir = await corpus({
      'pages/a-propos.md': `${edited('pages/a-propos.md')}
Voir [le réseau][reseau], <https://autolien.example.org/page>, https://nu.example.org/texte et [un ancre](#haut).
Écrire à [l’équipe](mailto:equipe@exemple.org) ou lire [la charte](/charte/).

[reseau]: https://reference.example.org/reseau
`,
      'resources/premier-diagnostic.md': edited('resources/premier-diagnostic.md', [
        /\n---\n/,
        '\n---\nLire [le guide](https://guide.example.org/diagnostic#etape-2).\n',
      ]),
    });
    uses = collectLinks((await loadContent(dir, { displayRoot: dir })).content);
  });

  const find = (file: string, path: string) => uses.filter((u) => u.file === file && u.path === path);

  it('finds every address field of the schemas, with its place and French title', () => {
    expect(find('providers/cooperative-exemple-libre.md', 'website')).toEqual([
      {
        url: 'https://cooperative.example.org',
        file: 'providers/cooperative-exemple-libre.md',
        line: 6,
        column: 10,
        path: 'website',
        field: 'Site web',
      },
    ]);
    expect(find('providers/cooperative-exemple-libre.md', 'contact.form')[0]).toMatchObject({
      url: 'https://cooperative.example.org/contact',
      line: 9,
      field: 'Formulaire de contact',
    });
    expect(find('providers/cooperative-exemple-libre.md', 'pricing.url')[0]).toMatchObject({ line: 22, field: 'Page des tarifs' });
    expect(find('recommendations/cooperative-exemple-libre--theatre-exemple.md', 'association.website')[0]).toMatchObject({
      url: 'https://theatre.example.org',
      line: 8,
    });
    expect(find('projects/agenda-partage-exemple.md', 'software.url')[0]).toMatchObject({ url: 'https://nextcloud.com', line: 7 });
    expect(find('projects/agenda-partage-exemple.md', 'payment_url')[0]).toMatchObject({ line: 20 });
    expect(find('partners/reseau-exemple.yml', 'url')[0]).toMatchObject({ url: 'https://reseau.example.org', line: 2, field: 'Site web' });
  });

  it('finds the websites of the taxonomies, pointing at the term', () => {
    expect(find('taxonomies/networks.yml', 'terms[0].website')).toEqual([
      {
        url: 'https://www.chatons.org',
        file: 'taxonomies/networks.yml',
        line: 5,
        column: 14,
        path: 'terms[0].website',
        field: 'Site du réseau',
      },
    ]);
    expect(uses.filter((u) => u.file === 'taxonomies/tools.yml').map((u) => u.path)).toEqual([
      'terms[0].website',
      'terms[1].website',
      'terms[2].website',
    ]);
  });

  it('finds the links of the bodies — links, autolinks, references — at their line, and leaves out site pages, anchors and e-mail', () => {
    const page = find('pages/a-propos.md', 'body');
    expect(page.map((u) => u.url)).toEqual([
      'https://autolien.example.org/page',
      'https://nu.example.org/texte',
      'https://reference.example.org/reseau',
    ]);
    expect(page[0]).toMatchObject({ line: 7, column: 27, field: 'Texte' });
    expect(page[2]!.line).toBe(10);
    expect(find('providers/cooperative-exemple-libre.md', 'body')[0]).toMatchObject({
      url: 'https://cooperative.example.org/tarifs',
      line: 26,
    });
    expect(find('resources/premier-diagnostic.md', 'body')[0]).toMatchObject({ url: 'https://guide.example.org/diagnostic#etape-2' });
  });

  it('fetches a page once whatever its section or the case of its host', () => {
    expect(fetchKey('https://Guide.Example.org/diagnostic#etape-2')).toBe('https://guide.example.org/diagnostic');
    expect(fetchKey('https://guide.example.org:443/diagnostic')).toBe('https://guide.example.org/diagnostic');
  });
});

describe('against local HTTPS sites', () => {
  let sites: Sites;
  let options: LinkCheckOptions;

  beforeAll(async () => {
    sites = await startSites();
    options = { timeoutSeconds: 0.5, concurrency: 8, retryDelayMs: 10, ca: sites.ca };
  });
  afterAll(() => sites?.close());

  const check = async (url: string, extra: Partial<LinkCheckOptions> = {}) =>
    (await checkAddresses([url], { ...options, ...extra })).get(url)!;

  it('finds a page that answers 200 valid, with one HEAD request', async () => {
    sites.resetCounts();
    expect(await check(`${sites.site}/ok`)).toEqual({ status: 'valid', httpStatus: 200 });
    expect(sites.requests).toEqual(['HEAD /ok']);
  });

  it('asks with GET when HEAD is refused', async () => {
    sites.resetCounts();
    expect(await check(`${sites.site}/sans-head`)).toEqual({ status: 'valid', httpStatus: 200 });
    expect(sites.requests).toEqual(['HEAD /sans-head', 'GET /sans-head']);
  });

  it('reports a 301 or 308 as moved, with the new address in full', async () => {
    expect(await check(`${sites.site}/ancienne`)).toEqual({ status: 'moved', httpStatus: 200, location: `${sites.site}/nouvelle` });
    expect(await check(`${sites.site}/ancienne-308`)).toEqual({ status: 'moved', httpStatus: 200, location: `${sites.site}/nouvelle` });
    // Moved for good to an address that itself redirects for a while: the permanent one is the one to write down.
    expect(await check(`${sites.site}/definitive-puis-temporaire`)).toMatchObject({
      status: 'moved',
      location: `${sites.site}/temporaire`,
    });
  });

  it('reports a redirect loop, without going round forever', async () => {
    sites.resetCounts();
    expect(await check(`${sites.site}/boucle-a`)).toMatchObject({ status: 'redirect-loop' });
    expect(sites.requests).toEqual(['HEAD /boucle-a', 'HEAD /boucle-b']);
  });

  it('follows a temporary redirect silently', async () => {
    expect(await check(`${sites.site}/temporaire`)).toEqual({ status: 'valid', httpStatus: 200 });
  });

  it('reports 404, 410 and 500, asking a server error twice', async () => {
    expect(await check(`${sites.site}/introuvable`)).toEqual({ status: 'not-found', httpStatus: 404 });
    expect(await check(`${sites.site}/supprimee`)).toEqual({ status: 'gone', httpStatus: 410 });
    expect(await check(`${sites.site}/deplacee-puis-introuvable`)).toEqual({
      status: 'not-found',
      httpStatus: 404,
      location: `${sites.site}/introuvable`,
    });
    sites.resetCounts();
    expect(await check(`${sites.site}/erreur`)).toEqual({ status: 'server-error', httpStatus: 500 });
    expect(sites.requests).toEqual(['HEAD /erreur', 'GET /erreur', 'HEAD /erreur', 'GET /erreur']);
  });

  it('gives up on a slow site after the timeout, asks once more, and says so', async () => {
    sites.resetCounts();
    const started = performance.now();
    const outcome = await check(`${sites.site}/lente`);
    const elapsed = performance.now() - started;
    expect(outcome).toEqual({ status: 'unreachable', reason: 'le site n’a pas répondu en 0,5 seconde' });
    expect(sites.requests).toEqual(['HEAD /lente', 'HEAD /lente']);
    expect(elapsed).toBeGreaterThanOrEqual(900);
    expect(elapsed).toBeLessThan(SLOW_MS);
  });

  it('refuses a certificate nobody vouches for, or made for another name', async () => {
    expect(await check(`${sites.untrusted}/`)).toEqual({
      status: 'unreachable',
      reason: 'son certificat de sécurité n’est pas reconnu : il ne vient pas d’une autorité de confiance (connexion https non sûre)',
    });
    expect(await check(`${sites.wrongHost}/`)).toEqual({
      status: 'unreachable',
      reason: 'son certificat de sécurité est fait pour une autre adresse que « 127.0.0.1 » (connexion https non sûre)',
    });
    // The test authority is trusted only when given: the main site is refused without it.
    expect((await check(`${sites.site}/ok`, { ca: undefined })).status).toBe('unreachable');
  });

  it('reports an unknown host and a refused connection as unreachable', async () => {
    expect(await check('https://site-disparu.invalid/')).toEqual({
      status: 'unreachable',
      reason: 'le nom de domaine « site-disparu.invalid » n’existe pas (ou plus)',
    });
    expect(await check(`${sites.refused}/`)).toEqual({ status: 'unreachable', reason: 'le serveur refuse la connexion' });
  });

  it('asks one site at most twice at once', async () => {
    sites.resetCounts();
    const addresses = Array.from({ length: 8 }, (_, i) => `${sites.site}/patiente/${i}`);
    const outcomes = await checkAddresses(addresses, { ...options, concurrency: 8 });
    expect([...outcomes.values()].every((o) => o.status === 'valid')).toBe(true);
    expect(sites.requests).toHaveLength(8);
    expect(sites.maxInFlight()).toBe(2);
  });

  it('fetches an address used in several places once, and warns at each place', async () => {
    sites.resetCounts();
    const use = (file: string, url: string): LinkUse => ({ url, file, line: 3, column: 8, path: 'website', field: 'Site web' });
    const uses = [
      use('a.md', `${sites.site}/introuvable`),
      use('b.md', `${sites.site}/introuvable#contact`),
      use('c.md', `${sites.site}/ok`),
    ];
    const outcomes = await checkAddresses([...new Set(uses.map((u) => fetchKey(u.url)))], options);
    expect(sites.requests.filter((r) => r.endsWith('/introuvable'))).toEqual(['HEAD /introuvable', 'GET /introuvable']);
    const problems = linkProblems(uses, outcomes);
    expect(problems.map((p) => [p.file, p.status, p.severity, p.httpStatus])).toEqual([
      ['a.md', 'not-found', 'warning', 404],
      ['b.md', 'not-found', 'warning', 404],
    ]);
    expect(problems[1]!.message).toContain(`${sites.site}/introuvable#contact`);
  });
});

describe('in the committee’s issue', () => {
  it('groups the links by file, each with the CMS page of its entry, and keeps contributor text inert', async () => {
    const dir = await corpus();
    const { content } = await loadContent(dir, { displayRoot: dir });
    const text = formatLinksMarkdown(
      [
        {
          file: 'providers/nuage-des-exemples.md',
          line: 6,
          column: 10,
          path: 'website',
          field: 'Site web',
          message: 'page introuvable (erreur 404) : https://nuage.example.org/[clic](https://piege.example)',
        },
        {
          file: 'taxonomies/networks.yml',
          line: 4,
          column: 12,
          path: '[0].website',
          field: 'Site du réseau',
          message: 'adresse déplacée : https://www.chatons.org redirige…',
        },
        {
          file: 'providers/nuage-des-exemples.md',
          line: 2,
          column: 10,
          path: 'body',
          field: 'Texte',
          message: 'injoignable : https://a.example — le serveur refuse la connexion.',
        },
      ],
      content,
    );
    expect(text).toContain('## Liens à corriger (3)');
    const cms = absoluteUrl(content.settings!.site_url, routes.adminEntry('providers', 'nuage-des-exemples'));
    expect(cms).toBe('https://annuaire.example.org/admin/#/collections/providers/entries/nuage-des-exemples');
    expect(text).toContain(`### providers/nuage-des-exemples.md · [modifier dans l’outil de gestion du contenu](${cms})`);
    // A vocabulary is edited in the CMS too.
    expect(text).toContain(
      '### taxonomies/networks.yml · [modifier dans l’outil de gestion du contenu](https://annuaire.example.org/admin/#/collections/vocabularies/entries/networks)',
    );
    const lines = text.split('\n').filter((l) => l.startsWith('- [ ] '));
    expect(lines[0]).toMatch(/^- \[ \] ligne 2, champ « Texte » : injoignable/);
    expect(lines[1]).toContain('\\[clic\\]\\(https://piege.example\\)');
    expect(formatLinksMarkdown([], content)).toContain('Aucun : tous les liens répondent.');
  });
});
