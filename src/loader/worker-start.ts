/**
 * The loader's worker thread, started before it is needed: a command that
 * will parse a large folder starts it first thing, so that the thread loads
 * its modules while the main one loads its own. Light on purpose: nothing
 * but `worker_threads` is loaded here.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';

/** Below this many files to parse, a worker thread costs more to start than it saves. */
export const PARALLEL_THRESHOLD = 4000;

const SLOT = Symbol.for('emancipasso.loaderWorker');
type Slot = { [SLOT]?: Worker };

export function newLoaderWorker(): Worker {
  return new Worker(new URL('./worker.ts', import.meta.url));
}

/**
 * Starts the worker thread when the content folder looks large enough to
 * need it (its biggest folders hold thousands of files): counting names is
 * cheap beside a thread's start.
 */
export function startLoaderWorkerFor(contentFolder: string): void {
  let files = 0;
  for (const folder of ['recommendations', 'providers']) {
    try {
      files += readdirSync(path.join(contentFolder, folder)).length;
    } catch {
      // A missing folder holds nothing.
    }
  }
  if (files < PARALLEL_THRESHOLD || (globalThis as Slot)[SLOT]) return;
  const worker = newLoaderWorker();
  // Until the loader takes it, it keeps nobody waiting: unused, it ends with the command.
  worker.unref();
  worker.on('error', () => undefined);
  (globalThis as Slot)[SLOT] = worker;
}

/** The worker started beforehand, if any, now the loader's. */
export function takeLoaderWorker(): Worker | undefined {
  const worker = (globalThis as Slot)[SLOT];
  delete (globalThis as Slot)[SLOT];
  worker?.ref();
  return worker;
}
