/**
 * « Vouliez-vous dire… ? »: the nearest known value to a mistyped one, and
 * the name comparison it rests on (also used by rules 3 and 4).
 */
import { describe, expect, it } from 'vitest';
import { normaliseName, slugify } from '../../src/domain/text/normalise.ts';
import { closest, didYouMean } from '../../src/domain/rules/suggest.ts';

const services = ['diagnostic', 'hebergement', 'migration', 'formation-utilisateurs', 'formation-referents', 'support'];

describe('closest', () => {
  it.each([
    ['hebergment', 'hebergement'],
    ['hébergement', 'hebergement'],
    ['Hebergement', 'hebergement'],
    ['migation', 'migration'],
    ['formation-utilisateur', 'formation-utilisateurs'],
    ['formation_referents', 'formation-referents'],
    ['suport', 'support'],
  ])('suggests « %s » → « %s »', (typed, meant) => {
    expect(closest(typed, services)).toBe(meant);
  });

  it('suggests nothing for a word that is not a typo of any', () => {
    expect(closest('comptabilite', services)).toBeUndefined();
    expect(closest('web', services)).toBeUndefined();
  });

  it('suggests nothing for a short value that shares nothing with the candidates', () => {
    expect(closest('ab', ['xy', 'zz'])).toBeUndefined();
    expect(closest('fr', ['en', 'de'])).toBeUndefined();
  });

  it('still corrects a short value one letter off', () => {
    expect(closest('pan', ['pana', 'april'])).toBe('pana');
    expect(closest('ur', ['url', 'kind'])).toBe('url');
  });

  it('tolerates more typos in longer words', () => {
    expect(closest('fromation-utilisatuers', services)).toBe('formation-utilisateurs');
    expect(closest('hbrgmnt', services)).toBeUndefined();
  });

  it('suggests nothing for an empty value or an empty list', () => {
    expect(closest('', services)).toBeUndefined();
    expect(closest('!!!', services)).toBeUndefined();
    expect(closest('hebergement', [])).toBeUndefined();
  });

  it('takes any iterable of candidates', () => {
    expect(closest('chaton', new Set(['chatons', 'pana']))).toBe('chatons');
    expect(closest('chaton', new Map([['chatons', 1]]).keys())).toBe('chatons');
  });
});

describe('didYouMean', () => {
  it('writes the suggestion as the messages end with it', () => {
    expect(didYouMean('hebergment', services)).toBe(' Vouliez-vous dire « hebergement » ?');
  });

  it('writes nothing when nothing is close', () => {
    expect(didYouMean('comptabilite', services)).toBe('');
  });
});

describe('names compared without case, accents or punctuation', () => {
  it.each([
    ['L’Atelier du Libre', 'latelier-du-libre'],
    ["L'Atelier du Libre", 'L’ATELIER DU LIBRE !'],
    ['Les Jardins de l’Exemple', 'les jardins de l exemple'],
    ['Éducation Populaire', 'education populaire'],
    ['Les Œuvres Sociales', 'Les Oeuvres sociales'],
    ['Cæcilia', 'Caecilia'],
  ])('« %s » is « %s »', (a, b) => {
    expect(normaliseName(a)).toBe(normaliseName(b));
  });

  it('keeps different names apart', () => {
    expect(normaliseName('Les Jardins')).not.toBe(normaliseName('Les Jardins du Nord'));
    expect(normaliseName('Vélo 38')).not.toBe(normaliseName('Vélo 69'));
  });
});

describe('slugify', () => {
  it.each([
    ['Google Drive', 'google-drive'],
    ['Microsoft 365', 'microsoft-365'],
    ['L’Île-de-France — Été 2026 !', 'l-ile-de-france-ete-2026'],
    ['Œuvre sociale', 'oeuvre-sociale'],
    ['  --Déjà--  ', 'deja'],
  ])('« %s » → « %s »', (text, expected) => {
    expect(slugify(text)).toBe(expected);
  });

  it('stays within 60 characters, without a trailing hyphen', () => {
    const slug = slugify(`${'a'.repeat(59)} suite`);
    expect(slug).toBe('a'.repeat(59));
    expect(slugify('mot '.repeat(40)).length).toBeLessThanOrEqual(60);
    expect(slugify('mot '.repeat(40))).not.toMatch(/-$/);
  });
});
