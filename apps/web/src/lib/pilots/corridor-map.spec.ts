import { describe, expect, it } from 'vitest';
import {
  centralMeridian,
  corridorCountries,
  corridorMap,
  curvedArc,
  placeLabels,
  type CorridorCountry,
} from './corridor-map';

const ph: CorridorCountry = { code: 'PH', role: 'origin', name: 'Philippines' };
const mx: CorridorCountry = { code: 'MX', role: 'destination', name: 'Mexico' };
const jp: CorridorCountry = { code: 'JP', role: 'transit', name: 'Japan' };

// The path's numbers: "M1,2Q3,4 5,6" → [1, 2, 3, 4, 5, 6].
const numbers = (d: string) => d.match(/-?\d+(\.\d+)?/g)!.map(Number);

describe('corridorCountries', () => {
  it('puts origins first, then transits, then destinations, keeping the order within a role', () => {
    const ordered = corridorCountries([
      mx,
      { code: 'ca', role: 'destination', name: 'Canada' },
      jp,
      ph,
      { code: ' np ', role: 'origin', name: 'Nepal' },
    ]);
    expect(ordered.map((c) => `${c.code}:${c.role}`)).toEqual([
      'PH:origin',
      'NP:origin',
      'JP:transit',
      'MX:destination',
      'CA:destination',
    ]);
  });

  it('keeps one entry per code and role, and a country under two roles twice', () => {
    const ordered = corridorCountries([ph, ph, { ...ph, role: 'destination' }]);
    expect(ordered.map((c) => c.role)).toEqual(['origin', 'destination']);
  });

  it('drops empty codes and names a country by its code when it has no name', () => {
    expect(corridorCountries([{ code: ' ', role: 'origin', name: 'x' }])).toEqual([]);
    expect(corridorCountries([{ code: 'PH', role: 'origin', name: '' }])[0].name).toBe('PH');
  });
});

describe('centralMeridian', () => {
  it('keeps the usual view when the antimeridian lies in the widest empty stretch', () => {
    expect(centralMeridian([84, 51, 45])).toBe(0); // Nepal, Qatar, Saudi Arabia
    expect(centralMeridian([-102])).toBe(0);
    expect(centralMeridian([])).toBe(0);
  });

  it('moves the seam into the widest empty stretch so a Pacific route is not drawn across Africa', () => {
    // Philippines 122°E and Mexico 102°W: the widest gap runs east from 102°W to 122°E over 0°.
    const centre = centralMeridian([122, -102]);
    expect(centre).toBe(-170);
  });
});

describe('curvedArc', () => {
  it('starts and ends at the given points and bows to the left of travel', () => {
    const [x1, y1, cx, cy, x2, y2] = numbers(curvedArc([100, 200], [300, 200]));
    expect([x1, y1, x2, y2]).toEqual([100, 200, 300, 200]);
    expect(cx).toBe(200);
    expect(cy).toBe(150); // a quarter of 200 above: west to east bows north
  });

  it('keeps the bend inside the top of the map', () => {
    const [, , , cy] = numbers(curvedArc([0, 10], [400, 10], 0));
    expect(cy).toBe(0);
  });
});

describe('placeLabels', () => {
  const bounds = { x1: 0, y1: 0, x2: 500, y2: 300 };

  it('puts a name to the right of its mark when there is room', () => {
    expect(placeLabels([{ name: 'Mexico', x: 100, y: 100 }], bounds)).toEqual([
      { x: 109, y: 104, anchor: 'start' },
    ]);
  });

  it('moves a name that would cover another, and to the left at the right edge', () => {
    const [first, second] = placeLabels(
      [
        { name: 'Qatar', x: 100, y: 100 },
        { name: 'Bahrain', x: 102, y: 101 },
      ],
      bounds,
    );
    expect(first?.anchor).toBe('start');
    expect(second?.anchor).toBe('end');
    expect(placeLabels([{ name: 'Japan', x: 495, y: 100 }], bounds)[0]?.anchor).toBe('end');
  });

  it('leaves a name off when every place around its mark is taken', () => {
    const crowd = Array.from({ length: 6 }, () => ({ name: 'Somewhere', x: 200, y: 150 }));
    expect(placeLabels(crowd, bounds).slice(4)).toEqual([null, null]);
  });
});

describe('corridorMap', () => {
  it('draws an arc from each origin to each destination, starting and ending at their marks', () => {
    const map = corridorMap([ph, mx]);
    expect(map.arcs.map((a) => `${a.from}>${a.to}`)).toEqual(['PH>MX']);
    const [arc] = map.arcs;
    const philippines = map.markers.find((m) => m.code === 'PH')!;
    const mexico = map.markers.find((m) => m.code === 'MX')!;
    expect(arc.start[0]).toBeCloseTo(philippines.x, 0);
    expect(arc.start[1]).toBeCloseTo(philippines.y, 0);
    expect(arc.end[0]).toBeCloseTo(mexico.x, 0);
    expect(arc.end[1]).toBeCloseTo(mexico.y, 0);
    const d = numbers(arc.d);
    expect(d.slice(0, 2)).toEqual([philippines.x, philippines.y].map((n) => Math.round(n * 10) / 10));
    expect(d.slice(-2)).toEqual([mexico.x, mexico.y].map((n) => Math.round(n * 10) / 10));
  });

  it('crosses the Pacific from the Philippines to Mexico: Mexico lies east of the Philippines', () => {
    const map = corridorMap([ph, mx]);
    const [arc] = map.arcs;
    expect(arc.end[0]).toBeGreaterThan(arc.start[0]);
    expect(arc.end[0] - arc.start[0]).toBeLessThan(map.width / 2);
  });

  it('routes origins through the transits in order to every destination', () => {
    const map = corridorMap([
      ph,
      { code: 'ID', role: 'origin', name: 'Indonesia' },
      jp,
      { code: 'US', role: 'transit', name: 'United States' },
      mx,
      { code: 'CA', role: 'destination', name: 'Canada' },
    ]);
    expect(map.arcs.map((a) => `${a.from}>${a.to}`)).toEqual(['PH>JP', 'ID>JP', 'JP>US', 'US>MX', 'US>CA']);
  });

  it('places its marks at the mainland: France in Europe, the United States south of Canada', () => {
    const map = corridorMap([
      { code: 'FR', role: 'origin', name: 'France' },
      { code: 'DE', role: 'destination', name: 'Germany' },
    ]);
    const fr = map.markers.find((m) => m.code === 'FR')!;
    const de = map.markers.find((m) => m.code === 'DE')!;
    expect(Math.abs(fr.x - de.x)).toBeLessThan(30);
    expect(Math.abs(fr.y - de.y)).toBeLessThan(30);
  });

  it('colours each placed country by role and marks countries too small for the shapes', () => {
    const map = corridorMap([
      { code: 'NP', role: 'origin', name: 'Nepal' },
      { code: 'SG', role: 'transit', name: 'Singapore' },
      { code: 'BH', role: 'destination', name: 'Bahrain' },
    ]);
    expect(map.highlighted.map((h) => `${h.code}:${h.role}`)).toEqual(['NP:origin']);
    expect(map.highlighted[0].d).toMatch(/^M/);
    expect(map.markers.map((m) => [m.code, m.role, m.small])).toEqual([
      ['NP', 'origin', false],
      ['SG', 'transit', true],
      ['BH', 'destination', true],
    ]);
    expect(map.arcs.map((a) => `${a.from}>${a.to}`)).toEqual(['NP>SG', 'SG>BH']);
  });

  it('skips unknown codes rather than throwing, and bridges the route over them', () => {
    const map = corridorMap([ph, { code: 'ZZ', role: 'transit', name: 'Nowhere' }, mx]);
    expect(map.unplaced.map((c) => c.code)).toEqual(['ZZ']);
    expect(map.countries.map((c) => c.code)).toEqual(['PH', 'ZZ', 'MX']);
    expect(map.arcs.map((a) => `${a.from}>${a.to}`)).toEqual(['PH>MX']);
    expect(map.markers.map((m) => m.code)).toEqual(['PH', 'MX']);
  });

  it('gives one mark to a country under two roles and draws no arc from a country to itself', () => {
    const map = corridorMap([ph, { ...ph, role: 'destination' }]);
    expect(map.markers).toHaveLength(1);
    expect(map.markers[0].roles).toEqual(['origin', 'destination']);
    expect(map.highlighted.map((h) => h.role)).toEqual(['origin', 'destination']);
    expect(map.arcs).toEqual([]);
  });

  it('draws the world alone when there is no corridor', () => {
    const map = corridorMap([]);
    expect(map.land).toMatch(/^M/);
    expect(map.borders).toMatch(/^M/);
    expect(map.sphere).toMatch(/^M/);
    expect(map.highlighted).toEqual([]);
    expect(map.arcs).toEqual([]);
    expect(map.markers).toEqual([]);
    expect(map.viewBox).toBe(`0 ${numbers(map.viewBox)[1]} 960 ${map.height}`);
    expect(map.height).toBeGreaterThan(300);
    expect(map.height).toBeLessThan(960);
  });

  it('draws a corridor once and hands the same map back, whatever order it was given in', () => {
    const first = corridorMap([ph, jp, mx]);
    expect(corridorMap([mx, { ...ph, code: 'ph' }, jp])).toBe(first);
    expect(corridorMap([ph, mx])).not.toBe(first);
  });

  it('keeps the marks inside the cropped map', () => {
    const map = corridorMap([
      { code: 'NZ', role: 'origin', name: 'New Zealand' },
      { code: 'NO', role: 'destination', name: 'Norway' },
    ]);
    const [, top, , height] = numbers(map.viewBox);
    for (const mark of map.markers) {
      expect(mark.y).toBeGreaterThan(top);
      expect(mark.y).toBeLessThan(top + height);
      expect(mark.x).toBeGreaterThan(0);
      expect(mark.x).toBeLessThan(map.width);
    }
  });
});
