/**
 * A list typed as a person says it, read into the codes a file holds:
 * « Rhône, 38, Ain » → 69, 38, 01; « nextcloud et paheko » → nextcloud,
 * paheko. Names are compared as the site search compares places (placeKey:
 * no case, accents or punctuation); a name that starts only one term is that
 * term (« Finist » → Finistère); what names none, or several, is said back to
 * the person, never guessed. Light on purpose: the forms run it in the browser.
 */
import { placeKey } from './text/normalise.ts';
// The codes and names alone, without the régions of the départements that geography.ts adds: the browser carries less.
import { DEPARTMENT_CODES, REGION_CODES } from '../schemas/insee/codes.ts';
import { DEPARTMENT_NAMES, REGION_NAMES } from '../schemas/insee/names.ts';

export interface Term {
  /** What the file holds: a code, a slug. */
  value: string;
  /** How the form shows it back: « Rhône (69) », « Nextcloud ». */
  label: string;
  /** Every way to name it: its name, its code. */
  names: readonly string[];
}

export interface TermReading {
  /** The terms understood, in the order typed, each once. */
  terms: Term[];
  /** Pieces that name no term. */
  unknown: string[];
  /** Pieces that name several terms, with the terms they may name. */
  ambiguous: Array<{ text: string; among: Term[] }>;
}

/** Shorter than this, a piece must name a term in full (« ai » is no prefix of « Aisne »). */
const MIN_PREFIX = 3;

/** The pieces of a typed list: cut at commas, semicolons, slashes and new lines; « 69 38 01 » is three numbers. */
export function listPieces(text: string): string[] {
  return text
    .split(/[,;/\n]/)
    .flatMap((piece) => (/^\s*[0-9ab]{1,3}(\s+[0-9ab]{1,3})+\s*$/i.test(piece) ? piece.trim().split(/\s+/) : [piece]))
    .map((piece) => piece.trim())
    .filter((piece) => placeKey(piece) !== '');
}

/** Reads a typed list against the terms it may name. */
export function readTerms(text: string, terms: readonly Term[]): TermReading {
  const keyed = terms.map((term) => ({ term, keys: term.names.map(placeKey) }));
  const reading: TermReading = { terms: [], unknown: [], ambiguous: [] };
  const match = (piece: string) => {
    const key = placeKey(piece);
    const exact = keyed.filter((k) => k.keys.includes(key));
    return exact.length > 0 ? exact : key.length >= MIN_PREFIX ? keyed.filter((k) => k.keys.some((name) => name.startsWith(key))) : [];
  };
  // « Rhône et Isère » is two names, « Seine et Marne » one: « et » cuts only what names nothing whole.
  const pieces = listPieces(text).flatMap((piece) =>
    match(piece).length === 0 && /\s(et|&)\s/i.test(piece) ? piece.split(/\s+(?:et|&)\s+/i).filter((p) => placeKey(p)) : [piece],
  );
  for (const piece of pieces) {
    const found = match(piece);
    if (found.length === 1) {
      if (!reading.terms.includes(found[0]!.term)) reading.terms.push(found[0]!.term);
    } else if (found.length === 0) reading.unknown.push(piece);
    else reading.ambiguous.push({ text: piece, among: found.map((k) => k.term) });
  }
  return reading;
}

/** « a », « a et b », « a, b et c ». */
export function frenchList(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} et ${items[items.length - 1]}`;
}

/** How to name a term of one vocabulary, as an example, without its noun (the field's noun says it). */
export const HOW_TO_NAME = {
  departments: 'le nom ou le numéro (« Rhône » ou « 69 »)',
  regions: 'le nom en entier (« Bretagne »)',
  vocabulary: 'un des noms que connaît l’annuaire, listés avec le champ',
} as const;
export type TypedKind = keyof typeof HOW_TO_NAME;

const capitalise = (text: string) => text.replace(/^./, (c) => c.toUpperCase());

/**
 * What the form says of a reading, naming the field once by its `noun`
 * (« les départements »): nothing when every piece names one term, otherwise
 * one sentence, each slip with how to fix it.
 */
export function termProblem(reading: TermReading, noun: string, kind: TypedKind, single = false): string | undefined {
  const slips: string[] = [];
  const quoted = (pieces: readonly string[]) => frenchList(pieces.map((p) => `« ${p} »`));
  if (reading.unknown.length > 0)
    slips.push(
      `${quoted(reading.unknown)} ${reading.unknown.length > 1 ? 'ne sont pas reconnus' : 'n’est pas reconnu'}, vérifiez l’orthographe ou écrivez ${HOW_TO_NAME[kind]}`,
    );
  for (const { text, among } of reading.ambiguous)
    slips.push(
      `« ${text} » peut désigner ${frenchList(among.slice(0, 4).map((t) => t.label))}${among.length > 4 ? ', entre autres' : ''}, précisez lequel`,
    );
  if (single && reading.terms.length > 1) slips.push(`un seul, pas ${reading.terms.length}`);
  return slips.length > 0 ? `${capitalise(noun)} : ${slips.join(' ; ')}.` : undefined;
}

/** What the form understood, said back under the field: « Compris : Rhône (69), Isère (38) et Ain (01). » */
export function understood(reading: TermReading): string {
  return reading.terms.length > 0 ? `Compris : ${frenchList(reading.terms.map((t) => t.label))}.` : '';
}

/** Départements by their name or their number (« Ain », « 1 », « 01 »), shown « Ain (01) ». */
export const departmentTerms: readonly Term[] = DEPARTMENT_CODES.map((code, i) => ({ code, name: DEPARTMENT_NAMES[i]! })).map((d) => ({
  value: d.code,
  label: `${d.name} (${d.code})`,
  // « 20 » and « Corse » name both Corsican départements: the form asks which.
  names: [d.name, d.code, ...(/^0\d$/.test(d.code) ? [d.code.slice(1)] : []), ...(/^2[AB]$/.test(d.code) ? ['20', 'Corse'] : [])],
}));

/** Régions by their name. */
export const regionTerms: readonly Term[] = REGION_CODES.map((code, i) => ({
  value: code,
  label: REGION_NAMES[i]!,
  names: [REGION_NAMES[i]!],
}));

/**
 * How a typed field says what to write, after the field's own hint:
 * `examples` are names of its terms; a vocabulary of the day lists all of
 * them (`all`), so that the field can be browsed as its boxes were.
 */
export function typedHint(kind: TypedKind, single: boolean, all: readonly string[] = []): string {
  if (kind === 'departments')
    return single
      ? 'Son nom ou son numéro : « Rhône » ou « 69 ».'
      : 'Par leur nom ou leur numéro, séparés par des virgules : « Rhône, 38, Ain ».';
  if (kind === 'regions') return 'Par leur nom, séparées par des virgules : « Bretagne, Normandie ».';
  const [a = 'Nextcloud', b = 'Paheko'] = all;
  return `Noms séparés par des virgules : « ${a}, ${b} ». Ceux que connaît l’annuaire : ${frenchList([...all])}.`;
}

/** The terms of a vocabulary of the day (tools), named by their label or their slug. */
export function vocabularyTerms(options: ReadonlyArray<{ value: string; label: string }>): Term[] {
  return options.map((o) => ({ value: o.value, label: o.label, names: [o.label, o.value] }));
}
