/**
 * The directory derived from the content: who is published (the rule
 * `publication` of the rules catalogue), what visitors read about them, how
 * far each project's funding has come, and what the committee must look at
 * again.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Content, Entry } from '../../src/domain/content.ts';
import { buildDirectory, criterionAverages, isPublished, type Directory } from '../../src/domain/directory/index.ts';
import { FUNDING_COUNTS, fundingProgress, fundingWords } from '../../src/domain/projects.ts';
import { loadContent } from '../../src/loader/index.ts';
import type { Project } from '../../src/schemas/project.ts';
import type { Recommendation } from '../../src/schemas/recommendation.ts';
import { BASE, TODAY } from '../content/helpers.ts';

/** The base corpus, freshly loaded: each test may change its copy. */
async function baseContent(): Promise<Content> {
  const { content, problems } = await loadContent(BASE);
  expect(problems).toEqual([]);
  return content;
}

/** A recommendation of the base corpus with some of its data changed. */
function variant(
  content: Content,
  id: string,
  change: (data: Recommendation) => Recommendation,
  newId = `${id}-bis`,
): Entry<Recommendation> {
  const original = content.recommendations.find((r) => r.id === id)!;
  return { ...original, id: newId, data: change(structuredClone(original.data)) };
}

describe('publication', () => {
  let directory: Directory;
  beforeAll(async () => {
    directory = buildDirectory(await baseContent(), TODAY);
  });

  it('publishes a provider while it has at least one verified recommendation', () => {
    expect(isPublished(0)).toBe(false);
    expect(isPublished(1)).toBe(true);
    expect(directory.providers.map((p) => p.id)).toEqual(['cooperative-exemple-libre', 'nuage-des-exemples']);
  });

  it('keeps a provider with only pending and rejected recommendations waiting, with its counts for the committee', () => {
    expect(directory.waiting).toEqual([
      expect.objectContaining({
        id: 'atelier-en-attente',
        file: 'tests/content/fixtures/base/providers/atelier-en-attente.md',
        pending: 1,
        rejected: 1,
      }),
    ]);
  });

  it('shows only verified recommendations, newest verification first', () => {
    const nuage = directory.providers.find((p) => p.id === 'nuage-des-exemples')!;
    expect(nuage.recommendations.map((r) => r.id)).toEqual([
      'nuage-des-exemples--velo-exemple',
      'nuage-des-exemples--jardins-de-l-exemple',
    ]);
    expect(nuage.lastVerified).toBe('2026-09-01');
    for (const provider of directory.providers) {
      for (const rec of provider.recommendations) expect(rec.data.verification.status).toBe('verified');
    }
  });

  it('never publishes a pending recommendation, even of a published provider', async () => {
    const content = await baseContent();
    content.recommendations.push(
      variant(content, 'nuage-des-exemples--jardins-de-l-exemple', (r) => ({
        ...r,
        association: { name: 'Association en Attente' },
        ratings: { 'besoins-compris': 1, autonomie: 1, support: 1 },
        recommend: false,
        verification: { status: 'pending' },
      })),
    );
    const result = buildDirectory(content, TODAY);
    const nuage = result.providers.find((p) => p.id === 'nuage-des-exemples')!;
    expect(nuage.recommendations).toHaveLength(2);
    expect(nuage.ratings.find((r) => r.criterion === 'besoins-compris')).toEqual({
      criterion: 'besoins-compris',
      average: 4,
      count: 2,
      distribution: [0, 0, 1, 0, 1],
      notConcerned: 0,
    });
    expect(result.pendingRecommendations.map((r) => r.id)).toEqual([
      'atelier-en-attente--chorale-exemple',
      'nuage-des-exemples--jardins-de-l-exemple-bis',
    ]);
  });

  it('unpublishes a provider whose only verified recommendation is rejected after all', async () => {
    const content = await baseContent();
    const index = content.recommendations.findIndex((r) => r.id === 'cooperative-exemple-libre--theatre-exemple');
    content.recommendations[index] = variant(
      content,
      'cooperative-exemple-libre--theatre-exemple',
      (r) => ({
        ...r,
        verification: { ...r.verification, status: 'rejected' },
      }),
      'cooperative-exemple-libre--theatre-exemple',
    );
    const result = buildDirectory(content, TODAY);
    expect(result.providers.map((p) => p.id)).toEqual(['nuage-des-exemples']);
    expect(result.waiting.map((p) => [p.id, p.pending, p.rejected])).toEqual([
      ['atelier-en-attente', 1, 1],
      ['cooperative-exemple-libre', 0, 1],
    ]);
  });

  it('publishes a waiting provider once one of its recommendations is verified', async () => {
    const content = await baseContent();
    const index = content.recommendations.findIndex((r) => r.id === 'atelier-en-attente--chorale-exemple');
    content.recommendations[index] = variant(
      content,
      'atelier-en-attente--chorale-exemple',
      (r) => ({
        ...r,
        verification: { status: 'verified', date: '2026-11-02', method: 'entretien', by: 'copil-sacha' },
      }),
      'atelier-en-attente--chorale-exemple',
    );
    const result = buildDirectory(content, TODAY);
    expect(result.providers.map((p) => p.id)).toEqual(['atelier-en-attente', 'cooperative-exemple-libre', 'nuage-des-exemples']);
    expect(result.waiting).toEqual([]);
    expect(result.pendingRecommendations).toEqual([]);
  });
});

describe('what visitors read about a published provider', () => {
  let directory: Directory;
  beforeAll(async () => {
    directory = buildDirectory(await baseContent(), TODAY);
  });

  it('averages each criterion over the ratings given, counting « not concerned » apart', () => {
    const nuage = directory.providers.find((p) => p.id === 'nuage-des-exemples')!;
    // Jardins: 5, 4, 5 — Vélo: 3, null, 2.
    expect(nuage.ratings).toEqual([
      { criterion: 'besoins-compris', average: 4, count: 2, distribution: [0, 0, 1, 0, 1], notConcerned: 0 },
      { criterion: 'autonomie', average: 4, count: 1, distribution: [0, 0, 0, 1, 0], notConcerned: 1 },
      { criterion: 'support', average: 3.5, count: 2, distribution: [0, 1, 0, 0, 1], notConcerned: 0 },
    ]);
  });

  it('has no average for a criterion nobody rated', () => {
    const cooperative = directory.providers.find((p) => p.id === 'cooperative-exemple-libre')!;
    expect(cooperative.ratings).toEqual([
      { criterion: 'besoins-compris', average: 4, count: 1, distribution: [0, 0, 0, 1, 0], notConcerned: 0 },
      { criterion: 'autonomie', average: 5, count: 1, distribution: [0, 0, 0, 0, 1], notConcerned: 0 },
      { criterion: 'support', average: null, count: 0, distribution: [0, 0, 0, 0, 0], notConcerned: 1 },
    ]);
  });

  it('counts the verified recommendations that would recommend the provider', () => {
    expect(directory.providers.map((p) => [p.id, p.recommendCount, p.recommendations.length])).toEqual([
      ['cooperative-exemple-libre', 1, 1],
      ['nuage-des-exemples', 1, 2],
    ]);
  });

  it('averages in the order of the criteria, and ignores ratings of criteria no longer listed', () => {
    const ratings = [
      { a: 1, b: 5, old: 5 },
      { a: 2, b: null },
      { a: null, b: 4 },
    ].map((r) => ({ ratings: r }) as unknown as Recommendation);
    expect(criterionAverages(ratings, ['b', 'a'])).toEqual([
      { criterion: 'b', average: 4.5, count: 2, distribution: [0, 0, 0, 1, 1], notConcerned: 1 },
      { criterion: 'a', average: 1.5, count: 2, distribution: [1, 1, 0, 0, 0], notConcerned: 1 },
    ]);
    expect(criterionAverages([], ['a'])).toEqual([
      { criterion: 'a', average: null, count: 0, distribution: [0, 0, 0, 0, 0], notConcerned: 0 },
    ]);
  });
});

describe('funding of projects', () => {
  const project = (pledges: Array<[number, boolean]>, goal = 3000, milestones: boolean[] = []): Project =>
    ({
      goal_eur: goal,
      pledges: pledges.map(([amount_eur, paid]) => ({ funder: 'Association Exemple', amount_eur, date: '2026-03-01', paid })),
      milestones: milestones.map((done) => ({ title: 'Étape', amount_eur: goal / milestones.length, done })),
    }) as Project;

  it('adds up what was pledged and what was paid, and what remains', () => {
    expect(
      fundingProgress(
        project(
          [
            [500, true],
            [700, false],
          ],
          3000,
          [true, false],
        ),
      ),
    ).toEqual({
      pledged: 1200,
      paid: 500,
      ratio: 0.4,
      remaining: 1800,
      milestonesDone: 1,
    });
  });

  it('starts at nothing', () => {
    expect(fundingProgress(project([]))).toEqual({ pledged: 0, paid: 0, ratio: 0, remaining: 3000, milestonesDone: 0 });
  });

  it('goes past the goal when over-funded, with nothing remaining', () => {
    expect(
      fundingProgress(
        project([
          [2000, true],
          [1600, true],
        ]),
      ),
    ).toMatchObject({ pledged: 3600, paid: 3600, ratio: 1.2, remaining: 0 });
  });

  it('is computed for each project of the corpus, with its maker when published', async () => {
    const content = await baseContent();
    const [listed] = buildDirectory(content, TODAY).projects;
    expect(listed!.funding).toEqual({ pledged: 1200, paid: 500, ratio: 0.4, remaining: 1800, milestonesDone: 1 });
    expect(listed!.maker?.id).toBe('nuage-des-exemples');

    content.projects[0] = { ...content.projects[0]!, data: { ...content.projects[0]!.data, maker: 'atelier-en-attente' } };
    expect(buildDirectory(content, TODAY).projects[0]!.maker).toBeUndefined();
  });

  it('lists projects still to fund first, then the others by progress, newest first within a status', async () => {
    const content = await baseContent();
    const original = content.projects[0]!;
    const copy = (id: string, status: Project['status'], proposed: string) => ({
      ...original,
      id,
      data: { ...original.data, status, proposed },
    });
    content.projects = [
      copy('livre', 'livre', '2025-01-01'),
      copy('ancien', 'en-financement', '2025-06-01'),
      copy('proposition', 'proposition', '2026-05-01'),
      copy('recent', 'en-financement', '2026-06-01'),
      copy('abandonne', 'abandonne', '2026-07-01'),
    ];
    expect(buildDirectory(content, TODAY).projects.map((p) => p.id)).toEqual(['recent', 'ancien', 'proposition', 'livre', 'abandonne']);
  });
});

describe('what the committee must look at again', () => {
  it('lists nothing stale on the base corpus today', async () => {
    const directory = buildDirectory(await baseContent(), TODAY);
    expect(directory.staleProviders).toEqual([]);
    expect(directory.staleRecommendations).toEqual([]);
    expect(directory.providers.every((p) => !p.stale)).toBe(true);
  });

  it('lists published listings not reviewed for 18 months', async () => {
    // Nuage reviewed on 2026-10-01, the cooperative on 2026-09-15.
    const directory = buildDirectory(await baseContent(), '2028-03-20');
    expect(directory.staleProviders.map((p) => p.id)).toEqual(['cooperative-exemple-libre']);
    expect(directory.providers.map((p) => [p.id, p.stale])).toEqual([
      ['cooperative-exemple-libre', true],
      ['nuage-des-exemples', false],
    ]);
  });

  it('lists verified recommendations older than 36 months, not pending nor rejected ones', async () => {
    // Verified on 2026-03-20 (théâtre), 2026-06-10 (jardins), 2026-09-01 (vélo); the ludothèque was rejected on 2026-07-01.
    const directory = buildDirectory(await baseContent(), '2029-06-10');
    expect(directory.staleRecommendations.map((r) => r.id)).toEqual([
      'cooperative-exemple-libre--theatre-exemple',
      'nuage-des-exemples--jardins-de-l-exemple',
    ]);
  });

  it('lists pending recommendations', async () => {
    const directory = buildDirectory(await baseContent(), TODAY);
    expect(directory.pendingRecommendations.map((r) => r.id)).toEqual(['atelier-en-attente--chorale-exemple']);
  });
});

describe('funding in words', () => {
  const progress = (pledged: number, paid: number, goal = 6000) =>
    fundingProgress({
      goal_eur: goal,
      pledges: [
        { funder: 'A', amount_eur: pledged - paid, date: '2026-03-01', paid: false },
        { funder: 'B', amount_eur: paid, date: '2026-03-01', paid: true },
      ].filter((p) => p.amount_eur > 0),
      milestones: [],
    } as unknown as Project);

  it('says what was promised towards the goal, what was paid of it, and what promises are missing', () => {
    expect(fundingWords(progress(3300, 800), 6000)).toEqual({
      promised: '3\u202F300\u00A0€ promis sur 6\u202F000\u00A0€ (55\u00A0%)',
      paid: 'dont 800\u00A0€ déjà versés',
      remaining: 'il manque 2\u202F700\u00A0€ de promesses',
    });
  });

  it('says when nothing was promised, nothing paid, everything paid, the goal reached', () => {
    expect(fundingWords(progress(0, 0), 6000).paid).toBe('aucune promesse pour l’instant');
    expect(fundingWords(progress(1000, 0), 6000).paid).toBe('rien n’est encore versé');
    expect(fundingWords(progress(6000, 6000), 6000)).toMatchObject({ paid: 'tout est versé', remaining: 'objectif atteint en promesses' });
  });

  it('tells which money the percentage counts', () => {
    expect(FUNDING_COUNTS).toMatch(/promises, versées ou non/);
  });
});
