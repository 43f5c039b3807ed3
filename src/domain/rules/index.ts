/**
 * The rules that span files, and the warnings. Each rule is a small function
 * named for what it protects, and names the entry of the rules catalogue
 * (src/domain/rules/catalogue.ts) it enforces. The rules about one entry
 * alone (all-entries.ts) run on every entry, even one its schema rejected:
 * those of its file alone (`checkFileRules`, which the check keeps in its
 * cache) and those that read the day, the vocabularies and the structures;
 * the rules across files, below, on content that passed its schemas.
 */
import type { Content, Entry } from '../content.ts';
import { isNamedForProvider, recommendationId } from '../entry-names.ts';
import { claimsGoalReached, isDelivered, milestonesTotal, pledgedTotal } from '../projects.ts';
import { bodyIssues } from './markdown.ts';
import { normaliseName } from '../text/normalise.ts';
import { countOf, plural, shortList } from '../text/format.ts';
import { formatPath, type Problem } from '../problems.ts';
import { frenchDate, reporter, termFieldsOf, type EntryRuleContext, type Report } from './entry.ts';
import { checkEntryFileRules, checkEntryRules } from './all-entries.ts';
import { didYouMean } from './suggest.ts';
import { isAvailabilityStale, isListingStale, isRecommendationStale, staleness } from '../staleness.ts';
import type { Project } from '../../schemas/project.ts';
import type { Provider } from '../../schemas/provider.ts';
import type { Recommendation } from '../../schemas/recommendation.ts';
import { taxonomyNames, type TaxonomyName } from '../../schemas/taxonomies.ts';
import { taxonomyWords } from '../../schemas/taxonomy-words.ts';
import { SLUG_PATTERN } from '../../schemas/fields.ts';
import { entryTypeNames, entryTypes, type EntryTypeName } from '../../schemas/index.ts';

export interface RuleContext {
  /** Today, `YYYY-MM-DD`: dates after it are in the future. */
  today: string;
  /** The départements a postcode is used in (from the INSEE data). */
  departmentsOfPostcode: (postcode: string) => ReadonlySet<string>;
  /**
   * The rules of one file alone (`checkFileRules`) already ran on every
   * entry, as the loader read it, and their problems are among the loader's:
   * the check keeps them in its cache with each file's verdict.
   */
  fileRulesDone?: boolean;
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

/** unique-siren: a SIREN identifies one structure; and the warnings listing-stale, availability-stated, availability-stale. */
function checkProviders(content: Content, report: Report, ctx: RuleContext) {
  const bySiren = new Map<string, Entry<Provider>>();
  for (const provider of content.providers) {
    const p = provider.data;
    // listing-stale (warning): a listing nobody reviewed for a while may be out of date.
    if (isListingStale(p.updated, ctx.today)) report(provider, ['updated'], staleness.listingWarning(frenchDate(p.updated)), 'warning');
    // availability-stated (warning): visitors want to know whether the provider takes on new associations.
    if (!p.availability) report(provider, ['availability'], staleness.availabilityMissingWarning, 'warning');
    // availability-stale (warning): an old statement is shown « à confirmer » (one in the future is an error already).
    else if (p.availability.stated <= ctx.today && isAvailabilityStale(p.availability.stated, ctx.today))
      report(provider, ['availability', 'stated'], staleness.availabilityWarning(frenchDate(p.availability.stated)), 'warning');
    if (!p.siren) continue;
    const other = bySiren.get(p.siren);
    if (other)
      report(
        provider,
        ['siren'],
        `le SIREN « ${p.siren} » est déjà celui de « ${other.data.name} » (${other.file}) : une structure n’a qu’une fiche.`,
      );
    else bySiren.set(p.siren, provider);
  }
}

/** A recommendation against the other files: one per association, never from the provider itself, and two warnings. */
function checkRecommendations(content: Content, report: Report, known: KnownTerms, ctx: RuleContext) {
  const providers = new Map(content.providers.map((p) => [p.id, p]));
  const seenAssociations = new Map<string, Entry<Recommendation>>();
  // Each provider's name and services are compared with each of its recommendations': read once.
  const providerNames = new Map<string, string>();
  const providerServices = new Map<string, ReadonlySet<string>>();

  for (const rec of content.recommendations) {
    const r = rec.data;
    const provider = providers.get(r.provider);
    // recommendation-stale (warning): an old verification should be renewed.
    const verified = r.verification.date;
    if (r.verification.status === 'verified' && verified && isRecommendationStale(verified, ctx.today)) {
      report(rec, ['verification', 'date'], staleness.recommendationWarning(frenchDate(verified)), 'warning');
    }

    // one-recommendation-per-association. The same
    // association is the same name (without case, accents or punctuation),
    // or the same RNA or SIREN number however the name is written.
    const associationName = normaliseName(r.association.name);
    const identities = [
      ['name', `nom:${associationName}`],
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
      let providerName = providerNames.get(provider.id);
      if (providerName === undefined) providerNames.set(provider.id, (providerName = normaliseName(provider.data.name)));
      if (sameSiren || associationName === providerName) {
        report(
          rec,
          ['association', sameSiren ? 'siren' : 'name'],
          `l’association a ${sameSiren ? 'le même SIREN' : 'le même nom'} que « ${provider.data.name} » : une structure ne peut pas se recommander elle-même, la recommandation doit venir d’une association qu’elle a accompagnée.`,
        );
      }
      // service-received-is-offered (warning)
      let offered = providerServices.get(provider.id);
      if (!offered) providerServices.set(provider.id, (offered = new Set(provider.data.services)));
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
  }
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

/** The context of the rules about one entry, from the whole content. */
export function entryRuleContext(content: Content, ctx: RuleContext): EntryRuleContext {
  const terms = (name: TaxonomyName) =>
    content.taxonomyFiles[name]?.unreadable ? undefined : new Set<string>(content.taxonomies[name].map((t) => t.slug));
  return {
    ...ctx,
    known: Object.fromEntries(taxonomyNames.map((name) => [name, terms(name)])) as KnownTerms,
    criteria: content.taxonomies.criteria,
    providerIds: content.ids.providers,
    bodyIssues,
    didYouMean,
  };
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
        message: `${taxonomyWords[taxonomy].term} « ${slug} » n’est pas (ou plus) dans cette liste, mais ${countOf(n, 'fichier', 'fichiers')} ${plural(n, 'l’utilise', 'l’utilisent')} : ${shortList(files, TERM_USERS_SHOWN)} ; remettez-le dans la liste s’il en a été retiré, sinon corrigez ${plural(n, 'ce fichier', 'ces fichiers')}.`,
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
    for (const field of termFieldsOf(entryTypes[type].schema)) {
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

/**
 * The rules that read one file alone, whatever the other files hold: a body
 * of safe Markdown, nobody's contact details in a recommendation, a postcode
 * of its département (INSEE data). `valid`: the entry passed its schema (the
 * rules read a rejected entry defensively). The check runs them once per
 * version of a file and keeps the result in its cache, one per content
 * whatever the file is called: they read the entry's data and body, never its
 * name. `checkRules` runs them unless `fileRulesDone`.
 */
export function checkFileRules(
  type: EntryTypeName,
  entry: Entry<unknown>,
  valid: boolean,
  ctx: Pick<RuleContext, 'departmentsOfPostcode'>,
): Problem[] {
  void valid;
  const problems: Problem[] = [];
  checkEntryFileRules(type, entry, reporter(problems), { departmentsOfPostcode: ctx.departmentsOfPostcode, bodyIssues });
  return problems;
}

/** Every rule and warning: those about each entry, valid or not, then those across files on valid content. */
export function checkRules(content: Content, ctx: RuleContext): Problem[] {
  const problems: Problem[] = [];
  const report = reporter(problems);
  const entryCtx = entryRuleContext(content, ctx);
  for (const { type, entry } of allEntries(content)) {
    if (!ctx.fileRulesDone) checkEntryFileRules(type, entry, report, entryCtx);
    checkEntryRules(type, entryTypes[type].schema, entry, report, entryCtx);
  }
  checkTaxonomies(content, problems);
  checkProviders(content, report, ctx);
  checkRecommendations(content, report, entryCtx.known as KnownTerms, ctx);
  checkProjects(content, report, ctx);
  checkTermsInUse(content, problems, entryCtx.known as KnownTerms);
  return problems;
}
