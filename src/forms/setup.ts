/**
 * What the pages /proposer/ and /recommander/ (and their blank files) need:
 * the form's fields, the settings its script reads, the blank entry.
 */
import { CONTENT_FOLDER, entryTypes, type EntryType } from '../schemas/index.ts';
import type { SiteData } from '../site/data.ts';
import { formFields } from './fields.ts';
import type { FormSettings } from './submit.ts';
import { blankEntry } from './template.ts';

export function formSetup(site: SiteData, type: FormSettings['type']) {
  // Only published structures are named on public pages; one that waits comes with its own link (?structure=).
  const providers = site.directory.providers
    .map((p) => ({ value: p.id, label: p.data.name }))
    .sort((a, b) => a.label.localeCompare(b.label, 'fr'));
  const fields = formFields(type, site.taxonomies, providers);
  const settings: FormSettings = {
    type,
    context: {
      // The rules only need the slugs of the vocabularies.
      taxonomies: Object.fromEntries(
        Object.entries(site.taxonomies).map(([name, terms]) => [name, terms.map((t) => ({ slug: t.slug }))]),
      ) as unknown as SiteData['taxonomies'],
      providerIds: providers.map((p) => p.value),
    },
    repository: site.settings.repository,
    contactEmail: site.settings.contact_email,
    folder: CONTENT_FOLDER,
  };
  const entryType: EntryType = entryTypes[type];
  const template = blankEntry(
    fields,
    entryType.body,
    type === 'recommendations' ? ['# Rempli par le comité de pilotage : laissez « pending ».', 'verification:', '  status: pending'] : [],
  );
  const examplePath = `${CONTENT_FOLDER}/${type}/${type === 'providers' ? 'nom-de-la-structure' : 'structure--nom-de-l-association'}.md`;
  return { fields, settings, template, examplePath };
}
