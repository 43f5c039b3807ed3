/**
 * `node --import ./scripts/lib/keep-compiled-code.mjs scripts/x.ts`: Node.js
 * keeps the compiled code of the command's modules between runs, the
 * command's own file included (see src/loader/cache-folder.mjs).
 */
import { keepCompiledCode } from '../../src/loader/cache-folder.mjs';

keepCompiledCode();
