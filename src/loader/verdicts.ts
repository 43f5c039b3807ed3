/**
 * What one file says, whatever its name (its verdict), and how the check's
 * cache keeps verdicts: one line each, `<type>:<hash>` then the verdict as
 * JSON. Light on purpose (types and two functions): both the loader's
 * threads and the cache read it.
 */
import type { SourcePosition } from '../domain/content.ts';
import type { Problem } from '../domain/problems.ts';
import type { EntryTypeName } from '../schemas/index.ts';
import type { StatKey } from './source.ts';

/** A problem of one file, without the file's name: a verdict holds only what its bytes say. */
export type FileProblem = Omit<Problem, 'file'>;

/** What one file says: plain data, kept between runs and passed between threads. */
export interface FileVerdict {
  /** 'entry': it passed its schema; 'rejected': it did not, and its raw data is kept for the rules that can still run. */
  kind?: 'entry' | 'rejected';
  data?: unknown;
  body?: string;
  bodyLine?: number;
  /** Every problem of the file alone, with its position. */
  problems: FileProblem[];
}

/** How the cache names the verdict of a file of this type with these bytes (its name aside: a renamed file keeps it). */
export function verdictKey(type: EntryTypeName, hash: string): string {
  return `${type}:${hash}`;
}

/** One line of the cache's log of verdicts. */
export function verdictLine(type: EntryTypeName, hash: string, json: string): string {
  return `${verdictKey(type, hash)}\t${json}\n`;
}

/** The check's cache, as the loader uses it. */
export interface VerdictCache {
  /** The hash of a file on disk whose size, times and inode say it is as it was when last read. */
  hashOf(relative: string, stat: StatKey): string | undefined;
  /** The file hashed `hash` was read after `stat` was taken. */
  noteFile(relative: string, stat: StatKey, hash: string): void;
  verdict(hash: string, type: EntryTypeName): FileVerdict | undefined;
  /** `json`: the verdict as JSON, when already written; `logged`: its line is already in `logFile()`. */
  remember(hash: string, type: EntryTypeName, verdict: FileVerdict, json?: string, logged?: boolean): void;
  /**
   * The file the loader's threads add the lines of the verdicts they draw to
   * (`verdictLine`), as they go, rather than all at the end.
   */
  logFile(): string | undefined;
  /**
   * Where a place (`positionKey`) is in the file of this hash and type, as
   * found for an earlier run's problem: a warning given again needs no parsing.
   */
  position(hash: string, type: EntryTypeName, place: string): SourcePosition | undefined;
  notePosition(hash: string, type: EntryTypeName, place: string, position: SourcePosition): void;
  /** No verdict known (first run): files are not hashed before being parsed. */
  readonly empty: boolean;
}
