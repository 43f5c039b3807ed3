/**
 * What a no-account form does when it is sent, loaded only then (it carries
 * the schemas): read the answers, check them as `npm run check` would
 * (src/check/one-entry.ts, in the forms' words), show every problem at once
 * next to its field with a summary at the top, or lead to the last step:
 * send the entry to the committee, by e-mail first.
 */
import { entryIdFor } from '../domain/entry-names.ts';
import { checkOneEntry, entryRuleContext, type EntryProblem, type OneEntryContext } from '../check/one-entry.ts';
import { mightBeRefused } from '../domain/rules/text.ts';
import { formWording } from '../fields/wording.ts';
import { FORGE_NAMES, mailUrl, newFileUrl } from '../domain/forge.ts';
import { lastStepHeading, mailSubject } from '../domain/next-steps.ts';
import { frenchTypography } from '../domain/text/typography.ts';
import { todayInFrance } from '../domain/text/dates.ts';
import { recommendRoute } from '../domain/route-words.ts';
import { href } from '../site/href.ts';
import { CHARTER, FORM_FILLED } from './policy.ts';
import type { FormSettings } from './settings.ts';
import type { KindModule } from './start.ts';
import { decodeVocabulary } from '../domain/text/normalise.ts';
import { readTyped, showUnderstood } from './typed.ts';
import { entryFile } from './yaml.ts';

export type { FormSettings } from './settings.ts';
export { departmentFromPostcode, showUnderstood } from './typed.ts';

type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;
/** `slips`: names a typed field could not read, said on that field instead of what the schema would say of it. */
type Answers = { data: Record<string, unknown>; body: string; slips?: EntryProblem[] };

function setAt(target: Record<string, unknown>, path: string, value: unknown) {
  const keys = path.split('.');
  let node = target;
  for (const key of keys.slice(0, -1)) node = (node[key] ??= {}) as Record<string, unknown>;
  node[keys[keys.length - 1]!] = value;
}

/** The answers as an entry: the path of each field says where its value goes, its kind how to read it. */
export function readForm(form: HTMLFormElement, today: string): Answers {
  const data: Record<string, unknown> = {};
  const slips: EntryProblem[] = [];
  let body = '';
  // Every group is there, even empty: a missing answer is said on its field, not on its group.
  for (const group of form.querySelectorAll<HTMLElement>('[data-group]')) setAt(data, group.dataset.group!, {});
  for (const element of form.querySelectorAll<HTMLElement>('[data-path]')) {
    const path = element.dataset.path!;
    const checked = [...element.querySelectorAll<HTMLInputElement>('input:checked')].map((input) => input.value);
    const text = 'value' in element ? String((element as Control).value) : '';
    let value: unknown;
    switch (element.dataset.kind) {
      case 'number':
        value = text.trim() === '' ? '' : Number(text);
        break;
      case 'boolean':
        value = (element as HTMLInputElement).checked;
        break;
      case 'sign':
        // Signing the charter is dating it: today.
        value = (element as HTMLInputElement).checked ? today : undefined;
        break;
      case 'yesno':
        value = checked[0] === undefined ? undefined : checked[0] === 'true';
        break;
      case 'list':
        value = checked;
        break;
      case 'terms': {
        const typed = readTyped(element as HTMLInputElement);
        value = typed.value;
        slips.push(...typed.problems.map((message) => ({ path, message })));
        break;
      }
      case 'rating':
        // Unanswered, the criterion stays out and the rules ask for it; « not concerned » is null.
        value = checked[0] === undefined ? undefined : checked[0] === '' ? null : Number(checked[0]);
        break;
      default:
        value = text;
    }
    if (path === 'body') body = text;
    else if (value !== undefined) setAt(data, path, value);
  }
  return { data, body, slips };
}

/**
 * What the rules need of the rest of the content, as the form offers it: the
 * terms of each vocabulary are its boxes, or the terms its typed field
 * holds (the tools), the criteria its rating questions, the structures its list.
 */
export function offeredContext(form: HTMLFormElement): Omit<OneEntryContext, 'today' | 'newEntry'> {
  const values = (selector: string) => [...form.querySelectorAll<HTMLInputElement>(selector)].map((input) => ({ slug: input.value }));
  const boxes = (path: string) => values(`[data-path="${path}"] input[type="checkbox"]`);
  // The tools are asked by name: their field holds their terms.
  const typed = [...form.querySelectorAll<HTMLElement>('[data-path$="tools"][data-terms]')].flatMap((input) =>
    decodeVocabulary(input.dataset.terms!).map((term) => ({ slug: term.value })),
  );
  return {
    taxonomies: {
      services: [...boxes('services'), ...boxes('project.services')],
      tools: typed,
      networks: boxes('networks'),
      criteria: [...form.querySelectorAll<HTMLElement>('[data-kind="rating"]')].map((fieldset) => ({
        slug: fieldset.dataset.path!.slice(fieldset.dataset.path!.indexOf('.') + 1),
        label: fieldset.querySelector('legend')!.textContent!.trim(),
      })),
    },
    providerIds: [...form.querySelectorAll<HTMLOptionElement>('select[name="provider"] option')].map((o) => o.value).filter(Boolean),
  };
}

/** Empty answers stay out of the file: the schema's defaults apply. */
function pruned(value: unknown): unknown {
  if (Array.isArray(value)) return value;
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, child] of Object.entries(value)) {
      if (child === '' || child === undefined) continue;
      const kept = pruned(child);
      if (kept && typeof kept === 'object' && !Array.isArray(kept) && Object.keys(kept).length === 0) continue;
      out[key] = kept;
    }
    return out;
  }
  return value;
}

/** The Markdown rules and the parser they read bodies with: two chunks, loaded together the first time a text needs them. */
async function markdownReader() {
  const [rules, parser] = await Promise.all([import('../domain/rules/markdown.ts'), import('../domain/rules/markdown-parser.ts')]);
  rules.useMarkdownParser(() => parser.parseMarkdownTree);
  return rules;
}

/**
 * The entry the form produces, or the problems that prevent it: every one,
 * the schema's, the rules' and the form's own (the charter), at once.
 */
export async function prepareEntry(
  settings: FormSettings,
  { kind, postcodes }: KindModule,
  answers: Answers,
  offered: Omit<OneEntryContext, 'today' | 'newEntry'>,
  today = todayInFrance(),
) {
  const data = { ...answers.data };
  for (const path of FORM_FILLED[settings.type] ?? []) setAt(data, path, today);
  // A recommendation sent this way always waits for the committee's verification.
  if (settings.type === 'recommendations') data.verification = { status: 'pending' };
  // Named as the CMS names a new entry: the provider's slug, or `<provider>--<association>`.
  const id = entryIdFor(settings.type, data);
  // The Markdown reader comes only for a text that might hold something to refuse.
  const markdown = mightBeRefused(answers.body) ? await markdownReader() : undefined;
  // The tenth of the postcodes this entry's postcode needs, if it holds one.
  const postcode = (data.location as { postcode?: unknown } | undefined)?.postcode;
  const departmentsOfPostcode = postcodes && typeof postcode === 'string' ? await postcodes(postcode) : () => new Set<string>();
  const ctx = entryRuleContext({ ...offered, today, newEntry: true }, markdown?.bodyIssues ?? (() => []), departmentsOfPostcode);
  const slips = answers.slips ?? [];
  const slipped = (path: string) => slips.some((slip) => path === slip.path || path.startsWith(`${slip.path}[`));
  const problems: EntryProblem[] = [
    ...checkOneEntry(kind, id, data, answers.body, ctx, formWording).filter((problem) => !slipped(problem.path)),
    ...slips,
  ];
  if (settings.type === 'providers' && !data[CHARTER.path]) problems.push({ path: CHARTER.path, message: CHARTER.missing });
  const filePath = `${settings.folder}/${settings.type}/${id}.md`;
  return { id, problems, filePath, file: entryFile(pruned(data) as Record<string, unknown>, answers.body) };
}

// ——— In the page ———

function controlFor(form: HTMLFormElement, path: string): { target: HTMLElement; focus: HTMLElement } | undefined {
  // `services[1]` is shown on `services`, `area` on its group, `a.b.c` on the nearest field that exists.
  let current = path.replace(/\[\d+\]/g, '');
  while (current) {
    const field = form.querySelector<HTMLElement>(`[data-path="${CSS.escape(current)}"], [data-group="${CSS.escape(current)}"]`);
    if (field) {
      const focus = field.matches('input, select, textarea')
        ? field
        : (field.querySelector<HTMLElement>('input, select, textarea') ?? field);
      return { target: field, focus };
    }
    current = current.includes('.') ? current.slice(0, current.lastIndexOf('.')) : '';
  }
  return undefined;
}

function clearErrors(form: HTMLFormElement) {
  for (const error of form.querySelectorAll('.form-error')) error.remove();
  for (const element of form.querySelectorAll<HTMLElement>('[aria-invalid]')) element.removeAttribute('aria-invalid');
  for (const element of form.querySelectorAll<HTMLElement>('[data-described]')) {
    element.setAttribute('aria-describedby', element.dataset.described!);
    if (!element.dataset.described) element.removeAttribute('aria-describedby');
    delete element.dataset.described;
  }
}

function showErrors(form: HTMLFormElement, problems: EntryProblem[]) {
  const summary = form.querySelector<HTMLElement>('[data-summary]')!;
  const items: Array<{ href: string; text: string; focus: HTMLElement }> = [];
  // In the order of the form, so that the summary reads from top to bottom.
  const placed = problems.map((problem) => ({ problem, found: controlFor(form, problem.path) }));
  placed.sort((a, b) =>
    !a.found || !b.found
      ? Number(!a.found) - Number(!b.found)
      : a.found.target === b.found.target
        ? 0
        : a.found.target.compareDocumentPosition(b.found.target) & 2
          ? 1
          : -1,
  );
  for (const { problem, found } of placed) {
    const message = frenchTypography(problem.message);
    if (!found) {
      items.push({ href: '', text: message, focus: summary });
      continue;
    }
    const { target, focus } = found;
    const fieldset = target.matches('fieldset');
    const id = `${focus.id || target.id || 'champ'}-erreur`;
    let error = form.querySelector<HTMLElement>(`#${CSS.escape(id)}`);
    if (!error) {
      error = document.createElement('p');
      error.className = 'form-error';
      error.id = id;
      // After the hint of a group, or right after the control.
      const anchor = fieldset ? (target.querySelector(':scope > .form-hint') ?? target.querySelector('legend')) : target;
      anchor!.after(error);
      const described = fieldset ? target : focus;
      if (!described.dataset.described) described.dataset.described = described.getAttribute('aria-describedby') ?? '';
      described.setAttribute('aria-describedby', `${described.dataset.described} ${id}`.trim());
      (fieldset ? target.querySelectorAll<HTMLElement>('input, select, textarea') : [focus]).forEach((c) =>
        c.setAttribute('aria-invalid', 'true'),
      );
      if (fieldset) target.setAttribute('aria-invalid', 'true');
    }
    error.textContent = error.textContent ? `${error.textContent} ${message}` : message;
    items.push({ href: `#${focus.id}`, text: message, focus });
  }
  const heading = document.createElement('h2');
  heading.textContent = frenchTypography(
    items.length > 1 ? `${items.length} réponses à corriger avant de continuer` : 'Une réponse à corriger avant de continuer',
  );
  const list = document.createElement('ul');
  for (const item of items) {
    const li = document.createElement('li');
    if (item.href) {
      const link = document.createElement('a');
      link.href = item.href;
      link.textContent = item.text;
      link.addEventListener('click', (event) => {
        event.preventDefault();
        item.focus.focus();
      });
      li.append(link);
    } else li.textContent = item.text;
    list.append(li);
  }
  summary.replaceChildren(heading, list);
  summary.hidden = false;
  summary.focus();
}

/** The last step, made from its template the first time. */
function lastStep(form: HTMLFormElement): HTMLElement {
  const container = form.parentElement!;
  let result = container.querySelector<HTMLElement>('[data-result]');
  if (!result) {
    const template = container.querySelector<HTMLTemplateElement>('[data-result-template]')!;
    container.append(template.content.cloneNode(true));
    result = container.querySelector<HTMLElement>('[data-result]')!;
  }
  return result;
}

/** Copies `text`, or selects it in `area` for a copy by hand when the clipboard is out of reach. */
async function copy(text: string, status: HTMLElement, area?: HTMLTextAreaElement | HTMLInputElement) {
  try {
    await navigator.clipboard.writeText(text);
    status.textContent = 'Copié.';
  } catch {
    if (area) {
      area.closest('details')?.setAttribute('open', '');
      area.focus();
      area.select();
    }
    status.textContent = frenchTypography('Le texte est sélectionné : copiez-le avec Ctrl+C (ou Cmd+C).');
  }
}

function showLastStep(
  form: HTMLFormElement,
  settings: FormSettings,
  entry: Awaited<ReturnType<typeof prepareEntry>>,
  names: Parameters<typeof mailSubject>[1],
  forgetDraft: () => void,
) {
  const result = lastStep(form);
  const out = <T extends HTMLElement>(name: string) => result.querySelector<T>(`[data-out="${name}"]`)!;
  const fileName = entry.filePath.slice(entry.filePath.lastIndexOf('/') + 1);
  const subject = mailSubject(settings.type, names);
  const status = out('status');
  // Once the entry is on its way, the draft has served: this browser forgets it.
  const sent = () => {
    forgetDraft();
    status.textContent = 'Votre brouillon est effacé de ce navigateur ; le fichier reste ci-dessous tant que cette page est ouverte.';
  };

  out('heading').textContent = lastStepHeading(settings.type);
  out('subject').textContent = subject;
  const mail = out<HTMLAnchorElement>('mail');
  mail.href = mailUrl(
    settings.contactEmail,
    subject,
    `Bonjour,\n\nVoici ${settings.type === 'providers' ? 'notre fiche' : 'notre recommandation'}, préparée avec le formulaire du site.\n\n${entry.file}`,
  );
  mail.onclick = sent;
  const forge = out<HTMLAnchorElement>('forge');
  forge.href = newFileUrl(settings.repository, entry.filePath, entry.file);
  forge.textContent = `Proposer le fichier sur ${FORGE_NAMES[settings.repository.forge]}`;
  forge.onclick = sent;
  out<HTMLButtonElement>('download').onclick = () => {
    const link = document.createElement('a');
    link.href = URL.createObjectURL(new Blob([entry.file], { type: 'text/markdown;charset=utf-8' }));
    link.download = fileName;
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href), 1000);
    sent();
  };
  out('filename').textContent = fileName;
  const area = out<HTMLTextAreaElement>('file');
  area.value = entry.file;
  out<HTMLButtonElement>('copy').onclick = () => void copy(entry.file, out('copied'), area);
  out('copied').textContent = '';
  status.textContent = '';

  if (settings.type === 'providers') {
    // What publishes the listing: recommendations from the associations it accompanied.
    const link = new URL(href(recommendRoute(entry.id, names.name)), location.href).href;
    out<HTMLInputElement>('link').value = link;
    out<HTMLButtonElement>('copy-link').onclick = () => void copy(link, out('link-copied'), out<HTMLInputElement>('link'));
  }
  result.hidden = false;
  out('heading').focus();
}

/** Checks the answers of `form`; once they pass, the last step. `forgetDraft` clears the draft once the entry is on its way. */
export async function submitEntry(form: HTMLFormElement, kind: KindModule, forgetDraft: () => void) {
  const settings = JSON.parse(form.dataset.settings!) as FormSettings;
  const select = form.querySelector<HTMLSelectElement>('select[name="provider"]');
  clearErrors(form);
  form.querySelector<HTMLElement>('[data-summary]')!.hidden = true;
  const answers = readForm(form, todayInFrance());
  // The structures a recommendation can name are those the form offers: the published ones and the one named by the page's link.
  const entry = await prepareEntry(settings, kind, answers, offeredContext(form));
  if (entry.problems.length > 0) {
    const result = form.parentElement!.querySelector<HTMLElement>('[data-result]');
    if (result) result.hidden = true;
    // What a typed field could not read is its error now: said once, beside it.
    for (const input of form.querySelectorAll<HTMLInputElement>('input[data-kind="terms"]')) showUnderstood(input, false);
    showErrors(form, entry.problems);
    return;
  }
  const association = (answers.data.association as { name?: string } | undefined)?.name;
  showLastStep(
    form,
    settings,
    entry,
    {
      name: String(answers.data.name ?? ''),
      association,
      provider: select?.selectedOptions[0]?.textContent?.trim(),
    },
    forgetDraft,
  );
}
