/**
 * What the committee should have re-read: published listings not reviewed
 * for 18 months, and verified recommendations older than 36 months. The
 * scheduled workflow keeps one issue up to date with this list.
 */
import type { Content, Entry } from '../domain/content.ts';
import { buildDirectory, type ListedProvider } from '../domain/directory/index.ts';
import { staleness } from '../domain/staleness.ts';
import { formatDate } from '../domain/text/format.ts';
import type { Recommendation } from '../schemas/recommendation.ts';
import type { Settings } from '../schemas/editorial.ts';
import { metaOf, schemaAt } from '../schemas/introspect.ts';
import { recommendationSchema } from '../schemas/recommendation.ts';
import { fr, markdown, plain, type Rich } from './text.ts';
import { editFileUrl } from '../domain/forge.ts';
import { absoluteUrl, routes } from '../domain/routes.ts';

export interface StaleItem {
  file: string;
  /** The line that names it: « Pixels et Partage (exemple) — fiche relue le 10 mars 2025 ». */
  line: Rich;
  /** Public page, when the item is on the site. */
  page?: string;
  /** The file's edit page on the forge. */
  edit?: string;
}

export interface StaleReport {
  today: string;
  listings: StaleItem[];
  recommendations: StaleItem[];
}

function profileUrl(settings: Settings | undefined, provider: string): string | undefined {
  return settings ? absoluteUrl(settings.site_url, routes.provider(provider)) : undefined;
}

/** The forge's page that edits a file of the published branch, when the settings name the forge. */
export function editUrl(settings: Settings | undefined, file: string): string | undefined {
  return settings ? editFileUrl(settings.repository, file) : undefined;
}

export function staleReport(content: Content, today: string): StaleReport {
  const directory = buildDirectory(content, today);
  const names = new Map(content.providers.map((p) => [p.id, p.data.name]));
  const files = new Map(content.providers.map((p) => [p.id, p.file]));
  const methodLabels = metaOf(schemaAt(recommendationSchema, ['verification', 'method'])!).labels ?? {};
  const listings = [...directory.staleProviders]
    .sort((a, b) => a.data.updated.localeCompare(b.data.updated))
    .map((p: ListedProvider) => {
      const file = files.get(p.id)!;
      return {
        file,
        line: fr`${p.data.name} — fiche relue le ${formatDate(p.data.updated)}`,
        page: profileUrl(content.settings, p.id),
        edit: editUrl(content.settings, file),
      };
    });
  const recommendations = [...directory.staleRecommendations]
    .sort((a, b) => (a.data.verification.date ?? '').localeCompare(b.data.verification.date ?? ''))
    .map((r: Entry<Recommendation>) => {
      const v = r.data.verification;
      const method = v.method ? (methodLabels[v.method] ?? v.method).toLowerCase() : '';
      return {
        file: r.file,
        line: [
          ...fr`${r.data.association.name} pour ${names.get(r.data.provider) ?? r.data.provider} — vérifiée le ${v.date ? formatDate(v.date) : '?'} par ${v.by ?? '?'}`,
          ...(method ? fr` (${method})` : []),
        ],
        page: profileUrl(content.settings, r.data.provider),
        edit: editUrl(content.settings, r.file),
      };
    });
  return { today, listings, recommendations };
}

export function staleCount(report: StaleReport): number {
  return report.listings.length + report.recommendations.length;
}

export function formatStaleText(report: StaleReport): string {
  const out: string[] = [];
  out.push(`${staleness.listingsTitle} (${report.listings.length})`);
  for (const item of report.listings) out.push(`  ${plain(item.line)}  [${item.file}]`);
  out.push('', `${staleness.recommendationsTitle} (${report.recommendations.length})`);
  for (const item of report.recommendations) out.push(`  ${plain(item.line)}  [${item.file}]`);
  if (staleCount(report) === 0) out.push('', 'Rien à relire pour le moment.');
  return out.join('\n');
}

function markdownItem(item: StaleItem): string {
  const links = [item.page ? `[voir la page](${item.page})` : '', item.edit ? `[modifier le fichier](${item.edit})` : ''].filter(Boolean);
  return `- [ ] ${markdown(item.line)}${links.length ? ` · ${links.join(' · ')}` : ''}`;
}

/** The body of the committee's « relecture » issue. */
export function formatStaleMarkdown(report: StaleReport): string {
  const out: string[] = [];
  out.push(
    `Cette liste est réécrite automatiquement chaque semaine (dernière mise à jour : ${formatDate(report.today)}). Cochez une ligne quand vous vous en occupez ; elle disparaît dès que le fichier corrigé est sur la branche principale.`,
    '',
  );
  out.push(`## Fiches à faire relire (${report.listings.length})`, '');
  out.push(staleness.listingsToReview, '');
  if (report.listings.length === 0) out.push('Aucune.');
  for (const item of report.listings) out.push(markdownItem(item));
  out.push('', `## Recommandations à vérifier à nouveau (${report.recommendations.length})`, '');
  out.push(staleness.recommendationsToReview, '');
  if (report.recommendations.length === 0) out.push('Aucune.');
  for (const item of report.recommendations) out.push(markdownItem(item));
  out.push('');
  return out.join('\n');
}
