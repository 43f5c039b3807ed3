/** "Vouliez-vous dire…": the nearest known value to a mistyped one. */
import { distance } from 'fastest-levenshtein';
import { normaliseName } from '../text/normalise.ts';

/** The closest candidate, when it is close enough to be a typing mistake. */
export function closest(value: string, candidates: Iterable<string>): string | undefined {
  const wanted = normaliseName(value);
  if (!wanted) return undefined;
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const d = distance(wanted, normaliseName(candidate));
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  // Allow about one typo per four characters, and at least two; but a
  // candidate that shares nothing with a short value (« ab » for « xy ») is
  // another word, not a typo.
  const tolerance = Math.max(2, Math.floor(wanted.length / 4));
  return bestDistance <= tolerance && bestDistance < wanted.length ? best : undefined;
}

export function didYouMean(value: string, candidates: Iterable<string>): string {
  const hit = closest(value, candidates);
  return hit ? ` Vouliez-vous dire « ${hit} » ?` : '';
}
