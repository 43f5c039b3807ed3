/**
 * The draft of a no-account form, kept in this browser only (localStorage,
 * never sent anywhere), so that a reload or a mistaken « back » loses
 * nothing: offered back on return, cleared on request and once the entry is
 * sent. Loaded with the page; a few hundred bytes.
 */
import { draftKey } from './policy.ts';

type Values = Record<string, string[]>;
interface Draft {
  /** When it was last saved, ISO 8601. */
  saved: string;
  values: Values;
}

type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

function controls(form: HTMLFormElement): Control[] {
  return [...form.elements].filter(
    (e): e is Control => 'name' in e && !!(e as Control).name && !['button', 'submit', 'search'].includes((e as HTMLInputElement).type),
  );
}

/** Every answer, by control name: the values of ticked boxes and chosen options, the text typed. */
export function formValues(form: HTMLFormElement): Values {
  const values: Values = {};
  for (const control of controls(form)) {
    const checkable = control instanceof HTMLInputElement && (control.type === 'checkbox' || control.type === 'radio');
    if (checkable ? control.checked : control.value !== '') (values[control.name] ??= []).push(control.value);
  }
  return values;
}

function setValues(form: HTMLFormElement, values: Values) {
  for (const control of controls(form)) {
    const own = values[control.name] ?? [];
    if (control instanceof HTMLInputElement && (control.type === 'checkbox' || control.type === 'radio'))
      control.checked = own.includes(control.value);
    else control.value = own[0] ?? '';
    // A typed field says again what it understands.
    if (control.dataset.kind === 'terms' && control.value) control.dispatchEvent(new Event('change', { bubbles: true }));
  }
}

function storage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    // Storage refused (private browsing, settings): the form works without a draft.
    return undefined;
  }
}

export function readDraft(type: string): Draft | undefined {
  try {
    const draft = JSON.parse(storage()?.getItem(draftKey(type)) ?? 'null') as Draft | null;
    return draft && typeof draft.values === 'object' && Object.keys(draft.values).length > 0 ? draft : undefined;
  } catch {
    return undefined;
  }
}

export function clearDraft(type: string) {
  storage()?.removeItem(draftKey(type));
}

/**
 * Keeps the draft of `form` as it is typed, offers an earlier one back
 * (`[data-draft-offer]`), and wires « Effacer mon brouillon » (`[data-draft-clear]`).
 */
export function keepDraft(form: HTMLFormElement, type: string) {
  const container = form.closest<HTMLElement>('.entry-form')!;
  const offer = container.querySelector<HTMLElement>('[data-draft-offer]')!;
  const status = container.querySelector<HTMLElement>('[data-draft-status]')!;
  let saving = true;
  const save = () => {
    if (!saving) return;
    const values = formValues(form);
    try {
      storage()?.setItem(draftKey(type), JSON.stringify({ saved: new Date().toISOString(), values } satisfies Draft));
    } catch {
      // A full storage keeps the last draft that fitted.
    }
  };

  const earlier = readDraft(type);
  if (earlier) {
    saving = false;
    const day = new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'long' }).format(new Date(earlier.saved));
    offer.querySelector('[data-draft-resume]')!.textContent = `Reprendre mon brouillon du ${day}`;
    offer.hidden = false;
    const close = () => {
      offer.hidden = true;
      saving = true;
    };
    offer.querySelector('[data-draft-resume]')!.addEventListener('click', () => {
      setValues(form, earlier.values);
      close();
      status.textContent = 'Votre brouillon est repris : vos réponses sont revenues.';
      form.querySelector<HTMLElement>('input, select, textarea')?.focus();
    });
    offer.querySelector('[data-draft-restart]')!.addEventListener('click', () => {
      clearDraft(type);
      close();
      status.textContent = 'Le formulaire est vide : votre ancien brouillon est effacé.';
    });
    // Typing without choosing is starting again: the new answers are kept from then on.
    form.addEventListener('input', () => offer.hidden || (close(), clearDraft(type)), { once: true });
  }
  form.addEventListener('input', save);
  form.addEventListener('change', save);
  container.querySelector('[data-draft-clear]')!.addEventListener('click', () => {
    clearDraft(type);
    form.reset();
    // What the typed fields understood, and what the postcode said, go with the answers.
    for (const said of form.querySelectorAll('.form-understood')) said.textContent = '';
    for (const input of form.querySelectorAll<HTMLElement>('[data-note-for]')) delete input.dataset.noteFor;
    offer.hidden = true;
    status.textContent = 'Brouillon effacé : le formulaire est vide.';
  });
}
