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
import { arrayElement, enumValues, metaOf, schemaAt, unwrap, type FieldMeta, type FormWording } from '../schemas/introspect.ts';

type AnySchema = z.core.$ZodType;

const capitalise = (text: string) => text.replace(/^./, (c) => c.toUpperCase());

/** The field's metadata, the nearest ancestor's where the value sits in a list (`languages[2]` → `languages`). */
function metaAt(root: AnySchema, path: readonly PropertyKey[]): { meta: FieldMeta; schema?: AnySchema } {
  for (let end = path.length; end > 0; end--) {
    const schema = schemaAt(root, path.slice(0, end));
    if (!schema) continue;
    const meta = metaOf(schema);
    if (meta.noun || meta.form || end === path.length) {
      // A list's element has no words of its own: its list's are meant.
      if (!meta.noun && !meta.form && typeof path[end - 1] === 'number') continue;
      return { meta, schema };
    }
  }
  return { meta: {} };
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
  if ((issue.code === 'invalid_type' || issue.code === 'invalid_value') && input === undefined) return say(form.missing ?? missing(schema));
  const own = form[issue.code as keyof FormWording];
  if (own) return say(own);

  switch (issue.code) {
    case 'too_small': {
      if (issue.origin === 'array' && Array.isArray(input) && input.length === 0) return say(form.missing ?? missing(schema));
      if (issue.origin === 'string') {
        const length = typeof input === 'string' ? ` (actuellement ${[...input.trim()].length})` : '';
        return say(`{noun} compte au moins ${Number(issue.minimum)} caractères${length}.`);
      }
      return say(`{noun} vaut au moins ${Number(issue.minimum)}.`);
    }
    case 'too_big': {
      if (issue.origin === 'string') {
        const length = typeof input === 'string' ? ` (actuellement ${[...input.trim()].length})` : '';
        return say(`{noun} dépasse ${Number(issue.maximum)} caractères${length}.`);
      }
      return say(`{noun} vaut au plus ${Number(issue.maximum)}.`);
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
