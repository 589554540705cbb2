/**
 * The static map as data: SVG path strings and positioned labels for a view, computed with
 * d3-geo from the same flows the MapLibre layers draw. Pure: the build prerenders it into the
 * HTML, the browser draws each zoom band once and places it in every view with one transform
 * (`bandDrawing`, `planeTransform`), and tests snapshot it.
 */
import { geoPath, type GeoPermissibleObjects, type GeoStream } from 'd3-geo';
import { feature } from 'topojson-client';
import type { Topology } from 'topojson-specification';
import type { Feature, Geometry, MultiLineString, MultiPolygon, Position } from 'geojson';
import type { ClaimKind } from '../story/kinds.ts';
import { arrowHeads, markers } from '../flows/render.ts';
import type { CountryProperties, FlowProperties, FlowRole, LonLat, Modality, Story } from '../story/types.ts';
import { projectionFor, webMercatorPixel, type Size, type View } from '../camera/view.ts';
import type { NamedPoint, PlaceLabel, SceneLabel } from '../camera/labels.ts';
import { layoutFor, layoutSource, worldToPixel, type Layout, type LayoutSource } from '../camera/layout.ts';
import { headSize } from '../symbology/layout.ts';
import { PLACE_STYLE } from '../symbology/places.ts';

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
  /** Bands drawn lately (`BandDrawing`), by index: a view of a band drawn once is only a transform. */
  drawings: Map<number, BandDrawing>;
  /** Where the bands' planes have their origin: the overview's centre. */
  origin: LonLat;
  /** The claims' shapes each band draws in its plane, by part, in the flows' order. */
  planeFlows: Record<PlanePart, Feature<Geometry, FlowProperties>[]>;
  flows: Feature<Geometry, FlowProperties>[];
  heads: ReturnType<typeof arrowHeads>;
  markers: ReturnType<typeof markers>;
  countryLabels: NamedPoint[];
  /** The names of the places the claims use (and those the data asks to name), for framing. */
  placeLabels: NamedPoint[];
  /** What the layout of each view is computed from (`camera/layout.ts`), with the last few layouts. */
  layout: LayoutSource;
}

/**
 * The view (and size, and names' scale) a scene's layout is computed for, when it is not the view
 * drawn: a camera in flight, or MapLibre zoomed by the reader, draws the layout of the view it
 * flies to or last settled at, scaled and shifted, until the next one replaces it.
 */
export interface LayoutAt {
  view: View;
  size?: Size;
  scale?: number;
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
  /** An arrow's ends: place ids. */
  from?: string;
  to?: string;
}

export interface ScenePoint extends SceneClaim {
  x: number;
  y: number;
}

/**
 * A zoom band drawn once: land, borders and the claims' shapes (areas, borders, regions) as path
 * data in the band's own plane, Web Mercator pixels at the band's zoom measured from the source's
 * origin. Every view is that plane scaled and shifted (`planeTransform`), so a map that is
 * measured, resized or flown keeps its paths and changes one transform.
 */
export interface BandDrawing {
  band: number;
  /** The plane's zoom: one unit of the plane is a pixel of a view at this zoom. */
  zoom: number;
  /** Land, filled; its outline is the coast. */
  land: string;
  borders: string;
  areas: ScenePath[];
  claimBorders: ScenePath[];
  /** The outlines of the regions arrows name. */
  regions: ScenePath[];
}

/** The claims' shapes a band draws in its plane. */
export type PlanePart = 'areas' | 'claimBorders' | 'regions';
export const PLANE_PARTS: readonly PlanePart[] = ['areas', 'claimBorders', 'regions'];

/**
 * A band's path data read back (the prerendered page's), each claim's shape with the claim it
 * says it draws, where it says so.
 */
export interface DrawnBand extends Pick<BandDrawing, 'band' | 'zoom' | 'land' | 'borders'> {
  parts: Record<PlanePart, { claimId: string | null; d: string }[]>;
}

/** How a band's plane sits in a view: scaled by `k`, then shifted by `x`, `y` (pixels). */
export interface PlaneTransform {
  k: number;
  x: number;
  y: number;
  /** The same as an SVG `transform` attribute. */
  attribute: string;
}

export interface BaseScene extends Omit<BandDrawing, 'band' | 'zoom'> {
  size: Size;
  /** Where the plane's paths (land, borders, areas, claim borders, regions) lie in this view. */
  plane: PlaneTransform;
  /** Arrows, in the view's pixels. */
  arcs: ScenePath[];
}

/** A place off the map, named where an arrow to it leaves the map, with a pointer towards it. */
export interface SceneEdge {
  name: string;
  claimIds: string[];
  /** The label's box, in the map's pixels: [x0, y0, x1, y1]. */
  box: [number, number, number, number];
  /** The text's start. */
  tx: number;
  ty: number;
  /** The pointer's centre and heading (degrees clockwise from north). */
  pointer: { x: number; y: number; angle: number };
}

export interface SymbolScene {
  size: Size;
  /** How many times `LABEL_FONT` the names are set (the one asked for, smaller on a small map). */
  labelScale: number;
  /** Arcs drawn again above everything, to animate them in (the classroom's steps). */
  drawn: ScenePath[];
  /** Arrowheads: tip, heading, and size for the state they are drawn in. */
  heads: (ScenePoint & { angle: number; length: number; width: number })[];
  /** Markers at cities, and badges (`badge`) at the names of what unplaced claims are about. */
  markers: (ScenePoint & { r: number; badge: boolean })[];
  /** Countries' names (spaced capitals) and regions' (`style: 'region'`, italic). */
  countryLabels: (SceneLabel & { style: 'country' | 'region' })[];
  places: PlaceLabel[];
  /** Places off the map, named at the edge (only for the claims in focus). */
  edgeLabels: SceneEdge[];
}

export type Scene = BaseScene & SymbolScene;

const withRole = (flows: Feature<Geometry, FlowProperties>[], role: FlowRole) =>
  flows.filter((f) => f.properties.role === role);

export function sceneSource(story: Story): SceneSource {
  const geo = story.geography;
  const region = story.meta.region;
  return {
    geography: geo,
    basemap: story.basemap,
    basemaps: new Map(),
    drawings: new Map(),
    origin: [(region.overview[0] + region.overview[2]) / 2, (region.overview[1] + region.overview[3]) / 2],
    planeFlows: {
      areas: withRole(story.flows.features, 'area'),
      claimBorders: withRole(story.flows.features, 'border'),
      regions: withRole(story.flows.features, 'region'),
    },
    flows: story.flows.features,
    heads: arrowHeads(story.flows),
    markers: markers(story.flows),
    countryLabels: geo.objects.countries.geometries.flatMap((g) => {
      const { name, label } = g.properties as CountryProperties;
      return label ? [{ name, at: label }] : [];
    }),
    placeLabels: framedNames(story),
    layout: layoutSource(story),
  };
}

/**
 * The names framing keeps in the map (`selectionView`): each place a claim uses, as the layout
 * writes it (a country's or region's centred on its point, a city's beside its dot), and places
 * the data asks to name.
 */
function framedNames(story: Story): NamedPoint[] {
  const used = new Set(story.flows.features.flatMap((f) => [f.properties.from, f.properties.to]));
  return story.places
    .filter((p) => used.has(p.id) || p.label)
    .map((p) => ({
      name: typeof p.label === 'string' ? p.label : p.name,
      at: p.coordinates,
      style: PLACE_STYLE[p.kind],
    }));
}

/** The layout a scene of `view` draws: its own, or that of `at`. */
function layoutOf(source: SceneSource, view: View, size: Size, at?: LayoutAt, scale = 1): Layout {
  return layoutFor(source.layout, at?.view ?? view, at?.size ?? size, at?.scale ?? scale);
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
 * degrees: the build chose them (`prepare/basemap.ts`); here they are only read out.
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
 * The basemap of a band: the band's points of the build's land and borders. Natural Earth
 * 1:50m has far more vertices than a regional overview can show, and every one of them would be
 * in the prerendered HTML.
 */
function basemapAt(source: SceneSource, band: number): Basemap {
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
  keepRecent(source.basemaps, band, basemap);
  return basemap;
}

/** Kept with the most recently used last; the least recently used goes when too many are kept. */
function keepRecent<T>(kept: Map<number, T>, band: number, value: T) {
  kept.delete(band);
  kept.set(band, value);
  if (kept.size > KEPT_BANDS) kept.delete(kept.keys().next().value!);
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

/** Path data in a band's plane: one decimal of a pixel is finer than any screen and keeps the HTML small. */
function planePath(source: SceneSource, zoom: number) {
  // The plane is a view of the band's zoom centred on the origin, in a map of no size.
  const projection = projectionFor({ center: source.origin, zoom }, { width: 0, height: 0 });
  const path = geoPath({ stream: (output) => projection.stream(pixelThinning(output)) }).digits(1);
  return (g: GeoPermissibleObjects) => path(g) ?? '';
}

/**
 * The band that draws `zoom`, or the one drawn already (`keep`) while it is still fit for it: at
 * most two bands coarser (half a zoom level: points at most about 1.2 px apart where the band's own
 * zooms keep them 0.7 px apart) or four finer (more points than needed, none missing). A map measured, or a camera flown a little,
 * keeps its drawing rather than drawing a neighbouring band again.
 */
export function bandFor(source: SceneSource, zoom: number, keep?: number): number {
  const wanted = bandIndex(source.basemap.bands, zoom);
  return keep !== undefined && keep >= wanted - 2 && keep <= wanted + 4 ? keep : wanted;
}

/**
 * A band drawn in its plane (`BandDrawing`): the costly part of a scene (the band's points
 * decoded, the claims' shapes projected), done once per band and kept while the band is in use.
 */
export function bandDrawing(source: SceneSource, band: number): BandDrawing {
  let drawing = source.drawings.get(band);
  if (drawing) source.drawings.delete(band);
  else {
    const zoom = source.basemap.bands[band]!.minZoom;
    const d = planePath(source, zoom);
    const basemap = basemapAt(source, band);
    const shapes = (part: PlanePart): ScenePath[] =>
      source.planeFlows[part].map((f) => ({ ...drawnClaim(f.properties), d: d(f.geometry) }));
    drawing = {
      band,
      zoom,
      land: d(basemap.land),
      borders: d(basemap.borders),
      areas: shapes('areas'),
      claimBorders: shapes('claimBorders'),
      regions: shapes('regions'),
    };
  }
  keepRecent(source.drawings, band, drawing);
  return drawing;
}

/**
 * A band drawn before, read back (the prerendered page's, so hydration draws nothing again): kept
 * as the band's drawing when it has each shape this source draws, of the same claims, in order.
 * Returns whether it was kept.
 */
export function adoptDrawing(source: SceneSource, { parts, ...drawn }: DrawnBand): boolean {
  const fits =
    source.basemap.bands[drawn.band]?.minZoom === drawn.zoom &&
    PLANE_PARTS.every(
      (part) =>
        parts[part].length === source.planeFlows[part].length &&
        parts[part].every((p, i) => p.claimId === null || p.claimId === source.planeFlows[part][i]!.properties.claimId),
    );
  if (!fits) return false;
  const shapes = (part: PlanePart): ScenePath[] =>
    source.planeFlows[part].map((f, i) => ({ ...drawnClaim(f.properties), d: parts[part][i]!.d }));
  keepRecent(source.drawings, drawn.band, {
    ...drawn,
    areas: shapes('areas'),
    claimBorders: shapes('claimBorders'),
    regions: shapes('regions'),
  });
  return true;
}

/** Where a band's plane lies in a view of `size`. */
export function planeTransform(
  drawing: Pick<BandDrawing, 'zoom'>,
  source: SceneSource,
  view: View,
  size: Size,
): PlaneTransform {
  const k = 2 ** (view.zoom - drawing.zoom);
  const [x, y] = webMercatorPixel(source.origin, view, size).map((v) => Math.round(v * 100) / 100) as [number, number];
  const kk = Math.round(k * 1e6) / 1e6;
  return { k: kk, x, y, attribute: `matrix(${kk} 0 0 ${kk} ${x} ${y})` };
}

/** Land and borders, and the claims' shapes, for a view: a band's drawing and where it lies. */
export function renderBasemap(
  source: SceneSource,
  view: View,
  size: Size,
): { drawing: BandDrawing; plane: PlaneTransform } {
  const drawing = bandDrawing(source, bandFor(source, view.zoom));
  return { drawing, plane: planeTransform(drawing, source, view, size) };
}

/** The arrows for a view (as `at`'s layout has them), in the view's pixels. */
export function renderArcs(source: SceneSource, view: View, size: Size, at?: LayoutAt): ScenePath[] {
  return arcPaths(layoutOf(source, view, size, at), view, size);
}

/** The lines and areas: basemap, claimed areas and borders, arcs. What MapLibre also draws. */
export function renderBase(source: SceneSource, view: View, size: Size, at?: LayoutAt): BaseScene {
  const { drawing, plane } = renderBasemap(source, view, size);
  const { land, borders, areas, claimBorders, regions } = drawing;
  return { size, plane, land, borders, areas, claimBorders, regions, arcs: renderArcs(source, view, size, at) };
}

/**
 * An arrow is a cubic Bézier in the layout's Mercator plane, and every view is that plane scaled
 * and shifted: the same Bézier in the view's pixels is exact, one `C` command.
 */
function arcPaths(layout: Layout, view: View, size: Size, only?: readonly string[]): ScenePath[] {
  const point = worldToPixel(view, size);
  return layout.arrows
    .filter((a) => !only || only.includes(a.claimId))
    .map((a) => {
      const [p0, p1, p2, p3] = a.curve.map((w) => point(w).map(round1));
      return {
        ...drawnClaim(a),
        from: a.from,
        to: a.to,
        d: `M${p0![0]},${p0![1]}C${p1![0]},${p1![1]},${p2![0]},${p2![1]},${p3![0]},${p3![1]}`,
      };
    });
}

/** The edge labels a selection shows: those of the claims in focus (all, when none is selected). */
export function edgesInFocus(edges: readonly SceneEdge[], selected: readonly string[]): SceneEdge[] {
  return selected.length ? edges.filter((e) => e.claimIds.some((id) => selected.includes(id))) : [...edges];
}

/**
 * The point symbols: arrowheads, markers and badges, names and edge labels, where the layout puts
 * them (`camera/layout.ts`). Drawn above either renderer, so the SVG map and MapLibre letter and
 * mark the map alike, and MapLibre needs no symbol layers (no glyphs, no icons, no placement pass).
 */
export function renderSymbols(
  source: SceneSource,
  view: View,
  size: Size,
  drawn: readonly string[] = [],
  /** Names set this many times `LABEL_FONT` (a projector), placed for that size. */
  labelScale = 1,
  at?: LayoutAt,
): SymbolScene {
  const layout = layoutOf(source, view, size, at, labelScale);
  const point = worldToPixel(view, size);
  const xy = (w: [number, number]) => point(w).map(round1) as [number, number];
  const countryLabels: SymbolScene['countryLabels'] = [];
  const places: PlaceLabel[] = [];
  for (const n of layout.names) {
    const [x, y] = xy(n.at);
    if (n.style === 'place') {
      places.push({
        name: n.text,
        x,
        y,
        tx: round1(x + n.dx),
        ty: round1(y + n.dy),
        anchor: n.anchor === 'end' ? 'end' : 'start',
      });
    } else countryLabels.push({ name: n.text, x, y, style: n.style });
  }
  return {
    size,
    labelScale: layout.scale,
    drawn: drawn.length ? arcPaths(layout, view, size, drawn) : [],
    heads: layout.arrows.map((a) => {
      const [x, y] = xy(a.tip);
      const { length, width } = headSize(a, 'none');
      return { ...drawnClaim(a), angle: a.angle, x, y, length, width };
    }),
    markers: layout.symbols.map((m) => {
      const [x, y] = xy(m.at);
      return { ...drawnClaim(m), x, y, r: m.r, badge: m.badge };
    }),
    places,
    countryLabels,
    edgeLabels: layout.edges.map((e) => {
      const [x, y] = point(e.at);
      const [x0, y0, x1, y1] = e.box;
      return {
        name: e.text,
        claimIds: e.claimIds,
        box: [round1(x + x0), round1(y + y0), round1(x + x1), round1(y + y1)],
        tx: round1(x + e.tx),
        ty: round1(y + e.ty),
        pointer: { x: round1(x + e.pointer.dx), y: round1(y + e.pointer.dy), angle: e.pointer.angle },
      };
    }),
  };
}

function drawnClaim({ claimId, kind, look, modality }: SceneClaim): SceneClaim {
  return { claimId, kind, look, modality };
}

/** Both layers of the static map for one view. */
export function renderScene(source: SceneSource, view: View, size: Size, labelScale = 1): Scene {
  const at = { view, size, scale: labelScale };
  return { ...renderBase(source, view, size, at), ...renderSymbols(source, view, size, [], labelScale, at) };
}
