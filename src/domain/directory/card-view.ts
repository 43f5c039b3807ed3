/**
 * A provider as a card of a list (directory, facet pages, home, search
 * results, finder): who, how trusted, where, what it offers, at what price,
 * in French words — and the lines a card shows, in order. Light on purpose:
 * the build renders cards with it (ProviderCard.astro, the search index's
 * metadata) and the finder's browser script too, so that a card reads the
 * same everywhere.
 */
import type { FacetKey } from './facet-keys.ts';
import { formatEuros, frenchTypography as t, shortList } from '../text/format.ts';
import { availabilitySentence, type AvailabilityFacts } from './availability.ts';

/** What a card says of a provider, before words. */
export interface CardFacts {
  id: string;
  name: string;
  city: string;
  /** Département where it is located. */
  department: string;
  structure: string;
  national: boolean;
  remote: boolean;
  services: readonly string[];
  networks: readonly string[];
  /** Verified recommendations. */
  recommendations: number;
  pricing: { model: string; from_eur?: number | undefined };
  availability: AvailabilityFacts;
}

/** The words a card needs: the label of any facet value, the name of a département. */
export interface CardWords {
  label(key: FacetKey, value: string): string;
  departmentName(code: string): string | undefined;
}

export interface ProviderCardView {
  id: string;
  name: string;
  /** « 2 recommandations vérifiées · membre : CHATONS ». */
  trust: string;
  /** « Lyon (Rhône) · Association · partout en France · à distance. Diagnostic · Hébergement · et 2 autres. » */
  summary: string;
  /** « Sur devis · à partir de 300 € », « Gratuit ». */
  pricing: string;
  /** « Disponibilité au 12 octobre 2026 : accepte de nouvelles associations », « Disponibilité non précisée ». */
  availability: string;
}

/** « 1 recommandation vérifiée », « 3 recommandations vérifiées ». */
export function recommendationsSentence(count: number): string {
  return count === 1 ? '1 recommandation vérifiée' : `${count} recommandations vérifiées`;
}

/** Services shown on a card before « et N autres ». */
const CARD_SERVICES = 4;

/** The pricing model, then the starting price when there is one: « Sur devis · à partir de 300 € ». */
export function priceSummary(model: string, modelLabel: string, from: number | undefined): string {
  // A free service has no starting price, whatever the file says.
  if (from === undefined || model === 'gratuit') return modelLabel;
  return `${modelLabel} · à partir de ${formatEuros(from)}`;
}

export function cardView(facts: CardFacts, words: CardWords): ProviderCardView {
  const networks = facts.networks.map((n) => words.label('reseau', n));
  const department = words.departmentName(facts.department);
  // « Lyon (Rhône) », but « Paris » alone.
  const named = department && department.toLocaleLowerCase('fr') !== facts.city.toLocaleLowerCase('fr');
  const where = [
    named ? `${t(facts.city)} (${department})` : t(facts.city),
    words.label('structure', facts.structure),
    ...(facts.national ? ['partout en France'] : []),
    ...(facts.remote ? ['à distance'] : []),
  ].join(' · ');
  const services = shortList(
    facts.services.map((s) => words.label('service', s)),
    CARD_SERVICES,
  );
  return {
    id: facts.id,
    name: t(facts.name),
    trust: t(`${recommendationsSentence(facts.recommendations)}${networks.length > 0 ? ` · membre : ${networks.join(', ')}` : ''}`),
    summary: t(`${where}. ${services}.`),
    pricing: t(priceSummary(facts.pricing.model, words.label('tarif', facts.pricing.model), facts.pricing.from_eur)),
    availability: t(availabilitySentence(facts.availability, (state) => words.label('disponibilite', state))),
  };
}

/** One line of a card under its heading; `kind` is its class. */
export interface CardLine {
  kind: 'trust' | 'summary' | 'price' | 'availability' | 'reasons';
  text: string;
}

/** « Tarif : Sur devis · à partir de 300 € »: the price line of any list of providers. */
export function priceLine(view: Pick<ProviderCardView, 'pricing'>): string {
  return `Tarif\u00A0: ${view.pricing}`;
}

/** The lines of a card, in order: trust, summary, price, availability, and why it is on this list when that needs saying. */
export function cardLines(view: ProviderCardView, reasons: readonly string[] = []): CardLine[] {
  return [
    { kind: 'trust', text: view.trust },
    { kind: 'summary', text: view.summary },
    { kind: 'price', text: priceLine(view) },
    { kind: 'availability', text: view.availability },
    ...(reasons.length > 0 ? [{ kind: 'reasons' as const, text: `Pourquoi ici\u00A0: ${reasons.join(' · ')}` }] : []),
  ];
}
