/** A provider's card: the same lines everywhere (lists, search results, the finder), with its price. */
import { describe, expect, it } from 'vitest';
import { cardLines, cardView, priceSummary, type CardFacts } from '../../src/domain/directory/card-view.ts';
import { pricingSummary } from '../../src/domain/directory/pricing.ts';
import { decodeIndexedCard, encodeIndexedCard } from '../../src/domain/directory/search-meta.ts';

const facts: CardFacts = {
  id: 'atelier',
  name: 'L’Atelier : libre !',
  city: 'Lyon',
  department: '69',
  structure: 'association',
  national: true,
  remote: true,
  services: ['diagnostic', 'hebergement', 'migration', 'support', 'formation'],
  networks: ['chatons'],
  recommendations: 2,
  pricing: { model: 'devis', from_eur: 1500 },
  availability: { state: 'liste-attente', stated: '2026-10-12', wait_weeks: 6 },
};
const labels: Record<string, string> = {
  'reseau/chatons': 'CHATONS',
  'structure/association': 'Association',
  'tarif/devis': 'Sur devis',
  'tarif/gratuit': 'Gratuit',
  'disponibilite/liste-attente': 'Liste d’attente',
  'disponibilite/ouvert': 'Accepte de nouvelles associations',
  'disponibilite/complet': 'Complet pour l’instant',
};
const departmentNames: Record<string, string> = { '69': 'Rhône', '75': 'Paris' };
const words = {
  label: (key: string, value: string) => labels[`${key}/${value}`] ?? value,
  departmentName: (code: string) => departmentNames[code],
};

describe('a card', () => {
  it('says who, how trusted, where, what and at what price, in French typography', () => {
    expect(cardView(facts, words)).toEqual({
      id: 'atelier',
      name: 'L’Atelier\u00a0: libre\u202f!',
      trust: '2 recommandations vérifiées · membre\u00a0: CHATONS',
      summary:
        'Lyon (Rhône) · Association · partout en France · à distance. diagnostic · hebergement · migration · support · et 1\u00a0autre.',
      pricing: 'Sur devis · à partir de 1\u202f500\u00a0€',
      availability: 'Disponibilité au 12 octobre 2026\u00a0: liste d’attente, environ 6\u00a0semaines',
    });
    expect(cardView({ ...facts, city: 'Paris', department: '75' }, words).summary).toMatch(/^Paris · Association/);
  });

  it('shows its lines in one order, the reason it is on the list last', () => {
    const view = cardView(facts, words);
    expect(cardLines(view).map((l) => l.kind)).toEqual(['trust', 'summary', 'price', 'availability']);
    expect(cardLines(view, ['basée à Lyon, dans le Rhône', 'propose Nextcloud']).at(-1)).toEqual({
      kind: 'reasons',
      text: 'Pourquoi ici\u00a0: basée à Lyon, dans le Rhône · propose Nextcloud',
    });
    expect(cardLines(view)[2]!.text).toBe('Tarif\u00a0: Sur devis · à partir de 1\u202f500\u00a0€');
  });

  it('says the price as the profile does: no starting price for a free service', () => {
    expect(priceSummary('gratuit', 'Gratuit', 50)).toBe('Gratuit');
    expect(priceSummary('devis', 'Sur devis', undefined)).toBe('Sur devis');
    expect(pricingSummary({ model: 'adhesion', from_eur: 60 })).toBe(priceSummary('adhesion', 'Adhésion', 60));
  });
});

describe('a card in the search index', () => {
  it('comes back as it was written, whatever its text holds, and not at all when it is not a card', () => {
    const card = { ...cardView(facts, words), city: 'Lyon "3e", <b>', department: '69' };
    const { id: _id, ...indexed } = card;
    expect(decodeIndexedCard(encodeIndexedCard(card))).toEqual(indexed);
    expect(decodeIndexedCard(undefined)).toBeUndefined();
    expect(decodeIndexedCard('{"a":1}')).toBeUndefined();
    expect(decodeIndexedCard('[1,2,3,4,5,6]')).toBeUndefined();
  });
});
