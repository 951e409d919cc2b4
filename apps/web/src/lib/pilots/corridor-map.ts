import { geoArea, geoCentroid, geoEqualEarth, geoPath } from 'd3-geo';
import type { GeoProjection } from 'd3-geo';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { countryRoles, type CountryRole } from '@pathways/contracts';
import { atlas, numericCode } from './atlas.server';

// The atlas is imported through a `.server` module, so this file runs on the server only: a page's
// `+page.server.ts` load calls corridorMap() and hands the plain result to CorridorMap.svelte, which
// imports nothing but types from here. The browser never downloads the atlas or d3-geo.

/** A country's role in the corridor, as the contracts give it: origin, transit or destination. */
export type CorridorRole = CountryRole;
export const corridorRoles: readonly CorridorRole[] = countryRoles;

export interface CorridorCountry {
  /** ISO 3166-1 alpha-2. */
  code: string;
  role: CorridorRole;
  /** The country's name in the page's language. */
  name: string;
}

export type Point = [x: number, y: number];

export interface CorridorMarker {
  code: string;
  name: string;
  /** The role its mark is drawn for: the first of its roles in route order. */
  role: CorridorRole;
  roles: CorridorRole[];
  x: number;
  y: number;
  /** Too small for the world map's shapes: the mark is all that shows it. */
  small: boolean;
  /** Where its name goes, or null when there was no room without covering another name. */
  label: { x: number; y: number; anchor: 'start' | 'middle' | 'end' } | null;
}

export interface CorridorArc {
  from: string;
  to: string;
  /** A quadratic curve from the first country's mark to the second's. */
  d: string;
  start: Point;
  end: Point;
}

export interface CorridorMapData {
  width: number;
  height: number;
  viewBox: string;
  /** The globe's outline (the sea). */
  sphere: string;
  /** Every country as one light shape. */
  land: string;
  borders: string;
  /** Corridor countries drawn over the land, one entry per country and role. */
  highlighted: { code: string; role: CorridorRole; d: string }[];
  arcs: CorridorArc[];
  markers: CorridorMarker[];
  /** The corridor as given, one entry per country and role, origins first, then transits, then destinations. */
  countries: CorridorCountry[];
  /** Countries the map has no place for (unknown codes, or too small even for the 50m atlas). */
  unplaced: CorridorCountry[];
}

const width = 960;
const margin = 8;
// Greenland's northern tip and Cape Horn: the map is cropped to the inhabited latitudes.
const north = 83.7;
const south = -56;
const labelSize = 13;

/** Upper-cased, trimmed, one entry per code and role, in route order (input order within a role). */
export function corridorCountries(countries: readonly CorridorCountry[]): CorridorCountry[] {
  const seen = new Set<string>();
  const clean: CorridorCountry[] = [];
  for (const country of countries) {
    const code = country.code.trim().toUpperCase();
    const key = `${code}:${country.role}`;
    if (!code || !corridorRoles.includes(country.role) || seen.has(key)) continue;
    seen.add(key);
    clean.push({ code, role: country.role, name: country.name.trim() || code });
  }
  return corridorRoles.flatMap((role) => clean.filter((c) => c.role === role));
}

/**
 * The longitude to centre the map on. The map's seam goes in the middle of the widest stretch of
 * longitude with no corridor country, so an arc from the Philippines to Mexico crosses the Pacific
 * rather than Africa. When the antimeridian already lies in that stretch the usual view (0°) is kept.
 */
export function centralMeridian(longitudes: readonly number[]): number {
  if (longitudes.length < 2) return 0;
  const sorted = longitudes.map((l) => ((((l + 180) % 360) + 360) % 360) - 180).sort((a, b) => a - b);
  // The gap that wraps from the last longitude round to the first is the one holding ±180°.
  let widest = { from: sorted[sorted.length - 1], size: sorted[0] + 360 - sorted[sorted.length - 1] };
  for (let i = 0; i + 1 < sorted.length; i++) {
    const size = sorted[i + 1] - sorted[i];
    if (size > widest.size) widest = { from: sorted[i], size };
  }
  if (widest.from === sorted[sorted.length - 1]) return 0;
  const seam = widest.from + widest.size / 2;
  return Math.round(seam - 180);
}

/** A curve from start to end, bowed to the left of the direction of travel by a quarter of its length. */
export function curvedArc(start: Point, end: Point, top = -Infinity): string {
  const [x1, y1] = start;
  const [x2, y2] = end;
  const dx = x2 - x1;
  const dy = y2 - y1;
  const cx = (x1 + x2) / 2 + dy * 0.25;
  const cy = Math.max(top, (y1 + y2) / 2 - dx * 0.25);
  return `M${r(x1)},${r(y1)}Q${r(cx)},${r(cy)} ${r(x2)},${r(y2)}`;
}

const r = (n: number) => Math.round(n * 10) / 10;

/** The polygon holding most of a country, so France is marked in Europe rather than off Guiana. */
function mainland(shape: Feature<Polygon | MultiPolygon>): Feature<Polygon> {
  if (shape.geometry.type === 'Polygon') return shape as Feature<Polygon>;
  const parts = shape.geometry.coordinates.map((coordinates): Feature<Polygon> => ({
    type: 'Feature',
    properties: {},
    geometry: { type: 'Polygon', coordinates },
  }));
  return parts.reduce((a, b) => (geoArea(b) > geoArea(a) ? b : a));
}

type Box = { x1: number; y1: number; x2: number; y2: number };

/**
 * Names beside their marks, tried right, left, above and below; a name that would cover another
 * name or leave the map is left off (the list under the map names every country).
 */
export function placeLabels(
  marks: readonly { name: string; x: number; y: number }[],
  bounds: Box,
): CorridorMarker['label'][] {
  const placed: Box[] = [];
  const overlaps = (a: Box, b: Box) => a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;
  return marks.map(({ name, x, y }) => {
    const w = name.length * labelSize * 0.58;
    const h = labelSize;
    const options = [
      { x: x + 9, y: y + 4, anchor: 'start' as const, box: { x1: x + 9, x2: x + 9 + w } },
      { x: x - 9, y: y + 4, anchor: 'end' as const, box: { x1: x - 9 - w, x2: x - 9 } },
      { x, y: y - 10, anchor: 'middle' as const, box: { x1: x - w / 2, x2: x + w / 2 } },
      { x, y: y + 20, anchor: 'middle' as const, box: { x1: x - w / 2, x2: x + w / 2 } },
    ];
    for (const option of options) {
      const box = { ...option.box, y1: option.y - h + 2, y2: option.y + 3 };
      const inside = box.x1 >= bounds.x1 && box.x2 <= bounds.x2 && box.y1 >= bounds.y1 && box.y2 <= bounds.y2;
      if (inside && !placed.some((other) => overlaps(box, other))) {
        placed.push(box);
        return { x: r(option.x), y: r(option.y), anchor: option.anchor };
      }
    }
    return null;
  });
}

// Drawing the world takes some 10 ms and a pilot's corridor seldom changes, so the latest maps are
// kept. Callers share the result: it is only read (rendered or serialised), never changed.
const keep = 200;
const drawn = new Map<string, CorridorMapData>();

/**
 * Everything CorridorMap.svelte draws, as plain data (SVG path strings and numbers), so it can be
 * computed in a server load and serialised to the page. Unknown codes are left off the map and
 * listed in `unplaced`, never thrown.
 */
export function corridorMap(input: readonly CorridorCountry[]): CorridorMapData {
  const countries = corridorCountries(input);
  const key = JSON.stringify(countries);
  const kept = drawn.get(key);
  if (kept) {
    // Most recently used last, so the oldest is the first to go.
    drawn.delete(key);
    drawn.set(key, kept);
    return kept;
  }
  const map = draw(countries);
  drawn.set(key, map);
  const oldest = drawn.keys().next().value;
  if (drawn.size > keep && oldest !== undefined) drawn.delete(oldest);
  return map;
}

function draw(countries: CorridorCountry[]): CorridorMapData {
  const world = atlas();

  // One place per code: its shape when the 110m atlas has one, else a mark from the 50m atlas.
  const places = new Map<string, { shape?: Feature<Polygon | MultiPolygon>; centre: [number, number] }>();
  for (const { code } of countries) {
    if (places.has(code)) continue;
    const numeric = numericCode(code);
    if (!numeric) continue;
    const shape = world.shapes.get(numeric);
    const small = shape ? undefined : world.smallShape(numeric);
    const found = shape ?? small;
    if (found) places.set(code, { shape, centre: geoCentroid(mainland(found)) as [number, number] });
  }

  const centre = centralMeridian([...places.values()].map((p) => p.centre[0]));
  const projection: GeoProjection = geoEqualEarth()
    .rotate([-centre, 0])
    .fitWidth(width - 2 * margin, { type: 'Sphere' });
  projection.translate([projection.translate()[0] + margin, projection.translate()[1]]);
  // Whole units are a pixel at full width: fine for the light background, and half the markup.
  const outline = geoPath(projection).digits(0);
  const path = geoPath(projection).digits(1);

  // Equal Earth is pseudocylindrical: y depends on latitude alone, so the crop is two latitudes.
  const top = Math.floor((projection([centre, north])?.[1] ?? 0) - margin);
  const bottom = Math.ceil((projection([centre, south])?.[1] ?? 0) + margin);
  const height = bottom - top;

  const point = (code: string): Point | undefined => {
    const place = places.get(code);
    const projected = place && projection(place.centre);
    return projected ? [r(projected[0]), r(projected[1])] : undefined;
  };

  const highlighted = countries.flatMap(({ code, role }) => {
    const shape = places.get(code)?.shape;
    const d = shape && path(shape);
    return d ? [{ code, role, d }] : [];
  });

  // The route: every origin to the first transit, transit to transit in the order given, the last
  // transit to every destination (origins straight to destinations when there is no transit).
  const placedCodes = (role: CorridorRole) =>
    countries.filter((c) => c.role === role && places.has(c.code)).map((c) => c.code);
  const stops = [
    placedCodes('origin'),
    ...placedCodes('transit').map((code) => [code]),
    placedCodes('destination'),
  ].filter((stop) => stop.length > 0);
  const arcs: CorridorArc[] = [];
  const linked = new Set<string>();
  for (let i = 0; i + 1 < stops.length; i++) {
    for (const from of stops[i]) {
      for (const to of stops[i + 1]) {
        const start = point(from);
        const end = point(to);
        if (from === to || linked.has(`${from}>${to}`) || !start || !end) continue;
        linked.add(`${from}>${to}`);
        arcs.push({ from, to, d: curvedArc(start, end, top + margin), start, end });
      }
    }
  }

  const marks = [...places.keys()].flatMap((code) => {
    const at = point(code);
    if (!at) return [];
    const own = countries.filter((c) => c.code === code);
    return [
      {
        code,
        name: own[0].name,
        role: own[0].role,
        roles: own.map((c) => c.role),
        x: r(at[0]),
        y: r(at[1]),
        small: !places.get(code)?.shape,
      },
    ];
  });
  const labels = placeLabels(marks, { x1: 0, y1: top, x2: width, y2: bottom });

  return {
    width,
    height,
    viewBox: `0 ${top} ${width} ${height}`,
    sphere: outline({ type: 'Sphere' }) ?? '',
    land: outline(world.land) ?? '',
    borders: outline(world.borders) ?? '',
    highlighted,
    arcs,
    markers: marks.map((mark, i) => ({ ...mark, label: labels[i] })),
    countries,
    unplaced: countries.filter((c) => !places.has(c.code)),
  };
}
