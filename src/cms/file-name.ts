/**
 * The file name of an entry created in the CMS. Decap makes it from the
 * collection's `slug` template (`config.ts`) with its `slug` settings: accents
 * dropped, every other character outside the URL alphabet replaced by « - ».
 * That alphabet keeps « _ » and « ~ », which the check refuses in a file
 * name, and a name made only of emoji leaves nothing; no setting changes
 * that, and the template filters cannot either.
 *
 * So, just before Decap makes the name (its `preSave` event, `admin.ts`), the
 * CMS hands it the entry's data as a view in which the one field the template
 * reads (`entryNaming`) answers with the name part the project makes
 * (`entryNamePart`, as the no-account forms do). Decap's own rules leave such
 * a part as it is. Nothing else is answered differently: Decap writes the file
 * from the data's values (`toJS()`), which are the entry's own, untouched.
 */
import { entryNamePart, entryNaming } from '../domain/entry-names.ts';
import type { EntryTypeName } from '../schemas/index.ts';

/** What the CMS needs of Decap's entry data (an Immutable map). */
export interface EntryData {
  getIn(path: readonly unknown[], notSetValue?: unknown): unknown;
  toJS(): unknown;
}

const samePath = (a: readonly unknown[], b: readonly string[]) => a.length === b.length && a.every((key, i) => key === b[i]);

/** The data of a new entry, as Decap should read it to name its file. */
export function withFileName<D extends EntryData>(type: EntryTypeName, data: D): D {
  const naming = entryNaming[type];
  const part = entryNamePart(type, data.toJS() as Record<string, unknown>);
  // A view over the data, not a copy: every other read, and `toJS()`, are the data's own.
  const view = Object.create(data) as D;
  view.getIn = (path, notSetValue) => (samePath(path, naming.from) ? part : data.getIn(path, notSetValue));
  return view;
}
