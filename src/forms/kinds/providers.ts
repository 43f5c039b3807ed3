/**
 * What the provider form checks in the browser: the provider schema and its
 * body, and the postcodes near its postcode (a listing's postcode is in its
 * département); nothing of the other entry types.
 */
import type { EntryKindRules } from '../../check/one-entry.ts';
import { checkProvider, checkProviderFile } from '../../domain/rules/provider-rules.ts';
import { providerBody, providerSchema } from '../../schemas/provider.ts';
import { postcodesNear } from '../../schemas/postcodes-near.ts';

export const kind: EntryKindRules = {
  type: 'providers',
  schema: providerSchema,
  body: providerBody,
  rules: checkProvider,
  fileRules: checkProviderFile,
};
/** The tenth of the postcodes a listing's postcode needs (about 200 bytes), loaded when the form is sent. */
export const postcodes = postcodesNear;
