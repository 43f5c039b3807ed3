/**
 * The name of a new entry's file, from what a person typed: the CMS and the
 * no-account forms both name files here, so that whatever the name holds
 * (accents, apostrophes, « _ », emoji, spaces, punctuation, 120 characters)
 * the file name is one the check accepts (`isEntryId`).
 */
import { entryTypes, type EntryTypeName, type FileNaming } from '../schemas/index.ts';
import { slugify } from './normalise.ts';

/**
 * The longest part made from a name. The CMS adds « -1 », « -2 »… to a name
 * already taken: the room left keeps that within the 60 characters of a slug.
 */
export const NAME_PART_MAX = 52;

/** Names Windows keeps for its devices: no file can have them there, whatever its extension. */
const WINDOWS_DEVICE = /^(con|prn|aux|nul|com\d|lpt\d)$/;

/** Shortens a slug at a word's end when one is near enough, never leaving a dash at the end. */
function shorten(slug: string, max: number): string {
  if (slug.length <= max) return slug;
  // One more character tells whether the cut falls at a word's end.
  const cut = slug.slice(0, max + 1);
  const lastDash = cut.lastIndexOf('-');
  return (lastDash >= max / 2 ? cut.slice(0, lastDash) : slug.slice(0, max)).replace(/-+$/, '');
}

/** « L’Atelier numérique ! » → `l-atelier-numerique`; a text with no letter or digit gives `fallback`. */
export function namePart(text: string, fallback: string): string {
  const part = shorten(slugify(text), NAME_PART_MAX);
  if (part.length < 2) return fallback;
  return WINDOWS_DEVICE.test(part) ? `${part}-${fallback}` : part;
}

/** The part of the file name made from the entry's own text (`fileName.from`). */
export function entryNamePart(type: EntryTypeName, data: Record<string, unknown>): string {
  const naming: FileNaming = entryTypes[type].fileName;
  let text: unknown = data;
  for (const key of naming.from) text = text && typeof text === 'object' ? (text as Record<string, unknown>)[key] : undefined;
  return namePart(typeof text === 'string' ? text : '', naming.fallback);
}

/** The file's name without extension: `l-atelier-numerique`, or `<provider>--<association>`. */
export function entryIdFor(type: EntryTypeName, data: Record<string, unknown>): string {
  const naming: FileNaming = entryTypes[type].fileName;
  const part = entryNamePart(type, data);
  return naming.prefix ? `${String(data[naming.prefix] ?? '')}--${part}` : part;
}
