import { describe, expect, it } from 'vitest';
import { MercatorCoordinate } from 'maplibre-gl';
import {
  constrainView,
  fitView,
  fitViewClear,
  interpolateView,
  labelMargin,
  mapPadding,
  projectionFor,
  uniformPadding,
  webMercatorPixel,
  type Padding,
  type Size,
  type View,
} from '../../src/camera/view';
import { readStoryFiles } from '../../src/build/plugin';
import { prepareStory } from '../../src/prepare/prepare';
import type { Bounds, LonLat } from '../../src/story/types';
import { storyUnderTest } from '../support';

/** The story under test: a fixture, or the folder `TEST_STORY` names (`tests/support.ts`). */
const story = prepareStory(readStoryFiles(storyUnderTest()));
const { overview, maxBounds } = story.meta.region;

/**
 * MapLibre's camera, written out from its source rather than taken from `view.ts`:
 * `MercatorCoordinate.fromLngLat` (mercatorXfromLng, mercatorYfromLat), a world of
 * `512 * 2^zoom` px, and the centre of the map at the centre of the canvas.
 */
function mercatorX(lng: number): number {
  return (180 + lng) / 360;
}
function mercatorY(lat: number): number {
  return (180 - (180 / Math.PI) * Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360))) / 360;
}
function mapLibrePixel([lng, lat]: LonLat, view: View, size: Size): [number, number] {
  const worldSize = 512 * 2 ** view.zoom;
  const [cLng, cLat] = view.center;
  return [
    (mercatorX(lng) - mercatorX(cLng)) * worldSize + size.width / 2,
    (mercatorY(lat) - mercatorY(cLat)) * worldSize + size.height / 2,
  ];
}

/** The same, with MapLibre's own `MercatorCoordinate` for the world coordinates. */
function mapLibreCoordinatePixel([lng, lat]: LonLat, view: View, size: Size): [number, number] {
  const worldSize = 512 * 2 ** view.zoom;
  const p = MercatorCoordinate.fromLngLat([lng, lat]);
  const c = MercatorCoordinate.fromLngLat(view.center);
  return [(p.x - c.x) * worldSize + size.width / 2, (p.y - c.y) * worldSize + size.height / 2];
}

function distance([ax, ay]: [number, number], [bx, by]: [number, number]): number {
  return Math.hypot(ax - bx, ay - by);
}

/** The corners of `bounds` on screen: north-west and south-east. */
function corners([w, s, e, n]: Bounds, view: View, size: Size): { nw: [number, number]; se: [number, number] } {
  return { nw: mapLibrePixel([w, n], view, size), se: mapLibrePixel([e, s], view, size) };
}

const SIZES: Size[] = [
  { width: 720, height: 540 },
  { width: 390, height: 350 },
  { width: 1280, height: 720 },
];

const VIEWS: View[] = [
  { center: [67.5, 37.93], zoom: 3.21 },
  { center: [69.17, 34.53], zoom: 7 },
  { center: [37.62, 55.75], zoom: 2 },
  { center: [60, 45], zoom: 4.5 },
  { center: [82, 30], zoom: 6 },
  { center: [51.42, 35.7], zoom: 5.25 },
];

describe('projectionFor and webMercatorPixel', () => {
  it('draws the whole world 512 px wide at zoom 0, twice that at zoom 1, as MapLibre does', () => {
    const size = { width: 720, height: 540 };
    for (const [zoom, width] of [
      [0, 512],
      [1, 1024],
    ] as const) {
      const view = { center: [0, 0] as [number, number], zoom };
      expect(webMercatorPixel([180, 0], view, size)[0] - webMercatorPixel([-180, 0], view, size)[0]).toBeCloseTo(
        width,
        6,
      );
    }
  });

  it('puts the centre of the view in the middle of the map, and a far place off its edge', () => {
    const size = { width: 720, height: 540 };
    const view = { center: [69.17, 34.53] as [number, number], zoom: 7 };
    expect(webMercatorPixel([69.17, 34.53], view, size)).toEqual([360, 270]);
    expect(webMercatorPixel([51.42, 35.7], view, size)[0]).toBeLessThan(0);
  });

  it('put every place of the story where MapLibre’s Web Mercator camera draws it, within 1 px', () => {
    expect(story.places.length).toBeGreaterThan(1);
    for (const size of SIZES) {
      for (const view of VIEWS) {
        const projection = projectionFor(view, size);
        for (const place of story.places) {
          const label = `${place.id} at ${JSON.stringify(view)} in ${size.width}x${size.height}`;
          const d3 = projection(place.coordinates);
          expect(d3, label).not.toBeNull();
          const byD3 = d3 as [number, number];
          const byHand = webMercatorPixel(place.coordinates, view, size);
          const byMapLibre = mapLibrePixel(place.coordinates, view, size);
          expect(distance(byD3, byHand), label).toBeLessThan(1);
          expect(distance(byD3, byMapLibre), label).toBeLessThan(1);
          expect(distance(byHand, byMapLibre), label).toBeLessThan(1);
          // Far better than a pixel in fact: the two are the same formula.
          expect(distance(byD3, byHand), label).toBeLessThan(1e-6);
          expect(distance(byD3, byMapLibre), label).toBeLessThan(1e-6);
        }
      }
    }
  });

  it('agree with MapLibre’s own MercatorCoordinate', () => {
    for (const size of SIZES) {
      for (const view of VIEWS) {
        const projection = projectionFor(view, size);
        for (const place of story.places) {
          const expected = mapLibreCoordinatePixel(place.coordinates, view, size);
          expect(distance(projection(place.coordinates) as [number, number], expected)).toBeLessThan(1e-6);
          expect(distance(webMercatorPixel(place.coordinates, view, size), expected)).toBeLessThan(1e-6);
        }
      }
    }
  });

  it('puts the centre of the view in the middle of the map', () => {
    for (const size of SIZES) {
      for (const view of VIEWS) {
        const [x, y] = projectionFor(view, size)(view.center) as [number, number];
        expect(x).toBeCloseTo(size.width / 2, 9);
        expect(y).toBeCloseTo(size.height / 2, 9);
      }
    }
  });

  it('doubles distances on screen for each level of zoom', () => {
    const size = SIZES[0]!;
    const kabul: LonLat = [69.17, 34.53];
    const tehran: LonLat = [51.42, 35.7];
    const at = (zoom: number) => {
      const projection = projectionFor({ center: [60, 35], zoom }, size);
      return distance(projection(kabul) as [number, number], projection(tehran) as [number, number]);
    };
    expect(at(5) / at(4)).toBeCloseTo(2, 9);
    expect(at(4.5) / at(4)).toBeCloseTo(Math.SQRT2, 9);
  });

  it('inverts back to the place it projected', () => {
    for (const size of SIZES) {
      for (const view of VIEWS) {
        const projection = projectionFor(view, size);
        for (const place of story.places) {
          const [lon, lat] = projection.invert!(webMercatorPixel(place.coordinates, view, size)) as LonLat;
          expect(lon).toBeCloseTo(place.coordinates[0], 6);
          expect(lat).toBeCloseTo(place.coordinates[1], 6);
        }
      }
    }
  });
});

describe('fitView', () => {
  const cases: { bounds: Bounds; size: Size; padding: Padding }[] = [
    { bounds: overview, size: { width: 720, height: 540 }, padding: uniformPadding(48) },
    { bounds: overview, size: { width: 390, height: 350 }, padding: uniformPadding(37) },
    { bounds: overview, size: { width: 1280, height: 720 }, padding: { top: 20, right: 40, bottom: 60, left: 312 } },
    { bounds: [60, 29, 75, 38.5], size: { width: 390, height: 700 }, padding: uniformPadding(16) },
    { bounds: maxBounds, size: { width: 720, height: 540 }, padding: { top: 0, right: 0, bottom: 0, left: 0 } },
  ];

  it('puts the corners of the bounds inside the padded box, touching it on one axis', () => {
    for (const { bounds, size, padding } of cases) {
      const label = `${JSON.stringify(bounds)} in ${size.width}x${size.height}`;
      const view = fitView(bounds, size, padding);
      const { nw, se } = corners(bounds, view, size);
      const [left, right] = [padding.left, size.width - padding.right];
      const [top, bottom] = [padding.top, size.height - padding.bottom];
      expect(nw[0], label).toBeGreaterThanOrEqual(left - 1e-6);
      expect(se[0], label).toBeLessThanOrEqual(right + 1e-6);
      expect(nw[1], label).toBeGreaterThanOrEqual(top - 1e-6);
      expect(se[1], label).toBeLessThanOrEqual(bottom + 1e-6);
      const fitsWidth = Math.abs(nw[0] - left) < 1 && Math.abs(se[0] - right) < 1;
      const fitsHeight = Math.abs(nw[1] - top) < 1 && Math.abs(se[1] - bottom) < 1;
      expect(fitsWidth || fitsHeight, label).toBe(true);
    }
  });

  it('frames the story’s overview in the middle of a map with even padding', () => {
    const size = { width: 720, height: 540 };
    const view = fitView(overview, size, uniformPadding(48));
    const { nw, se } = corners(overview, view, size);
    expect((nw[0] + se[0]) / 2).toBeCloseTo(size.width / 2, 6);
    expect((nw[1] + se[1]) / 2).toBeCloseTo(size.height / 2, 6);
    // Inside the padding, and touching it on one axis: top and bottom, or left and right.
    const flushY = Math.abs(nw[1] - 48) < 1e-6 && Math.abs(se[1] - 492) < 1e-6;
    const flushX = Math.abs(nw[0] - 48) < 1e-6 && Math.abs(se[0] - 672) < 1e-6;
    expect(flushX || flushY).toBe(true);
    expect(nw[0]).toBeGreaterThan(48 - 1e-6);
    expect(se[0]).toBeLessThan(672 + 1e-6);
    expect(nw[1]).toBeGreaterThan(48 - 1e-6);
    expect(se[1]).toBeLessThan(492 + 1e-6);
  });

  it('is capped at maxZoom, with the bounds still centred', () => {
    const size = { width: 720, height: 540 };
    const kabul: Bounds = [69.1, 34.5, 69.2, 34.6];
    const uncapped = fitView(kabul, size, uniformPadding(48));
    expect(uncapped.zoom).toBeGreaterThan(8);
    const capped = fitView(kabul, size, uniformPadding(48), 6);
    expect(capped.zoom).toBe(6);
    const { nw, se } = corners(kabul, capped, size);
    expect((nw[0] + se[0]) / 2).toBeCloseTo(size.width / 2, 6);
    expect((nw[1] + se[1]) / 2).toBeCloseTo(size.height / 2, 6);
    // A wide box is not capped when it needs less zoom than the cap.
    const wide = fitView(overview, size, uniformPadding(48));
    expect(wide.zoom).toBeLessThan(6);
    expect(fitView(overview, size, uniformPadding(48), 6)).toEqual(wide);
  });

  it('shifts the bounds right of the map centre by half the extra left padding', () => {
    const size = { width: 1280, height: 720 };
    const padding = { top: 48, right: 48, bottom: 48, left: 300 };
    const view = fitView(overview, size, padding);
    const { nw, se } = corners(overview, view, size);
    expect((nw[0] + se[0]) / 2 - size.width / 2).toBeCloseTo((300 - 48) / 2, 6);
    expect((nw[1] + se[1]) / 2).toBeCloseTo(size.height / 2, 6);
    // And likewise downwards for a taller top padding.
    const low = fitView(overview, size, { top: 148, right: 48, bottom: 48, left: 48 });
    const c = corners(overview, low, size);
    expect((c.nw[1] + c.se[1]) / 2 - size.height / 2).toBeCloseTo(50, 6);
  });

  it('still gives a view for a box smaller than its padding', () => {
    const view = fitView(overview, { width: 60, height: 40 }, uniformPadding(48));
    expect(Number.isFinite(view.zoom)).toBe(true);
    expect(Number.isFinite(view.center[0])).toBe(true);
    expect(Number.isFinite(view.center[1])).toBe(true);
  });
});

describe('constrainView', () => {
  const size = { width: 720, height: 540 };

  /** How far each edge of the map is inside maxBounds, in pixels: negative means beyond them. */
  function margins(view: View, s: Size = size) {
    const { nw, se } = corners(maxBounds, view, s);
    return { left: -nw[0], top: -nw[1], right: se[0] - s.width, bottom: se[1] - s.height };
  }

  it('zooms a view out too far in until maxBounds cover the whole map', () => {
    for (const s of SIZES) {
      const wide = { center: [66, 36] as LonLat, zoom: 1 };
      const view = constrainView(wide, s, maxBounds);
      expect(view.zoom).toBeGreaterThan(wide.zoom);
      const m = margins(view, s);
      for (const edge of Object.values(m)) expect(edge).toBeGreaterThanOrEqual(-1e-6);
      // No more zoom than that: on one axis the bounds are flush with the map.
      const flushX = Math.abs(m.left) < 1e-6 && Math.abs(m.right) < 1e-6;
      const flushY = Math.abs(m.top) < 1e-6 && Math.abs(m.bottom) < 1e-6;
      expect(flushX || flushY, `${s.width}x${s.height}`).toBe(true);
    }
  });

  // A zoom at which the map is smaller than maxBounds both ways, and the bounds' corners.
  const closer = fitView(maxBounds, size, uniformPadding(0)).zoom + 0.5;
  const [west, south, east, north] = maxBounds;

  it('moves a centre near the edge until no edge of the map shows beyond maxBounds', () => {
    const corner = { center: [east - 1, north - 1] as LonLat, zoom: closer };
    expect(margins(corner).right).toBeLessThan(0);
    expect(margins(corner).top).toBeLessThan(0);
    const view = constrainView(corner, size, maxBounds);
    expect(view.zoom).toBe(closer);
    const m = margins(view);
    for (const edge of Object.values(m)) expect(edge).toBeGreaterThanOrEqual(-1e-6);
    // Moved no further than needed: the map's north-east corner is the bounds' one.
    expect(m.right).toBeCloseTo(0, 6);
    expect(m.top).toBeCloseTo(0, 6);

    const southWest = constrainView({ center: [west - 1, south - 1], zoom: closer }, size, maxBounds);
    const sw = margins(southWest);
    expect(sw.left).toBeCloseTo(0, 6);
    expect(sw.bottom).toBeCloseTo(0, 6);
    expect(sw.right).toBeGreaterThan(0);
    expect(sw.top).toBeGreaterThan(0);
  });

  it('leaves a view already inside unchanged', () => {
    const middle: LonLat = [(west + east) / 2, (south + north) / 2];
    for (const view of [
      { center: middle, zoom: closer },
      { center: middle, zoom: closer + 2 },
      { center: [(3 * west + east) / 4, (3 * south + north) / 4] as LonLat, zoom: closer + 2 },
    ]) {
      const constrained = constrainView(view, size, maxBounds);
      expect(constrained.zoom).toBeCloseTo(view.zoom, 9);
      expect(Math.abs(constrained.center[0] - view.center[0])).toBeLessThan(1e-9);
      expect(Math.abs(constrained.center[1] - view.center[1])).toBeLessThan(1e-9);
    }
  });

  it('is stable: a constrained view stays put', () => {
    const once = constrainView({ center: [east, north], zoom: 1.5 }, size, maxBounds);
    const twice = constrainView(once, size, maxBounds);
    expect(twice.zoom).toBeCloseTo(once.zoom, 9);
    expect(twice.center[0]).toBeCloseTo(once.center[0], 9);
    expect(twice.center[1]).toBeCloseTo(once.center[1], 9);
  });
});

describe('interpolateView', () => {
  const a: View = { center: [44, 23.5], zoom: 3 };
  const b: View = { center: [91, 50], zoom: 6 };

  it('starts at the first view and ends at the second', () => {
    const start = interpolateView(a, b, 0);
    const end = interpolateView(a, b, 1);
    expect(start.zoom).toBe(3);
    expect(end.zoom).toBe(6);
    expect(start.center[0]).toBeCloseTo(44, 9);
    expect(start.center[1]).toBeCloseTo(23.5, 9);
    expect(end.center[0]).toBeCloseTo(91, 9);
    expect(end.center[1]).toBeCloseTo(50, 9);
  });

  it('is halfway at t = 0.5: mean zoom, centre halfway on the Mercator map', () => {
    const mid = interpolateView(a, b, 0.5);
    expect(mid.zoom).toBeCloseTo(4.5, 12);
    expect(mid.center[0]).toBeCloseTo((44 + 91) / 2, 9);
    expect(mercatorY(mid.center[1])).toBeCloseTo((mercatorY(23.5) + mercatorY(50)) / 2, 12);
    // Halfway on the map is not halfway in latitude: Mercator stretches the north.
    expect(mid.center[1]).toBeGreaterThan((23.5 + 50) / 2);
  });

  it('moves the centre steadily across the screen', () => {
    const steps = [0, 0.25, 0.5, 0.75, 1].map((t) => interpolateView(a, b, t));
    const ys = steps.map((v) => mercatorY(v.center[1]));
    const xs = steps.map((v) => mercatorX(v.center[0]));
    for (let i = 1; i < steps.length; i++) {
      expect(xs[i]! - xs[i - 1]!).toBeCloseTo((xs[4]! - xs[0]!) / 4, 12);
      expect(ys[i]! - ys[i - 1]!).toBeCloseTo((ys[4]! - ys[0]!) / 4, 12);
    }
  });
});

describe('mapPadding and uniformPadding', () => {
  it('gives the same padding on every side', () => {
    expect(uniformPadding(48)).toEqual({ top: 48, right: 48, bottom: 48, left: 48 });
  });

  it('leaves a little more room on bigger maps', () => {
    expect(mapPadding({ width: 720, height: 540 })).toEqual(uniformPadding(48));
    expect(mapPadding({ width: 390, height: 350 })).toEqual(uniformPadding(37));
    const small = mapPadding({ width: 390, height: 350 });
    const big = mapPadding({ width: 1280, height: 720 });
    expect(big.top).toBeGreaterThan(small.top);
  });
});

describe('fitViewClear', () => {
  const size: Size = { width: 600, height: 400 };
  const bounds: Bounds = [60, 30, 75, 40];
  const padding = mapPadding(size);
  const margin = labelMargin();
  /** A name written right of its point, as place names are. */
  const name = (at: LonLat, width: number) => ({ at, left: 4, right: 8 + width, top: 4, bottom: 19 });

  it('is fitView when every box already fits', () => {
    const boxes = [name([65, 35], 40)];
    expect(fitViewClear(bounds, boxes, size, padding, margin)).toEqual(fitView(bounds, size, padding));
  });

  it('makes room for a name at the right edge of the framed bounds', () => {
    const box = name([75, 35], 120);
    const plain = fitView(bounds, size, padding);
    expect(webMercatorPixel(box.at, plain, size)[0] + box.right).toBeGreaterThan(size.width);
    const view = fitViewClear(bounds, [box], size, padding, margin);
    expect(webMercatorPixel(box.at, view, size)[0] + box.right).toBeLessThanOrEqual(size.width - margin.right + 0.5);
    // The bounds are still framed whole.
    const { nw, se } = corners(bounds, view, size);
    expect(nw[0]).toBeGreaterThanOrEqual(padding.left - 0.5);
    expect(se[0]).toBeLessThanOrEqual(size.width - padding.right + 0.5);
    expect(nw[1]).toBeGreaterThanOrEqual(padding.top - 0.5);
    expect(se[1]).toBeLessThanOrEqual(size.height - padding.bottom + 0.5);
  });

  it('keeps a name clear of the bottom edge', () => {
    // A box hanging below the southern edge.
    const box = { at: [70, 30] as LonLat, left: 4, right: 8, top: 4, bottom: 40 };
    const view = fitViewClear(bounds, [box], size, padding, margin);
    const [, y] = webMercatorPixel(box.at, view, size);
    expect(y + 40).toBeLessThanOrEqual(size.height - margin.bottom + 0.5);
  });

  it('gives up on a name too long for the map rather than shrinking the frame to nothing', () => {
    const box = name([75, 35], 2000);
    const view = fitViewClear(bounds, [box], size, padding, margin);
    const { nw, se } = corners(bounds, view, size);
    const framed = se[0] - nw[0];
    expect(framed).toBeGreaterThanOrEqual(0.4 * (size.width - padding.left - padding.right) - 1);
    expect(Number.isFinite(view.zoom)).toBe(true);
  });
});
