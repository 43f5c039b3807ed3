/**
 * The rules that span files, and the warnings. Each rule is a small function
 * named for what it protects, and names the entry of the rules catalogue
 * (src/domain/rules/catalogue.ts) it enforces; all of them run on content
 * that already passed its schema.
 */
import type { Content, Entry } from '../content.ts';
import { isNamedForProvider, recommendationId } from '../entry-names.ts';
import { claimsGoalReached, isDelivered, milestonesTotal, pledgedTotal } from '../projects.ts';
import { isListingStale, isRecommendationStale, staleness } from '../staleness.ts';
import { bodyIssues, personalDataIssues } from './markdown.ts';
import { normaliseName } from '../text/normalise.ts';
import { countOf, plural, shortList } from '../text/format.ts';
import { formatPath, type Problem, type Severity } from '../problems.ts';
import { didYouMean } from './suggest.ts';
import type { Project } from '../../schemas/project.ts';
import type { Provider } from '../../schemas/provider.ts';
import type { Recommendation } from '../../schemas/recommendation.ts';
import { taxonomies, taxonomyNames, type TaxonomyName } from '../../schemas/taxonomies.ts';
import { CONTENT_FOLDER, entryTypeNames, entryTypes, SLUG_PATTERN, type EntryTypeName } from '../../schemas/index.ts';
import { arrayElement, metaOf, objectShape } from '../../schemas/introspect.ts';
import type { z } from 'zod';

export interface RuleContext {
  /** Today, `YYYY-MM-DD`: dates after it are in the future. */
  today: string;
  /** The départements a postcode is used in (from the INSEE data). */
  departmentsOfPostcode: (postcode: string) => ReadonlySet<string>;
}

type Report = (entry: Entry<unknown>, path: readonly PropertyKey[], message: string, severity?: Severity) => void;

const frenchDate = (day: string) => {
  const [y, m, d] = day.split('-');
  return `${d}/${m}/${y}`;
};

function reporter(problems: Problem[]): Report {
  return (entry, path, message, severity = 'error') => {
    const pos = entry.locate(path);
    problems.push({ file: entry.file, ...pos, path: formatPath(path), severity, message });
  };
}

/** references-resolve: every taxonomy slug resolves. */
function checkTerms(
  report: Report,
  entry: Entry<unknown>,
  path: readonly PropertyKey[],
  values: readonly string[],
  taxonomy: TaxonomyName,
  known: ReadonlySet<string>,
) {
  values.forEach((value, index) => {
    if (!known.has(value)) {
      report(
        entry,
        [...path, index],
        `« ${value} » n’est pas ${taxonomies[taxonomy].known}.${didYouMean(value, known)} Les valeurs possibles sont dans ${CONTENT_FOLDER}/${taxonomies[taxonomy].file}.`,
      );
    }
  });
}

function checkTaxonomies(content: Content, problems: Problem[]) {
  for (const name of taxonomyNames) {
    const seen = new Map<string, number>();
    const { file, locate, indices, termsAt } = content.taxonomyFiles[name];
    // unique-term-slugs
    content.taxonomies[name].forEach((term, position) => {
      // Terms refused by their schema are not in the list: point at the term's place in the file.
      const index = indices?.[position] ?? position;
      if (seen.has(term.slug)) {
        const path = [...termsAt, index, 'slug'];
        problems.push({
          file,
          ...locate(path),
          path: formatPath(path),
          severity: 'error',
          message: `l’identifiant « ${term.slug} » est déjà utilisé par l’élément ${seen.get(term.slug)! + 1} : chaque identifiant est unique.`,
        });
      } else seen.set(term.slug, index);
    });
  }
}

function checkProviders(content: Content, report: Report, ctx: RuleContext) {
  const bySiren = new Map<string, Entry<Provider>>();
  for (const provider of content.providers) {
    const p = provider.data;

    // postcode-in-department
    const departments = ctx.departmentsOfPostcode(p.location.postcode);
    if (!departments.has(p.location.department)) {
      report(
        provider,
        ['location', 'postcode'],
        departments.size === 0
          ? `le code postal « ${p.location.postcode} » n’existe pas : vérifiez-le sur l’adresse du siège.`
          : `le code postal « ${p.location.postcode} » n’appartient pas au département « ${p.location.department} » mais à ${[...departments].map((d) => `« ${d} »`).join(' ou ')} : corrigez l’un ou l’autre.`,
      );
    }

    // unique-siren: a SIREN identifies one structure.
    if (p.siren) {
      const other = bySiren.get(p.siren);
      if (other)
        report(
          provider,
          ['siren'],
          `le SIREN « ${p.siren} » est déjà celui de « ${other.data.name} » (${other.file}) : une structure n’a qu’une fiche.`,
        );
      else bySiren.set(p.siren, provider);
    }

    // dates-not-in-future
    for (const [field, label] of [
      ['updated', 'la date de relecture'],
      ['charter_signed', 'la date de signature de la charte'],
    ] as const) {
      const day = p[field];
      if (day && day > ctx.today) report(provider, [field], `${label} (${frenchDate(day)}) est dans le futur : indiquez une date passée.`);
    }
    if (p.trained && p.trained > Number(ctx.today.slice(0, 4))) {
      report(provider, ['trained'], `l’année de formation ${p.trained} est dans le futur.`);
    }

    // listing-stale (warning): a listing nobody reviewed for a while may be out of date.
    if (isListingStale(p.updated, ctx.today)) {
      report(provider, ['updated'], staleness.listingWarning(frenchDate(p.updated)), 'warning');
    }
  }
}

function checkRecommendations(content: Content, report: Report, ctx: RuleContext, known: KnownTerms) {
  const providers = new Map(content.providers.map((p) => [p.id, p]));
  const seenAssociations = new Map<string, Entry<Recommendation>>();

  for (const rec of content.recommendations) {
    const r = rec.data;
    const provider = providers.get(r.provider);
    // references-resolve. A provider whose own file is invalid is already reported there.
    if (!provider && !content.ids.providers.has(r.provider)) {
      report(
        rec,
        ['provider'],
        `aucune structure n’a l’identifiant « ${r.provider} ».${didYouMean(r.provider, providers.keys())} Le nom du fichier de la fiche (sans « .md ») est son identifiant.`,
      );
    }

    // dates-not-in-future, dates-in-order: nothing that already happened lies in the future.
    if (r.project.end > ctx.today) {
      report(
        rec,
        ['project', 'end'],
        `le projet se termine le ${frenchDate(r.project.end)}, dans le futur : une recommandation porte sur un accompagnement terminé.`,
      );
    }
    const verification = r.verification;
    if (verification.date) {
      if (verification.date > ctx.today) {
        report(rec, ['verification', 'date'], `la date de vérification (${frenchDate(verification.date)}) est dans le futur.`);
      } else if (verification.date < r.project.end) {
        report(
          rec,
          ['verification', 'date'],
          `la vérification (${frenchDate(verification.date)}) précède la fin du projet (${frenchDate(r.project.end)}) : on vérifie un accompagnement terminé.`,
        );
      }
    }

    // one-recommendation-per-association. The same
    // association is the same name (without case, accents or punctuation),
    // or the same RNA or SIREN number however the name is written.
    const identities = [
      ['name', `nom:${normaliseName(r.association.name)}`],
      ['rna', r.association.rna && `rna:${r.association.rna}`],
      ['siren', r.association.siren && `siren:${r.association.siren}`],
    ] as const;
    const repeated = identities.find(([, id]) => id && seenAssociations.has(`${r.provider}\u0000${id}`));
    if (repeated) {
      const first = seenAssociations.get(`${r.provider}\u0000${repeated[1]}`)!;
      const same =
        repeated[0] === 'name' ? '' : ` (même numéro ${repeated[0] === 'rna' ? 'RNA' : 'SIREN'} que « ${first.data.association.name} »)`;
      report(
        rec,
        ['association', repeated[0]],
        `« ${r.association.name} »${same} a déjà recommandé cette structure (${first.file}) : complétez la recommandation existante plutôt que d’en ajouter une.`,
      );
    } else {
      for (const [, id] of identities) if (id) seenAssociations.set(`${r.provider}\u0000${id}`, rec);
    }

    if (provider) {
      // no-self-recommendation
      const sameSiren = r.association.siren && provider.data.siren && r.association.siren === provider.data.siren;
      if (sameSiren || normaliseName(r.association.name) === normaliseName(provider.data.name)) {
        report(
          rec,
          ['association', sameSiren ? 'siren' : 'name'],
          `l’association a ${sameSiren ? 'le même SIREN' : 'le même nom'} que « ${provider.data.name} » : une structure ne peut pas se recommander elle-même, la recommandation doit venir d’une association qu’elle a accompagnée.`,
        );
      }
      // service-received-is-offered (warning)
      const offered = new Set(provider.data.services);
      r.project.services.forEach((service, index) => {
        if (known.services?.has(service) && !offered.has(service)) {
          report(
            rec,
            ['project', 'services', index],
            `« ${service} » ne figure pas parmi les services de « ${provider.data.name} » : la fiche de la structure est peut-être à compléter.`,
            'warning',
          );
        }
      });
      // recommendation-file-name (warning): <provider>--<association>.md.
      if (!isNamedForProvider(rec.id, r.provider)) {
        report(
          rec,
          [],
          `le fichier devrait s’appeler « ${recommendationId(r.provider, '<association>')}.md » (l’identifiant de la structure, deux tirets, puis celui de l’association).`,
          'warning',
        );
      }
    }

    // recommendation-stale (warning): an old verification should be renewed.
    if (verification.status === 'verified' && verification.date && isRecommendationStale(verification.date, ctx.today)) {
      report(rec, ['verification', 'date'], staleness.recommendationWarning(frenchDate(verification.date)), 'warning');
    }
  }
}

/**
 * What a recommendation says, checked even when its schema rejected it, so
 * that one run reports every problem: its ratings name exactly the criteria
 * of the taxonomy, and its testimony publishes nobody's contact details.
 */
function checkRecommendationTexts(content: Content, report: Report, known: KnownTerms) {
  const criteria = content.taxonomies.criteria.map((c) => c.slug);
  const recommendations = [
    ...content.recommendations,
    ...content.rejected.filter((r) => r.type === 'recommendations').map((r) => r.entry as Entry<Partial<Recommendation>>),
  ];
  for (const rec of recommendations) {
    // every-criterion-rated
    const ratings: unknown = rec.data.ratings;
    if (known.criteria && ratings && typeof ratings === 'object' && !Array.isArray(ratings)) {
      for (const key of Object.keys(ratings)) {
        // A key that is not even a slug was already refused by the schema.
        if (!known.criteria.has(key) && SLUG_PATTERN.test(key)) {
          report(
            rec,
            ['ratings', key],
            `« ${key} » n’est pas un critère connu.${didYouMean(key, criteria)} Critères possibles : ${criteria.join(', ')}.`,
          );
        }
      }
      for (const criterion of criteria) {
        if (!(criterion in ratings)) {
          report(
            rec,
            ['ratings'],
            `il manque la note du critère « ${criterion} » : ajoutez « ${criterion}: » suivi d’une note de 1 à 5, ou de « null » s’il ne vous concerne pas.`,
          );
        }
      }
    }
    // no-personal-data-in-recommendations
    for (const issue of personalDataIssues(rec.body)) {
      report({ ...rec, locate: () => ({ line: rec.bodyLine + issue.line - 1, column: issue.column }) }, ['body'], issue.message);
    }
    // No field either: the association's name, city or project title name nobody's address or phone.
    for (const { path, value } of stringFields(rec.data)) {
      if (path[0] === 'association' && path[1] === 'website') continue;
      if (personalDataIssues(value).length > 0) {
        report(
          rec,
          path,
          `ce champ contient une adresse e-mail ou un numéro de téléphone : retirez-le, une recommandation parle au nom de l’association et ne publie les coordonnées de personne.`,
        );
      }
    }
  }
}

/** Every text value of an entry's data, with its path. */
function stringFields(data: unknown, path: PropertyKey[] = []): Array<{ path: PropertyKey[]; value: string }> {
  if (typeof data === 'string') return [{ path, value: data }];
  if (Array.isArray(data)) return data.flatMap((item, index) => stringFields(item, [...path, index]));
  if (data && typeof data === 'object') return Object.entries(data).flatMap(([key, value]) => stringFields(value, [...path, key]));
  return [];
}

/** What a project announces adds up: milestones-add-up, status-matches-funding, and its references and dates. */
function checkProjects(content: Content, report: Report, ctx: RuleContext) {
  const providers = new Set(content.providers.map((p) => p.id));
  const euro = (n: number) => `${new Intl.NumberFormat('fr-FR').format(n)} €`;
  for (const project of content.projects) {
    const p: Project = project.data;
    if (p.maker && !providers.has(p.maker) && !content.ids.providers.has(p.maker)) {
      report(project, ['maker'], `aucune structure n’a l’identifiant « ${p.maker} ».${didYouMean(p.maker, providers)}`);
    }
    if (p.proposed > ctx.today) report(project, ['proposed'], `la date de proposition (${frenchDate(p.proposed)}) est dans le futur.`);
    if (p.milestones.length > 0) {
      const total = milestonesTotal(p.milestones);
      if (total !== p.goal_eur) {
        report(
          project,
          ['milestones'],
          `les étapes totalisent ${euro(total)} mais l’objectif (goal_eur) est de ${euro(p.goal_eur)} : ajustez les montants pour qu’ils soient égaux.`,
        );
      }
    }
    p.pledges.forEach((pledge, index) => {
      if (pledge.date > ctx.today)
        report(project, ['pledges', index, 'date'], `cette promesse est datée du ${frenchDate(pledge.date)}, dans le futur.`);
      else if (pledge.date < p.proposed)
        report(
          project,
          ['pledges', index, 'date'],
          `cette promesse (${frenchDate(pledge.date)}) précède la proposition du projet (${frenchDate(p.proposed)}).`,
        );
    });
    const pledged = pledgedTotal(p.pledges);
    if (claimsGoalReached(p.status) && pledged < p.goal_eur) {
      report(
        project,
        ['status'],
        `le statut « ${p.status} » suppose que l’objectif est atteint, mais les promesses totalisent ${euro(pledged)} sur ${euro(p.goal_eur)} : ajoutez les promesses ou gardez « en-financement ».`,
      );
    }
    if (isDelivered(p.status)) {
      p.milestones.forEach((m, index) => {
        if (!m.done)
          report(
            project,
            ['milestones', index, 'done'],
            `le projet est « livre » mais l’étape « ${m.title} » n’est pas terminée : cochez-la (done: true) ou changez le statut.`,
          );
      });
    }
  }
}

/** The slugs of each taxonomy; undefined when its file could not be read. */
type KnownTerms = Record<TaxonomyName, ReadonlySet<string> | undefined>;

/** Every entry, valid or rejected by its schema, with its type. */
function allEntries(content: Content): Array<{ type: EntryTypeName; entry: Entry<unknown> }> {
  return [...entryTypeNames.flatMap((type) => (content[type] as Entry<unknown>[]).map((entry) => ({ type, entry }))), ...content.rejected];
}

/** Where each entry type holds taxonomy slugs, read from the schemas' `taxonomy` hints. */
const termFields = new Map(entryTypeNames.map((type) => [type, taxonomyFields(entryTypes[type].schema)] as const));

function taxonomyFields(schema: z.core.$ZodType, path: string[] = []): Array<{ path: string[]; taxonomy: TaxonomyName }> {
  const shape = objectShape(schema);
  if (!shape) return [];
  return Object.entries(shape).flatMap(([key, field]) => {
    const taxonomy = metaOf(field).taxonomy;
    if (taxonomy && arrayElement(field)) return [{ path: [...path, key], taxonomy }];
    return taxonomyFields(field, [...path, key]);
  });
}

/** references-resolve: every taxonomy slug resolves, even in an entry its schema rejected. */
function checkAllTerms(content: Content, report: Report, known: KnownTerms) {
  for (const { type, entry } of allEntries(content)) {
    for (const field of termFields.get(type) ?? []) {
      const value = valueAt(entry.data, field.path);
      const terms = known[field.taxonomy];
      if (terms && Array.isArray(value) && value.every((v) => typeof v === 'string')) {
        checkTerms(report, entry, field.path, value, field.taxonomy, terms);
      }
    }
  }
}

/** The files named on a vocabulary's file, at most: the committee needs the first ones, not ten thousand. */
const TERM_USERS_SHOWN = 10;

/**
 * vocabulary-terms-in-use: a term missing from its vocabulary while files
 * use it is said on the vocabulary's file too, naming those files, so that
 * whoever removes a term learns at once what still depends on it (each file
 * also gets its own « n’est pas … connu »).
 */
function checkTermsInUse(content: Content, problems: Problem[], known: KnownTerms) {
  const missing = termUsers(content, (taxonomy, slug) => !!known[taxonomy] && !known[taxonomy].has(slug));
  for (const [taxonomy, bySlug] of missing) {
    const { file, locate, termsAt } = content.taxonomyFiles[taxonomy];
    for (const [slug, files] of bySlug) {
      const n = files.length;
      problems.push({
        file,
        ...locate(termsAt, true),
        path: formatPath(termsAt),
        severity: 'error',
        message: `${taxonomies[taxonomy].term} « ${slug} » n’est pas (ou plus) dans cette liste, mais ${countOf(n, 'fichier', 'fichiers')} ${plural(n, 'l’utilise', 'l’utilisent')} : ${shortList(files, TERM_USERS_SHOWN)} ; remettez-le dans la liste s’il en a été retiré, sinon corrigez ${plural(n, 'ce fichier', 'ces fichiers')}.`,
      });
    }
  }
}

/**
 * The files that use each term `wanted` picks, by vocabulary and slug, in
 * file order: an entry's term fields, and a recommendation's ratings (a
 * criterion is the key of a rating). Entries rejected by their schema count:
 * they still name the term. A value that is not even a slug is left out: it
 * is a typing mistake of its file, refused there.
 */
export function termUsers(
  content: Content,
  wanted: (taxonomy: TaxonomyName, slug: string) => boolean,
): Map<TaxonomyName, Map<string, string[]>> {
  const users = new Map<TaxonomyName, Map<string, Set<string>>>();
  const use = (taxonomy: TaxonomyName, slug: string, file: string) => {
    if (!SLUG_PATTERN.test(slug) || !wanted(taxonomy, slug)) return;
    let bySlug = users.get(taxonomy);
    if (!bySlug) users.set(taxonomy, (bySlug = new Map()));
    let files = bySlug.get(slug);
    if (!files) bySlug.set(slug, (files = new Set()));
    files.add(file);
  };
  for (const { type, entry } of allEntries(content)) {
    for (const field of termFields.get(type) ?? []) {
      const value = valueAt(entry.data, field.path);
      if (Array.isArray(value)) for (const v of value) if (typeof v === 'string') use(field.taxonomy, v, entry.file);
    }
    const ratings = type === 'recommendations' ? valueAt(entry.data, ['ratings']) : undefined;
    if (ratings && typeof ratings === 'object' && !Array.isArray(ratings))
      for (const key of Object.keys(ratings)) use('criteria', key, entry.file);
  }
  return new Map(
    [...users].map(([taxonomy, bySlug]) => [taxonomy, new Map([...bySlug].map(([slug, files]) => [slug, [...files].sort()]))] as const),
  );
}

function valueAt(data: unknown, path: readonly string[]): unknown {
  let value = data;
  for (const key of path) value = value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
  return value;
}

/** no-raw-html, safe-markdown-links: bodies hold Markdown text only, with safe links. */
function checkBodies(content: Content, report: Report) {
  for (const { entry } of allEntries(content)) {
    for (const issue of bodyIssues(entry.body)) {
      report({ ...entry, locate: () => ({ line: entry.bodyLine + issue.line - 1, column: issue.column }) }, ['body'], issue.message);
    }
  }
}

/** Every cross-file rule and warning, on content that passed its schemas. */
export function checkRules(content: Content, ctx: RuleContext): Problem[] {
  const problems: Problem[] = [];
  const report = reporter(problems);
  const terms = (name: TaxonomyName) =>
    content.taxonomyFiles[name]?.unreadable ? undefined : new Set<string>(content.taxonomies[name].map((t) => t.slug));
  const known = Object.fromEntries(taxonomyNames.map((name) => [name, terms(name)])) as KnownTerms;
  checkTaxonomies(content, problems);
  checkProviders(content, report, ctx);
  checkRecommendations(content, report, ctx, known);
  checkRecommendationTexts(content, report, known);
  checkProjects(content, report, ctx);
  checkAllTerms(content, report, known);
  checkTermsInUse(content, problems, known);
  checkBodies(content, report);
  return problems;
}
