import { describe, expect, it } from 'vitest';
import { entryIdProblem, isNamedForProvider, providerOfRecommendationId, recommendationId } from '../../src/domain/entry-names.ts';
import { facetKeys } from '../../src/domain/directory/facet-keys.ts';
import { reservedProviderSlugs, routes } from '../../src/domain/routes.ts';

describe('entry names', () => {
  it('names a recommendation after its provider and its association, and reads the provider back', () => {
    const id = recommendationId('atelier-libre', 'jardins-partages');
    expect(id).toBe('atelier-libre--jardins-partages');
    expect(providerOfRecommendationId(id)).toBe('atelier-libre');
    expect(isNamedForProvider(id, 'atelier-libre')).toBe(true);
    expect(isNamedForProvider(id, 'atelier')).toBe(false);
    expect(providerOfRecommendationId('atelier-libre')).toBeUndefined();
    expect(providerOfRecommendationId('atelier-libre--')).toBeUndefined();
  });

  it('reserves every word the directory uses for its own pages under /annuaire/', () => {
    expect([...reservedProviderSlugs].sort()).toEqual(['communes', 'filtres', 'lieux', 'page', ...facetKeys].sort());
    // Each reserved word is the first segment of a route of the directory.
    expect(routes.directory(2).split('/')[1]).toBe('page');
    expect(routes.filterLabels()).toBe('annuaire/filtres.json');
    expect(routes.places()).toBe('annuaire/lieux.json');
    expect(routes.communes('lyo')).toBe('annuaire/communes/lyo.json');
    for (const key of facetKeys) expect(routes.facet(key)).toBe(`annuaire/${key}/`);
  });

  it.each(reservedProviderSlugs)('refuses « %s » as a provider file name, and only as a provider’s', (word) => {
    expect(entryIdProblem('providers', word, `${word}.md`)).toContain(
      `« ${word} » est un mot réservé aux pages de l’annuaire (/annuaire/${word}/)`,
    );
    expect(entryIdProblem('projects', word, `${word}.md`)).toBeUndefined();
  });

  it.each([
    ['providers', 'Nuage', 'capitals'],
    ['providers', 'nuage_solidaire', 'an underscore'],
    ['providers', 'a', 'one character'],
    ['providers', 'x'.repeat(61), 'more than 60 characters'],
    ['providers', 'nuage--solidaire', 'a double dash outside a recommendation'],
    ['recommendations', 'nuage--', 'nothing after the dashes'],
  ] as const)('refuses a %s file named « %s » (%s)', (type, id, _why) => {
    expect(entryIdProblem(type, id, `${id}.md`)).toContain('doit être un identifiant en minuscules');
  });

  it('accepts a recommendation named <provider>--<association> up to two full slugs long', () => {
    expect(entryIdProblem('recommendations', recommendationId('a'.repeat(60), 'b'.repeat(60)), 'x.md')).toBeUndefined();
  });
});
