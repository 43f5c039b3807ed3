/**
 * « Importer depuis librehost.json ou ChatonsInfos » on /proposer/: reads the
 * pasted text in this browser (src/domain/import/), fills the form's fields
 * that are still empty, ticks boxes (never unticks one), adds tools' names
 * after those already written, and says what it
 * filled and what it left out. Loaded only when the disclosure is opened.
 * Nothing is sent, no address in the text is fetched, and pasted values are
 * only ever written as text or as control values.
 */
import { readImport, type Choice, type ImportChoices, type ImportFill } from '../domain/import/read.ts';
import { importReport } from '../domain/import/report.ts';
import { decodeVocabulary } from '../domain/text/normalise.ts';
import type { ImportTarget } from '../domain/import/sources.ts';

type TextControl = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

const labelText = (element: Element | null | undefined) => (element?.textContent ?? '').replace(/\s+/g, ' ').trim();

function boxes(form: HTMLFormElement, path: string): HTMLInputElement[] {
  return [...form.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')].filter((box) => box.name === path);
}

/** A vocabulary asked by name (the tools): its field, which holds its terms. */
function typedField(form: HTMLFormElement, path: string): HTMLInputElement | undefined {
  return [...form.querySelectorAll<HTMLInputElement>('input[data-terms]')].find((input) => input.dataset.path === path);
}

function choicesOf(form: HTMLFormElement, path: string): Choice[] {
  const typed = typedField(form, path);
  if (typed) return decodeVocabulary(typed.dataset.terms!);
  const select = form.querySelector<HTMLSelectElement>(`select[data-path="${path}"]`);
  if (select) return [...select.options].filter((o) => o.value).map((o) => ({ value: o.value, label: labelText(o) }));
  return boxes(form, path).map((box) => ({ value: box.value, label: labelText(box.closest('label')) }));
}

function textControl(form: HTMLFormElement, path: string): TextControl | undefined {
  return [...form.querySelectorAll<TextControl>('input[data-path], select[data-path], textarea[data-path]')].find(
    (control) => control.dataset.path === path,
  );
}

/** The field's label as the form shows it, without « (facultatif) ». */
function fieldLabel(form: HTMLFormElement, path: string): string {
  const control = textControl(form, path);
  const label = control
    ? form.querySelector(`label[for="${control.id}"]`)
    : [...form.querySelectorAll<HTMLElement>('fieldset[data-path]')].find((f) => f.dataset.path === path)?.querySelector('legend');
  return labelText(label).replace(/\s*\(facultatif\)$/, '') || path;
}

/** Fills one field; false when the person had already written something else there. */
function apply(form: HTMLFormElement, fill: ImportFill): boolean {
  const typed = typedField(form, fill.target);
  if (typed && typeof fill.value !== 'string') {
    // Names are added after those already written, never over them.
    const written = typed.value.toLowerCase();
    const labels = choicesOf(form, fill.target)
      .filter((choice) => fill.value.includes(choice.value) && !written.includes(choice.label.toLowerCase()))
      .map((choice) => choice.label);
    if (labels.length > 0) {
      typed.value = [typed.value.trim().replace(/,$/, ''), ...labels].filter(Boolean).join(', ');
      typed.dispatchEvent(new Event('input', { bubbles: true }));
      typed.dispatchEvent(new Event('change', { bubbles: true }));
    }
    return true;
  }
  if (typeof fill.value !== 'string') {
    for (const box of boxes(form, fill.target)) {
      if (fill.value.includes(box.value) && !box.checked) {
        box.checked = true;
        box.dispatchEvent(new Event('change', { bubbles: true }));
      }
    }
    return true;
  }
  const control = textControl(form, fill.target);
  if (!control) return false;
  if (control.value.trim() !== '' && control.value.trim() !== fill.value) return false;
  control.value = fill.value;
  control.dispatchEvent(new Event('input', { bubbles: true }));
  control.dispatchEvent(new Event('change', { bubbles: true }));
  return true;
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  return node;
}

function list(lines: string[]): HTMLUListElement {
  const ul = element('ul');
  for (const line of lines) ul.append(element('li', line));
  return ul;
}

export function startImport(box: HTMLElement) {
  const form = document.querySelector<HTMLFormElement>('form[data-entry-form]')!;
  const input = box.querySelector<HTMLTextAreaElement>('[data-import-text]')!;
  const out = box.querySelector<HTMLElement>('[data-import-report]')!;
  const status = box.querySelector<HTMLElement>('[data-import-status]')!;
  const paths = { structure: 'structure', networks: 'networks', services: 'services', tools: 'tools', languages: 'languages' } as const;

  box.querySelector('[data-import-run]')!.addEventListener('click', () => {
    const choices = Object.fromEntries(
      Object.entries(paths).map(([key, path]) => [key, choicesOf(form, path)]),
    ) as unknown as ImportChoices;
    const result = readImport(input.value, choices);
    const kept = new Set<ImportTarget>();
    for (const fill of result.fills) if (!apply(form, fill)) kept.add(fill.target);
    const report = importReport(result, {
      label: (target) => fieldLabel(form, target),
      choice: (target, value) => choicesOf(form, target).find((c) => c.value === value)?.label ?? value,
      kept,
    });

    const heading = element('h3', report.heading);
    heading.tabIndex = -1;
    out.replaceChildren(heading);
    if (report.filled.length > 0) out.append(list(report.filled));
    if (report.leftOut.length > 0) out.append(element('h4', report.leftOutHeading), list(report.leftOut));
    out.append(element('p', report.next));
    out.hidden = false;
    status.textContent = report.heading;
    heading.focus();
  });
}
