/**
 * npm run docs
 *
 * Writes docs/contenu.md, the reference of the content files, from the
 * schemas and the rules catalogue, and src/schemas/postcodes.data.ts, the
 * postcodes the forms check in the browser, from the INSEE data. Unit tests
 * fail when a committed file differs from what this command writes.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { CONTENT_REFERENCE_FILE, contentReference } from './lib/content-reference.ts';
import { POSTCODES_FILE, postcodesModule } from './lib/postcodes-module.ts';

const root = path.resolve(import.meta.dirname, '..');
await writeFile(path.join(root, CONTENT_REFERENCE_FILE), contentReference());
console.log(`${CONTENT_REFERENCE_FILE} est à jour.`);
await writeFile(path.join(root, POSTCODES_FILE), await postcodesModule());
console.log(`${POSTCODES_FILE} est à jour.`);
