/**
 * What a no-account form does when it is sent, loaded only then (it carries
 * the schemas): read the answers, check them as `npm run check` would, show
 * each problem next to its field with a summary at the top, or produce the
 * entry file and the three ways to send it.
 */
import { entryIdFor } from '../domain/entry-names.ts';
import type { EntryTypeName } from '../schemas/index.ts';
import { checkEntry, type EntryContext, type EntryProblem } from '../check/entry.ts';
import { FORGE_NAMES, newFileUrl, type Repository } from '../domain/forge.ts';
import { entryFile } from './yaml.ts';
import { routes } from '../domain/routes.ts';
import { href } from '../site/href.ts';
import { frenchTypography } from '../domain/text/format.ts';

export interface FormSettings {
  type: Extract<EntryTypeName, 'providers' | 'recommendations'>;
  context: EntryContext;
  repository: Repository;
  contactEmail: string;
  /** The content folder in the repository: `content`. */
  folder: string;
}

type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

function setAt(target: Record<string, unknown>, path: string, value: unknown) {
  const keys = path.split('.');
  let node = target;
  for (const key of keys.slice(0, -1)) node = (node[key] ??= {}) as Record<string, unknown>;
  node[keys[keys.length - 1]!] = value;
}

/** The answers as an entry: the path of each field says where its value goes, its kind how to read it. */
export function readForm(form: HTMLFormElement): { data: Record<string, unknown>; body: string } {
  const data: Record<string, unknown> = {};
  let body = '';
  for (const element of form.querySelectorAll<HTMLElement>('[data-path]')) {
    const path = element.dataset.path!;
    const kind = element.dataset.kind;
    const checked = [...element.querySelectorAll<HTMLInputElement>('input:checked')].map((input) => input.value);
    const text = 'value' in element ? String((element as Control).value) : '';
    let value: unknown;
    switch (kind) {
      case 'number':
        value = text.trim() === '' ? '' : Number(text);
        break;
      case 'boolean':
        value = (element as HTMLInputElement).checked;
        break;
      case 'yesno':
        value = checked[0] === undefined ? undefined : checked[0] === 'true';
        break;
      case 'list':
        value = checked;
        break;
      case 'rating':
        // No answer, or « not concerned »: the criterion did not apply.
        value = checked[0] ? Number(checked[0]) : null;
        break;
      case 'csv':
        value = text
          .split(/[,;]+/)
          .map((item) => item.trim())
          .filter(Boolean);
        break;
      default:
        value = text;
    }
    if (path === 'body') body = text;
    else if (value !== undefined) setAt(data, path, value);
  }
  return { data, body };
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

/** The entry the form produces, or the problems that prevent it. */
export function prepareEntry(settings: FormSettings, answers: { data: Record<string, unknown>; body: string }) {
  const data = { ...answers.data };
  // A recommendation sent this way always waits for the committee's verification.
  if (settings.type === 'recommendations') data.verification = { status: 'pending' };
  // Named as the CMS names a new entry: the provider's slug, or `<provider>--<association>`.
  const id = entryIdFor(settings.type, data);
  const problems: EntryProblem[] = checkEntry(settings.type, id, data, answers.body, settings.context);
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

function labelOf(form: HTMLFormElement, target: HTMLElement, focus: HTMLElement): string {
  const legend = target.matches('fieldset') ? target.querySelector('legend')?.textContent : undefined;
  const label = focus.id ? form.querySelector(`label[for="${CSS.escape(focus.id)}"]`)?.textContent : undefined;
  return (legend ?? label ?? '').replace(/\s*\(facultatif\)$/, '').trim();
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
  const shown = new Set<HTMLElement>();
  for (const problem of problems) {
    const found = controlFor(form, problem.path);
    // The check's messages also go to a terminal: the no-break spaces of French typography are put in here.
    const message = frenchTypography(problem.message.replace(/^./, (c) => c.toUpperCase()));
    if (!found) {
      items.push({ href: '', text: message, focus: summary });
      continue;
    }
    const { target, focus } = found;
    const id = `${focus.id || target.id || 'champ'}-erreur`;
    let error = form.querySelector<HTMLElement>(`#${CSS.escape(id)}`);
    if (!error) {
      error = document.createElement('p');
      error.className = 'form-error';
      error.id = id;
      // After the hint of a group, or right after the control.
      const anchor = target.matches('fieldset') ? (target.querySelector('.form-hint') ?? target.querySelector('legend')) : target;
      anchor!.after(error);
      const described = target.matches('fieldset') ? target : focus;
      if (!described.dataset.described) described.dataset.described = described.getAttribute('aria-describedby') ?? '';
      described.setAttribute('aria-describedby', `${described.dataset.described} ${id}`.trim());
      (target.matches('fieldset') ? target.querySelectorAll<HTMLElement>('input, select, textarea') : [focus]).forEach((c) =>
        c.setAttribute('aria-invalid', 'true'),
      );
      if (target.matches('fieldset')) target.setAttribute('aria-invalid', 'true');
    }
    error.textContent = error.textContent ? `${error.textContent} ${message}` : message;
    if (!shown.has(focus)) {
      shown.add(focus);
      items.push({ href: `#${focus.id}`, text: `${labelOf(form, target, focus)} : ${message}`, focus });
    }
  }
  const heading = document.createElement('h2');
  heading.textContent =
    items.length > 1 ? `${items.length} points à corriger avant de continuer` : 'Un point à corriger avant de continuer';
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

/** The result panel, made from its template the first time. */
function resultPanel(form: HTMLFormElement): HTMLElement | undefined {
  const container = form.parentElement!;
  let result = container.querySelector<HTMLElement>('[data-result]');
  if (!result) {
    const template = container.querySelector<HTMLTemplateElement>('[data-result-template]')!;
    container.append(template.content.cloneNode(true));
    result = container.querySelector<HTMLElement>('[data-result]')!;
  }
  return result;
}

function showResult(form: HTMLFormElement, settings: FormSettings, entry: ReturnType<typeof prepareEntry>, title: string) {
  const result = resultPanel(form)!;
  const out = <T extends HTMLElement>(name: string) => result.querySelector<T>(`[data-out="${name}"]`)!;
  const fileName = entry.filePath.slice(entry.filePath.lastIndexOf('/') + 1);
  out('filename').textContent = entry.filePath;
  out<HTMLTextAreaElement>('file').value = entry.file;
  const forge = out<HTMLAnchorElement>('forge');
  forge.href = newFileUrl(settings.repository, entry.filePath, entry.file);
  forge.textContent = `Proposer le fichier sur ${FORGE_NAMES[settings.repository.forge]}`;
  const subject = settings.type === 'providers' ? `Proposition de fiche : ${title}` : `Recommandation : ${title}`;
  out<HTMLAnchorElement>('mail').href = `mailto:${settings.contactEmail}?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(
    `Bonjour,\n\nVoici le fichier ${fileName} préparé avec le formulaire du site :\n\n${entry.file}`,
  )}`;
  const download = out<HTMLButtonElement>('download');
  download.onclick = () => {
    const link = document.createElement('a');
    link.href = URL.createObjectURL(new Blob([entry.file], { type: 'text/markdown;charset=utf-8' }));
    link.download = fileName;
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href), 1000);
  };
  const copy = out<HTMLButtonElement>('copy');
  const copied = out('copied');
  copy.onclick = async () => {
    const area = out<HTMLTextAreaElement>('file');
    try {
      await navigator.clipboard.writeText(entry.file);
      copied.textContent = 'Copié.';
    } catch {
      // Without access to the clipboard, the text is ready to copy by hand.
      area.focus();
      area.select();
      copied.textContent = 'Le texte est sélectionné\u00A0: copiez-le avec Ctrl+C (ou Cmd+C).';
    }
  };
  copied.textContent = '';
  const next = out('next');
  if (settings.type === 'providers') {
    // What makes the listing published: recommendations from the associations it accompanied.
    const link = new URL(href(routes.recommend(entry.id)), location.href).href;
    next.textContent = `Ensuite, envoyez ce lien aux associations que vous avez accompagnées, pour qu’elles vous recommandent : ${link}`;
    next.hidden = false;
  }
  result.hidden = false;
  out('heading').focus();
}

export async function submitEntry(form: HTMLFormElement) {
  const settings = JSON.parse(form.dataset.settings!) as FormSettings;
  // The structures the form offers: the published ones, and the one named by the page's link.
  const offered = [...form.querySelectorAll<HTMLOptionElement>('select[name="provider"] option')].map((o) => o.value).filter(Boolean);
  settings.context.providerIds = [...new Set([...settings.context.providerIds, ...offered])];
  clearErrors(form);
  const summary = form.querySelector<HTMLElement>('[data-summary]')!;
  summary.hidden = true;
  const answers = readForm(form);
  const entry = prepareEntry(settings, answers);
  if (entry.problems.length > 0) {
    const result = form.parentElement!.querySelector<HTMLElement>('[data-result]');
    if (result) result.hidden = true;
    showErrors(form, entry.problems);
    return;
  }
  const title = settings.type === 'providers' ? String(answers.data.name) : String((answers.data.association as { name: string }).name);
  showResult(form, settings, entry, title);
}
