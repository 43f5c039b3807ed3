/**
 * The dead and moved links in the committee's « relecture » issue: grouped
 * by file, each file with the CMS page that edits it (a vocabulary of the
 * older shape, which the CMS cannot edit, with the forge's page for the file).
 */
import type { Content, Entry } from '../domain/content.ts';
import { absoluteUrl, routes } from '../domain/routes.ts';
import type { LinkProblem } from '../links/index.ts';
import { entryTypeNames, taxonomyNames, type EntryTypeName } from '../schemas/index.ts';
import { VOCABULARIES_COLLECTION } from '../cms/config.ts';
import { editUrl } from './stale.ts';
import { fr, markdown } from './text.ts';

/** What the issue needs of a link warning: the fields of `npm run links -- --json`. */
export type LinkItem = Pick<LinkProblem, 'file' | 'line' | 'column' | 'path' | 'message'> & { field?: string };

/** Where each file of the content is edited: the CMS for entries and vocabularies, the forge for a vocabulary it cannot edit. */
export function editPages(content: Content): Map<string, { url: string; cms: boolean }> {
  const pages = new Map<string, { url: string; cms: boolean }>();
  const site = content.settings?.site_url;
  if (site) {
    for (const collection of entryTypeNames as EntryTypeName[]) {
      for (const entry of content[collection] as Entry<unknown>[])
        pages.set(entry.file, { url: absoluteUrl(site, routes.adminEntry(collection, entry.id)), cms: true });
    }
  }
  for (const name of taxonomyNames) {
    const where = content.taxonomyFiles[name];
    if (!where) continue;
    if (site && !where.legacy && !where.unreadable) {
      pages.set(where.file, { url: absoluteUrl(site, routes.adminEntry(VOCABULARIES_COLLECTION, name)), cms: true });
      continue;
    }
    const url = editUrl(content.settings, where.file);
    if (url) pages.set(where.file, { url, cms: false });
  }
  return pages;
}

export function formatLinksMarkdown(items: readonly LinkItem[], content: Content): string {
  const out: string[] = [`## Liens à corriger (${items.length})`, ''];
  out.push(
    'Liens vers d’autres sites qui ne mènent plus à la bonne page. Ouvrez l’entrée, corrigez l’adresse (ou retirez le lien), puis enregistrez. Un site injoignable ou en erreur peut n’être qu’en panne passagère : attendez la liste de la semaine suivante avant de retirer son lien. Le guide du comité dit quoi faire dans chaque cas.',
    '',
  );
  if (items.length === 0) {
    out.push('Aucun : tous les liens répondent.', '');
    return out.join('\n');
  }
  const pages = editPages(content);
  const byFile = new Map<string, LinkItem[]>();
  for (const item of items) byFile.set(item.file, [...(byFile.get(item.file) ?? []), item]);
  for (const [file, list] of [...byFile].sort(([a], [b]) => a.localeCompare(b))) {
    const page = pages.get(file);
    const action = page ? ` · [${page.cms ? 'modifier dans l’outil de gestion du contenu' : 'modifier le fichier'}](${page.url})` : '';
    out.push(`### ${markdown(fr`${file}`)}${action}`, '');
    for (const item of [...list].sort((a, b) => a.line - b.line || a.column - b.column)) {
      const where = item.field ? fr`ligne ${item.line}, champ « ${item.field} »` : fr`ligne ${item.line}, ${item.path}`;
      // The message holds the contributor's address: escaped whole, it reads the same and links nowhere unexpected.
      out.push(`- [ ] ${markdown(where)} : ${markdown([{ value: item.message }])}`);
    }
    out.push('');
  }
  return out.join('\n');
}

/** The same list on a terminal (`npm run stale -- --links FICHIER`). */
export function formatLinksText(items: readonly LinkItem[]): string {
  const out = [`Liens à corriger (${items.length})`];
  for (const item of items) out.push(`  ${item.file}:${item.line}:${item.column} ${item.message}`);
  return out.join('\n');
}
