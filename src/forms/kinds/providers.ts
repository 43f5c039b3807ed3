/**
 * What the provider form checks in the browser: the provider schema and its
 * body, and the postcodes of France (a listing's postcode is in its
 * département); nothing of the other entry types.
 */
import type { EntryKindRules } from '../../check/one-entry.ts';
import { checkProvider } from '../../domain/rules/provider-rules.ts';
import { providerBody, providerSchema } from '../../schemas/provider.ts';
import { decodePostcodes } from '../../schemas/postcodes.ts';
import { POSTCODES } from '../../schemas/postcodes.data.ts';

export const kind: EntryKindRules = { type: 'providers', schema: providerSchema, body: providerBody, rules: checkProvider };
export const departmentsOfPostcode = decodePostcodes(POSTCODES);
