/** Worker thread of the loader: parses and validates the files it is given. */
import { parentPort } from 'node:worker_threads';
import { keepCompiledCode } from './cache-folder.mjs';

// Before the loader's modules are loaded: they are compiled once, not at every run.
keepCompiledCode();
const { computeVerdictsForWorker } = await import('./index.ts');
await (await import('./parse.ts')).preloadFastParser();
// The job comes as a message: the thread may be started before the job is known.
parentPort?.once('message', (job: Parameters<typeof computeVerdictsForWorker>[0]) => {
  computeVerdictsForWorker(job, (message) => parentPort?.postMessage(message));
});
