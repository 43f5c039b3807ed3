/** The rules about one provider's listing alone (see entry.ts): those of its file alone, and those that read the day or the criteria. */
import type { Entry } from '../content.ts';
import { requiresStartingPrice, startingPriceRule } from '../directory/starting-price.ts';
import { DEPARTMENT_CODES } from '../../schemas/insee/codes.ts';
import { day, frenchDate, record, type EntryRuleContext, type FileRuleContext, type Report } from './entry.ts';

/** What a listing says of its own dates and prices: dates-not-in-future, pricing-has-magnitude. */
export function checkProvider(entry: Entry<unknown>, report: Report, ctx: EntryRuleContext) {
  const p = record(entry.data);

  // dates-not-in-future
  for (const [field, label] of [
    ['updated', 'la date de relecture'],
    ['charter_signed', 'la date de signature de la charte'],
  ] as const) {
    const value = day(p[field]);
    if (value && value > ctx.today) report(entry, [field], `${label} (${frenchDate(value)}) est dans le futur : indiquez une date passée.`);
  }
  const stated = day(record(p.availability).stated);
  if (stated && stated > ctx.today)
    report(
      entry,
      ['availability', 'stated'],
      `la date de la disponibilité (${frenchDate(stated)}) est dans le futur : indiquez le jour où la structure l’a dite.`,
    );
  if (Number.isInteger(p.trained) && (p.trained as number) > Number(ctx.today.slice(0, 4))) {
    report(entry, ['trained'], `l’année de formation ${p.trained as number} est dans le futur.`);
  }

  // pricing-has-magnitude: the criteria ask for an order of magnitude.
  const pricing = record(p.pricing);
  if (typeof pricing.model === 'string' && requiresStartingPrice(pricing.model) && pricing.from_eur === undefined) {
    report(entry, ['pricing', 'from_eur'], startingPriceRule.message, ctx.newEntry ? 'error' : 'warning', startingPriceRule.form);
  }
}

/** postcode-in-department: the postcode of the head office is one of its département's (INSEE data). The file alone decides. */
export function checkProviderFile(entry: Entry<unknown>, report: Report, ctx: FileRuleContext) {
  const location = record(record(entry.data).location);
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
}
