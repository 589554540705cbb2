/**
 * The static map as data: SVG path strings and positioned labels for a view, computed with
 * d3-geo from the same flows the MapLibre layers draw. Pure: the build prerenders it into the
 * HTML, the browser re-renders it at the map's real size, and tests snapshot it.
 */
import { geoPath, type GeoPermissibleObjects, type GeoStream } from 'd3-geo';
import { merge, mesh } from 'topojson-client';
import { presimplify, simplify } from 'topojson-simplify';
import type { Objects, Topology } from 'topojson-specification';
import type { Feature, Geometry, LineString, MultiLineString, MultiPolygon, Point, Position } from 'geojson';
import type { ClaimKind } from '../flows/kinds.ts';
import { arrowHeads, markers } from '../flows/render.ts';
import type { Bounds, CountryProperties, FlowProperties, LonLat, Story } from '../story/types.ts';
import { projectionFor, TILE_SIZE, type PointBox, type Size, type View } from './view.ts';

/**
 * Land and borders at one level of detail. The land is one merged shape, filled and stroked
 * for the coast, so no border is in it: each is drawn once, in `borders`.
 */
interface Basemap {
  land: MultiPolygon;
  borders: MultiLineString;
}

/** What a scene is drawn from, computed once per story. */
export interface SceneSource {
  geography: Story['geography'];
  /**
   * The geography with Visvalingam weights, simplified anew for each zoom level; computed with
   * the first basemap (a page taking over its prerendered map does not need it before).
   */
  weighted: Story['geography'] | null;
  /** Basemaps by simplification level, so an animation does not simplify every frame. */
  basemaps: Map<number, Basemap>;
  flows: Feature<Geometry, FlowProperties>[];
  heads: ReturnType<typeof arrowHeads>;
  markers: ReturnType<typeof markers>;
  countryLabels: { name: string; at: LonLat }[];
  placeLabels: { name: string; at: LonLat }[];
}

export interface ScenePath {
  claimId: string;
  kind: ClaimKind;
  d: string;
}

export interface ScenePoint {
  claimId: string;
  kind: ClaimKind;
  x: number;
  y: number;
}

export interface SceneLabel {
  name: string;
  x: number;
  y: number;
}

/** A place: its dot at `x`, `y`, its name written at `tx`, `ty`, anchored at its start or end. */
export interface PlaceLabel extends SceneLabel {
  tx: number;
  ty: number;
  anchor: 'start' | 'end';
}

export interface BaseScene {
  size: Size;
  /** Land, filled; its outline is the coast. */
  land: string;
  borders: string;
  areas: ScenePath[];
  claimBorders: ScenePath[];
  arcs: ScenePath[];
}

export interface SymbolScene {
  size: Size;
  /** Arcs drawn again above everything, to animate them in (the classroom's steps). */
  drawn: ScenePath[];
  heads: (ScenePoint & { angle: number })[];
  markers: ScenePoint[];
  countryLabels: SceneLabel[];
  places: PlaceLabel[];
}

export type Scene = BaseScene & SymbolScene;

export function sceneSource(story: Story): SceneSource {
  const geo = story.geography;
  return {
    geography: geo,
    weighted: null,
    basemaps: new Map(),
    flows: story.flows.features,
    heads: arrowHeads(story.flows),
    markers: markers(story.flows),
    countryLabels: geo.objects.countries.geometries.flatMap((g) => {
      const { name, label } = g.properties as CountryProperties;
      return label ? [{ name, at: label }] : [];
    }),
    placeLabels: story.places.filter((p) => p.label).map((p) => ({ name: p.name, at: p.coordinates })),
  };
}

const round1 = (v: number) => Math.round(v * 10) / 10;

/** Triangles smaller than this, in square pixels, are simplified away (Visvalingam). */
const MIN_AREA_PX = 1;

/**
 * The basemap simplified for a zoom level: Natural Earth 1:50m has far more vertices than a
 * regional overview can show, and every one of them would be in the prerendered HTML. Zooms are
 * bucketed by half levels so that camera flights reuse a handful of basemaps.
 */
function basemapAt(source: SceneSource, zoom: number): Basemap {
  const level = Math.round(zoom * 2) / 2;
  let basemap = source.basemaps.get(level);
  if (!basemap) {
    // Planar weights are in square degrees; a degree of longitude is this many pixels.
    const pixelsPerDegree = (TILE_SIZE * 2 ** level) / 360;
    source.weighted ??= presimplify(
      structuredClone(source.geography) as unknown as Topology<Objects<object>>,
    ) as unknown as Story['geography'];
    const geo = simplify(
      source.weighted as unknown as Topology<Objects<object>>,
      MIN_AREA_PX / pixelsPerDegree ** 2,
    ) as unknown as Story['geography'];
    basemap = {
      land: merge(geo, geo.objects.countries.geometries as never),
      borders: mesh(geo, geo.objects.countries, (a, b) => a !== b),
    };
    source.basemaps.set(level, basemap);
  }
  return basemap;
}

/** Points closer than this to the last one drawn, in pixels, are skipped. */
const MIN_STEP = 0.7;

/**
 * A stream filter on projected (pixel) coordinates that drops points closer than `MIN_STEP` to
 * the previous one kept. Natural Earth 1:50m has far more vertices than a regional overview can
 * show: this keeps the prerendered HTML small without a second, simplified geography. Each
 * line's last point is always kept, so rings stay closed.
 */
function pixelThinning(output: GeoStream): GeoStream {
  let x0 = 0;
  let y0 = 0;
  let fresh = true;
  let pending: [number, number] | null = null;
  return {
    point(x, y) {
      if (fresh || (x - x0) ** 2 + (y - y0) ** 2 >= MIN_STEP ** 2) {
        output.point(x, y);
        [x0, y0, fresh, pending] = [x, y, false, null];
      } else pending = [x, y];
    },
    lineStart() {
      fresh = true;
      pending = null;
      output.lineStart();
    },
    lineEnd() {
      if (pending) output.point(pending[0], pending[1]);
      pending = null;
      output.lineEnd();
    },
    polygonStart: () => output.polygonStart(),
    polygonEnd: () => output.polygonEnd(),
    sphere: () => output.sphere?.(),
  };
}

/** What one view of the map is drawn with: a projection and helpers around it. */
function frame(view: View, size: Size) {
  // Geometry far outside the map is cut off; a margin of half the map's size keeps what a
  // prerendered picture, scaled to a box of another shape, may still show at its sides.
  const [mx, my] = [size.width / 2, size.height / 2];
  const projection = projectionFor(view, size).clipExtent([
    [-mx, -my],
    [size.width + mx, size.height + my],
  ]);
  const point = (at: LonLat) => {
    const p = projection(at) ?? [NaN, NaN];
    return [round1(p[0]), round1(p[1])] as [number, number];
  };
  return { projection, point };
}

/** Path data in a view's projection: one decimal of a pixel is finer than any screen and keeps the HTML small. */
function pathData({ projection }: ReturnType<typeof frame>) {
  const path = geoPath({ stream: (output) => projection.stream(pixelThinning(output)) }).digits(1);
  return (g: GeoPermissibleObjects) => path(g) ?? '';
}

/** Land and borders for a view: the costly part of a scene (simplification and projection). */
export function renderBasemap(source: SceneSource, view: View, size: Size): Pick<BaseScene, 'land' | 'borders'> {
  const d = pathData(frame(view, size));
  const basemap = basemapAt(source, view.zoom);
  return { land: d(basemap.land), borders: d(basemap.borders) };
}

/** Claimed areas and borders, and arcs, for a view. */
export function renderClaims(source: SceneSource, view: View, size: Size): Omit<BaseScene, 'land' | 'borders'> {
  const projected = frame(view, size);
  const d = pathData(projected);
  const claimPaths = (role: (g: Geometry) => boolean): ScenePath[] =>
    source.flows
      .filter((f) => role(f.geometry))
      .map((f) => ({ claimId: f.properties.claimId, kind: f.properties.kind, d: d(f.geometry) }));
  return {
    size,
    areas: claimPaths((g) => g.type === 'Polygon' || g.type === 'MultiPolygon'),
    claimBorders: claimPaths((g) => g.type === 'MultiLineString'),
    arcs: arcPaths(source, projected.point),
  };
}

/** The lines and areas: basemap, claimed areas and borders, arcs. What MapLibre also draws. */
export function renderBase(source: SceneSource, view: View, size: Size): BaseScene {
  return { ...renderBasemap(source, view, size), ...renderClaims(source, view, size) };
}

/**
 * An arc is a quadratic Bézier in Mercator (see flows/geometry.ts), and the projection is
 * Mercator scaled and shifted: the same Bézier in pixels is exact. Its control point comes back
 * from the sampled midpoint (`ARC_SAMPLES` is even), B(½) = (P0 + 2C + P1) / 4. One `Q` command
 * instead of 48 points keeps a thousand arrows cheap to send and to draw.
 */
function arcPath(line: Position[], point: (at: LonLat) => [number, number]): string {
  const [x0, y0] = point(line[0] as LonLat);
  const [x1, y1] = point(line[line.length - 1] as LonLat);
  if (line.length < 3) return `M${x0},${y0}L${x1},${y1}`;
  const [xm, ym] = point(line[Math.floor(line.length / 2)] as LonLat);
  const [cx, cy] = [round1(2 * xm - (x0 + x1) / 2), round1(2 * ym - (y0 + y1) / 2)];
  return `M${x0},${y0}Q${cx},${cy},${x1},${y1}`;
}

/** The arcs of all claims, or of the given ones. */
function arcPaths(source: SceneSource, point: (at: LonLat) => [number, number], only?: readonly string[]): ScenePath[] {
  return source.flows
    .filter((f) => f.geometry.type === 'LineString' && (!only || only.includes(f.properties.claimId)))
    .map((f) => ({
      claimId: f.properties.claimId,
      kind: f.properties.kind,
      d: arcPath((f.geometry as LineString).coordinates, point),
    }));
}

/** Label sizes, in CSS pixels, as `StaticMap.svelte`'s styles set them. */
export const LABEL_FONT = { country: 12, place: 13 };

/** A place's name width, estimated from its length: there is no text measuring at build time. */
function placeNameWidth(name: string): number {
  return name.length * LABEL_FONT.place * 0.58;
}

/**
 * Where a place's name may go, in order of preference: right of its dot and below, right and
 * above, left and below, left and above. `dx`/`dy` place the text; `anchor` is its SVG anchor.
 */
const PLACE_POSITIONS = [
  { side: 'right', dx: 6, dy: 14, anchor: 'start' },
  { side: 'right', dx: 6, dy: -6, anchor: 'start' },
  { side: 'left', dx: -6, dy: 14, anchor: 'end' },
  { side: 'left', dx: -6, dy: -6, anchor: 'end' },
] as const;

interface Box {
  x0: number;
  x1: number;
  y0: number;
  y1: number;
}

/** The box a place's dot and name take in one of `PLACE_POSITIONS`. */
function placeBox(name: string, x: number, y: number, position: (typeof PLACE_POSITIONS)[number]): Box {
  const width = placeNameWidth(name);
  const [x0, x1] = position.side === 'right' ? [x - 4, x + 8 + width] : [x - 8 - width, x + 4];
  const [y0, y1] = position.dy > 0 ? [y - 4, y + 19] : [y - 19, y + 4];
  return { x0, x1, y0, y1 };
}

/** How far a place's dot and name reach from its point where the name goes first (right, below). */
function placeLabelReach(name: string): Omit<PointBox, 'at'> {
  const box = placeBox(name, 0, 0, PLACE_POSITIONS[0]);
  return { left: -box.x0, right: box.x1, top: -box.y0, bottom: box.y1 };
}

/** A country's name: upper case with letter spacing, centred on its point. */
function countryBox(name: string, x: number, y: number): Box {
  const width = name.length * LABEL_FONT.country * 0.78;
  return { x0: x - width / 2, x1: x + width / 2, y0: y - 8, y1: y + 8 };
}

/**
 * The named places inside `bounds` (the ends of a claim's arrows among them), as boxes the camera
 * keeps in the map (`fitViewClear`).
 */
export function placeLabelsWithin(source: SceneSource, [w, s, e, n]: Bounds): PointBox[] {
  return source.placeLabels
    .filter(({ at: [x, y] }) => x >= w && x <= e && y >= s && y <= n)
    .map(({ name, at }) => ({ at, ...placeLabelReach(name) }));
}

/**
 * The point symbols: arrowheads, markers, capitals and names. Drawn above either renderer, so
 * the SVG map and MapLibre letter and mark the map alike, and MapLibre needs no symbol layers
 * (no glyphs, no icons, no placement pass). Capitals come first, then countries in order of size.
 * A place's name goes on the first side (`PLACE_POSITIONS`) where it stays in the map, clear of
 * names already placed and of other places' dots; a place with no such side is left out, and so
 * is a country name that does not fit.
 */
export function renderSymbols(source: SceneSource, view: View, size: Size, drawn: readonly string[] = []): SymbolScene {
  const { point } = frame(view, size);
  const placed: Box[] = [];
  const overlaps = (a: Box, b: Box) => a.x0 < b.x1 && a.x1 > b.x0 && a.y0 < b.y1 && a.y1 > b.y0;
  const fits = (box: Box) =>
    box.x0 >= 0 &&
    box.y0 >= 0 &&
    box.x1 <= size.width &&
    box.y1 <= size.height &&
    !placed.some((b) => overlaps(box, b));
  // No name is written over another place's dot: a name that would cover one tries another side.
  const dots = source.placeLabels.map(({ at }) => {
    const [x, y] = point(at);
    return { x0: x - 4, x1: x + 4, y0: y - 4, y1: y + 4 };
  });
  const places = source.placeLabels.flatMap(({ name, at }, index): PlaceLabel[] => {
    const [x, y] = point(at);
    for (const position of PLACE_POSITIONS) {
      const box = placeBox(name, x, y, position);
      if (!fits(box) || dots.some((dot, other) => other !== index && overlaps(box, dot))) continue;
      placed.push(box);
      return [{ name, x, y, tx: x + position.dx, ty: y + position.dy, anchor: position.anchor }];
    }
    return [];
  });
  const countryLabels = source.countryLabels.flatMap(({ name, at }): SceneLabel[] => {
    const [x, y] = point(at);
    const box = countryBox(name, x, y);
    if (!fits(box)) return [];
    placed.push(box);
    return [{ name, x, y }];
  });
  return {
    size,
    drawn: drawn.length ? arcPaths(source, point, drawn) : [],
    heads: source.heads.map((h: Feature<Point, { claimId: string; kind: ClaimKind; angle: number }>) => {
      const [x, y] = point(h.geometry.coordinates as LonLat);
      return { claimId: h.properties.claimId, kind: h.properties.kind, angle: h.properties.angle, x, y };
    }),
    markers: source.markers.map((m) => {
      const [x, y] = point(m.geometry.coordinates as LonLat);
      return {
        claimId: m.properties.claimId,
        kind: m.properties.kind,
        x: round1(x + m.properties.offset[0]),
        y: round1(y + m.properties.offset[1]),
      };
    }),
    places,
    countryLabels,
  };
}

/** Both layers of the static map for one view. */
export function renderScene(source: SceneSource, view: View, size: Size): Scene {
  return { ...renderBase(source, view, size), ...renderSymbols(source, view, size) };
}
