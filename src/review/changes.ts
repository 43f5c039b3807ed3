/**
 * What a pull request changes in the content, as the committee needs it:
 * entries added, changed and removed, what becomes visible on the site or
 * stops being, and every problem the check finds on the proposed side.
 * Pure: both sides come already loaded and checked.
 */
import type { Content } from '../domain/content.ts';
import { buildDirectory, type Directory } from '../domain/directory/index.ts';
import { fundingProgress, type FundingProgress } from '../domain/projects.ts';
import { providerOfRecommendationId } from '../domain/entry-names.ts';
import type { Problem } from '../domain/problems.ts';
import { countOf, formatEuros, shortList } from '../domain/text/format.ts';
import { termUsers } from '../domain/rules/index.ts';
import { entryTypes, entryTypeNames, SETTINGS_FILE, settingsSchema, type EntryTypeName } from '../schemas/index.ts';
import { taxonomies, taxonomyNames, TERMS_KEY, type TaxonomyName } from '../schemas/taxonomies.ts';
import { schemaAt } from '../schemas/introspect.ts';
import { projectSchema } from '../schemas/project.ts';
import { providerSchema } from '../schemas/provider.ts';
import { recommendationSchema } from '../schemas/recommendation.ts';
import { describeArea, describeList, describeScalar, mergeVocabularies, providerName, type Vocabulary } from './describe.ts';
import { allFields, deepEqual, fieldChanges } from './fields.ts';
import { fr, joinRich, type Rich } from './text.ts';

/** One side of the comparison: the content as the check loaded it, and its files. */
export interface ReviewSide {
  /** What the side is called in the report: « origin/main », « la copie de travail ». */
  label: string;
  content: Content;
  problems: Problem[];
  /** Every file of the content folder (path as shown in messages) → a hash of its bytes. */
  files: ReadonlyMap<string, string>;
}

export interface ReviewInput {
  base: ReviewSide;
  head: ReviewSide;
  /** The content folder as file paths show it: `content`. */
  contentRoot: string;
  /** The day staleness and publication are computed for. */
  today: string;
}

export type ChangeCategory = EntryTypeName | 'taxonomies' | 'settings' | 'files';
export type ChangeKind = 'added' | 'modified' | 'removed';

export interface Change {
  category: ChangeCategory;
  kind: ChangeKind;
  file: string;
  /** The one line that says what happens. */
  headline: Rich;
  /** Field by field, for the curious. */
  details: Rich[];
  /** The proposed version of this file has at least one error. */
  broken: boolean;
}

export interface Review {
  base: string;
  head: string;
  changes: Change[];
  /** Providers and recommendations that appear on or leave the public site. */
  publication: Rich[];
  /** Every problem of the proposed side; `inChange` when it is in a changed file or new with this change. */
  problems: Array<Problem & { inChange: boolean }>;
  errors: number;
  warnings: number;
  changedFiles: string[];
}

/** Order of the sections: what the committee reviews most often first. */
export const categoryOrder: ChangeCategory[] = [
  'providers',
  'recommendations',
  'projects',
  'resources',
  'partners',
  'pages',
  'taxonomies',
  'settings',
  'files',
];

export const categoryTitles: Record<ChangeCategory, string> = {
  ...(Object.fromEntries(entryTypeNames.map((name) => [name, entryTypes[name].labelPlural])) as Record<EntryTypeName, string>),
  taxonomies: 'Vocabulaires',
  settings: 'Réglages du site',
  files: 'Autres fichiers',
};

/** The state of one entry on one side. */
interface EntryState {
  data: unknown;
  body: string;
  /** It passed its schema (its data has the schema's defaults). */
  valid: boolean;
  /** The file could not even be read as YAML. */
  readable: boolean;
}

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function entriesOf(content: Content, type: EntryTypeName): Map<string, EntryState> {
  const map = new Map<string, EntryState>();
  for (const entry of content[type]) map.set(entry.id, { data: entry.data, body: entry.body, valid: true, readable: true });
  for (const { type: t, entry } of content.rejected) {
    if (t === type) map.set(entry.id, { data: entry.data, body: entry.body, valid: false, readable: true });
  }
  return map;
}

function vocabularyOf(content: Content): Vocabulary {
  const providerNames = new Map<string, string>();
  for (const entry of content.providers) providerNames.set(entry.id, entry.data.name);
  for (const { type, entry } of content.rejected) {
    const name = text(record(entry.data).name);
    if (type === 'providers' && name) providerNames.set(entry.id, name);
  }
  return { taxonomies: content.taxonomies, providerNames };
}

// ---------------------------------------------------------------------------
// Headlines, one per kind of entry

const statusSchema = schemaAt(recommendationSchema, ['verification', 'status']);
const methodSchema = schemaAt(recommendationSchema, ['verification', 'method']);

function verificationText(data: unknown, vocabulary: Vocabulary): Rich {
  const v = record(record(data).verification);
  const status = text(v.status) ?? 'pending';
  const statusLabel = lowerFirst(describeScalar(statusSchema, status, vocabulary));
  if (status === 'pending') return fr`statut ${statusLabel}`;
  const by = text(v.by) ?? '(qui ?)';
  const date = text(v.date) ? describeScalar(schemaAt(recommendationSchema, ['verification', 'date']), v.date, vocabulary) : '(date ?)';
  const method = text(v.method) ? lowerFirst(describeScalar(methodSchema, v.method, vocabulary)) : 'méthode ?';
  return fr`statut ${statusLabel} par ${by} le ${date} (${method})`;
}

function recommendationParties(id: string, data: unknown, vocabulary: Vocabulary): { association: string; provider: string } {
  const d = record(data);
  const slug = text(d.provider) ?? providerOfRecommendationId(id) ?? id;
  return { association: text(record(d.association).name) ?? id, provider: providerName(vocabulary, slug) };
}

function providerSummary(data: unknown, vocabulary: Vocabulary): Rich {
  const d = record(data);
  const parts: Rich[] = [];
  const structure = text(d.structure) ? describeScalar(providerSchema.shape.structure, d.structure, vocabulary) : undefined;
  const city = text(record(d.location).city);
  if (structure || city) parts.push(fr`${[structure, city].filter(Boolean).join(', ')}`);
  if (Array.isArray(d.services) && d.services.length > 0) {
    parts.push(fr`services : ${describeList(undefined, d.services, vocabulary, providerSchema.shape.services).join(', ')}`);
  }
  parts.push(fr`zone : ${describeArea(d.area)}`);
  return joinRich(parts, ' ; ');
}

function fundingText(f: FundingProgress, goal: number): Rich {
  const percent = Math.round(f.ratio * 100);
  return fr`${formatEuros(f.pledged)} promis sur ${formatEuros(goal)} (${percent} %), dont ${formatEuros(f.paid)} versés`;
}

function projectFunding(state: EntryState | undefined): { progress: FundingProgress; goal: number } | undefined {
  if (!state?.valid) return undefined;
  const data = state.data as Parameters<typeof fundingProgress>[0];
  return { progress: fundingProgress(data), goal: data.goal_eur };
}

function projectSummary(state: EntryState, vocabulary: Vocabulary): Rich {
  const d = record(state.data);
  const parts: Rich[] = [];
  const kind = text(d.kind) ? describeScalar(projectSchema.shape.kind, d.kind, vocabulary) : undefined;
  const software = text(record(d.software).name);
  if (kind || software) parts.push(fr`${[kind, software].filter(Boolean).join(', ')}`);
  if (text(d.status)) parts.push(fr`statut : ${lowerFirst(describeScalar(projectSchema.shape.status, d.status, vocabulary))}`);
  const funding = projectFunding(state);
  if (funding) parts.push(fundingText(funding.progress, funding.goal));
  return joinRich(parts, ' ; ');
}

/** Editorial entries: how each is named, with its French gender. */
const editorialPhrases: Record<'resources' | 'partners' | 'pages', Record<ChangeKind, string>> = {
  resources: { added: 'Nouvelle ressource', modified: 'Ressource modifiée', removed: 'Ressource supprimée' },
  partners: { added: 'Nouveau partenaire', modified: 'Partenaire modifié', removed: 'Partenaire supprimé' },
  pages: { added: 'Nouvelle page', modified: 'Page modifiée', removed: 'Page supprimée' },
};

function headline(
  type: EntryTypeName,
  kind: ChangeKind,
  id: string,
  before: EntryState | undefined,
  after: EntryState | undefined,
  vocabulary: Vocabulary,
): Rich {
  // An unreadable file has no data: name it from the other side, else by its file name.
  const current = (kind === 'removed' ? before : after) ?? before ?? after ?? { data: undefined, body: '', valid: false, readable: false };
  const d = record(current.data);
  switch (type) {
    case 'providers': {
      const name = text(d.name) ?? id;
      if (kind === 'added') return fr`Nouveau prestataire : ${name} (${providerSummary(current.data, vocabulary)})`;
      if (kind === 'removed') return fr`Prestataire supprimé : ${name}`;
      return fr`Fiche modifiée : ${name}`;
    }
    case 'recommendations': {
      const { association, provider } = recommendationParties(id, current.data, vocabulary);
      if (kind === 'added')
        return fr`Nouvelle recommandation de ${association} pour ${provider} : ${verificationText(current.data, vocabulary)}`;
      if (kind === 'removed') return fr`Recommandation supprimée : de ${association} pour ${provider}`;
      if (!deepEqual(record(before?.data).verification, d.verification)) {
        return fr`Recommandation de ${association} pour ${provider} : ${verificationText(current.data, vocabulary)}`;
      }
      return fr`Recommandation modifiée : de ${association} pour ${provider}`;
    }
    case 'projects': {
      const title = text(d.title) ?? id;
      if (kind === 'added') return fr`Nouveau projet à co-financer : ${title} (${projectSummary(current, vocabulary)})`;
      if (kind === 'removed') return fr`Projet supprimé : ${title}`;
      return fr`Projet modifié : ${title}`;
    }
    default: {
      const title = text(d.title) ?? text(d.name) ?? id;
      return fr`${editorialPhrases[type][kind]} : ${title}`;
    }
  }
}

function bodyNoun(type: EntryTypeName): string {
  const noun = (entryTypes[type] as { body?: { noun: string } }).body?.noun ?? 'le texte';
  return capitalise(noun.replace(/^(la |le |l’|l')/, ''));
}

function entryChange(
  type: EntryTypeName,
  id: string,
  file: string,
  before: EntryState | undefined,
  after: EntryState | undefined,
  vocabulary: Vocabulary,
  broken: boolean,
): Change {
  const kind: ChangeKind = !before ? 'added' : !after ? 'removed' : 'modified';
  const schema = entryTypes[type].schema;
  const details: Rich[] = [];
  const unreadable = (kind !== 'removed' && after && !after.readable) || (kind !== 'added' && before && !before.readable);
  if (unreadable) {
    details.push(fr`Le fichier ne peut pas être lu : voir les erreurs ci-dessous.`);
  } else if (kind === 'added') {
    details.push(...allFields(schema, after!.data, vocabulary));
    if (after!.body.trim()) details.push(fr`${bodyNoun(type)} : ${[...after!.body.trim()].length} caractères`);
  } else if (kind === 'modified') {
    if (type === 'projects') {
      const a = projectFunding(before);
      const b = projectFunding(after);
      if (a && b && (a.progress.pledged !== b.progress.pledged || a.progress.paid !== b.progress.paid || a.goal !== b.goal)) {
        details.push(fr`Financement : ${fundingText(a.progress, a.goal)} → ${fundingText(b.progress, b.goal)}`);
      }
    }
    details.push(...fieldChanges(schema, before!.data, after!.data, vocabulary));
    const x = before!.body.trim();
    const y = after!.body.trim();
    if (x !== y) details.push(fr`${bodyNoun(type)} : texte modifié (${[...x].length} → ${[...y].length} caractères)`);
  }
  const title = headline(type, kind, id, before?.readable ? before : undefined, after?.readable ? after : undefined, vocabulary);
  return { category: type, kind, file, headline: title, details, broken };
}

/** Which kind of content a file of the content folder holds. */
function classify(relative: string): { category: ChangeCategory; type?: EntryTypeName; taxonomy?: TaxonomyName; id?: string } {
  const taxonomy = taxonomyNames.find((name) => taxonomies[name].file === relative);
  if (taxonomy) return { category: 'taxonomies', taxonomy };
  if (relative === SETTINGS_FILE) return { category: 'settings' };
  const match = /^([^/]+)\/([^/]+)$/.exec(relative);
  if (match && (entryTypeNames as string[]).includes(match[1]!)) {
    const type = match[1] as EntryTypeName;
    const extension = entryTypes[type].format === 'markdown' ? /\.md$/ : /\.ya?ml$/;
    if (extension.test(match[2]!)) return { category: type, type, id: match[2]!.replace(extension, '') };
  }
  return { category: 'files' };
}

function taxonomyChange(name: TaxonomyName, file: string, base: Content, head: Content, vocabulary: Vocabulary, broken: boolean): Change {
  const before = new Map(base.taxonomies[name].map((t) => [t.slug, t]));
  const after = new Map(head.taxonomies[name].map((t) => [t.slug, t]));
  const removed = new Set([...before.keys()].filter((slug) => !after.has(slug)));
  // A term taken out while files still use it: the check refuses it, the review says why.
  const stillUsed = termUsers(head, (taxonomy, slug) => taxonomy === name && removed.has(slug)).get(name) ?? new Map<string, string[]>();
  const details: Rich[] = [];
  if (base.taxonomyFiles[name]?.legacy && !head.taxonomyFiles[name]?.legacy && !head.taxonomyFiles[name]?.unreadable) {
    details.push(fr`Fichier mis à la forme « ${TERMS_KEY}: » : le comité peut désormais le modifier dans le CMS`);
  }
  for (const [slug, term] of after) {
    const old = before.get(slug);
    if (!old) details.push(fr`Terme ajouté : ${term.label} (${slug})`);
    else for (const line of fieldChanges(taxonomies[name].schema, old, term, vocabulary)) details.push([...fr`Terme ${slug} › `, ...line]);
  }
  for (const [slug, term] of before) {
    if (after.has(slug)) continue;
    const users = stillUsed.get(slug);
    details.push(
      users
        ? fr`Terme retiré : ${term.label} (${slug}) — valeur retirée alors qu’elle est utilisée par ${countOf(users.length, 'fichier', 'fichiers')} : ${shortList(users, 10)}`
        : fr`Terme retiré : ${term.label} (${slug})`,
    );
  }
  return {
    category: 'taxonomies',
    kind: 'modified',
    file,
    headline: fr`Vocabulaire « ${taxonomies[name].title} » modifié`,
    details,
    broken,
  };
}

// ---------------------------------------------------------------------------
// Publication: compare the directory the site is built from, on both sides

function publicationChanges(base: Directory, head: Directory, headContent: Content): Rich[] {
  const lines: Rich[] = [];
  const before = new Map(base.providers.map((p) => [p.id, p]));
  const after = new Map(head.providers.map((p) => [p.id, p]));
  const present = new Set(headContent.providers.map((p) => p.id));
  const rejected = new Set(headContent.rejected.filter((r) => r.type === 'providers').map((r) => r.entry.id));
  for (const [id, provider] of after) {
    if (before.has(id)) continue;
    const first = provider.recommendations[0];
    const because = first ? fr` (recommandation vérifiée de ${first.data.association.name})` : [];
    lines.push(fr`Sera publié : ${provider.data.name}${because}`);
  }
  for (const [id, provider] of before) {
    if (after.has(id)) continue;
    const why = rejected.has(id) ? 'sa fiche est en erreur' : !present.has(id) ? 'fiche supprimée' : 'plus aucune recommandation vérifiée';
    lines.push(fr`Ne sera plus publié : ${provider.data.name} (${why})`);
  }
  for (const [id, provider] of after) {
    const old = before.get(id);
    if (!old) continue;
    const was = new Set(old.recommendations.map((r) => r.id));
    const is = new Set(provider.recommendations.map((r) => r.id));
    for (const r of provider.recommendations) {
      if (!was.has(r.id))
        lines.push(fr`Nouvelle recommandation affichée sur la fiche de ${provider.data.name} : ${r.data.association.name}`);
    }
    for (const r of old.recommendations) {
      if (!is.has(r.id)) lines.push(fr`Recommandation retirée de la fiche de ${old.data.name} : ${r.data.association.name}`);
    }
  }
  const projectsBefore = new Set(base.projects.map((p) => p.id));
  const projectsAfter = new Set(head.projects.map((p) => p.id));
  for (const p of head.projects) if (!projectsBefore.has(p.id)) lines.push(fr`Nouveau projet affiché : ${p.data.title}`);
  for (const p of base.projects) if (!projectsAfter.has(p.id)) lines.push(fr`Projet retiré du site : ${p.data.title}`);
  return lines;
}

// ---------------------------------------------------------------------------

export function buildReview(input: ReviewInput): Review {
  const { base, head, contentRoot, today } = input;
  const prefix = contentRoot === '' || contentRoot === '.' ? '' : `${contentRoot.replace(/\/$/, '')}/`;
  const changedFiles = [...new Set([...base.files.keys(), ...head.files.keys()])]
    .filter((file) => base.files.get(file) !== head.files.get(file))
    .sort();
  const vocabulary = mergeVocabularies(vocabularyOf(base.content), vocabularyOf(head.content));
  const errorFiles = new Set(head.problems.filter((p) => p.severity === 'error').map((p) => p.file));
  const entryMaps = new Map<EntryTypeName, { before: Map<string, EntryState>; after: Map<string, EntryState> }>();
  const mapsFor = (type: EntryTypeName) => {
    let maps = entryMaps.get(type);
    if (!maps) entryMaps.set(type, (maps = { before: entriesOf(base.content, type), after: entriesOf(head.content, type) }));
    return maps;
  };
  const unreadable: EntryState = { data: undefined, body: '', valid: false, readable: false };

  const changes: Change[] = [];
  for (const file of changedFiles) {
    const relative = file.startsWith(prefix) ? file.slice(prefix.length) : file;
    const inBase = base.files.has(file);
    const inHead = head.files.has(file);
    const kind: ChangeKind = !inBase ? 'added' : !inHead ? 'removed' : 'modified';
    const broken = errorFiles.has(file);
    const what = classify(relative);
    if (what.type && what.id) {
      const maps = mapsFor(what.type);
      const before = inBase ? (maps.before.get(what.id) ?? unreadable) : undefined;
      const after = inHead ? (maps.after.get(what.id) ?? unreadable) : undefined;
      changes.push(entryChange(what.type, what.id, file, before, after, vocabulary, broken));
    } else if (what.taxonomy) {
      changes.push(taxonomyChange(what.taxonomy, file, base.content, head.content, vocabulary, broken));
    } else if (what.category === 'settings') {
      changes.push({
        category: 'settings',
        kind,
        file,
        headline: fr`Réglages du site modifiés`,
        details: fieldChanges(settingsSchema, base.content.settings, head.content.settings, vocabulary),
        broken,
      });
    } else {
      const verb = { added: 'Fichier ajouté', modified: 'Fichier modifié', removed: 'Fichier supprimé' }[kind];
      changes.push({ category: 'files', kind, file, headline: fr`${verb} : ${file}`, details: [], broken });
    }
  }
  changes.sort(
    (a, b) =>
      categoryOrder.indexOf(a.category) - categoryOrder.indexOf(b.category) ||
      ['added', 'modified', 'removed'].indexOf(a.kind) - ['added', 'modified', 'removed'].indexOf(b.kind) ||
      a.file.localeCompare(b.file),
  );

  const publication = publicationChanges(buildDirectory(base.content, today), buildDirectory(head.content, today), head.content);
  const changed = new Set(changedFiles);
  // A problem belongs to this change when it is in a changed file, or did not exist before it.
  const key = (p: Problem) => `${p.severity}\u0000${p.file}\u0000${p.path}\u0000${p.message}`;
  const before = new Set(base.problems.map(key));
  const problems = head.problems
    .map((p) => ({ ...p, inChange: changed.has(p.file) || !before.has(key(p)) }))
    // Stable sort: the check's own order (errors first) is kept within each group.
    .sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1) || Number(b.inChange) - Number(a.inChange));
  const errors = problems.filter((p) => p.severity === 'error').length;
  return { base: base.label, head: head.label, changes, publication, problems, errors, warnings: problems.length - errors, changedFiles };
}
