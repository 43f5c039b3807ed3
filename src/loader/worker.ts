/** Worker thread of the loader: parses and validates the files it is given. */
import { parentPort, workerData } from 'node:worker_threads';
import { keepCompiledCode } from './cache-folder.mjs';

// Before the loader's modules are loaded: they are compiled once, not at every run.
keepCompiledCode();
const { computeVerdictsForWorker } = await import('./index.ts');
await (await import('./parse.ts')).preloadFastParser();
parentPort?.postMessage(computeVerdictsForWorker(workerData));
