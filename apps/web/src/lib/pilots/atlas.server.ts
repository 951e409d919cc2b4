import type { Feature, FeatureCollection, MultiLineString, MultiPolygon, Polygon } from 'geojson';
import countryCodes from 'i18n-iso-countries';
import { feature, merge, mesh } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import world50m from 'world-atlas/countries-50m.json';
import world110m from 'world-atlas/countries-110m.json';

// Server-only by its name: SvelteKit refuses to bundle this module (and so the atlases, 110m ≈ 105 kB
// and 50m ≈ 740 kB) into anything the browser loads. Pages call corridorMap() in their server load.

type Shape = Feature<Polygon | MultiPolygon>;
type Countries = Topology<{ countries: GeometryCollection }>;

/** The world drawn lightly, and every country shape of the small atlas by its ISO numeric code. */
export interface Atlas {
  /** Every country but Antarctica, merged into one shape (cheaper than one path per country). */
  land: Feature<MultiPolygon>;
  /** Borders between countries, drawn once each. */
  borders: MultiLineString;
  shapes: Map<string, Shape>;
  /** A shape for a country too small for the 110m atlas, from the 50m one, when it has one. */
  smallShape(numeric: string): Shape | undefined;
}

const antarctica = '010';
let loaded: Atlas | undefined;
let small: Map<string, Shape> | undefined;

const byCode = (topology: Countries): Map<string, Shape> => {
  const collection = feature(topology, topology.objects.countries) as FeatureCollection<
    Polygon | MultiPolygon
  >;
  const shapes = new Map<string, Shape>();
  // The 50m atlas has two features under 036 (Australia, Ashmore and Cartier): the first is kept.
  for (const shape of collection.features) {
    const id = shape.id === undefined ? undefined : String(shape.id);
    if (id && !shapes.has(id)) shapes.set(id, shape);
  }
  return shapes;
};

/** Built once per process on first use: converting the topology takes a few milliseconds. */
export function atlas(): Atlas {
  if (loaded) return loaded;
  const topology = world110m as unknown as Countries;
  const countries = topology.objects.countries;
  loaded = {
    land: {
      type: 'Feature',
      properties: {},
      geometry: merge(
        topology,
        countries.geometries.filter((g) => g.id !== antarctica) as Parameters<typeof merge>[1],
      ),
    },
    borders: mesh(topology, countries, (a, b) => a !== b),
    shapes: byCode(topology),
    smallShape: (numeric) => {
      small ??= byCode(world50m as unknown as Countries);
      return small.get(numeric);
    },
  };
  return loaded;
}

/** ISO 3166-1 alpha-2 ("PH") to the atlas's numeric id ("608"); undefined for codes ISO lacks. */
export const numericCode = (alpha2: string): string | undefined =>
  countryCodes.alpha2ToNumeric(alpha2) ?? undefined;
