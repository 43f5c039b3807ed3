/**
 * The map of France drawn at build time from the open outlines of the
 * régions (`@svg-maps/france.regions`, CC BY 4.0, already projected),
 * simplified to a few kilobytes, plus inset boxes for the overseas régions
 * that the outlines do not include. No tile, no request: the result is
 * inlined in the page as SVG.
 */
import outlinesData from '@svg-maps/france.regions';
import simplify from 'simplify-js';
import svgpath from 'svgpath';
import { normaliseName } from '../domain/text/normalise.ts';
import { regions } from '../schemas/geography.ts';

type Point = [number, number];

/** The package's shape (its own type declaration points at a package it does not ship). */
const outlines = outlinesData as unknown as { viewBox: string; locations: Array<{ id: string; name: string; path: string }> };

export interface MapRegion {
  code: string;
  name: string;
  /** SVG path data of the région (all its islands), in viewBox units. */
  d: string;
}

export interface MapInset {
  code: string;
  name: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface FranceMap {
  viewBox: string;
  width: number;
  height: number;
  regions: MapRegion[];
  insets: MapInset[];
  credit: string;
}

/**
 * Overseas boxes per row, and the size of their names in viewBox units: on a
 * 375-pixel phone the map is drawn at about 0.57 of its size, and 22 units
 * make a 12.5-pixel name.
 */
const INSETS_PER_ROW = 3;
export const INSET_FONT_SIZE = 22;

/** Distance under which a vertex is dropped (viewBox units, about a pixel). */
const TOLERANCE = 1.1;

/** The rings of a path (one per island), as absolute points. */
function rings(path: string): Point[][] {
  const out: Point[][] = [];
  let ring: Point[] | undefined;
  svgpath(path)
    .abs()
    .unshort()
    .iterate((segment, _index, x, y) => {
      const [command] = segment;
      if (command === 'M') out.push((ring = [[segment[1], segment[2]]]));
      else if (command === 'Z') ring = undefined;
      // Outlines are polygons: only straight lines, whose end is the next point.
      else if (ring && command === 'L') ring.push([segment[1], segment[2]]);
      else if (ring && command === 'H') ring.push([segment[1], y]);
      else if (ring && command === 'V') ring.push([x, segment[1]]);
    });
  return out;
}

function simplifyRing(ring: Point[]): Point[] {
  return simplify(
    ring.map(([x, y]) => ({ x, y })),
    TOLERANCE,
    true,
  ).map((p): Point => [p.x, p.y]);
}

/** Path data with rounded relative steps: the shortest faithful text. */
function pathData(rings: Point[][]): string {
  let d = '';
  let last: Point = [0, 0];
  for (const ring of rings) {
    const rounded = ring.map(([x, y]): Point => [Math.round(x), Math.round(y)]);
    const [x0, y0] = rounded[0]!;
    d += `${d ? 'm' : 'M'}${x0 - last[0]} ${y0 - last[1]}l`;
    let [px, py] = [x0, y0];
    const steps: string[] = [];
    for (const [x, y] of rounded.slice(1)) {
      if (x === px && y === py) continue;
      steps.push(`${x - px} ${y - py}`);
      [px, py] = [x, y];
    }
    d += `${steps.join(' ').replace(/ -/g, '-')}z`;
    last = [x0, y0];
  }
  return d;
}

/**
 * Five shades, from none (0) to the most providers (4), and the legend's
 * steps: which counts each shade stands for.
 */
export function mapShades(counts: ReadonlyMap<string, number>): {
  shade: (code: string) => number;
  steps: Array<{ s: number; from: number; to: number }>;
} {
  const max = Math.max(1, ...counts.values());
  const shade = (code: string) => {
    const n = counts.get(code) ?? 0;
    return n === 0 ? 0 : Math.max(1, Math.ceil((n / max) * 4));
  };
  const steps = [1, 2, 3, 4]
    .map((s) => ({ s, from: Math.floor(((s - 1) / 4) * max) + 1, to: Math.floor((s / 4) * max) }))
    .filter((x) => x.to >= x.from);
  return { shade, steps };
}

let cached: FranceMap | undefined;

export function franceMap(): FranceMap {
  if (cached) return cached;
  const [minX, minY, width, height] = outlines.viewBox.split(/\s+/).map(Number) as [number, number, number, number];
  // The outlines name régions as INSEE does (but for an apostrophe or two): matched by name.
  const outlineOf = new Map(outlines.locations.map((l) => [normaliseName(l.name), l.path]));
  const drawn = new Set<string>();
  const mapRegions: MapRegion[] = [];
  for (const region of regions) {
    const path = outlineOf.get(normaliseName(region.name));
    if (!path) continue;
    const shapes = rings(svgpath(path).translate(-minX, -minY).toString())
      .map(simplifyRing)
      .filter((r) => r.length > 3);
    mapRegions.push({ code: region.code, name: region.name, d: pathData(shapes) });
    drawn.add(region.code);
  }
  // Overseas régions (not in the outlines) as boxes under the mainland, three to a row so that
  // their names stay readable on a phone; the other collectivities (three-digit codes) appear in
  // the text alternative only.
  const overseas = regions.filter((r) => !drawn.has(r.code) && r.code.length === 2);
  const gap = 8;
  const perRow = INSETS_PER_ROW;
  const boxWidth = Math.floor((width - gap * (perRow - 1)) / perRow);
  const boxHeight = 44;
  const insets = overseas.map((r, i) => ({
    code: r.code,
    name: r.name,
    x: (i % perRow) * (boxWidth + gap),
    y: height + 12 + Math.floor(i / perRow) * (boxHeight + gap),
    width: boxWidth,
    height: boxHeight,
  }));
  const rows = Math.ceil(insets.length / perRow);
  const totalHeight = height + (rows ? 12 + rows * boxHeight + (rows - 1) * gap + 2 : 0);
  cached = {
    viewBox: `0 0 ${width} ${totalHeight}`,
    width,
    height: totalHeight,
    regions: mapRegions,
    insets,
    credit: 'Fond de carte\u00A0: svg-maps de Victor Cazanave, licence CC BY 4.0.',
  };
  return cached;
}
