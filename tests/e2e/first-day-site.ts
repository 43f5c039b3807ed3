/**
 * The content of a new deployment after its first publications: the
 * repository's taxonomies, editorial pages and resources, `demo: false`, and
 * the first `count` of three providers (0, 1 or 3), each recommended by one
 * association whose recommendation the committee verified. With one, a
 * second structure waits for its verification; with three, the partners
 * and one project being funded arrive too. Dates follow today's, so that
 * nothing is stale or in the future.
 */
import { cp, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { stringify } from 'yaml';
import { addMonths, todayInFrance } from '../../src/domain/text/dates.ts';

const root = path.resolve(import.meta.dirname, '../..');
const today = todayInFrance();
const md = (data: unknown, body: string) => `---\n${stringify(data)}---\n${body}\n`;

/** The providers, in the order they join the directory; each with the association that recommends it. */
export const PROVIDERS = [
  {
    id: 'atelier-des-monts',
    data: {
      name: 'Atelier numérique des Monts',
      structure: 'association',
      website: 'https://atelier-des-monts.example.org',
      contact: { email: 'contact@atelier-des-monts.example.org' },
      location: { city: 'Clermont-Ferrand', postcode: '63000', department: '63' },
      area: { remote: true, departments: ['63'] },
      services: ['diagnostic', 'formation-utilisateurs'],
      tools: ['nextcloud', 'libreoffice'],
      sizes: ['petite'],
      pricing: { model: 'devis' },
      updated: addMonths(today, -1),
    },
    association: 'Chorale des Volcans',
  },
  {
    id: 'nuage-partage',
    data: {
      name: 'Coopérative Nuage partagé',
      structure: 'cooperative',
      networks: ['chatons'],
      website: 'https://nuage-partage.example.org',
      contact: { email: 'contact@nuage-partage.example.org' },
      location: { city: 'Lyon', postcode: '69001', department: '69' },
      area: { national: true, remote: true },
      services: ['hebergement', 'migration'],
      tools: ['nextcloud', 'collabora-online'],
      sizes: ['petite', 'moyenne'],
      pricing: { model: 'adhesion', from_eur: 60 },
      updated: addMonths(today, -2),
    },
    association: 'Jardins du Rhône',
  },
  {
    id: 'octets-du-littoral',
    data: {
      name: 'Octets du Littoral',
      structure: 'independant',
      website: 'https://octets-du-littoral.example.org',
      contact: { email: 'contact@octets-du-littoral.example.org' },
      location: { city: 'Rennes', postcode: '35000', department: '35' },
      area: { departments: ['35', '22'] },
      services: ['diagnostic', 'accompagnement-usages'],
      tools: ['jitsi-meet'],
      sizes: ['moyenne', 'grande'],
      pricing: { model: 'forfait', from_eur: 400 },
      updated: addMonths(today, -3),
    },
    association: 'Vélo solidaire du Littoral',
  },
] as const;

const DESCRIPTION =
  'Nous accompagnons les associations de notre territoire dans le choix, l’installation et la prise en main de logiciels libres, avec des formations adaptées aux bénévoles et une documentation claire, puis un suivi de plusieurs mois.';

/** A content folder as a new deployment has it, with the first `count` providers. */
export async function writeSite(dir: string, count: number): Promise<void> {
  const content = path.join(dir, 'content');
  for (const sub of ['taxonomies', 'pages', 'resources'])
    await cp(path.join(root, 'content', sub), path.join(content, sub), { recursive: true });
  for (const sub of ['providers', 'recommendations', 'projects', 'partners']) await mkdir(path.join(content, sub), { recursive: true });
  // Partners come with the third provider: before that, the page says there are none yet.
  if (count >= 3) await cp(path.join(root, 'content', 'partners'), path.join(content, 'partners'), { recursive: true });
  await writeFile(
    path.join(content, 'settings.yml'),
    stringify({
      demo: false,
      site_name: 'Emancip’Asso',
      site_url: 'https://annuaire.example.org',
      contact_email: 'comite@annuaire.example.org',
      repository: { forge: 'github', url: 'https://github.com/exemple/annuaire', branch: 'main' },
    }),
  );
  const criteria = [...(await readFile(path.join(content, 'taxonomies/criteria.yml'), 'utf8')).matchAll(/slug: ([\w-]+)/g)].map(
    (m) => m[1]!,
  );
  const recommendation = (provider: (typeof PROVIDERS)[number], association: string, verified: boolean) => ({
    provider: provider.id,
    association: { name: association, department: provider.data.location.department, size: 'petite' },
    project: {
      title: 'Des outils libres pour toute l’équipe',
      start: addMonths(today, -8),
      end: addMonths(today, -3),
      services: [provider.data.services[0]],
      tools: [provider.data.tools[0]],
    },
    ratings: Object.fromEntries(criteria.map((c) => [c, 4])),
    recommend: true,
    verification: verified
      ? { status: 'verified', date: addMonths(today, -2), method: 'entretien', by: 'copil-exemple' }
      : { status: 'pending' },
  });
  const testimony =
    'Nous avons quitté nos outils d’avant en quelques semaines, avec des formations à notre rythme et des réponses rapides à chaque question.';
  for (const provider of PROVIDERS.slice(0, count)) {
    await writeFile(path.join(content, 'providers', `${provider.id}.md`), md(provider.data, DESCRIPTION));
    const slug = provider.association.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '').replace(/\W+/g, '-');
    await writeFile(
      path.join(content, 'recommendations', `${provider.id}--${slug}.md`),
      md(recommendation(provider, provider.association, true), testimony),
    );
  }
  if (count === 1) {
    // The second provider has proposed its listing; its recommendation waits for the committee: it is not published.
    const waiting = PROVIDERS[1];
    await writeFile(path.join(content, 'providers', `${waiting.id}.md`), md(waiting.data, DESCRIPTION));
    await writeFile(
      path.join(content, 'recommendations', `${waiting.id}--en-attente.md`),
      md(recommendation(waiting, 'Association en attente', false), testimony),
    );
  }
  if (count >= 3) {
    await writeFile(
      path.join(content, 'projects', 'agenda-des-salles.md'),
      md(
        {
          title: 'Agenda des salles pour les maisons des associations',
          summary: 'Réserver les salles partagées dans Nextcloud, sans tableur ni outil propriétaire.',
          kind: 'fonctionnalite',
          software: { name: 'Nextcloud', url: 'https://nextcloud.com' },
          status: 'en-financement',
          proposed: addMonths(today, -4),
          proposed_by: 'Jardins du Rhône',
          goal_eur: 4000,
          pledges: [{ funder: 'Jardins du Rhône', amount_eur: 1000, date: addMonths(today, -3), paid: true }],
          milestones: [
            { title: 'Spécification', amount_eur: 1000, done: true },
            { title: 'Développement', amount_eur: 3000, done: false },
          ],
          maker: 'nuage-partage',
          payment_url: 'https://collecte.example.org/agenda-des-salles',
        },
        'Les maisons des associations réservent leurs salles dans des tableurs partagés. Ce module les remplacerait par un agenda libre.',
      ),
    );
  }
}
