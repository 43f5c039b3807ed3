/**
 * Every rule about one entry alone, whatever its type: those its file alone
 * decides (`checkFileRules`: Markdown safety, nobody's contact details, a
 * postcode of its département), which the check keeps in its cache with each
 * file's verdict, and those that read the day, the vocabularies and the
 * structures (`checkEntryRules`). The forms run the same, type by type
 * (src/forms/kinds/).
 */
import type * as z from 'zod/mini';
import type { Entry } from '../content.ts';
import { checkBody, checkCommonRules, type EntryKind, type EntryRuleContext, type FileRuleContext, type Report } from './entry.ts';
import { checkProvider, checkProviderFile } from './provider-rules.ts';
import { checkRecommendation, checkRecommendationFile } from './recommendation-rules.ts';

/** The rules of one file alone: they read its data and body, never its name, and run whether its schema accepted it or not. */
export function checkEntryFileRules(type: EntryKind, entry: Entry<unknown>, report: Report, ctx: FileRuleContext): void {
  if (type === 'providers') checkProviderFile(entry, report, ctx);
  if (type === 'recommendations') checkRecommendationFile(entry, report);
  checkBody(entry, report, ctx);
}

/** The rules about `entry` alone that read the day, the vocabularies or the structures. */
export function checkEntryRules(
  type: EntryKind,
  schema: z.core.$ZodType,
  entry: Entry<unknown>,
  report: Report,
  ctx: EntryRuleContext,
): void {
  if (type === 'providers') checkProvider(entry, report, ctx);
  if (type === 'recommendations') checkRecommendation(entry, report, ctx);
  checkCommonRules(schema, entry, report, ctx);
}
