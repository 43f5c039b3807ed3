/**
 * The rules about one entry alone, run on every entry, whether its schema
 * accepted it or not, so that one run reports every problem at once: a date
 * in the future is said together with a missing field, not after it is fixed.
 * They read the data defensively (a rejected entry may hold anything) and
 * each names the entry of the rules catalogue (catalogue.ts) it enforces.
 *
 * `npm run check` runs them through `checkRules` (index.ts); the CMS and the
 * no-account forms run them on the one entry being written (src/check/entry.ts).
 * Nothing here reads other files: what the rules need from elsewhere (known
 * slugs, today, the postcodes) comes in the context.
 */
import type { Entry } from '../content.ts';
import { formatPath, type Problem, type Severity } from '../problems.ts';
import { isListingStale, isRecommendationStale, staleness } from '../staleness.ts';
import { didYouMean } from './suggest.ts';
import { mightBeRefused, personalDataIssues, type BodyIssue } from './text.ts';
import { requiresStartingPrice, startingPriceRule } from '../directory/pricing.ts';
import { CONTENT_FOLDER } from '../../schemas/body.ts';
import { isCalendarDate, SLUG_PATTERN } from '../../schemas/fields.ts';
import { departmentName } from '../../schemas/geography.ts';
import { arrayElement, metaOf, objectShape } from '../../schemas/introspect.ts';
import { taxonomies, type TaxonomyName } from '../../schemas/taxonomies.ts';
import type * as z from 'zod/mini';

export type EntryKind = 'providers' | 'recommendations' | 'projects' | 'resources' | 'partners' | 'pages';

export interface EntryRuleContext {
  /** Today, `YYYY-MM-DD`: dates after it are in the future. */
  today: string;
  /** The départements a postcode is used in (from the INSEE data). */
  departmentsOfPostcode: (postcode: string) => ReadonlySet<string>;
  /** The slugs of each taxonomy; undefined when its file could not be read. */
  known: Partial<Record<TaxonomyName, ReadonlySet<string> | undefined>>;
  /** The criteria, in the order of their file, with the question each asks. */
  criteria: ReadonlyArray<{ slug: string; label: string }>;
  /** Every provider's slug, valid or not: a recommendation refers to one. */
  providerIds: ReadonlySet<string>;
  /**
   * Raw HTML and unsafe links in a body (markdown.ts). Passed in so that a
   * browser loads the Markdown reader only for a text that might need it
   * (`mightBeRefused`).
   */
  bodyIssues: (markdown: string) => BodyIssue[];
  /**
   * A new entry, written in a no-account form: what the criteria ask of a new
   * listing is an error there, and a warning for the files already written
   * (which stay valid).
   */
  newEntry?: boolean;
}

/** Reports one problem: `form` is how the no-account forms say it, when the check's words speak of the file. */
export type Report = (entry: Entry<unknown>, path: readonly PropertyKey[], message: string, severity?: Severity, form?: string) => void;

export function reporter(problems: Problem[]): Report {
  return (entry, path, message, severity = 'error', form) => {
    const pos = entry.locate(path);
    problems.push({ file: entry.file, ...pos, path: formatPath(path), severity, message, ...(form ? { form } : {}) });
  };
}

export const frenchDate = (day: string) => {
  const [y, m, d] = day.split('-');
  return `${d}/${m}/${y}`;
};

type Data = Record<string, unknown>;
const record = (value: unknown): Data => (value && typeof value === 'object' && !Array.isArray(value) ? (value as Data) : {});
const day = (value: unknown): string | undefined => (typeof value === 'string' && isCalendarDate(value) ? value : undefined);

/** Where an entry type holds taxonomy slugs, read from its schema's `taxonomy` hints. */
const termFieldsCache = new WeakMap<object, Array<{ path: string[]; taxonomy: TaxonomyName }>>();
function termFields(schema: z.core.$ZodType, path: string[] = []): Array<{ path: string[]; taxonomy: TaxonomyName }> {
  const shape = objectShape(schema);
  if (!shape) return [];
  return Object.entries(shape).flatMap(([key, field]) => {
    const taxonomy = metaOf(field).taxonomy;
    if (taxonomy && arrayElement(field)) return [{ path: [...path, key], taxonomy }];
    return termFields(field, [...path, key]);
  });
}

/** references-resolve: every taxonomy slug resolves, even in an entry its schema rejected. */
function checkTerms(entry: Entry<unknown>, schema: z.core.$ZodType, report: Report, ctx: EntryRuleContext) {
  let fields = termFieldsCache.get(schema);
  if (!fields) termFieldsCache.set(schema, (fields = termFields(schema)));
  for (const field of fields) {
    let value: unknown = entry.data;
    for (const key of field.path) value = record(value)[key];
    const known = ctx.known[field.taxonomy];
    if (!known || !Array.isArray(value) || !value.every((v) => typeof v === 'string')) continue;
    (value as string[]).forEach((slug, index) => {
      if (!known.has(slug)) {
        report(
          entry,
          [...field.path, index],
          `« ${slug} » n’est pas ${taxonomies[field.taxonomy].known}.${didYouMean(slug, known)} Les valeurs possibles sont dans ${CONTENT_FOLDER}/${taxonomies[field.taxonomy].file}.`,
          'error',
          'choisissez {noun} dans la liste.',
        );
      }
    });
  }
}

/** no-raw-html, safe-markdown-links: bodies hold Markdown text only, with safe links. */
function checkBody(entry: Entry<unknown>, report: Report, ctx: EntryRuleContext) {
  if (!mightBeRefused(entry.body)) return;
  for (const issue of ctx.bodyIssues(entry.body)) {
    report(
      { ...entry, locate: () => ({ line: entry.bodyLine + issue.line - 1, column: issue.column }) },
      ['body'],
      issue.message,
      'error',
      issue.form,
    );
  }
}

function checkProvider(entry: Entry<unknown>, report: Report, ctx: EntryRuleContext) {
  const p = record(entry.data);
  const location = record(p.location);

  // postcode-in-department
  if (typeof location.postcode === 'string' && /^\d{5}$/.test(location.postcode) && typeof location.department === 'string') {
    const { postcode, department } = location;
    const chosen = departmentName(department);
    const departments = ctx.departmentsOfPostcode(postcode);
    if (chosen && !departments.has(department)) {
      const others = [...departments];
      report(
        entry,
        ['location', 'postcode'],
        departments.size === 0
          ? `le code postal « ${postcode} » n’existe pas : vérifiez-le sur l’adresse du siège.`
          : `le code postal « ${postcode} » n’appartient pas au département « ${department} » mais à ${others.map((d) => `« ${d} »`).join(' ou ')} : corrigez l’un ou l’autre.`,
        'error',
        departments.size === 0
          ? `le code postal ${postcode} n’existe pas : vérifiez-le sur l’adresse du siège.`
          : `le code postal ${postcode} est celui ${others.map((d) => `du département ${departmentName(d) ?? d} (${d})`).join(' ou ')}, pas de ${chosen} (${department}) : corrigez le code postal ou le département.`,
      );
    }
  }

  // dates-not-in-future
  for (const [field, label] of [
    ['updated', 'la date de relecture'],
    ['charter_signed', 'la date de signature de la charte'],
  ] as const) {
    const value = day(p[field]);
    if (value && value > ctx.today) report(entry, [field], `${label} (${frenchDate(value)}) est dans le futur : indiquez une date passée.`);
  }
  if (Number.isInteger(p.trained) && (p.trained as number) > Number(ctx.today.slice(0, 4))) {
    report(entry, ['trained'], `l’année de formation ${p.trained as number} est dans le futur.`);
  }

  // pricing-has-magnitude: the criteria ask for an order of magnitude.
  const pricing = record(p.pricing);
  if (typeof pricing.model === 'string' && requiresStartingPrice(pricing.model) && pricing.from_eur === undefined) {
    report(entry, ['pricing', 'from_eur'], startingPriceRule.message, ctx.newEntry ? 'error' : 'warning', startingPriceRule.form);
  }

  // listing-stale (warning): a listing nobody reviewed for a while may be out of date.
  const updated = day(p.updated);
  if (updated && isListingStale(updated, ctx.today)) {
    report(entry, ['updated'], staleness.listingWarning(frenchDate(updated)), 'warning');
  }
}

function checkRecommendation(entry: Entry<unknown>, report: Report, ctx: EntryRuleContext) {
  const r = record(entry.data);
  const project = record(r.project);
  const verification = record(r.verification);

  // references-resolve
  if (typeof r.provider === 'string' && SLUG_PATTERN.test(r.provider) && !ctx.providerIds.has(r.provider)) {
    report(
      entry,
      ['provider'],
      `aucune structure n’a l’identifiant « ${r.provider} ».${didYouMean(r.provider, ctx.providerIds)} Le nom du fichier de la fiche (sans « .md ») est son identifiant.`,
      'error',
      'choisissez {noun} dans la liste.',
    );
  }

  // dates-not-in-future, dates-in-order: nothing that already happened lies in the future.
  const end = day(project.end);
  if (end && end > ctx.today) {
    report(
      entry,
      ['project', 'end'],
      `le projet se termine le ${frenchDate(end)}, dans le futur : une recommandation porte sur un accompagnement terminé.`,
    );
  }
  const verified = day(verification.date);
  if (verified) {
    if (verified > ctx.today) {
      report(entry, ['verification', 'date'], `la date de vérification (${frenchDate(verified)}) est dans le futur.`);
    } else if (end && verified < end) {
      report(
        entry,
        ['verification', 'date'],
        `la vérification (${frenchDate(verified)}) précède la fin du projet (${frenchDate(end)}) : on vérifie un accompagnement terminé.`,
      );
    }
    // recommendation-stale (warning): an old verification should be renewed.
    if (verification.status === 'verified' && isRecommendationStale(verified, ctx.today)) {
      report(entry, ['verification', 'date'], staleness.recommendationWarning(frenchDate(verified)), 'warning');
    }
  }

  // every-criterion-rated
  const ratings: unknown = r.ratings;
  if (ctx.known.criteria && ratings && typeof ratings === 'object' && !Array.isArray(ratings)) {
    const criteria = ctx.criteria.map((c) => c.slug);
    for (const key of Object.keys(ratings)) {
      // A key that is not even a slug was already refused by the schema.
      if (!ctx.known.criteria.has(key) && SLUG_PATTERN.test(key)) {
        report(
          entry,
          ['ratings', key],
          `« ${key} » n’est pas un critère connu.${didYouMean(key, criteria)} Critères possibles : ${criteria.join(', ')}.`,
        );
      }
    }
    for (const criterion of ctx.criteria) {
      if (!(criterion.slug in ratings)) {
        report(
          entry,
          ['ratings', criterion.slug],
          `il manque la note du critère « ${criterion.slug} » : ajoutez « ${criterion.slug}: » suivi d’une note de 1 à 5, ou de « null » s’il ne vous concerne pas.`,
          'error',
          `choisissez une note de 1 à 5, ou « Non concerné », pour la question « ${criterion.label} ».`,
        );
      }
    }
  }

  // no-personal-data-in-recommendations
  for (const issue of personalDataIssues(entry.body)) {
    report({ ...entry, locate: () => ({ line: entry.bodyLine + issue.line - 1, column: issue.column }) }, ['body'], issue.message);
  }
  // No field either: the association's name, city or project title name nobody's address or phone.
  for (const { path, value } of stringFields(entry.data)) {
    if (path[0] === 'association' && path[1] === 'website') continue;
    if (personalDataIssues(value).length > 0) {
      report(
        entry,
        path,
        `ce champ contient une adresse e-mail ou un numéro de téléphone : retirez-le, une recommandation parle au nom de l’association et ne publie les coordonnées de personne.`,
        'error',
        '{noun} contient une adresse e-mail ou un numéro de téléphone : retirez-les, une recommandation parle au nom de l’association et ne publie les coordonnées de personne.',
      );
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

/** Every rule about `entry` alone, of type `type` whose schema is `schema`. */
export function checkEntryRules(
  type: EntryKind,
  schema: z.core.$ZodType,
  entry: Entry<unknown>,
  report: Report,
  ctx: EntryRuleContext,
): void {
  if (type === 'providers') checkProvider(entry, report, ctx);
  if (type === 'recommendations') checkRecommendation(entry, report, ctx);
  checkTerms(entry, schema, report, ctx);
  checkBody(entry, report, ctx);
}
