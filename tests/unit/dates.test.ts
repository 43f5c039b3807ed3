/** Calendar arithmetic on `YYYY-MM-DD` strings, and today as France sees it. */
import { describe, expect, it } from 'vitest';
import { addMonths, todayInFrance } from '../../src/domain/text/dates.ts';
import { LISTING_STALE_MONTHS, RECOMMENDATION_STALE_MONTHS } from '../../src/domain/staleness.ts';

describe('todayInFrance', () => {
  it('is the day in Paris, not in UTC: in winter (UTC+1)…', () => {
    expect(todayInFrance(new Date('2026-11-28T22:59:59Z'))).toBe('2026-11-28');
    expect(todayInFrance(new Date('2026-11-28T23:00:00Z'))).toBe('2026-11-29');
  });

  it('…and in summer (UTC+2)', () => {
    expect(todayInFrance(new Date('2026-06-30T21:59:59Z'))).toBe('2026-06-30');
    expect(todayInFrance(new Date('2026-06-30T22:00:00Z'))).toBe('2026-07-01');
  });

  it('is written YYYY-MM-DD, so that days compare as text', () => {
    expect(todayInFrance(new Date('2027-01-05T12:00:00Z'))).toBe('2027-01-05');
    expect(todayInFrance()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});

describe('addMonths', () => {
  it.each([
    ['2026-01-15', 1, '2026-02-15'],
    ['2026-12-15', 1, '2027-01-15'],
    ['2026-01-15', -1, '2025-12-15'],
    ['2026-01-31', 1, '2026-02-28'],
    ['2024-01-31', 1, '2024-02-29'],
    ['2026-03-31', -1, '2026-02-28'],
    ['2026-05-31', 1, '2026-06-30'],
    ['2024-02-29', 12, '2025-02-28'],
    ['2026-11-28', -18, '2025-05-28'],
    ['2026-11-28', -36, '2023-11-28'],
    ['2026-11-28', 0, '2026-11-28'],
    ['0001-01-01', -1, '0000-12-01'],
  ])('%s %+d months → %s', (day, months, expected) => {
    expect(addMonths(day, months)).toBe(expected);
  });
});

describe('staleness thresholds of the contract', () => {
  it('are 18 months for a listing and 36 for a verification', () => {
    expect(LISTING_STALE_MONTHS).toBe(18);
    expect(RECOMMENDATION_STALE_MONTHS).toBe(36);
  });
});
