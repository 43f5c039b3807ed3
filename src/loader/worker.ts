/** Worker thread of the loader: parses and validates the files it is given. */
import { parentPort, workerData } from 'node:worker_threads';
import { loadFilesForWorker } from './index.ts';

parentPort?.postMessage(loadFilesForWorker(workerData));
