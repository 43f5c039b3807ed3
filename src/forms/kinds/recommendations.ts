/** What the recommendation form checks in the browser: the recommendation schema and its body, nothing of the other entry types. */
import type { EntryKindRules } from '../../check/one-entry.ts';
import { checkRecommendation, checkRecommendationFile } from '../../domain/rules/recommendation-rules.ts';
import { recommendationBody, recommendationSchema } from '../../schemas/recommendation.ts';

export const kind: EntryKindRules = {
  type: 'recommendations',
  schema: recommendationSchema,
  body: recommendationBody,
  rules: checkRecommendation,
  fileRules: checkRecommendationFile,
};
