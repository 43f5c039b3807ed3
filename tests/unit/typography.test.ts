/**
 * French typography for every text the site renders: no-break spaces so that
 * punctuation never starts a line, euros, numbers and dates the French way.
 */
import { describe, expect, it } from 'vitest';
import { formatAverage, formatDate, formatEuros, formatMonth, formatNumber, frenchTypography } from '../../src/domain/text/format.ts';

const NBSP = '\u00A0';
const NNBSP = '\u202F';

describe('frenchTypography', () => {
  it.each([
    ['Bonjour !', `Bonjour${NNBSP}!`],
    ['Bonjour!', `Bonjour${NNBSP}!`],
    ['Vraiment ?', `Vraiment${NNBSP}?`],
    ['Quoi ?!', `Quoi${NNBSP}?!`],
    ['d’abord ; ensuite', `d’abord${NNBSP}; ensuite`],
    ['Note : voir plus bas', `Note${NBSP}: voir plus bas`],
    ['Note: voir plus bas', `Note${NBSP}: voir plus bas`],
    ['Deux points :', `Deux points${NBSP}:`],
    ['« citation »', `«${NBSP}citation${NBSP}»`],
    ['«citation»', `«${NBSP}citation${NBSP}»`],
    ['(vraiment) !', `(vraiment)${NNBSP}!`],
    ['soit 3 000 €, versés', `soit 3${NNBSP}000${NBSP}€, versés`],
    ['12 500 000 € et 50 %', `12${NNBSP}500${NNBSP}000${NBSP}€ et 50${NBSP}%`],
  ])('« %s »', (text, expected) => {
    expect(frenchTypography(text)).toBe(expected);
  });

  it.each([
    ['an address', 'https://nuage.example.org/a?b=1&c=2'],
    ['a time', 'Rendez-vous à 12:30 précises'],
    ['a ratio', 'Un rapport 3:2'],
    ['a plain sentence', 'Une phrase sans ponctuation haute.'],
    ['numbers that are no amount', 'En 2026 300 associations, 2 500 personnes'],
  ])('leaves %s alone', (_case, text) => {
    expect(frenchTypography(text)).toBe(text);
  });

  it('can be applied twice without change', () => {
    const once = frenchTypography('Vraiment ? Oui : « bien sûr » !');
    expect(frenchTypography(once)).toBe(once);
    expect(once).toBe(`Vraiment${NNBSP}? Oui${NBSP}: «${NBSP}bien sûr${NBSP}»${NNBSP}!`);
  });
});

describe('formats', () => {
  it('writes euros without cents, thousands apart, the sign after', () => {
    expect(formatEuros(0)).toBe(`0${NBSP}€`);
    expect(formatEuros(1500)).toBe(`1${NNBSP}500${NBSP}€`);
    expect(formatEuros(1234567)).toBe(`1${NNBSP}234${NNBSP}567${NBSP}€`);
  });

  it('writes numbers with thin spaces between thousands', () => {
    expect(formatNumber(10000)).toBe(`10${NNBSP}000`);
    expect(formatNumber(999)).toBe('999');
  });

  it('writes a day in words, whatever the machine’s time zone', () => {
    expect(formatDate('2026-03-14')).toBe('14 mars 2026');
    expect(formatDate('2026-01-01')).toBe('1 janvier 2026');
    expect(formatDate('2026-12-31')).toBe('31 décembre 2026');
    expect(formatMonth('2026-08-15')).toBe('août 2026');
  });

  it('writes an average with one decimal and a comma', () => {
    expect(formatAverage(4.25)).toBe('4,3');
    expect(formatAverage(4)).toBe('4,0');
    expect(formatAverage(10 / 3)).toBe('3,3');
  });
});
