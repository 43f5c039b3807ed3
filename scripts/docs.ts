/**
 * npm run docs
 *
 * Writes docs/contenu.md, the reference of the content files, from the
 * schemas and the rules catalogue. A unit test fails when the committed file
 * differs from what this command writes.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { CONTENT_REFERENCE_FILE, contentReference } from './lib/content-reference.ts';

const root = path.resolve(import.meta.dirname, '..');
await writeFile(path.join(root, CONTENT_REFERENCE_FILE), contentReference());
console.log(`${CONTENT_REFERENCE_FILE} est à jour.`);
