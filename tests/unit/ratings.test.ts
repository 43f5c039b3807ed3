/** What a profile says of its ratings: each criterion's answers, its average, and how the average is computed. */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Content, Entry } from '../../src/domain/content.ts';
import { AVERAGES_EXPLAINED, buildDirectory, criterionAverages, ratingScale } from '../../src/domain/directory/index.ts';
import { profileView, type ProfileView } from '../../src/domain/directory/profile-view.ts';
import { loadContent } from '../../src/loader/index.ts';
import { notConcernedLabel, type Recommendation } from '../../src/schemas/recommendation.ts';
import { BASE, TODAY } from '../content/helpers.ts';

const withRatings = (ratings: Record<string, number | null>) => ({ ratings }) as unknown as Recommendation;

/** The base corpus, with recommendations of « nuage-des-exemples » added: verified ones, and one pending. */
async function contentWith(added: Array<{ id: string; ratings: Record<string, number | null>; status: 'verified' | 'pending' }>) {
  const { content, problems } = await loadContent(BASE);
  expect(problems).toEqual([]);
  const original = content.recommendations.find((r) => r.id === 'nuage-des-exemples--jardins-de-l-exemple')!;
  for (const { id, ratings, status } of added) {
    const data = structuredClone(original.data);
    const entry: Entry<Recommendation> = {
      ...original,
      id,
      data: {
        ...data,
        association: { name: id },
        ratings,
        verification: status === 'verified' ? { ...data.verification } : { status: 'pending' },
      },
    };
    content.recommendations.push(entry);
  }
  return content;
}

function view(content: Content, providerId: string): ProfileView {
  const provider = buildDirectory(content, TODAY).providers.find((p) => p.id === providerId)!;
  return profileView(provider, { label: (_key, value) => value, vocabularies: content.taxonomies });
}

describe('the distribution of a criterion’s answers', () => {
  it('counts each rating of the scale and « not concerned » apart', () => {
    const averages = criterionAverages(
      [withRatings({ a: 5 }), withRatings({ a: 5 }), withRatings({ a: 1 }), withRatings({ a: null }), withRatings({ a: 3 })],
      ['a'],
    );
    expect(ratingScale).toEqual([1, 2, 3, 4, 5]);
    expect(averages).toEqual([{ criterion: 'a', average: 3.5, count: 4, distribution: [1, 0, 1, 0, 2], notConcerned: 1 }]);
  });

  it('counts nothing for a criterion a recommendation does not mention, not even « not concerned »', () => {
    expect(criterionAverages([withRatings({ b: 2 })], ['a'])).toEqual([
      { criterion: 'a', average: null, count: 0, distribution: [0, 0, 0, 0, 0], notConcerned: 0 },
    ]);
  });
});

describe('the ratings of a profile', () => {
  let profile: ProfileView;
  beforeAll(async () => {
    // Jardins: 5, 4, 5 — Vélo: 3, null, 2 — plus two verified and one pending.
    const content = await contentWith([
      { id: 'asso-a', ratings: { 'besoins-compris': 5, autonomie: null, support: 1 }, status: 'verified' },
      { id: 'asso-b', ratings: { 'besoins-compris': 4, autonomie: null, support: 1 }, status: 'verified' },
      { id: 'asso-en-attente', ratings: { 'besoins-compris': 1, autonomie: 1, support: 1 }, status: 'pending' },
    ]);
    profile = view(content, 'nuage-des-exemples');
  });

  it('has one column per rating, lowest first, then « not concerned », as the form offers them', () => {
    expect(profile.ratingColumns.map((c) => c.label)).toEqual(['Note 1', 'Note 2', 'Note 3', 'Note 4', 'Note 5', notConcernedLabel]);
  });

  it('shows, for each criterion, how many verified recommendations gave each answer, and never a pending one', () => {
    expect(profile.ratings.map((r) => [r.question, r.counts.map((c) => c.count)])).toEqual([
      ['La structure a-t-elle bien compris vos besoins\u202f?', ['0', '0', '1', '1', '2', '0']],
      ['Êtes-vous plus autonomes qu’avant l’accompagnement\u202f?', ['0', '0', '0', '1', '0', '3']],
      ['Le support répond-il bien quand vous en avez besoin\u202f?', ['2', '1', '0', '0', '1', '0']],
    ]);
  });

  it('averages the ratings alone: « not concerned » neither lowers an average nor counts as a rating', () => {
    expect(profile.ratings.map((r) => [r.average, r.answers])).toEqual([
      ['4,3 sur 5', '4\u00a0notes'],
      ['4,0 sur 5', '1\u00a0note'],
      ['2,3 sur 5', '4\u00a0notes'],
    ]);
  });

  it('draws each count as a share of the criterion’s answers, and the average as a share of 5', () => {
    const autonomy = profile.ratings[1]!;
    expect(autonomy.counts.map((c) => c.tenths)).toEqual([0, 0, 0, 3, 0, 8]);
    expect(autonomy.tenths).toBe(8);
  });

  it('says in one sentence how the averages are computed, in the words of the form', () => {
    expect(profile.ratingsMethod).toBe(AVERAGES_EXPLAINED);
    expect(AVERAGES_EXPLAINED).toBe(
      'Chaque moyenne est celle des notes de 1 à 5 données dans les recommandations vérifiées par le comité de pilotage, arrondie au dixième\u202f; les réponses «\u00a0Non concerné\u00a0» ne comptent pas dans la moyenne.',
    );
    expect(profile.ratingsCaption).toBe(
      'Pour chaque question, la moyenne des notes, puis le nombre de réponses par note (de 1 à 5) et «\u00a0Non concerné\u00a0».',
    );
  });
});

describe('a criterion every association found did not concern it', () => {
  it('still shows its answers, without an average', async () => {
    const content = await baseContent();
    const support = view(content, 'cooperative-exemple-libre').ratings.find((r) => r.question.startsWith('Le support'))!;
    expect(support).toEqual({
      criterion: 'support',
      question: 'Le support répond-il bien quand vous en avez besoin\u202f?',
      average: 'aucune note',
      tenths: undefined,
      answers: '0\u00a0note',
      counts: [
        { count: '0', tenths: 0 },
        { count: '0', tenths: 0 },
        { count: '0', tenths: 0 },
        { count: '0', tenths: 0 },
        { count: '0', tenths: 0 },
        { count: '1', tenths: 10 },
      ],
    });
  });
});

async function baseContent() {
  return contentWith([]);
}
