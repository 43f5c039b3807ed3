/**
 * The names of places as the search reads them — communes, départements,
 * régions — cut into small files by the first three letters of their name
 * (`lyo.json` holds Lyon and Lyons-la-Forêt, `rho.json` the Rhône), so that a
 * visitor who types « Lyon » downloads a few hundred bytes, never the 8 MB of
 * the whole list. From INSEE's Code officiel géographique
 * (`@etalab/decoupage-administratif`).
 */
import { communePrefix, placeKey, type CommuneFile, type NameEntry } from './place-query.ts';

/** A commune as `@etalab/decoupage-administratif` describes it (the fields read here). */
export interface CommuneRecord {
  nom: string;
  type: string;
  departement?: string;
  population?: number;
}

/**
 * Current communes, and the former ones merged into another (people still
 * say where they live by them); not the municipal arrondissements of Paris,
 * Lyon and Marseille, which nobody types.
 */
const KEPT = new Set(['commune-actuelle', 'commune-deleguee', 'commune-associee']);

/** A département or a région, as the name files list it. */
export interface NamedPlace {
  kind: 'd' | 'r';
  code: string;
  name: string;
}

/**
 * The name files, by prefix: each name with its places — the département or
 * the région of that name first (also without its article: « Réunion »),
 * then its communes, the most populous first.
 */
export function communeFiles(communes: readonly CommuneRecord[], places: readonly NamedPlace[] = []): Map<string, CommuneFile> {
  const byKey = new Map<string, Array<{ name: string; department: string; population: number; current: boolean }>>();
  const isCurrent = (c: CommuneRecord) => Number(c.type === 'commune-actuelle');
  // Current communes first: a former one of the same name and département is then left out.
  for (const c of [...communes].sort((a, b) => isCurrent(b) - isCurrent(a))) {
    if (!KEPT.has(c.type) || !c.departement) continue;
    const key = placeKey(c.nom);
    if (!key) continue;
    let list = byKey.get(key);
    if (!list) byKey.set(key, (list = []));
    // A former commune that kept the name of the current one, in the same département, says nothing more.
    if (list.some((x) => x.department === c.departement)) continue;
    list.push({ name: c.nom, department: c.departement, population: c.population ?? 0, current: isCurrent(c) === 1 });
  }
  // A full name wins over one without its article, a département over a région of the same name (La Réunion).
  const named = new Map<string, NameEntry>();
  for (const bare of [true, false])
    for (const kind of ['r', 'd'] as const)
      for (const place of places.filter((p) => p.kind === kind)) {
        const key = placeKey(place.name);
        named.set(bare ? key.replace(/^(la|le|les|l) /, '') : key, [place.name, place.code, kind]);
      }
  const files = new Map<string, CommuneFile>();
  for (const key of [...new Set([...byKey.keys(), ...named.keys()])].sort()) {
    const prefix = communePrefix(key);
    if (!files.has(prefix)) files.set(prefix, {});
    const towns: NameEntry[] = (byKey.get(key) ?? [])
      .sort((a, b) => Number(b.current) - Number(a.current) || b.population - a.population || a.department.localeCompare(b.department))
      .map((c) => [c.name, c.department]);
    files.get(prefix)![key] = named.has(key) ? [named.get(key)!, ...towns] : towns;
  }
  return files;
}
