/** Every postcode of France, from the ten compact parts (see postcodes.ts): for the CMS, which checks any entry. */
import type { PostcodeIndex } from './geography.ts';
import { decodePostcodes } from './postcodes.ts';
import { POSTCODES as p0 } from './insee/postcodes-0.ts';
import { POSTCODES as p1 } from './insee/postcodes-1.ts';
import { POSTCODES as p2 } from './insee/postcodes-2.ts';
import { POSTCODES as p3 } from './insee/postcodes-3.ts';
import { POSTCODES as p4 } from './insee/postcodes-4.ts';
import { POSTCODES as p5 } from './insee/postcodes-5.ts';
import { POSTCODES as p6 } from './insee/postcodes-6.ts';
import { POSTCODES as p7 } from './insee/postcodes-7.ts';
import { POSTCODES as p8 } from './insee/postcodes-8.ts';
import { POSTCODES as p9 } from './insee/postcodes-9.ts';

let all: PostcodeIndex | undefined;
export function allPostcodes(): PostcodeIndex {
  return (all ??= decodePostcodes([p0, p1, p2, p3, p4, p5, p6, p7, p8, p9]));
}
