/**
 * How the no-account forms say what is wrong: of what the person typed or
 * picked, never of the file (no quotes, no field keys, no YAML). One sentence
 * per problem, naming its field once, the same beside the field and in the
 * summary: « Choisissez la structure recommandée. »
 *
 * Where the words come from, in this order:
 * 1. a rule's own form words (`params.form` of a refinement, `form` of a
 *    problem of src/domain/rules): they sit beside the rule;
 * 2. the field's `form` words in its schema metadata, by zod issue code
 *    (`FormWording` in src/schemas/introspect.ts), e.g. a postcode's;
 * 3. the defaults below, by issue code and kind of field, with the field's
 *    `noun` (« le nom de la structure »).
 * The check (`npm run check`) keeps its own words, written for files
 * (src/loader/issues.ts).
 */
import type * as z from 'zod/mini';
import { formatPath } from '../domain/problems.ts';
import { isCustom } from '../loader/is-custom.ts';
import { arrayElement, enumValues, metaOf, schemaAt, unwrap, type FieldMeta, type FormWording } from '../schemas/meta.ts';

type AnySchema = z.core.$ZodType;

const capitalise = (text: string) => text.replace(/^./, (c) => c.toUpperCase());

/**
 * The words for the value at `path`: its own `form` words first, then those of
 * the fields around it (a list's for one of its values), and the nearest noun
 * (`area.regions[0]` is named « les régions »).
 */
function metaAt(root: AnySchema, path: readonly PropertyKey[]): { meta: FieldMeta; schema?: AnySchema } {
  const schema = schemaAt(root, path);
  const meta: FieldMeta = {};
  for (let end = path.length; end > 0; end--) {
    const own = metaOf(schemaAt(root, path.slice(0, end)) ?? root);
    meta.form = { ...own.form, ...meta.form };
    meta.noun ??= own.noun;
    meta.title ??= own.title;
    meta.relation ??= own.relation;
    // Past the field itself and its list, the words are another field's.
    if (typeof path[end - 1] !== 'number' && end < path.length) break;
  }
  return { meta, schema };
}

/** Puts the field's noun in a form sentence and starts it with a capital: « {noun} compte 5 chiffres » → « Le code postal compte 5 chiffres ». */
export function fillWording(template: string, meta: Pick<FieldMeta, 'noun' | 'title'>): string {
  const noun = meta.noun ?? (meta.title ? `« ${meta.title} »` : 'cette réponse');
  return capitalise(template.replace(/\{noun\}/g, noun));
}

/** An empty required field: « Choisissez … » for a list, « Indiquez … » for what is typed. */
function missing(schema: AnySchema | undefined): string {
  if (!schema) return 'complétez {noun}.';
  const inner = unwrap(schema);
  const type = inner._zod.def.type;
  if (type === 'enum' || metaOf(schema).relation) return 'choisissez {noun}.';
  if (type === 'array' || type === 'record') return 'cochez {noun}.';
  if (type === 'object') return 'complétez {noun}.';
  if (type === 'boolean') return 'répondez à la question.';
  return 'indiquez {noun}.';
}

/** One schema issue, as a form says it. */
export function formIssueMessage(issue: z.core.$ZodIssue, root: AnySchema): string {
  const path = issue.path as PropertyKey[];
  const { meta, schema } = metaAt(root, path);
  const form: FormWording = meta.form ?? {};
  const input = (issue as { input?: unknown }).input;
  const say = (template: string) => fillWording(template, meta);

  if (issue.code === 'custom') {
    const own = (issue.params as { form?: string } | undefined)?.form;
    return say(own ?? form.custom ?? issue.message);
  }
  // An empty list is said as its « at least one » when it has one.
  const empty = form.missing ?? (schema && unwrap(schema)._zod.def.type === 'array' ? form.too_small : undefined) ?? missing(schema);
  if ((issue.code === 'invalid_type' || issue.code === 'invalid_value') && input === undefined) return say(empty);
  const own = form[issue.code as keyof FormWording];
  if (own) return say(own);

  switch (issue.code) {
    case 'too_small': {
      if (issue.origin === 'array' && Array.isArray(input) && input.length === 0) return say(empty);
      if (issue.origin === 'string') {
        const length = typeof input === 'string' ? ` (actuellement ${[...input.trim()].length})` : '';
        return say(`écrivez au moins ${Number(issue.minimum)} caractères pour {noun}${length}.`);
      }
      return say(isCustom(issue.message) ? issue.message : `{noun} vaut au moins ${Number(issue.minimum)}.`);
    }
    case 'too_big': {
      if (issue.origin === 'string') {
        const length = typeof input === 'string' ? ` (actuellement ${[...input.trim()].length})` : '';
        return say(`raccourcissez {noun} : ${Number(issue.maximum)} caractères au plus${length}.`);
      }
      return say(isCustom(issue.message) ? issue.message : `{noun} vaut au plus ${Number(issue.maximum)}.`);
    }
    case 'invalid_type':
      return say(issue.expected === 'number' || issue.expected === 'int' ? 'indiquez {noun} en chiffres.' : 'indiquez {noun}.');
    case 'invalid_value':
      return say(
        schema && (enumValues(schema) ?? (arrayElement(schema) && enumValues(arrayElement(schema)!)))
          ? 'choisissez {noun} dans la liste.'
          : 'vérifiez {noun}.',
      );
    case 'unrecognized_keys':
      return 'Une réponse inattendue a été envoyée : rechargez la page, puis recommencez.';
    default:
      return isCustom(issue.message) ? say(issue.message) : say('vérifiez {noun}.');
  }
}

/** The forms' words, for src/check/one-entry.ts. */
export const formWording = {
  issue: (issue: z.core.$ZodIssue, root: AnySchema) => [
    { path: formatPath(issue.path as PropertyKey[]), message: formIssueMessage(issue, root) },
  ],
  forms: true,
};
