/**
 * npm run docs
 *
 * Writes docs/contenu.md, the reference of the content files, from the
 * schemas and the rules catalogue, and the INSEE data the forms read in the
 * browser (src/schemas/insee/). Unit tests fail when a committed file
 * differs from what this command writes.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { CONTENT_REFERENCE_FILE, contentReference } from './lib/content-reference.ts';
import { GEOGRAPHY_FILE, GEOGRAPHY_NAMES_FILE, geographyModule, geographyNamesModule, postcodesModules } from './lib/insee-modules.ts';

const root = path.resolve(import.meta.dirname, '..');
await writeFile(path.join(root, CONTENT_REFERENCE_FILE), contentReference());
console.log(`${CONTENT_REFERENCE_FILE} est à jour.`);
for (const [file, text] of [
  [GEOGRAPHY_FILE, geographyModule()],
  [GEOGRAPHY_NAMES_FILE, geographyNamesModule()],
  ...(await postcodesModules()),
]) {
  await writeFile(path.join(root, file!), text!);
}
console.log('src/schemas/insee/ est à jour.');
