/**
 * The SVG map's zoom bands: each drawn once, in its own plane (Web Mercator pixels at the band's
 * zoom, measured from the overview's centre), from the points the build keeps for it, and placed
 * in every view by one transform. `scene.ts` draws views with them.
 */
import { geoPath, type GeoPermissibleObjects, type GeoStream } from 'd3-geo';
import { feature } from 'topojson-client';
import type { Topology } from 'topojson-specification';
import type { Feature, Geometry, MultiLineString, MultiPolygon, Position } from 'geojson';
import type { ClaimKind } from '../story/kinds.ts';
import type { ClaimAct, FlowProperties, LonLat, Modality, Story } from '../story/types.ts';
import { projectionFor, webMercatorPixel, type Size, type View } from '../camera/view.ts';

/** What a drawn claim part carries: its claim, its kind, and how it is drawn (its look and modality). */
export interface SceneClaim {
  claimId: string;
  kind: ClaimKind;
  look: string;
  modality: Modality;
  /** What its sentence does (`symbology/acts.ts`): a tie, an act's tip bar, a fear's badge. */
  act?: ClaimAct;
}

export interface ScenePath extends SceneClaim {
  d: string;
  /** An arrow's ends: place ids. */
  from?: string;
  to?: string;
}

/**
 * Land and borders at one level of detail. The land is one merged shape, filled and stroked
 * for the coast, so no border is in it: each is drawn once, in `borders`.
 */
interface Basemap {
  land: MultiPolygon;
  borders: MultiLineString;
}

/** What a story's bands are drawn from (part of `SceneSource`, computed once per story). */
export interface BandSource {
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

/** A drawn part's claim fields, and nothing else of what it was drawn from. */
export function drawnClaim({ claimId, kind, look, modality, act }: SceneClaim): SceneClaim {
  return act ? { claimId, kind, look, modality, act } : { claimId, kind, look, modality };
}

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
function basemapAt(source: BandSource, band: number): Basemap {
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
function planePath(source: BandSource, zoom: number) {
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
export function bandFor(source: BandSource, zoom: number, keep?: number): number {
  const wanted = bandIndex(source.basemap.bands, zoom);
  return keep !== undefined && keep >= wanted - 2 && keep <= wanted + 4 ? keep : wanted;
}

/**
 * A band drawn in its plane (`BandDrawing`): the costly part of a scene (the band's points
 * decoded, the claims' shapes projected), done once per band and kept while the band is in use.
 */
export function bandDrawing(source: BandSource, band: number): BandDrawing {
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
export function adoptDrawing(source: BandSource, { parts, ...drawn }: DrawnBand): boolean {
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
  source: BandSource,
  view: View,
  size: Size,
): PlaneTransform {
  const k = 2 ** (view.zoom - drawing.zoom);
  const [x, y] = webMercatorPixel(source.origin, view, size).map((v) => Math.round(v * 100) / 100) as [number, number];
  const kk = Math.round(k * 1e6) / 1e6;
  return { k: kk, x, y, attribute: `matrix(${kk} 0 0 ${kk} ${x} ${y})` };
}
