/**
 * What a no-account form does as its page loads: shows what needs
 * JavaScript, keeps the draft, says what its typed fields understood. The checks (the schemas of `kind`, the
 * rules) come only when the form is first used. Each page passes its own
 * entry type, so that it loads that type's schema and no other.
 */
import type { EntryKindRules } from '../check/one-entry.ts';
import type { PostcodeIndex } from '../schemas/geography.ts';
import type * as Submit from './submit.ts';
import { clearDraft, keepDraft } from './draft.ts';

/** What a page's entry type brings: src/forms/kinds/. */
export interface KindModule {
  kind: EntryKindRules;
  /** The postcodes around a postcode, for the types that hold one. */
  postcodes?: (postcode: string) => Promise<PostcodeIndex>;
}

export function startForm(loadKind: () => Promise<KindModule>) {
  for (const form of document.querySelectorAll<HTMLFormElement>('form[data-entry-form]')) {
    const container = form.closest<HTMLElement>('.entry-form')!;
    const type = (JSON.parse(form.dataset.settings!) as { type: string }).type;
    let modules: Promise<[typeof Submit, KindModule]> | undefined;
    const load = () => (modules ??= Promise.all([import('./submit.ts'), loadKind()]));
    for (const element of container.querySelectorAll<HTMLElement>('[data-needs-js]')) element.hidden = false;
    form.addEventListener('focusin', () => void load(), { once: true });
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      void load().then(([submit, kind]) => submit.submitEntry(form, kind, () => clearDraft(type)));
    });

    // Typed fields say what they understood as the person types (once they pause), and what they could not
    // read once the person leaves them; the siège's postcode may name its département.
    let pause: ReturnType<typeof setTimeout> | undefined;
    form.addEventListener('input', (event) => {
      const input = event.target as HTMLInputElement;
      if (input.dataset.kind !== 'terms') return;
      clearTimeout(pause);
      pause = setTimeout(() => void load().then(([submit]) => submit.showUnderstood(input, false)), 400);
    });
    form.addEventListener('change', (event) => {
      const input = event.target as HTMLInputElement;
      if (input.dataset.kind === 'terms') {
        clearTimeout(pause);
        void load().then(([submit]) => submit.showUnderstood(input));
      }
      const postcode = input.value?.trim();
      if (input.dataset.path === 'location.postcode' && /^\d{5}$/.test(postcode))
        void load().then(
          async ([submit, kind]) => kind.postcodes && submit.departmentFromPostcode(form, postcode, await kind.postcodes(postcode)),
        );
    });
    keepDraft(form, type);
  }
}
