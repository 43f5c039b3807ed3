/**
 * The typed fields of a no-account form (places by name or number, tools by
 * name): read into codes with src/domain/term-list.ts, and said back under
 * the field as the person types. Loaded with the form's checks, when the form
 * is first used; the names of the places come with it, never with the page.
 */
import { decodeVocabulary } from '../domain/text/normalise.ts';
import {
  departmentTerms,
  frenchList,
  readTerms,
  regionTerms,
  termProblem,
  understood,
  vocabularyTerms,
  type Term,
  type TypedKind,
} from '../domain/term-list.ts';
import { frenchTypography } from '../domain/text/typography.ts';
import type { PostcodeIndex } from '../schemas/geography.ts';

/** The terms a typed field may name: the places of France, or its vocabulary, written in the page. */
export function termsOf(input: HTMLElement): readonly Term[] {
  const kind = input.dataset.vocabulary as TypedKind;
  if (kind === 'departments') return departmentTerms;
  if (kind === 'regions') return regionTerms;
  return vocabularyTerms(decodeVocabulary(input.dataset.terms ?? ''));
}

/** What a typed field holds: the terms it names, and what prevents reading it (said in the field's noun). */
function read(input: HTMLInputElement) {
  const reading = readTerms(input.value, termsOf(input));
  const single = input.dataset.single !== undefined;
  const problem = termProblem(reading, input.dataset.noun ?? input.name, input.dataset.vocabulary as TypedKind, single);
  return { reading, single, problems: problem ? [problem] : [] };
}

/** A typed field's answer: its codes (one code for a single place), and what prevents reading it. */
export function readTyped(input: HTMLInputElement): { value: string | string[]; problems: string[] } {
  const { reading, single, problems } = read(input);
  const codes = reading.terms.map((t) => t.value);
  return { value: single ? (codes.length === 1 ? codes[0]! : '') : codes, problems };
}

/**
 * Says under the field what it understood, and what it could not read; once
 * the form is sent, what it could not read is the field's error, said there
 * once (`withProblems` false). What the postcode said of the field stays
 * while the field holds what the postcode gave it.
 */
export function showUnderstood(input: HTMLInputElement, withProblems = true) {
  const out = document.getElementById(`${input.id}-compris`);
  if (!out) return;
  const { reading, problems } = read(input);
  const note = input.dataset.noteFor === input.value ? input.dataset.note : '';
  out.textContent = frenchTypography([note, understood(reading), ...(withProblems ? problems : [])].filter(Boolean).join(' '));
}

/**
 * The siège's département, from its postcode, when the postcode names only
 * one (most do); a postcode shared by several départements leaves the choice
 * to the person, and says which. A département the person wrote is never
 * replaced.
 */
export function departmentFromPostcode(form: HTMLFormElement, postcode: string, index: PostcodeIndex) {
  const input = form.querySelector<HTMLInputElement>('input[data-path="location.department"]');
  if (!input || !/^\d{5}$/.test(postcode)) return;
  if (input.value.trim() !== '' && input.dataset.noteFor !== input.value) return;
  const found = departmentTerms.filter((t) => index(postcode).has(t.value));
  if (found.length === 0) return;
  const one = found.length === 1;
  input.value = one ? found[0]!.names[0]! : '';
  input.dataset.noteFor = input.value;
  input.dataset.note = one
    ? `D’après le code postal ${postcode}.`
    : `Le code postal ${postcode} est utilisé dans plusieurs départements : ${frenchList(found.map((t) => t.label))} ; écrivez le vôtre.`;
  // Kept in the draft like a typed answer.
  input.dispatchEvent(new Event('change', { bubbles: true }));
}
