/**
 * The MapLibre style (https://maplibre.org/maplibre-style-spec/), built from the story's own
 * geography: inline GeoJSON sources, no tile server, no sprite, no glyphs, so the map requests
 * nothing from another origin.
 *
 * Layers, bottom to top: water, land, coasts, borders, claimed areas and borders, arrow casings,
 * arrows. A hollow claim (predicted, conditional, recommended: `symbology/claims.ts`) is drawn
 * wider, without an area fill, with a core of the ground's colour along its line; each feature's
 * `look` and `modality` properties choose its paint. Arrowheads, markers and names are not MapLibre layers: the SVG symbol layer
 * (`static/MapSymbols.svelte`) draws them above the map for both renderers, which spares
 * MapLibre glyph rasterising, icons and the symbol placement pass. Selection changes feature
 * state only (`selection.ts`); no layer is ever added or removed after load.
 */
import { feature } from 'topojson-client';
import type {
  ExpressionSpecification,
  FillLayerSpecification,
  LineLayerSpecification,
  StyleSpecification,
} from 'maplibre-gl';
import type { FeatureCollection, Geometry } from 'geojson';
import type { FlowProperties, FlowRole, Story } from '../story/types.ts';
import { fromMercator } from '../flows/geometry.ts';
import type { LaidArrow, Layout } from '../layout/index.ts';
import {
  dashUnits,
  HOLLOW_MODALITIES,
  kindColor,
  LOOK_NAMES,
  partOpacity,
  partWidth,
  type ByEmphasis,
  type ClaimPart,
} from '../symbology/claims.ts';
import { PALETTES, type Theme } from '../symbology/palette.ts';
import { BORDER_WIDTH_STOPS, COAST_WIDTH } from '../symbology/basemap.ts';
import { byEmphasis } from './selection.ts';

/** Source ids, shared with the selection and camera code. */
export const SOURCES = {
  land: 'land',
  borders: 'borders',
  coast: 'coast',
  flows: 'flows',
} as const;

/** Layers whose features are claims: the ones a click or hover selects. */
export const CLAIM_LAYERS = ['flow-area-fill', 'flow-border', 'flow-hit'] as const;

/** A `match` on the feature's look (its kind's look, resolved by the build), one value per look. */
export function byLook<T>(pick: (look: string) => T, fallback: T): ExpressionSpecification {
  const branches = LOOK_NAMES.flatMap((k) => [k, pick(k)]);
  return ['match', ['get', 'look'], ...branches, fallback] as unknown as ExpressionSpecification;
}

function role(r: FlowRole): ExpressionSpecification {
  return ['==', ['get', 'role'], r];
}

/** Whether the feature's claim is drawn hollow (its `modality`). */
const HOLLOW: ExpressionSpecification = ['match', ['get', 'modality'], [...HOLLOW_MODALITIES], true, false];

const kindColors = (theme: Theme) => byLook((k) => kindColor(k, theme), '#000000');
/**
 * A part's dash, in line widths as MapLibre reads `line-dasharray`. Arrays in a `match` output
 * must be literals; solid lines get a dash with no gap.
 */
const kindDash = (part: ClaimPart) =>
  byLook((k) => ['literal', dashUnits(k, part).length ? dashUnits(k, part) : [1, 0]], ['literal', [1, 0]]);

/** A value per state of the selection, and per modality where hollow claims differ. */
function byModality(solid: ByEmphasis, hollow: ByEmphasis): ExpressionSpecification | number {
  const same = (Object.keys(solid) as (keyof ByEmphasis)[]).every((e) => solid[e] === hollow[e]);
  return same
    ? byEmphasis(solid)
    : (['case', HOLLOW, byEmphasis(hollow), byEmphasis(solid)] as unknown as ExpressionSpecification);
}

/** A part's width and opacity in each state of the selection (feature state) and modality. */
function emphasisPaint(
  part: ClaimPart,
  kind: 'line' | 'fill',
  theme: Theme,
): Record<string, ExpressionSpecification | number> {
  const opacity = byModality(partOpacity(part, false, theme), partOpacity(part, true, theme));
  return kind === 'fill'
    ? { 'fill-opacity': opacity }
    : {
        'line-opacity': opacity,
        'line-width': byModality(partWidth(part, false, theme), partWidth(part, true, theme)),
      };
}

/** A hollow claim's core: the ground between its line's walls, following its dashes. */
function coreLayer(id: string, part: 'arcCore' | 'borderCore', r: FlowRole, theme: Theme): LineLayerSpecification {
  return {
    id,
    type: 'line',
    source: SOURCES.flows,
    filter: ['all', role(r), HOLLOW],
    layout: r === 'border' ? { 'line-cap': 'butt' } : { 'line-join': 'round' },
    paint: {
      'line-color': PALETTES[theme].map.halo,
      'line-dasharray': kindDash(part),
      'line-opacity': byEmphasis(partOpacity(part, true, theme)),
      'line-width': byEmphasis(partWidth(part, true, theme)),
    },
  };
}

export function flowLayers(theme: Theme = 'light'): (LineLayerSpecification | FillLayerSpecification)[] {
  const kindColor = kindColors(theme);
  return [
    {
      id: 'flow-area-fill',
      type: 'fill',
      source: SOURCES.flows,
      filter: role('area'),
      paint: { 'fill-color': kindColor, ...emphasisPaint('areaFill', 'fill', theme) },
    },
    {
      id: 'flow-area-line',
      type: 'line',
      source: SOURCES.flows,
      filter: role('area'),
      paint: {
        'line-color': kindColor,
        'line-dasharray': kindDash('areaLine'),
        ...emphasisPaint('areaLine', 'line', theme),
      },
    },
    {
      // A region an arrow names: its outline, faint until its claim is selected.
      id: 'flow-region',
      type: 'line',
      source: SOURCES.flows,
      filter: role('region'),
      layout: { 'line-join': 'round' },
      paint: {
        'line-color': kindColor,
        'line-dasharray': kindDash('region'),
        ...emphasisPaint('region', 'line', theme),
      },
    },
    {
      // A band along the border, round-ended: a zone, not a line.
      id: 'flow-border',
      type: 'line',
      source: SOURCES.flows,
      filter: role('border'),
      layout: { 'line-cap': 'round', 'line-join': 'round' },
      paint: {
        'line-color': kindColor,
        'line-dasharray': kindDash('border'),
        ...emphasisPaint('border', 'line', theme),
      },
    },
    coreLayer('flow-border-core', 'borderCore', 'border', theme),
    {
      id: 'flow-casing',
      type: 'line',
      source: SOURCES.flows,
      filter: role('arc'),
      layout: { 'line-cap': 'round', 'line-join': 'round' },
      paint: { 'line-color': PALETTES[theme].map.halo, ...emphasisPaint('casing', 'line', theme) },
    },
    {
      id: 'flow-lines',
      type: 'line',
      source: SOURCES.flows,
      filter: role('arc'),
      layout: { 'line-join': 'round' },
      paint: { 'line-color': kindColor, 'line-dasharray': kindDash('arc'), ...emphasisPaint('arc', 'line', theme) },
    },
    coreLayer('flow-arc-core', 'arcCore', 'arc', theme),
    {
      // Wide and invisible: makes a 2.5 px arc easy to hit with a finger or a mouse.
      id: 'flow-hit',
      type: 'line',
      source: SOURCES.flows,
      filter: role('arc'),
      paint: { 'line-color': '#000000', 'line-width': 16, 'line-opacity': 0 },
    },
  ];
}

/**
 * Flows as the map draws them: each feature numbered, since MapLibre's tiling cuts one into
 * pieces; the arrows as `layout` runs them (the symbol layer draws their heads there), sampled
 * from its curves, or as the story publishes them when there is no layout.
 */
export function flowSourceData(
  story: Story,
  layout?: Layout,
): FeatureCollection<Geometry, FlowProperties & { flow: number }> {
  let arrow = 0;
  return {
    type: 'FeatureCollection',
    features: story.flows.features.map((f, index) => {
      const laid = f.properties.role === 'arc' ? layout?.arrows[arrow++] : undefined;
      const geometry = laid ? { type: 'LineString' as const, coordinates: sampleCurve(laid.curve) } : f.geometry;
      return { ...f, geometry, properties: { ...f.properties, flow: index } };
    }),
  };
}

/** A laid-out arrow's cubic (in Mercator, where the layout is exact at every zoom) as longitude and latitude. */
function sampleCurve([p0, p1, p2, p3]: LaidArrow['curve'], samples = 32): [number, number][] {
  return Array.from({ length: samples + 1 }, (_, i) => {
    const t = i / samples;
    const u = 1 - t;
    const [a, b, c, d] = [u * u * u, 3 * u * u * t, 3 * u * t * t, t * t * t];
    const [lon, lat] = fromMercator([
      a * p0[0] + b * p1[0] + c * p2[0] + d * p3[0],
      a * p0[1] + b * p1[1] + c * p2[1] + d * p3[1],
    ]);
    return [Math.round(lon * 1e5) / 1e5, Math.round(lat * 1e5) / 1e5];
  });
}

export function buildStyle(story: Story, theme: Theme = 'light', layout?: Layout): StyleSpecification {
  const palette = PALETTES[theme].map;
  // Land, coast and borders as the build merged and meshed them (`prepare/basemap.ts`), decoded at full detail.
  const { geography, basemap } = story;
  return {
    version: 8,
    name: 'Claim map',
    sources: {
      // One merged shape, as the static map draws it: a quarter of the countries' vertices to tile
      // and keep, and no shared border stored twice. (Per-frame GPU time measured the same.)
      [SOURCES.land]: { type: 'geojson', data: feature(geography, basemap.land).geometry },
      [SOURCES.coast]: { type: 'geojson', data: feature(geography, basemap.coast).geometry },
      [SOURCES.borders]: { type: 'geojson', data: feature(geography, basemap.borders).geometry },
      // Claim ids are the feature ids the selection's feature state is keyed by.
      [SOURCES.flows]: { type: 'geojson', data: flowSourceData(story, layout), promoteId: 'claimId' },
    },
    layers: [
      { id: 'water', type: 'background', paint: { 'background-color': palette.water } },
      // The coast layer draws its edge: the fill's own antialiasing outline would draw it again.
      {
        id: 'land',
        type: 'fill',
        source: SOURCES.land,
        paint: { 'fill-color': palette.land, 'fill-antialias': false },
      },
      {
        id: 'coast',
        type: 'line',
        source: SOURCES.coast,
        paint: { 'line-color': palette.coast, 'line-width': COAST_WIDTH },
      },
      {
        id: 'borders',
        type: 'line',
        source: SOURCES.borders,
        layout: { 'line-join': 'round' },
        paint: {
          'line-color': palette.border,
          'line-width': ['interpolate', ['linear'], ['zoom'], ...BORDER_WIDTH_STOPS.flat()],
        },
      },
      ...flowLayers(theme),
    ],
  } satisfies StyleSpecification;
}

/** What a theme change needs of the map. */
export interface PaintTarget {
  setPaintProperty(layer: string, property: string, value: unknown): unknown;
}

/** Paint changes that turn a built style to another theme, as `[layer, property, value]`. */
export function themePaint(theme: Theme): [string, string, unknown][] {
  const palette = PALETTES[theme].map;
  const changes: [string, string, unknown][] = [
    ['water', 'background-color', palette.water],
    ['land', 'fill-color', palette.land],
    ['coast', 'line-color', palette.coast],
    ['borders', 'line-color', palette.border],
  ];
  for (const layer of flowLayers(theme)) {
    const paint = layer.paint as Record<string, unknown>;
    for (const property of ['line-color', 'fill-color'])
      if (property in paint) changes.push([layer.id, property, paint[property]]);
  }
  return changes;
}
