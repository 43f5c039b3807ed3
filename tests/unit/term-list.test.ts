/**
 * Lists typed as a person says them, read into the codes a file holds:
 * places by name or number, a vocabulary by name; what names nothing, or
 * several things, is said back in French, never guessed.
 */
import { describe, expect, it } from 'vitest';
import {
  departmentTerms,
  frenchList,
  listPieces,
  readTerms,
  regionTerms,
  termProblem,
  typedHint,
  understood,
  vocabularyTerms,
} from '../../src/domain/term-list.ts';
import { decodeVocabulary, encodeVocabulary } from '../../src/domain/text/normalise.ts';

const codes = (text: string, terms = departmentTerms) => readTerms(text, terms).terms.map((t) => t.value);

describe('a typed list of départements', () => {
  it('reads names and numbers, without case or accents, in the order typed, each once', () => {
    expect(codes('Rhône, 38, Ain')).toEqual(['69', '38', '01']);
    expect(codes('rhone; ISERE / ain\nrhône')).toEqual(['69', '38', '01']);
    expect(codes('69 38 1')).toEqual(['69', '38', '01']);
    expect(codes('2a, 974, Côtes-d’Armor')).toEqual(['2A', '974', '22']);
  });

  it('cuts at « et » only what names nothing whole', () => {
    expect(codes('Rhône et Isère')).toEqual(['69', '38']);
    expect(codes('Seine et Marne')).toEqual(['77']);
    expect(codes('Saint-Pierre-et-Miquelon')).toEqual(['975']);
  });

  it('takes the start of a name when it names one département only', () => {
    expect(codes('Finist')).toEqual(['29']);
    // Too short to be a start: « ai » is no département.
    expect(readTerms('ai', departmentTerms).unknown).toEqual(['ai']);
  });

  it('says what names several départements, and what names none', () => {
    const reading = readTerms('Corse, 20, Haute, Rhne, Ain', departmentTerms);
    expect(reading.terms.map((t) => t.value)).toEqual(['01']);
    expect(reading.unknown).toEqual(['Rhne']);
    expect(reading.ambiguous.map((a) => [a.text, a.among.map((t) => t.value)])).toEqual([
      ['Corse', ['2A', '2B']],
      ['20', ['2A', '2B']],
      ['Haute', expect.arrayContaining(['05', '2B', '31', '43', '52', '65', '70', '74', '87'])],
    ]);
    expect(termProblem(reading, 'les départements', 'departments')).toBe(
      'Les départements : « Rhne » n’est pas reconnu, vérifiez l’orthographe ou écrivez le nom ou le numéro (« Rhône » ou « 69 ») ; ' +
        '« Corse » peut désigner Corse-du-Sud (2A) et Haute-Corse (2B), précisez lequel ; ' +
        '« 20 » peut désigner Corse-du-Sud (2A) et Haute-Corse (2B), précisez lequel ; ' +
        '« Haute » peut désigner Hautes-Alpes (05), Haute-Corse (2B), Haute-Garonne (31) et Haute-Loire (43), entre autres, précisez lequel.',
    );
  });

  it('says what it understood, and nothing is wrong with a list it read whole', () => {
    const reading = readTerms('Rhône, 38, Ain', departmentTerms);
    expect(understood(reading)).toBe('Compris : Rhône (69), Isère (38) et Ain (01).');
    expect(termProblem(reading, 'les départements', 'departments')).toBeUndefined();
    expect(understood(readTerms('', departmentTerms))).toBe('');
  });

  it('asks for one département where the file holds one', () => {
    const reading = readTerms('Rhône, Isère', departmentTerms);
    expect(termProblem(reading, 'le département', 'departments', true)).toBe('Le département : un seul, pas 2.');
    expect(termProblem(readTerms('Rhône', departmentTerms), 'le département', 'departments', true)).toBeUndefined();
  });

  it('knows every département and région of the INSEE tables by its own name', () => {
    for (const term of departmentTerms) expect(codes(term.names[0]!), term.label).toEqual([term.value]);
    for (const term of regionTerms) expect(codes(term.label, regionTerms), term.label).toEqual([term.value]);
  });
});

describe('a typed list of a vocabulary', () => {
  const tools = vocabularyTerms([
    { value: 'nextcloud', label: 'Nextcloud' },
    { value: 'element', label: 'Element (Matrix)' },
    { value: 'onlyoffice', label: 'ONLYOFFICE Docs' },
  ]);

  it('reads its labels and slugs, and the start of a label', () => {
    expect(codes('nextcloud, element, OnlyOffice docs', tools)).toEqual(['nextcloud', 'element', 'onlyoffice']);
    expect(termProblem(readTerms('Zimbra', tools), 'les logiciels libres', 'vocabulary')).toBe(
      'Les logiciels libres : « Zimbra » n’est pas reconnu, vérifiez l’orthographe ou écrivez un des noms que connaît l’annuaire, listés avec le champ.',
    );
  });

  it('is written in the page with a slug only where it is not the label’s own, and read back whole', () => {
    const options = [
      { value: 'nextcloud', label: 'Nextcloud' },
      { value: 'onlyoffice', label: 'ONLYOFFICE Docs' },
      { value: 'fr', label: 'Français' },
    ];
    const text = encodeVocabulary(options);
    expect(text).toBe('Nextcloud|onlyoffice=ONLYOFFICE Docs|fr=Français');
    expect(decodeVocabulary(text)).toEqual(options);
  });

  it('lists its names in its hint, so that it can be browsed as its boxes were', () => {
    expect(typedHint('vocabulary', false, ['Nextcloud', 'Paheko', 'Galette'])).toBe(
      'Noms séparés par des virgules : « Nextcloud, Paheko ». Ceux que connaît l’annuaire : Nextcloud, Paheko et Galette.',
    );
  });
});

describe('the pieces of a typed list', () => {
  it('are cut at commas, semicolons, slashes and new lines; numbers apart by spaces too', () => {
    expect(listPieces(' Rhône ,, Isère;Ain / Drôme\n Savoie ')).toEqual(['Rhône', 'Isère', 'Ain', 'Drôme', 'Savoie']);
    expect(listPieces('69 38 2A')).toEqual(['69', '38', '2A']);
    expect(listPieces('Haute Savoie')).toEqual(['Haute Savoie']);
  });

  it('are said back in French: « a », « a et b », « a, b et c »', () => {
    expect([frenchList([]), frenchList(['a']), frenchList(['a', 'b']), frenchList(['a', 'b', 'c'])]).toEqual([
      '',
      'a',
      'a et b',
      'a, b et c',
    ]);
  });
});
