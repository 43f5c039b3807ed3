import { describe, expect, it } from 'vitest';
import { franceMap, mapShades } from '../../src/components/france-map.ts';
import { regions } from '../../src/schemas/geography.ts';

describe('the map of France', () => {
  const map = franceMap();

  it('draws every metropolitan région and a box for each overseas région, by INSEE code', () => {
    const mainland = ['11', '24', '27', '28', '32', '44', '52', '53', '75', '76', '84', '93', '94'];
    expect(map.regions.map((r) => r.code).sort()).toEqual(mainland);
    expect(map.insets.map((r) => r.code).sort()).toEqual(
      regions
        .filter((r) => r.code.length === 2 && !mainland.includes(r.code))
        .map((r) => r.code)
        .sort(),
    );
    for (const r of map.regions) expect(r.name).toBe(regions.find((x) => x.code === r.code)!.name);
  });

  it('stays a few kilobytes, inside its view box', () => {
    expect(map.regions.reduce((n, r) => n + r.d.length, 0)).toBeLessThan(12_000);
    const [x, y, width, height] = map.viewBox.split(' ').map(Number);
    expect([x, y]).toEqual([0, 0]);
    for (const inset of map.insets) expect(inset.y + inset.height).toBeLessThanOrEqual(height!);
    expect(width).toBeGreaterThan(500);
  });

  it('shades a région by its count, and names each shade’s range in the legend', () => {
    const { shade, steps } = mapShades(
      new Map([
        ['84', 8],
        ['11', 1],
        ['53', 4],
      ]),
    );
    expect([shade('84'), shade('11'), shade('53'), shade('93')]).toEqual([4, 1, 2, 0]);
    expect(steps).toEqual([
      { s: 1, from: 1, to: 2 },
      { s: 2, from: 3, to: 4 },
      { s: 3, from: 5, to: 6 },
      { s: 4, from: 7, to: 8 },
    ]);
  });
});
