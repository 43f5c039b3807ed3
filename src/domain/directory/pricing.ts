/** How a provider's prices are said: the pricing model, then the starting price when there is one (card-view.ts). */
import { pricingLabels, type Provider } from '../../schemas/provider.ts';
import { priceSummary } from './card-view.ts';

/** « Sur devis · à partir de 300 € », « Gratuit », « Adhésion ». */
export function pricingSummary(pricing: Pick<Provider['pricing'], 'model' | 'from_eur'>): string {
  // A model not chosen yet (the CMS preview of an entry being filled) shows as it is.
  return priceSummary(pricing.model, pricingLabels[pricing.model] ?? pricing.model, pricing.from_eur);
}

export { requiresStartingPrice, startingPriceRule } from './starting-price.ts';
