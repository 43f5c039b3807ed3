/**
 * A synthetic content folder of any size, valid against the contract, for
 * benchmarks and scale tests. Deterministic: the same seed writes the same
 * files, so two runs measure the same work.
 */
import { cp, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { stringify } from 'yaml';
import communesData from '@etalab/decoupage-administratif/data/communes.json' with { type: 'json' };
import { addMonths } from '../../src/domain/text/dates.ts';
import { availabilityStatuses, pricingModels, structureTypes } from '../../src/schemas/provider.ts';
import { hasValidLuhnKey, sizes } from '../../src/schemas/fields.ts';
import { loadContent } from '../../src/loader/index.ts';

export interface CorpusOptions {
  providers: number;
  recommendationsPerProvider: number;
  /** One project per this many providers. */
  providersPerProject: number;
  /** Source of taxonomies, settings and editorial pages. */
  templateDir: string;
  today: string;
  seed?: number;
}

/** mulberry32: a tiny seeded PRNG, enough for test data. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = (
  'accompagnement associations logiciels libres hébergement formation bénévoles diagnostic outils numériques ' +
  'documentation autonomie partage coopération migration messagerie agenda fichiers visioconférence sobriété ' +
  'confiance données territoire ateliers référent·es support proximité transparence éthique collectif'
).split(' ');

function sentence(rand: () => number, words: number): string {
  const out: string[] = [];
  for (let i = 0; i < words; i++) out.push(WORDS[Math.floor(rand() * WORDS.length)]!);
  const text = out.join(' ');
  return `${text[0]!.toUpperCase()}${text.slice(1)}.`;
}

function paragraph(rand: () => number, minChars: number): string {
  const parts: string[] = [];
  let length = 0;
  while (length < minChars) {
    const s = sentence(rand, 8 + Math.floor(rand() * 8));
    parts.push(s);
    length += s.length + 1;
  }
  return parts.join(' ');
}

function pick<T>(rand: () => number, list: readonly T[], count: number): T[] {
  const copy = [...list];
  const out: T[] = [];
  while (out.length < count && copy.length > 0) out.push(copy.splice(Math.floor(rand() * copy.length), 1)[0]!);
  return out;
}

/** A SIREN with a valid Luhn key, unique for each index. */
function sirenFor(index: number): string {
  const base = String(200000000 + index * 10).slice(0, 8);
  for (let key = 0; key < 10; key++) if (hasValidLuhnKey(`${base}${key}`)) return `${base}${key}`;
  throw new Error('unreachable: one key in ten satisfies Luhn');
}

function markdownFile(data: unknown, body: string): string {
  return `---\n${stringify(data, { lineWidth: 0 })}---\n${body}\n`;
}

export async function writeCorpus(dir: string, options: CorpusOptions): Promise<{ files: number }> {
  const rand = random(options.seed ?? 42);
  const template = await loadContent(options.templateDir);
  const { services, tools, criteria, networks } = template.content.taxonomies;
  const communes = (
    communesData as Array<{ nom: string; departement?: string; region?: string; codesPostaux?: string[]; type: string }>
  ).filter((c) => c.type === 'commune-actuelle' && c.departement && c.region && c.codesPostaux?.length);

  await mkdir(dir, { recursive: true });
  for (const sub of ['taxonomies', 'pages', 'resources', 'partners']) {
    await cp(path.join(options.templateDir, sub), path.join(dir, sub), { recursive: true });
  }
  await cp(path.join(options.templateDir, 'settings.yml'), path.join(dir, 'settings.yml'));
  for (const sub of ['providers', 'recommendations', 'projects']) await mkdir(path.join(dir, sub), { recursive: true });

  let pending: Array<Promise<void>> = [];
  let files = 0;
  // Written in batches: tens of thousands of open files at once exhaust the handles.
  const write = async (file: string, text: string) => {
    files++;
    pending.push(writeFile(path.join(dir, file), text));
    if (pending.length >= 256) {
      await Promise.all(pending);
      pending = [];
    }
  };

  const providerIds: string[] = [];
  for (let i = 0; i < options.providers; i++) {
    const id = `prestataire-${String(i + 1).padStart(5, '0')}`;
    providerIds.push(id);
    const commune = communes[Math.floor(rand() * communes.length)]!;
    const offered = pick(
      rand,
      services.map((s) => s.slug),
      2 + Math.floor(rand() * 4),
    );
    const data = {
      name: `Structure d’exemple n° ${i + 1}`,
      structure: structureTypes[i % structureTypes.length],
      networks: pick(
        rand,
        networks.map((n) => n.slug),
        Math.floor(rand() * 2),
      ),
      siren: sirenFor(i),
      website: `https://${id}.example.org`,
      contact: { email: `contact@${id}.example.org` },
      location: { city: commune.nom, postcode: commune.codesPostaux![0], department: commune.departement },
      area: { national: rand() < 0.05, remote: rand() < 0.5, regions: [commune.region], departments: [commune.departement] },
      services: offered,
      tools: pick(
        rand,
        tools.map((t) => t.slug),
        1 + Math.floor(rand() * 5),
      ),
      sizes: pick(rand, sizes, 1 + Math.floor(rand() * 3)),
      pricing: { model: pricingModels[i % pricingModels.length], from_eur: Math.floor(rand() * 20) * 50 },
      // Like a living directory: most listings reviewed within 18 months, a few stale.
      // Most open, some waiting or full, stated within six months (no draw: the rest of the corpus stays as it was).
      availability: { status: availabilityStatuses[i % 7 === 0 ? 2 : i % 5 === 0 ? 1 : 0], stated: addMonths(options.today, -(i % 6)) },
      updated: addMonths(options.today, -(rand() < 0.03 ? 19 + Math.floor(rand() * 6) : Math.floor(rand() * 17))),
    };
    await write(`providers/${id}.md`, markdownFile(data, paragraph(rand, 320)));

    for (let r = 0; r < options.recommendationsPerProvider; r++) {
      const end = addMonths(options.today, -(2 + Math.floor(rand() * 30)));
      const status = rand() < 0.85 ? 'verified' : 'pending';
      const rec = {
        provider: id,
        association: { name: `Association d’exemple ${i + 1}-${r + 1}`, department: commune.departement, size: sizes[r % 3] },
        project: {
          title: 'Passage à des outils libres partagés',
          start: addMonths(end, -4),
          end,
          services: pick(rand, offered, 1 + Math.floor(rand() * offered.length)),
          tools: [],
        },
        ratings: Object.fromEntries(criteria.map((c) => [c.slug, rand() < 0.1 ? null : 1 + Math.floor(rand() * 5)])),
        recommend: rand() < 0.9,
        verification:
          status === 'verified'
            ? { status, date: addMonths(end, 1) > options.today ? end : addMonths(end, 1), method: 'entretien', by: 'copil-exemple' }
            : { status },
      };
      await write(`recommendations/${id}--association-${r + 1}.md`, markdownFile(rec, paragraph(rand, 120)));
    }
  }

  const projects = Math.floor(options.providers / options.providersPerProject);
  for (let p = 0; p < projects; p++) {
    const proposed = addMonths(options.today, -(1 + Math.floor(rand() * 12)));
    const goal = 1000 * (2 + Math.floor(rand() * 10));
    const project = {
      title: `Projet à co-financer n° ${p + 1}`,
      summary: 'Une fonctionnalité attendue par de nombreuses associations.',
      kind: 'fonctionnalite',
      software: { name: 'Nextcloud', url: 'https://nextcloud.com' },
      status: 'en-financement',
      proposed,
      proposed_by: `Association d’exemple ${p + 1}`,
      goal_eur: goal,
      pledges: [{ funder: `Association d’exemple ${p + 2}`, amount_eur: goal / 4, date: proposed, paid: rand() < 0.5 }],
      milestones: [
        { title: 'Conception', amount_eur: goal / 2, done: false },
        { title: 'Réalisation', amount_eur: goal / 2, done: false },
      ],
      maker: providerIds[Math.floor(rand() * providerIds.length)],
    };
    await write(`projects/projet-${String(p + 1).padStart(4, '0')}.md`, markdownFile(project, paragraph(rand, 300)));
  }
  await Promise.all(pending);
  return { files };
}
