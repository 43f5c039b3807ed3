/**
 * Makes the first search lighter. Every search starts by downloading
 * Pagefind's metadata file, which names each indexed page by the hash of its
 * result file (`fr_3f9a1c2`): random letters that do not compress, about
 * 60 kB at 10,000 providers, more than a third of a first search. This step
 * renames the result files with short numbers instead (`fr_d786` then `0`,
 * `1`, …), which compress to almost nothing, and writes the metadata again:
 * the same content, half the weight. The prefix comes from the metadata's
 * own hash, so that a new index never reuses an old file's name.
 *
 * The metadata is CBOR (RFC 8949) behind a signature, gzip-compressed. Only
 * what Pagefind writes there is read (unsigned integers, text, arrays); if a
 * Pagefind version writes anything else, or bundles result files, the index
 * is left as it is and the build says so.
 */
import { createHash } from 'node:crypto';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';

const SIGNATURE = 'pagefind_dcd';

type Cbor = number | string | Cbor[];

class Unsupported extends Error {}

export function decodeCbor(bytes: Uint8Array): Cbor {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let at = 0;
  const length = (info: number): number => {
    if (info < 24) return info;
    if (info === 24) return view.getUint8(at++);
    if (info === 25) return ((at += 2), view.getUint16(at - 2));
    if (info === 26) return ((at += 4), view.getUint32(at - 4));
    throw new Unsupported(`longueur CBOR ${info}`);
  };
  const item = (): Cbor => {
    if (at >= bytes.length) throw new Unsupported('fin inattendue');
    const head = view.getUint8(at++);
    const major = head >> 5;
    const info = head & 31;
    if (major === 0) return length(info);
    if (major === 3) {
      const n = length(info);
      const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(at, at + n));
      at += n;
      return text;
    }
    if (major === 4) {
      const n = length(info);
      const list: Cbor[] = [];
      for (let i = 0; i < n; i++) list.push(item());
      return list;
    }
    throw new Unsupported(`type CBOR ${major}`);
  };
  const value = item();
  if (at !== bytes.length) throw new Unsupported('octets en trop');
  return value;
}

export function encodeCbor(value: Cbor): Buffer {
  const parts: Buffer[] = [];
  const head = (major: number, n: number) => {
    if (n < 24) parts.push(Buffer.from([(major << 5) | n]));
    else if (n < 0x100) parts.push(Buffer.from([(major << 5) | 24, n]));
    else if (n < 0x10000) {
      const b = Buffer.alloc(3);
      b[0] = (major << 5) | 25;
      b.writeUInt16BE(n, 1);
      parts.push(b);
    } else {
      const b = Buffer.alloc(5);
      b[0] = (major << 5) | 26;
      b.writeUInt32BE(n, 1);
      parts.push(b);
    }
  };
  const write = (v: Cbor) => {
    if (typeof v === 'number') head(0, v);
    else if (typeof v === 'string') {
      const text = Buffer.from(v, 'utf8');
      head(3, text.length);
      parts.push(text);
    } else {
      head(4, v.length);
      v.forEach(write);
    }
  };
  write(value);
  return Buffer.concat(parts);
}

export interface Compaction {
  language: string;
  pages: number;
  /** Gzipped bytes of the metadata, before and after. */
  before: number;
  after: number;
}

/** Renames the result files of every language of the index in `dir` (`dist/pagefind`); says what it did, or why not. */
export async function compactSearchIndex(dir: string): Promise<{ done: Compaction[]; skipped?: string }> {
  const entryFile = path.join(dir, 'pagefind-entry.json');
  const entry = JSON.parse(await readFile(entryFile, 'utf8')) as { languages: Record<string, { hash: string }> };
  const done: Compaction[] = [];
  const skipped = await compactLanguages(dir, entry, done);
  // Written even when a language was skipped: those done before it have new metadata.
  await writeFile(entryFile, JSON.stringify(entry));
  return { done, ...(skipped ? { skipped } : {}) };
}

async function compactLanguages(
  dir: string,
  entry: { languages: Record<string, { hash: string }> },
  done: Compaction[],
): Promise<string | undefined> {
  for (const [language, info] of Object.entries(entry.languages)) {
    const metaFile = path.join(dir, `pagefind.${info.hash}.pf_meta`);
    const compressed = await readFile(metaFile);
    let meta: Cbor;
    try {
      const raw = gunzipSync(compressed);
      if (raw.subarray(0, SIGNATURE.length).toString('latin1') !== SIGNATURE) throw new Unsupported('signature');
      meta = decodeCbor(raw.subarray(SIGNATURE.length));
    } catch (error) {
      if (error instanceof Unsupported) return `métadonnées illisibles (${error.message})`;
      throw error;
    }
    // [version, pages: [hash, word count, bundle][], index chunks, filters, sorts, …]
    const pages = Array.isArray(meta) ? meta[1] : undefined;
    const valid =
      Array.isArray(pages) &&
      pages.every((p) => Array.isArray(p) && typeof p[0] === 'string' && typeof p[1] === 'number' && (p[2] === undefined || p[2] === ''));
    if (!valid) return 'format des métadonnées inconnu, ou fichiers de résultats regroupés';
    const prefix = `${language}_${info.hash.slice(language.length + 1, language.length + 5)}`;
    const names = new Map<string, string>();
    for (const page of pages as Cbor[][]) {
      const old = page[0] as string;
      if (!names.has(old)) names.set(old, `${prefix}${names.size.toString(36)}`);
      page[0] = names.get(old)!;
    }
    for (const [old, name] of names)
      await rename(path.join(dir, 'fragment', `${old}.pf_fragment`), path.join(dir, 'fragment', `${name}.pf_fragment`));
    const body = gzipSync(Buffer.concat([Buffer.from(SIGNATURE, 'latin1'), encodeCbor(meta)]), { level: 9 });
    const hash = `${language}_${createHash('sha256').update(body).digest('hex').slice(0, 10)}`;
    await writeFile(path.join(dir, `pagefind.${hash}.pf_meta`), body);
    await rm(metaFile);
    info.hash = hash;
    done.push({ language, pages: pages!.length, before: compressed.length, after: body.length });
  }
  return undefined;
}
