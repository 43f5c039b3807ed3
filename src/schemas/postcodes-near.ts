/**
 * The postcodes a form needs: the tenth that shares the postcode's first
 * digit, loaded when the form is sent (about 200 bytes), never the whole of
 * France. See postcodes.ts.
 */
import type { PostcodeIndex } from './geography.ts';
import { decodePostcodes } from './postcodes.ts';

const PARTS: ReadonlyArray<() => Promise<{ POSTCODES: string }>> = [
  () => import('./insee/postcodes-0.ts'),
  () => import('./insee/postcodes-1.ts'),
  () => import('./insee/postcodes-2.ts'),
  () => import('./insee/postcodes-3.ts'),
  () => import('./insee/postcodes-4.ts'),
  () => import('./insee/postcodes-5.ts'),
  () => import('./insee/postcodes-6.ts'),
  () => import('./insee/postcodes-7.ts'),
  () => import('./insee/postcodes-8.ts'),
  () => import('./insee/postcodes-9.ts'),
];

/** The postcodes sharing `postcode`'s first digit: enough to tell the départements of `postcode`. */
export async function postcodesNear(postcode: string): Promise<PostcodeIndex> {
  const part = /^\d{5}$/.test(postcode) ? PARTS[Number(postcode[0])] : undefined;
  return decodePostcodes(part ? [(await part()).POSTCODES] : []);
}
