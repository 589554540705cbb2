/**
 * The basemap, prepared once at build time from the story's geography (`PreparedBasemap`): the
 * countries merged into one land shape, the coast and the interior borders meshed, all as
 * TopoJSON objects over the geography's own arcs; and, for each zoom band the SVG map can show,
 * which points of those arcs it keeps (Visvalingam, about 1 px² at the band's most detailed zoom).
 * The browser then only picks a band and projects it (`static/bands.ts`), and MapLibre takes the
 * full detail as it is (`map/style.ts`).
 *
 * Why points of shared arcs rather than a simplified copy per band: Visvalingam's weights are
 * computed once, so each band keeps every point a coarser band keeps. A letter per point names
 * the first band that keeps it: about 6 kB gzip for the whole pyramid, where a copy per band, even
 * rounded to a tenth of a pixel, came to hundreds of kB.
 */
import { mergeArcs, meshArcs } from 'topojson-client';
import { presimplify } from 'topojson-simplify';
import type { Objects, Topology } from 'topojson-specification';
import { constrainView, MAX_ZOOM, TILE_SIZE, type Size } from '../camera/view.ts';
import type { BasemapBand, PreparedBasemap, RegionTopology, StoryMeta } from '../story/types.ts';

/**
 * Bands are this many zoom levels wide. Each is simplified for its top zoom, so the wider the
 * band, the more detail it draws near its bottom that no screen shows: with half-level bands the
 * prerendered overview (zoom 3.2) had 14 % more path data; quarter-level bands cost about a kB
 * more of `detail` (gzip).
 */
export const BAND_WIDTH = 0.25;

/**
 * The smallest map any page lays out: the lowest zoom the camera reaches is the one that fits
 * the region's `maxBounds` into it (`constrainView`). A smaller map still gets the lowest band,
 * with detail to spare.
 */
export const SMALLEST_MAP: Size = { width: 200, height: 150 };

/** Triangles smaller than this, in square pixels at a band's most detailed zoom, are simplified away. */
export const MIN_AREA_PX = 1;

/** The letter that names the first band in `PreparedBasemap.detail`. */
export const FIRST_BAND_CODE = 'a'.charCodeAt(0);

/** The zoom bands for a region: from the lowest zoom any map reaches, a quarter level at a time, up to `MAX_ZOOM`. */
export function basemapBands(maxBounds: StoryMeta['region']['maxBounds']): BasemapBand[] {
  const lowest = constrainView({ center: [0, 0], zoom: -Infinity }, SMALLEST_MAP, maxBounds).zoom;
  const bands: BasemapBand[] = [];
  for (let zoom = Math.floor(lowest / BAND_WIDTH) * BAND_WIDTH; zoom < MAX_ZOOM; zoom += BAND_WIDTH) {
    bands.push({ minZoom: zoom, detailZoom: Math.min(MAX_ZOOM, zoom + BAND_WIDTH) });
  }
  return bands;
}

/**
 * Visvalingam's threshold for a zoom, in the planar weights' unit (square degrees): the area of
 * a square pixel there, a degree of longitude being `TILE_SIZE * 2^zoom / 360` pixels.
 */
export function minWeight(zoom: number): number {
  return MIN_AREA_PX * (360 / (TILE_SIZE * 2 ** zoom)) ** 2;
}

export function prepareBasemap(geography: RegionTopology, meta: StoryMeta): PreparedBasemap {
  const bands = basemapBands(meta.region.maxBounds);
  const thresholds = bands.map((band) => minWeight(band.detailZoom));
  // Weights for every point (the third coordinate); arc ends get Infinity. Works on a copy.
  const weighted = presimplify(structuredClone(geography) as unknown as Topology<Objects<object>>);
  let detail = '';
  for (const arc of weighted.arcs) {
    for (let i = 1; i < arc.length - 1; i++) {
      const weight = arc[i]![2]!;
      const first = thresholds.findIndex((t) => weight >= t);
      detail += String.fromCharCode(FIRST_BAND_CODE + (first < 0 ? bands.length : first));
    }
  }
  const countries = geography.objects.countries;
  return {
    bands,
    detail,
    land: mergeArcs(geography, countries.geometries as never),
    coast: meshArcs(geography, countries, (a, b) => a === b),
    borders: meshArcs(geography, countries, (a, b) => a !== b),
  };
}
