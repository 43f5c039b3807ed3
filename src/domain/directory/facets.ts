/**
 * The directory's facets: which values each published provider takes
 * (service, place, zone, size served, structure, tool, GAFAM service
 * replaced, network, pricing), and how many providers take each value.
 * Values and labels come from the schemas, the taxonomies and the INSEE
 * geography; the static facet pages, the search filters, the map and the
 * finder all read them from here.
 *
 * Which places a provider counts for follows the place rule of places.ts: a
 * place's count is its number (on the spot and everywhere in France; not
 * remote-only providers, listed apart on the place's page).
 */
import { departmentRegion, departments, regions } from '../../schemas/geography.ts';
import { enumValues, metaOf, schemaAt } from '../../schemas/introspect.ts';
import { providerSchema, type Provider } from '../../schemas/provider.ts';
import type { Network, Service, Tool } from '../../schemas/taxonomies.ts';
import { slugify } from '../text/normalise.ts';
import { regionsOfDepartments } from './places.ts';
import { availabilityStateLabels, availabilityStates, type AvailabilityFacts } from './availability.ts';

import { facetKeys, isPlaceFacet, zoneValues, type FacetKey } from './facet-keys.ts';

export { facetKeys, type FacetKey };

export interface FacetValue {
  /** As it appears in URLs and filters: a slug or an INSEE code. */
  value: string;
  label: string;
  count: number;
}

export interface Facet {
  key: FacetKey;
  /** Heading of the facet (« Services », « Départements »…). */
  title: string;
  /** Only values that at least one provider takes, in the order visitors expect. */
  values: FacetValue[];
}

export interface Taxonomies {
  services: readonly Service[];
  tools: readonly Tool[];
  networks: readonly Network[];
}

/** A published provider as facets see it. */
export interface FacetedProvider {
  id: string;
  data: Provider;
  /** Its availability, resolved on the day of the build (availability.ts). */
  availability: Pick<AvailabilityFacts, 'state'>;
}

const collator = new Intl.Collator('fr', { sensitivity: 'base', numeric: true });

/** Where in the provider schema each facet reads, for its title and its labels. */
const schemaPaths: Record<Exclude<FacetKey, 'remplace'>, readonly string[]> = {
  service: ['services'],
  region: ['area', 'regions'],
  departement: ['area', 'departments'],
  zone: ['area'],
  taille: ['sizes'],
  structure: ['structure'],
  outil: ['tools'],
  reseau: ['networks'],
  tarif: ['pricing', 'model'],
  disponibilite: ['availability', 'status'],
};

function fieldMeta(key: Exclude<FacetKey, 'remplace'>) {
  const schema = schemaAt(providerSchema, schemaPaths[key]);
  if (!schema) throw new Error(`Champ introuvable dans le schéma des structures : ${schemaPaths[key].join('.')}`);
  return { meta: metaOf(schema), schema };
}

/** Allowed values and French labels of an enum facet (size, structure, pricing, availability), from the schema. */
function enumLabels(key: 'taille' | 'structure' | 'tarif' | 'disponibilite'): Array<{ value: string; label: string }> {
  const { meta, schema } = fieldMeta(key);
  const element = schemaAt(schema, [0]) ?? schema;
  const values = enumValues(element) ?? enumValues(schema) ?? [];
  return values.map((value) => ({ value, label: meta.labels?.[value] ?? value }));
}

/** Facets titled by the group their field belongs to: « Disponibilité », not its status's question. */
const titlePaths: Partial<Record<FacetKey, readonly string[]>> = { disponibilite: ['availability'] };

export const facetTitles: Record<FacetKey, string> = {
  ...(Object.fromEntries(
    (Object.keys(schemaPaths) as Array<keyof typeof schemaPaths>).map((key) => {
      const titled = titlePaths[key];
      return [key, (titled ? metaOf(schemaAt(providerSchema, titled)!).title : fieldMeta(key).meta.title) ?? key];
    }),
  ) as Record<keyof typeof schemaPaths, string>),
  // Not a provider field: derived from the « replaces » list of the tools it offers.
  remplace: 'Services des GAFAM remplacés',
};

/** The zone facet's values, labelled with the titles of the provider schema's fields (« Partout en France », « À distance »). */
function zoneLabels(): Array<{ value: string; label: string }> {
  const title = (field: string) => metaOf(schemaAt(providerSchema, ['area', field])!).title ?? field;
  return [
    { value: zoneValues.national, label: title('national') },
    { value: zoneValues.remote, label: title('remote') },
  ];
}

/** The GAFAM services a tool replaces, as slugs (`Google Drive` → `google-drive`). */
export function replacedServices(tool: Tool): Array<{ value: string; label: string }> {
  return tool.replaces.map((label) => ({ value: slugify(label), label }));
}

/** The availability facet's values: the three a provider states (schema labels), then « à confirmer » and « non précisée ». */
function availabilityValues(): Array<{ value: string; label: string }> {
  const stated = new Map(enumLabels('disponibilite').map((v) => [v.value, v.label]));
  return availabilityStates.map((value) => ({
    value,
    label: stated.get(value) ?? availabilityStateLabels[value as keyof typeof availabilityStateLabels],
  }));
}

/** Every value a provider takes, facet by facet; `availability` is its resolved state (availability.ts). */
export function providerFacetValues(
  provider: Provider,
  taxonomies: Pick<Taxonomies, 'tools'>,
  availability: Pick<AvailabilityFacts, 'state'>,
): Record<FacetKey, string[]> {
  const toolsBySlug = new Map(taxonomies.tools.map((t) => [t.slug, t]));
  const replaced = new Set<string>();
  for (const slug of provider.tools)
    for (const r of replacedServices(toolsBySlug.get(slug) ?? ({ replaces: [] } as unknown as Tool))) replaced.add(r.value);
  const { area, location } = provider;
  let regionCodes: string[];
  let departmentCodes: string[];
  if (area.national) {
    regionCodes = regions.map((r) => r.code);
    departmentCodes = departments.map((d) => d.code);
  } else {
    const served = new Set([location.department, ...area.departments]);
    for (const d of departments) if (area.regions.includes(d.region)) served.add(d.code);
    departmentCodes = [...served].sort();
    regionCodes = [...new Set([...regionsOfDepartments([location.department, ...area.departments]), ...area.regions])].sort();
  }
  return {
    service: [...provider.services],
    remplace: [...replaced].sort(),
    region: regionCodes,
    departement: departmentCodes,
    zone: [...(area.national ? [zoneValues.national] : []), ...(area.remote ? [zoneValues.remote] : [])],
    taille: [...provider.sizes],
    structure: [provider.structure],
    outil: [...provider.tools],
    reseau: [...provider.networks],
    tarif: [provider.pricing.model],
    disponibilite: [availability.state],
  };
}

/** Every possible value of each facet, with its label, in display order. */
export function facetVocabulary(taxonomies: Taxonomies): Record<FacetKey, Array<{ value: string; label: string }>> {
  const replaced = new Map<string, string>();
  for (const tool of taxonomies.tools) for (const r of replacedServices(tool)) if (!replaced.has(r.value)) replaced.set(r.value, r.label);
  return {
    service: taxonomies.services.map((s) => ({ value: s.slug, label: s.label })),
    remplace: [...replaced].map(([value, label]) => ({ value, label })).sort((a, b) => collator.compare(a.label, b.label)),
    region: [...regions].map((r) => ({ value: r.code, label: r.name })).sort((a, b) => collator.compare(a.label, b.label)),
    departement: departments.map((d) => ({ value: d.code, label: `${d.name} (${d.code})` })),
    zone: zoneLabels(),
    taille: enumLabels('taille'),
    structure: enumLabels('structure'),
    outil: taxonomies.tools.map((t) => ({ value: t.slug, label: t.label })),
    reseau: taxonomies.networks.map((n) => ({ value: n.slug, label: n.label })),
    tarif: enumLabels('tarif'),
    disponibilite: availabilityValues(),
  };
}

/** The French name of any facet value (« Rhône (69) », « Google Drive »); the value itself when unknown. */
export function facetLabels(taxonomies: Taxonomies): (key: FacetKey, value: string) => string {
  const labels = new Map<string, string>();
  for (const [key, values] of Object.entries(facetVocabulary(taxonomies))) for (const v of values) labels.set(`${key}/${v.value}`, v.label);
  return (key, value) => labels.get(`${key}/${value}`) ?? value;
}

export interface FacetIndex {
  facets: Facet[];
  /** Provider ids per facet and value, in the providers' order. */
  members: Record<FacetKey, Map<string, string[]>>;
  /** Values of each provider, by id. */
  valuesOf: Map<string, Record<FacetKey, string[]>>;
}

/** Counts every facet value over the published providers. */
export function buildFacets(providers: readonly FacetedProvider[], taxonomies: Taxonomies): FacetIndex {
  const members = Object.fromEntries(facetKeys.map((k) => [k, new Map<string, string[]>()])) as FacetIndex['members'];
  const valuesOf = new Map<string, Record<FacetKey, string[]>>();
  for (const provider of providers) {
    const values = providerFacetValues(provider.data, taxonomies, provider.availability);
    valuesOf.set(provider.id, values);
    for (const key of facetKeys) {
      for (const value of values[key]) {
        let list = members[key].get(value);
        if (!list) members[key].set(value, (list = []));
        list.push(provider.id);
      }
    }
  }
  const vocabulary = facetVocabulary(taxonomies);
  // Every place has a list as soon as someone works remotely or everywhere: its number may be 0, its page still helps.
  const anyoneFar = providers.some((p) => p.data.area.remote || p.data.area.national);
  const facets = facetKeys.map((key) => ({
    key,
    title: facetTitles[key],
    values: vocabulary[key]
      .map((v) => ({ ...v, count: members[key].get(v.value)?.length ?? 0 }))
      .filter((v) => v.count > 0 || (anyoneFar && isPlaceFacet(key))),
  }));
  return { facets, members, valuesOf };
}

/** A facet's values as its page lists them: départements read best under their région, by région name. */
export function facetValueGroups(facet: Facet): Array<{ name: string; values: FacetValue[] }> {
  if (facet.key !== 'departement') return [{ name: '', values: facet.values }];
  return regions
    .map((r) => ({ name: r.name, values: facet.values.filter((v) => departmentRegion(v.value) === r.code) }))
    .filter((g) => g.values.length > 0)
    .sort((a, b) => collator.compare(a.name, b.name));
}

/**
 * How many values of a facet a list's filter panel shows, the most common
 * first; the facet's own page lists them all. Short lists keep a list's page
 * light on a phone (every value is two elements: its Ecoindex); services, what
 * most visitors come for, show a few more.
 */
export function facetPreviewSize(key: FacetKey): number {
  return key === 'service' ? 6 : 4;
}

/** The most common values first (for short lists), ties in display order. */
export function topValues(facet: Facet, limit: number): FacetValue[] {
  return [...facet.values].sort((a, b) => b.count - a.count).slice(0, limit);
}
