/**
 * A provider as a card of a list (directory, facet pages, home, search
 * results, finder): who, how trusted, where, what it offers, in French words.
 */
import type { ListedProvider } from './index.ts';
import type { FacetKey } from './facet-keys.ts';
import { recommendationsSentence } from '../finder/index.ts';
import { frenchTypography as t, shortList } from '../text/format.ts';
import { departmentName } from '../../schemas/geography.ts';

export interface ProviderCardView {
  id: string;
  name: string;
  /** « 2 recommandations vérifiées · membre : CHATONS ». */
  trust: string;
  /** « Lyon (Rhône) · Association · partout en France · à distance. Diagnostic · Hébergement · et 2 autres. » */
  summary: string;
}

/** Services shown on a card before « et N autres ». */
const CARD_SERVICES = 4;

export function providerCardView(provider: ListedProvider, label: (key: FacetKey, value: string) => string): ProviderCardView {
  const { data } = provider;
  const networks = data.networks.map((n) => label('reseau', n));
  const where = [
    `${t(data.location.city)} (${departmentName(data.location.department)})`,
    label('structure', data.structure),
    ...(data.area.national ? ['partout en France'] : []),
    ...(data.area.remote ? ['à distance'] : []),
  ].join(' · ');
  const services = shortList(
    data.services.map((s) => label('service', s)),
    CARD_SERVICES,
  );
  return {
    id: provider.id,
    name: t(data.name),
    trust: t(
      `${recommendationsSentence(provider.recommendations.length)}${networks.length > 0 ? ` · membre : ${networks.join(', ')}` : ''}`,
    ),
    summary: t(`${where}. ${services}.`),
  };
}
