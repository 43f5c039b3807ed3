/** Every rule about one entry alone, whatever its type: what `npm run check` and the CMS run. */
import type * as z from 'zod/mini';
import type { Entry } from '../content.ts';
import { checkCommonRules, type EntryKind, type EntryRuleContext, type Report } from './entry.ts';
import { checkProvider } from './provider-rules.ts';
import { checkRecommendation } from './recommendation-rules.ts';

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
  checkCommonRules(schema, entry, report, ctx);
}
