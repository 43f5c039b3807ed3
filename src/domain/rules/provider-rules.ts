/** The rules about one provider's listing alone (see entry.ts). */
import type { Entry } from '../content.ts';
import { requiresStartingPrice, startingPriceRule } from '../directory/starting-price.ts';
import { DEPARTMENT_CODES } from '../../schemas/insee/codes.ts';
import { day, frenchDate, record, type EntryRuleContext, type Report } from './entry.ts';

export function checkProvider(entry: Entry<unknown>, report: Report, ctx: EntryRuleContext) {
  const p = record(entry.data);
  const location = record(p.location);

  // postcode-in-department
  if (typeof location.postcode === 'string' && /^\d{5}$/.test(location.postcode) && typeof location.department === 'string') {
    const { postcode, department } = location;
    const departments = ctx.departmentsOfPostcode(postcode);
    if (DEPARTMENT_CODES.includes(department) && !departments.has(department)) {
      const others = [...departments];
      report(
        entry,
        ['location', 'postcode'],
        departments.size === 0
          ? `le code postal « ${postcode} » n’existe pas : vérifiez-le sur l’adresse du siège.`
          : `le code postal « ${postcode} » n’appartient pas au département « ${department} » mais à ${others.map((d) => `« ${d} »`).join(' ou ')} : corrigez l’un ou l’autre.`,
        'error',
        departments.size === 0
          ? `le code postal ${postcode} n’existe pas : vérifiez-le sur l’adresse du siège.`
          : `le code postal ${postcode} est celui d’un autre département (${others.join(' ou ')}) que celui choisi (${department}) : corrigez le code postal ou le département.`,
      );
    }
  }

  // dates-not-in-future
  for (const [field, label] of [
    ['updated', 'la date de relecture'],
    ['charter_signed', 'la date de signature de la charte'],
  ] as const) {
    const value = day(p[field]);
    if (value && value > ctx.today) report(entry, [field], `${label} (${frenchDate(value)}) est dans le futur : indiquez une date passée.`);
  }
  if (Number.isInteger(p.trained) && (p.trained as number) > Number(ctx.today.slice(0, 4))) {
    report(entry, ['trained'], `l’année de formation ${p.trained as number} est dans le futur.`);
  }

  // pricing-has-magnitude: the criteria ask for an order of magnitude.
  const pricing = record(p.pricing);
  if (typeof pricing.model === 'string' && requiresStartingPrice(pricing.model) && pricing.from_eur === undefined) {
    report(entry, ['pricing', 'from_eur'], startingPriceRule.message, ctx.newEntry ? 'error' : 'warning', startingPriceRule.form);
  }
}
