/**
 * The static map as data: SVG path strings and positioned labels for a view, computed with
 * d3-geo from the same flows the MapLibre layers draw. Pure: the build prerenders it into the
 * HTML, the browser draws each zoom band once and places it in every view with one transform
 * (`bands.ts`), and tests snapshot it.
 */
import type { Feature, Geometry } from 'geojson';
import { arrowHeads, markers } from '../flows/render.ts';
import type { CountryProperties, FlowProperties, FlowRole, Story } from '../story/types.ts';
import type { Size, View } from '../camera/view.ts';
import {
  bandDrawing,
  bandFor,
  drawnClaim,
  planeTransform,
  type BandDrawing,
  type BandSource,
  type PlaneTransform,
  type SceneClaim,
  type ScenePath,
} from './bands.ts';
import type { NamedPoint } from '../camera/reach.ts';
import { layoutFor, layoutSource, worldToPixel, type Layout, type LayoutSource } from '../layout/index.ts';
import { headSize } from '../symbology/sizes.ts';
import { actLook, actMarks, type ActMarkShape } from '../symbology/acts.ts';
import { PLACE_STYLE } from '../symbology/places.ts';
import type { NameRank } from '../symbology/tiers.ts';

export type { ScenePath };

/** A name written at a point: a country's or region's, centred there. */
export interface SceneLabel {
  name: string;
  x: number;
  y: number;
  /** Its tier (`symbology/tiers.ts`): a claim's place, a neighbour, a base-map town. */
  rank: NameRank;
}

/** A place: its dot at `x`, `y`, its name written at `tx`, `ty`, anchored at its start or end. */
export interface PlaceLabel extends SceneLabel {
  tx: number;
  ty: number;
  anchor: 'start' | 'end';
}

/** What a scene is drawn from, computed once per story. */
export interface SceneSource extends BandSource {
  flows: Feature<Geometry, FlowProperties>[];
  heads: ReturnType<typeof arrowHeads>;
  markers: ReturnType<typeof markers>;
  countryLabels: NamedPoint[];
  /** The names of the places the claims use (and those the data asks to name), for framing. */
  placeLabels: NamedPoint[];
  /** What the layout of each view is computed from (`src/layout/`), with the last few layouts. */
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

export interface ScenePoint extends SceneClaim {
  x: number;
  y: number;
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
  /** Arrowheads: tip, heading, and size for the state they are drawn in (ties have none). */
  heads: (ScenePoint & { angle: number; length: number; width: number })[];
  /** What an act adds to its line (`symbology/acts.ts`): bars, mid-dots, crosses, with the line's heading there. */
  actMarks: (ScenePoint & { angle: number; shape: ActMarkShape })[];
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
 * them (`src/layout/`). Drawn above either renderer, so the SVG map and MapLibre letter and
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
        rank: n.rank,
      });
    } else countryLabels.push({ name: n.text, x, y, style: n.style, rank: n.rank });
  }
  return {
    size,
    labelScale: layout.scale,
    drawn: drawn.length ? arcPaths(layout, view, size, drawn) : [],
    heads: layout.arrows
      .filter((a) => actLook(a.act).head)
      .map((a) => {
        const [x, y] = xy(a.tip);
        const { length, width } = headSize(a, 'none');
        return { ...drawnClaim(a), angle: a.angle, x, y, length, width };
      }),
    actMarks: layout.arrows.flatMap((a) => {
      const curve = a.curve.map(xy) as [number, number][];
      return actMarks(a.act).map(({ at, shape }) => {
        // An act's bar sits across its tip (under the head's point); the rest on the line.
        const [x, y] = at === 1 ? xy(a.tip) : cubicPoint(curve, at);
        const angle = at === 1 ? a.angle : headingOn(curve, at);
        return { ...drawnClaim(a), x, y, angle, shape };
      });
    }),
    markers: layout.symbols.map((m) => {
      const [x, y] = xy(m.at);
      return { ...drawnClaim(m), x, y, r: m.radius, badge: m.badge };
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
        tx: round1(x + e.textX),
        ty: round1(y + e.textY),
        pointer: { x: round1(x + e.pointer.dx), y: round1(y + e.pointer.dy), angle: e.pointer.angle },
      };
    }),
  };
}

/** The point of a cubic (in pixels) at `t`. */
function cubicPoint([p0, p1, p2, p3]: [number, number][], t: number): [number, number] {
  const u = 1 - t;
  const [a, b, c, d] = [u * u * u, 3 * u * u * t, 3 * u * t * t, t * t * t];
  return [0, 1].map((i) => round1(a * p0![i]! + b * p1![i]! + c * p2![i]! + d * p3![i]!)) as [number, number];
}

/** A cubic's heading at `t`, in degrees clockwise from north (as heads are rotated). */
function headingOn(curve: [number, number][], t: number): number {
  const [x0, y0] = cubicPoint(curve, Math.max(0, t - 0.01));
  const [x1, y1] = cubicPoint(curve, Math.min(1, t + 0.01));
  return Math.round((((Math.atan2(x1 - x0, -(y1 - y0)) * 180) / Math.PI + 360) % 360) * 10) / 10;
}

/** Both layers of the static map for one view. */
export function renderScene(source: SceneSource, view: View, size: Size, labelScale = 1): Scene {
  const at = { view, size, scale: labelScale };
  return { ...renderBase(source, view, size, at), ...renderSymbols(source, view, size, [], labelScale, at) };
}
