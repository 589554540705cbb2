/**
 * The MapLibre style (https://maplibre.org/maplibre-style-spec/), built from the story's own
 * geography: inline GeoJSON sources, no tile server, no sprite, no glyphs, so the map requests
 * nothing from another origin.
 *
 * Layers, bottom to top: water, land, coasts, borders, claimed areas and borders, arrow casings,
 * arrows. A hollow claim (predicted, conditional, recommended: `symbology/claims.ts`) is drawn
 * wider, without an area fill, with a core of the ground's colour along its line; each feature's
 * `look`, `modality` and `act` properties choose its paint: an accusation's lines are broken, and
 * a tie (a view, a rivalry, a fear's line toward its source: `symbology/acts.ts`) has layers of
 * its own, headless, with round caps for its dots (MapLibre's caps are not data-driven). Arrowheads, markers and names are not MapLibre layers: the SVG symbol layer
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
import { ACT_LOOKS, type ActLook } from '../symbology/acts.ts';
import { ACTS } from '../story/types.ts';
import {
  BROKEN_DASH,
  dashUnits,
  HOLLOW_MODALITIES,
  kindColor,
  LOOK_NAMES,
  partOpacity,
  partWidth,
  MODALITY_LOOKS,
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

/** Whether the feature's claim is drawn broken (an accusation: `modality`). */
const BROKEN: ExpressionSpecification = [
  'match',
  ['get', 'modality'],
  [...(Object.keys(MODALITY_LOOKS) as (keyof typeof MODALITY_LOOKS)[]).filter((m) => MODALITY_LOOKS[m].broken)],
  true,
  false,
];

/** A dash, broken where the claim is an accusation. */
const brokenOr = (dash: ExpressionSpecification): ExpressionSpecification => [
  'case',
  BROKEN,
  ['literal', BROKEN_DASH],
  dash,
];

/** A value of the feature's act's look (`symbology/acts.ts`), 1 for a feature without one. */
const byAct = (key: 'width' | 'opacity' | 'casing'): ExpressionSpecification =>
  ['match', ['get', 'act'], ...ACTS.flatMap((a) => [a, ACT_LOOKS[a][key]]), 1] as unknown as ExpressionSpecification;

/** A tie's dash: its act's own (dots, a faint dotted line), else its kind's. */
const tieDash = (): ExpressionSpecification => {
  const own = ACTS.filter((a) => ACT_LOOKS[a].dash !== null);
  const literal = (look: ActLook) => ['literal', look.dash!.length ? look.dash : [1, 0]];
  return brokenOr([
    'match',
    ['get', 'act'],
    ...own.flatMap((a) => [a, literal(ACT_LOOKS[a])]),
    kindDash('arc'),
  ] as unknown as ExpressionSpecification);
};

/** A line's paint for a tie: its width and opacity as shares of an arrow's. */
function tiePaint(part: 'arc' | 'casing', theme: Theme): Record<string, unknown> {
  const paint = emphasisPaint(part, 'line', theme);
  return {
    'line-width': ['*', paint['line-width'], byAct('width')],
    'line-opacity': ['*', paint['line-opacity'], byAct(part === 'casing' ? 'casing' : 'opacity')],
  };
}

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
        'line-dasharray': brokenOr(kindDash('border')),
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
      paint: {
        'line-color': kindColor,
        'line-dasharray': brokenOr(kindDash('arc')),
        ...emphasisPaint('arc', 'line', theme),
      },
    },
    coreLayer('flow-arc-core', 'arcCore', 'arc', theme),
    {
      id: 'flow-tie-casing',
      type: 'line',
      source: SOURCES.flows,
      filter: role('tie'),
      layout: { 'line-cap': 'round', 'line-join': 'round' },
      paint: {
        'line-color': PALETTES[theme].map.halo,
        ...tiePaint('casing', theme),
      } as LineLayerSpecification['paint'],
    },
    {
      // Headless, round-capped: a view's dots are dashes of no length.
      id: 'flow-ties',
      type: 'line',
      source: SOURCES.flows,
      filter: role('tie'),
      layout: { 'line-cap': 'round', 'line-join': 'round' },
      paint: {
        'line-color': kindColor,
        'line-dasharray': tieDash(),
        ...tiePaint('arc', theme),
      } as LineLayerSpecification['paint'],
    },
    {
      // Wide and invisible: makes a 2.5 px arc easy to hit with a finger or a mouse.
      id: 'flow-hit',
      type: 'line',
      source: SOURCES.flows,
      filter: ['any', role('arc'), role('tie')],
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
      const laid = f.properties.role === 'arc' || f.properties.role === 'tie' ? layout?.arrows[arrow++] : undefined;
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
