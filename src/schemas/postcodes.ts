/**
 * The postcodes of France and the départements each is used in, written
 * small enough for a browser (about 2 kB compressed, against 8 MB for the
 * communes file): the no-account forms tell a postcode from another
 * département as `npm run check` does, with the same data.
 *
 * Most postcodes begin with their département's code (`38000` → `38`,
 * `97400` → `974`): only the others carry their départements. The texts
 * are written by `npm run docs` into insee/postcodes-<first digit>.ts from
 * `@etalab/decoupage-administratif`; a unit test compares them. A form loads
 * the tenth its postcode needs, about 200 bytes.
 */
import type { PostcodeIndex } from './geography.ts';

/** The département a postcode's first digits name, when they name one: none for Corsica's `20…`. */
function defaultDepartment(postcode: string): string | undefined {
  if (postcode.startsWith('20')) return undefined;
  return postcode.startsWith('97') ? postcode.slice(0, 3) : postcode.slice(0, 2);
}

/** Postcodes in order, each as its distance to the previous one (base 36), then `=départements` when they are not the default. */
export function encodePostcodes(entries: Iterable<[string, Iterable<string>]>): string {
  const sorted = [...entries].sort(([a], [b]) => a.localeCompare(b));
  let previous = 0;
  return sorted
    .map(([postcode, departments]) => {
      const value = Number(postcode);
      const step = (value - previous).toString(36);
      previous = value;
      const list = [...departments].sort();
      const plain = list.length === 1 && list[0] === defaultDepartment(postcode);
      return plain ? step : `${step}=${list.join('/')}`;
    })
    .join(',');
}

/** The postcodes of one or more texts of encodePostcodes. */
export function decodePostcodes(texts: readonly string[]): PostcodeIndex {
  const index = new Map<string, ReadonlySet<string>>();
  for (const text of texts) decodeInto(index, text);
  const none: ReadonlySet<string> = new Set();
  return (postcode) => index.get(postcode) ?? none;
}

function decodeInto(index: Map<string, ReadonlySet<string>>, text: string) {
  let value = 0;
  for (const item of text ? text.split(',') : []) {
    const [step, departments] = item.split('=');
    value += parseInt(step!, 36);
    const postcode = String(value).padStart(5, '0');
    index.set(postcode, new Set(departments ? departments.split('/') : [defaultDepartment(postcode)!]));
  }
}
