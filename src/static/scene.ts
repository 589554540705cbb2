/**
 * The static map as data: SVG path strings and positioned labels for a view, computed with
 * d3-geo from the same flows the MapLibre layers draw. Pure: the build prerenders it into the
 * HTML, the browser re-renders it at the map's real size, and tests snapshot it.
 */
import { geoPath, type GeoPermissibleObjects, type GeoStream } from 'd3-geo';
import { feature } from 'topojson-client';
import type { Topology } from 'topojson-specification';
import type { Feature, Geometry, LineString, MultiLineString, MultiPolygon, Point, Position } from 'geojson';
import type { ClaimKind } from '../story/kinds.ts';
import { arrowHeads, markers } from '../flows/render.ts';
import type { CountryProperties, FlowProperties, FlowRole, LonLat, Modality, Story } from '../story/types.ts';
import { projectionFor, type Size, type View } from '../camera/view.ts';
import { placeNames, type NamedPoint, type PlaceLabel, type SceneLabel } from '../camera/labels.ts';

export type { PlaceLabel, SceneLabel };

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
  /** Land and borders as the build prepared them, with the points each zoom band keeps. */
  basemap: Story['basemap'];
  /** Bands decoded lately, by index, so an animation does not decode every frame. */
  basemaps: Map<number, Basemap>;
  flows: Feature<Geometry, FlowProperties>[];
  heads: ReturnType<typeof arrowHeads>;
  markers: ReturnType<typeof markers>;
  countryLabels: NamedPoint[];
  placeLabels: NamedPoint[];
}

/** What a drawn claim part carries: its claim, its kind, and how it is drawn (its look and modality). */
interface SceneClaim {
  claimId: string;
  kind: ClaimKind;
  look: string;
  modality: Modality;
}

export interface ScenePath extends SceneClaim {
  d: string;
}

export interface ScenePoint extends SceneClaim {
  x: number;
  y: number;
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
    basemap: story.basemap,
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

/**
 * The band that draws a zoom: the last one starting at or below it, or the first (the coarsest)
 * for a zoom below them all. Each band is simplified for the closest zoom it serves.
 */
export function bandIndex(bands: Story['basemap']['bands'], zoom: number): number {
  let index = 0;
  while (index + 1 < bands.length && bands[index + 1]!.minZoom <= zoom) index++;
  return index;
}

/**
 * The geography's arcs with only the points a band keeps (every band keeps each arc's ends), in
 * degrees: the build chose them (`build/basemap.ts`); here they are only read out.
 */
function bandArcs(geography: Story['geography'], detail: string, band: number): Position[][] {
  const t = geography.transform;
  const [kx, ky, dx, dy] = t ? [...t.scale, ...t.translate] : [1, 1, 0, 0];
  // Letters name bands from `a` (see `PreparedBasemap.detail`).
  const last = 'a'.charCodeAt(0) + band;
  let k = 0;
  return geography.arcs.map((arc) => {
    const kept: Position[] = [];
    let [x, y] = [0, 0];
    arc.forEach((p, i) => {
      // Quantized arcs are delta-encoded.
      [x, y] = t ? [x + p[0]!, y + p[1]!] : [p[0]!, p[1]!];
      const end = i === 0 || i === arc.length - 1;
      if (end || detail.charCodeAt(k++) <= last) kept.push([x * kx + dx, y * ky + dy]);
    });
    return kept;
  });
}

/**
 * Decoded bands kept at once, the last used: a camera flight crosses several bands, a detailed
 * band takes about half a MB of heap, and decoding one again takes a few milliseconds.
 */
const KEPT_BANDS = 6;

/**
 * The basemap for a zoom level: the band's points of the build's land and borders. Natural Earth
 * 1:50m has far more vertices than a regional overview can show, and every one of them would be
 * in the prerendered HTML.
 */
function basemapAt(source: SceneSource, zoom: number): Basemap {
  const band = bandIndex(source.basemap.bands, zoom);
  let basemap = source.basemaps.get(band);
  if (basemap) source.basemaps.delete(band);
  else {
    const topology: Topology = {
      type: 'Topology',
      objects: {},
      arcs: bandArcs(source.geography, source.basemap.detail, band),
    };
    basemap = {
      land: feature(topology, source.basemap.land).geometry,
      borders: feature(topology, source.basemap.borders).geometry,
    };
  }
  // Most recently used last; the least recently used goes when too many are kept.
  source.basemaps.set(band, basemap);
  if (source.basemaps.size > KEPT_BANDS) source.basemaps.delete(source.basemaps.keys().next().value!);
  return basemap;
}

/** Points closer than this to the last one drawn, in pixels, are skipped. */
const MIN_STEP = 0.7;

/**
 * A stream filter on projected (pixel) coordinates that drops points closer than `MIN_STEP` to
 * the previous one kept: where the band's simplification leaves points closer together than a
 * screen shows, this keeps them out of the prerendered HTML. Each line's last point is always
 * kept, so rings stay closed.
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
  const claimPaths = (role: FlowRole): ScenePath[] =>
    source.flows
      .filter((f) => f.properties.role === role)
      .map((f) => ({ ...drawnClaim(f.properties), d: d(f.geometry) }));
  return {
    size,
    areas: claimPaths('area'),
    claimBorders: claimPaths('border'),
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
    .filter((f) => f.properties.role === 'arc' && (!only || only.includes(f.properties.claimId)))
    .map((f) => ({ ...drawnClaim(f.properties), d: arcPath((f.geometry as LineString).coordinates, point) }));
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
  const { places, countryLabels } = placeNames(source.placeLabels, source.countryLabels, point, size);
  return {
    size,
    drawn: drawn.length ? arcPaths(source, point, drawn) : [],
    heads: source.heads.map((h: Feature<Point, SceneClaim & { angle: number }>) => {
      const [x, y] = point(h.geometry.coordinates as LonLat);
      return { ...drawnClaim(h.properties), angle: h.properties.angle, x, y };
    }),
    markers: source.markers.map((m) => {
      const [x, y] = point(m.geometry.coordinates as LonLat);
      return {
        ...drawnClaim(m.properties),
        x: round1(x + m.properties.offset[0]),
        y: round1(y + m.properties.offset[1]),
      };
    }),
    places,
    countryLabels,
  };
}

function drawnClaim({ claimId, kind, look, modality }: SceneClaim): SceneClaim {
  return { claimId, kind, look, modality };
}

/** Both layers of the static map for one view. */
export function renderScene(source: SceneSource, view: View, size: Size): Scene {
  return { ...renderBase(source, view, size), ...renderSymbols(source, view, size) };
}
