/** Partner networks, grouped by kind in the order of the schema, by name within a kind. */
import { partnerKinds, type Partner } from '../../schemas/editorial.ts';

const collator = new Intl.Collator('fr', { sensitivity: 'base' });

export function partnersByKind<T extends { data: Pick<Partner, 'kind' | 'name'> }>(
  partners: readonly T[],
): Array<{ kind: Partner['kind']; list: T[] }> {
  return partnerKinds
    .map((kind) => ({
      kind,
      list: partners.filter((p) => p.data.kind === kind).sort((a, b) => collator.compare(a.data.name, b.data.name)),
    }))
    .filter((g) => g.list.length > 0);
}
