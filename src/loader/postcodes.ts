/**
 * The départements of each postcode, for the rule that a provider's postcode
 * lies in its département. The INSEE communes file (8 MB) is read only when a
 * provider's file must be checked, once per run, and the small index drawn
 * from it is kept beside the check's cache for the next runs.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { postcodeDepartments, type CommunePostcodes, type PostcodeIndex } from '../schemas/geography.ts';

const require = createRequire(import.meta.url);
const NONE: ReadonlySet<string> = new Set();

/** Which version of the INSEE data the index comes from: a new version draws a new index. */
function dataVersion(): string {
  return (JSON.parse(readFileSync(require.resolve('@etalab/decoupage-administratif/package.json'), 'utf8')) as { version: string }).version;
}

function readIndex(file: string, version: string): Map<string, string[]> | undefined {
  try {
    const kept = JSON.parse(readFileSync(file, 'utf8')) as { version?: unknown; index?: unknown };
    if (kept.version !== version || !kept.index || typeof kept.index !== 'object') return undefined;
    const index = new Map(Object.entries(kept.index as Record<string, unknown>));
    for (const departments of index.values()) if (!Array.isArray(departments)) return undefined;
    return index as Map<string, string[]>;
  } catch {
    // Missing or damaged: drawn again from the communes file.
    return undefined;
  }
}

function buildIndex(file: string | undefined, version: string): Map<string, string[]> {
  const communes = JSON.parse(
    readFileSync(require.resolve('@etalab/decoupage-administratif/data/communes.json'), 'utf8'),
  ) as CommunePostcodes[];
  const index = postcodeDepartments(communes);
  if (file) {
    try {
      mkdirSync(path.dirname(file), { recursive: true });
      const temporary = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
      writeFileSync(temporary, JSON.stringify({ version, index: Object.fromEntries(index) }));
      renameSync(temporary, file);
    } catch {
      // A cache that cannot be written only makes the next run slower.
    }
  }
  return index;
}

/** The postcode index, loaded on its first use; `file` keeps it between runs. */
export function lazyPostcodeIndex(file?: string): PostcodeIndex {
  let sets: Map<string, ReadonlySet<string>> | undefined;
  return (postcode) => {
    if (!sets) {
      const version = dataVersion();
      const index = (file && readIndex(file, version)) || buildIndex(file, version);
      sets = new Map([...index].map(([cp, departments]) => [cp, new Set(departments)]));
    }
    return sets.get(postcode) ?? NONE;
  };
}
