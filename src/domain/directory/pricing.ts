/** How a provider's prices are said: the pricing model, then the starting price when there is one. */
import { formatEuros } from '../text/format.ts';
import { pricingLabels, type Provider } from '../../schemas/provider.ts';

/** « Sur devis · à partir de 300 € », « Gratuit », « Adhésion ». */
export function pricingSummary(pricing: Pick<Provider['pricing'], 'model' | 'from_eur'>): string {
  // A model not chosen yet (the CMS preview of an entry being filled) shows as it is.
  const model = pricingLabels[pricing.model] ?? pricing.model;
  // A free service has no starting price, whatever the file says.
  if (pricing.from_eur === undefined || pricing.model === 'gratuit') return model;
  return `${model} · à partir de ${formatEuros(pricing.from_eur)}`;
}
