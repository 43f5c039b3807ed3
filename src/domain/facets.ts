/**
 * The directory's facets: which values each published provider takes
 * (service, place, size served, structure, tool, GAFAM service replaced,
 * network, pricing), and how many providers take each value. Values and
 * labels come from the schemas, the taxonomies and the INSEE geography; the
 * static facet pages, the search filters, the map and the finder all read
 * them from here.
 *
 * Place rule: a provider counts for a département or a région when it is
 * located there or says it serves it (directly or through its région), and a
 * provider that works everywhere in France (`area.national`) counts for every
 * one of them. Working remotely is not counted as being there.
 */
import departmentsData from '@etalab/decoupage-administratif/data/departements.json' with { type: 'json' };
import regionsData from '@etalab/decoupage-administratif/data/regions.json' with { type: 'json' };
import { departmentName, departmentRegion, departments, regionName, regions } from '../schemas/geography.ts';
import { enumValues, metaOf, schemaAt } from '../schemas/introspect.ts';
import { providerSchema, type Provider } from '../schemas/provider.ts';
import type { Network, Service, Tool } from '../schemas/taxonomies.ts';
import { placeSentence, type PlaceMatch } from './finder.ts';
import { slugify } from './normalise.ts';

import { facetKeys, type FacetKey } from './facet-keys.ts';

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
}

const collator = new Intl.Collator('fr', { sensitivity: 'base', numeric: true });

/** Where in the provider schema each facet reads, for its title and its labels. */
const schemaPaths: Record<Exclude<FacetKey, 'remplace'>, readonly string[]> = {
  service: ['services'],
  region: ['area', 'regions'],
  departement: ['area', 'departments'],
  taille: ['sizes'],
  structure: ['structure'],
  outil: ['tools'],
  reseau: ['networks'],
  tarif: ['pricing', 'model'],
};

function fieldMeta(key: Exclude<FacetKey, 'remplace'>) {
  const schema = schemaAt(providerSchema, schemaPaths[key]);
  if (!schema) throw new Error(`Champ introuvable dans le schéma des structures : ${schemaPaths[key].join('.')}`);
  return { meta: metaOf(schema), schema };
}

/** Allowed values and French labels of an enum facet (size, structure, pricing), from the schema. */
function enumLabels(key: 'taille' | 'structure' | 'tarif'): Array<{ value: string; label: string }> {
  const { meta, schema } = fieldMeta(key);
  const element = schemaAt(schema, [0]) ?? schema;
  const values = enumValues(element) ?? enumValues(schema) ?? [];
  return values.map((value) => ({ value, label: meta.labels?.[value] ?? value }));
}

export const facetTitles: Record<FacetKey, string> = {
  ...(Object.fromEntries(
    (Object.keys(schemaPaths) as Array<keyof typeof schemaPaths>).map((key) => [key, fieldMeta(key).meta.title ?? key]),
  ) as Record<keyof typeof schemaPaths, string>),
  // Not a provider field: derived from the « replaces » list of the tools it offers.
  remplace: 'Services des GAFAM remplacés',
};

/** The GAFAM services a tool replaces, as slugs (`Google Drive` → `google-drive`). */
export function replacedServices(tool: Tool): Array<{ value: string; label: string }> {
  return tool.replaces.map((label) => ({ value: slugify(label), label }));
}

function regionsOfDepartments(codes: readonly string[]): string[] {
  return codes.map(departmentRegion).filter((r): r is string => !!r);
}

/** Every value a provider takes, facet by facet. */
export function providerFacetValues(provider: Provider, taxonomies: Pick<Taxonomies, 'tools'>): Record<FacetKey, string[]> {
  const toolsBySlug = new Map(taxonomies.tools.map((t) => [t.slug, t]));
  const replaced = new Set<string>();
  for (const slug of provider.tools) for (const r of replacedServices(toolsBySlug.get(slug) ?? ({ replaces: [] } as unknown as Tool))) replaced.add(r.value);
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
    taille: [...provider.sizes],
    structure: [provider.structure],
    outil: [...provider.tools],
    reseau: [...provider.networks],
    tarif: [provider.pricing.model],
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
    taille: enumLabels('taille'),
    structure: enumLabels('structure'),
    outil: taxonomies.tools.map((t) => ({ value: t.slug, label: t.label })),
    reseau: taxonomies.networks.map((n) => ({ value: n.slug, label: n.label })),
    tarif: enumLabels('tarif'),
  };
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
    const values = providerFacetValues(provider.data, taxonomies);
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
  const facets = facetKeys.map((key) => ({
    key,
    title: facetTitles[key],
    values: vocabulary[key]
      .map((v) => ({ ...v, count: members[key].get(v.value)?.length ?? 0 }))
      .filter((v) => v.count > 0),
  }));
  return { facets, members, valuesOf };
}

/** The most common values first (for short lists), ties in display order. */
export function topValues(facet: Facet, limit: number): FacetValue[] {
  return [...facet.values].sort((a, b) => b.count - a.count).slice(0, limit);
}

// ——— Places in French sentences ———

const liaisons = new Map<string, number>([
  ...(departmentsData as Array<{ code: string; typeLiaison: number }>).map((d) => [`d${d.code}`, d.typeLiaison] as [string, number]),
  ...(regionsData as Array<{ code: string; typeLiaison: number }>).map((r) => [`r${r.code}`, r.typeLiaison] as [string, number]),
]);

/**
 * « dans le Rhône », « en Isère », « dans les Landes », « dans l’Ain »,
 * « à Paris », « en Bretagne »: from INSEE's article type (TNCC).
 */
export function inPlace(kind: 'departement' | 'region', code: string): string {
  const name = (kind === 'departement' ? departmentName(code) : regionName(code)) ?? code;
  const type = liaisons.get(`${kind === 'departement' ? 'd' : 'r'}${code}`) ?? 0;
  if (type === 2) return `dans le ${name}`;
  if (type === 4) return `dans les ${name}`;
  if (type === 5) return `dans l’${name}`;
  if (/^(La |Le |Les |Saint-|Paris$|Mayotte$|Wallis|Île de )/.test(name)) return `à ${name}`;
  return `en ${name}`;
}

export type { PlaceMatch };

/** How a provider reaches a département: located there, serving it, everywhere, remotely only, or not at all. */
export function placeMatch(provider: Provider, department: string): PlaceMatch {
  if (provider.location.department === department) return 'located';
  if (provider.area.departments.includes(department)) return 'served';
  const region = departmentRegion(department);
  if (region && provider.area.regions.includes(region)) return 'region-served';
  if (provider.area.national) return 'national';
  if (provider.area.remote) return 'remote';
  return 'none';
}

/** How a provider reaches a région (same rule, at région level). */
export function regionMatch(provider: Provider, region: string): PlaceMatch {
  if (departmentRegion(provider.location.department) === region) return 'located';
  if (provider.area.regions.includes(region)) return 'served';
  if (regionsOfDepartments(provider.area.departments).includes(region)) return 'served';
  if (provider.area.national) return 'national';
  if (provider.area.remote) return 'remote';
  return 'none';
}

/** The sentence that says why a provider appears for a place. */
export function explainPlace(provider: Provider, kind: 'departement' | 'region', code: string): string {
  const match = kind === 'departement' ? placeMatch(provider, code) : regionMatch(provider, code);
  return placeSentence(match, {
    city: provider.location.city,
    cityDetail: kind === 'region' ? departmentName(provider.location.department) : undefined,
    where: inPlace(kind, code),
    regionName: regionName(departmentRegion(code) ?? ''),
  });
}
