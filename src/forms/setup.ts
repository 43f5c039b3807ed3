/**
 * What the pages /proposer/ and /recommander/ (and their blank files) need:
 * the form's fields, the settings its script reads, the blank entry, and the
 * words of the last step.
 */
import { CONTENT_FOLDER, entryTypes, type EntryType } from '../schemas/index.ts';
import type { SiteData } from '../site/data.ts';
import { typeFields } from '../fields/index.ts';
import { routes } from '../domain/routes.ts';
import { href } from '../site/href.ts';
import { formFields } from './fields.ts';
import type { FormSettings } from './settings.ts';
import { blankEntry } from './template.ts';

export function formSetup(site: SiteData, type: FormSettings['type']) {
  // Only published structures are named on public pages; one that waits comes with its own link (?structure=).
  const providers = site.directory.providers
    .map((p) => ({ value: p.id, label: p.data.name }))
    .sort((a, b) => a.label.localeCompare(b.label, 'fr'));
  const fields = formFields(type, site.taxonomies, providers, href(routes.page('charte')));
  const settings: FormSettings = {
    type,
    repository: site.settings.repository,
    contactEmail: site.settings.contact_email,
    folder: CONTENT_FOLDER,
  };
  const entryType: EntryType = entryTypes[type];
  // The blank file holds every field a contributor fills, the review date and the charter's date included.
  const fileFields = typeFields(type, site.taxonomies).filter((f) => !f.committee && f.widget !== 'image');
  const template = blankEntry(
    fileFields,
    entryType.body,
    type === 'recommendations' ? ['# Rempli par le comité de pilotage : laissez « pending ».', 'verification:', '  status: pending'] : [],
  );
  const examplePath = `${CONTENT_FOLDER}/${type}/${type === 'providers' ? 'nom-de-la-structure' : 'structure--nom-de-l-association'}.md`;
  return { fields, settings, template, examplePath };
}
