/**
 * The MapLibre style, built from the story's own geography: no tile server, no sprite, no glyph
 * server. Labels are drawn with a self-hosted font through the root `font-faces` property
 * (https://maplibre.org/maplibre-style-spec/root/#font-faces), so the map requests nothing from
 * another origin.
 *
 * Layers, bottom to top: water, land, coasts, borders, claimed areas and borders, arrow casings,
 * arrows, arrowheads, markers, capitals, labels. Selection changes paint properties only
 * (`selection.ts`); no layer is ever added or removed after load.
 */
import { feature, mesh } from 'topojson-client';
import type {
  ExpressionSpecification,
  FillLayerSpecification,
  LineLayerSpecification,
  StyleSpecification,
  SymbolLayerSpecification,
  CircleLayerSpecification,
} from 'maplibre-gl';
import type { FeatureCollection, Point } from 'geojson';
import { CLAIM_KINDS, KIND_STYLES, type ClaimKind } from '../flows/kinds';
import { arrowHeads, markers } from '../flows/render';
import type { CountryProperties, Story } from '../story/types';

export const FONT = 'Claim Map Sans';

export interface Palette {
  water: string;
  land: string;
  coast: string;
  border: string;
  countryLabel: string;
  placeLabel: string;
  halo: string;
}

export const LIGHT: Palette = {
  water: '#d5e3ec',
  land: '#f6f4ef',
  coast: '#7d96a6',
  border: '#8c877e',
  countryLabel: '#5a554d',
  placeLabel: '#1d1d1b',
  halo: '#f6f4ef',
};

/** Source ids, shared with the selection and camera code. */
export const SOURCES = {
  countries: 'countries',
  borders: 'borders',
  coast: 'coast',
  flows: 'flows',
  heads: 'heads',
  markers: 'markers',
  places: 'places',
  countryLabels: 'country-labels',
} as const;

/** Layers whose features are claims: the ones a click or hover selects. */
export const CLAIM_LAYERS = ['flow-area-fill', 'flow-border', 'flow-hit', 'flow-heads', 'flow-markers'] as const;

/** A `match` on the feature's kind, with one value per kind. */
export function byKind<T>(pick: (kind: ClaimKind) => T, fallback: T): ExpressionSpecification {
  const branches = CLAIM_KINDS.flatMap((k) => [k, pick(k)]);
  return ['match', ['get', 'kind'], ...branches, fallback] as unknown as ExpressionSpecification;
}

/** What a flow feature is on the map: an arrow's arc, a claimed border, area or point. */
export type FlowRole = 'arc' | 'border' | 'area' | 'point';

function role(r: FlowRole): ExpressionSpecification {
  return ['==', ['get', 'role'], r];
}

const kindColor = byKind((k) => KIND_STYLES[k].color, '#000000');
/** Arrays in a `match` output must be literals; solid lines get a dash with no gap. */
const kindDash = byKind(
  (k) => ['literal', KIND_STYLES[k].dash.length ? KIND_STYLES[k].dash : [1, 0]],
  ['literal', [1, 0]],
);

export function flowLayers(): (LineLayerSpecification | FillLayerSpecification | SymbolLayerSpecification)[] {
  return [
    {
      id: 'flow-area-fill',
      type: 'fill',
      source: SOURCES.flows,
      filter: role('area'),
      paint: { 'fill-color': kindColor, 'fill-opacity': 0.14 },
    },
    {
      id: 'flow-area-line',
      type: 'line',
      source: SOURCES.flows,
      filter: role('area'),
      paint: { 'line-color': kindColor, 'line-width': 1.5, 'line-dasharray': [2, 1.5] },
    },
    {
      id: 'flow-border',
      type: 'line',
      source: SOURCES.flows,
      filter: role('border'),
      layout: { 'line-cap': 'butt' },
      paint: {
        'line-color': kindColor,
        'line-width': 5,
        'line-dasharray': kindDash,
      },
    },
    {
      id: 'flow-casing',
      type: 'line',
      source: SOURCES.flows,
      filter: role('arc'),
      layout: { 'line-cap': 'round', 'line-join': 'round' },
      paint: { 'line-color': '#ffffff', 'line-width': 5, 'line-opacity': 0.75 },
    },
    {
      id: 'flow-lines',
      type: 'line',
      source: SOURCES.flows,
      filter: role('arc'),
      layout: { 'line-join': 'round' },
      paint: {
        'line-color': kindColor,
        'line-width': 2.5,
        'line-dasharray': kindDash,
      },
    },
    {
      // Wide and invisible: makes a 2.5 px arc easy to hit with a finger or a mouse.
      id: 'flow-hit',
      type: 'line',
      source: SOURCES.flows,
      filter: role('arc'),
      paint: { 'line-color': '#000000', 'line-width': 16, 'line-opacity': 0 },
    },
    {
      id: 'flow-heads',
      type: 'symbol',
      source: SOURCES.heads,
      layout: {
        'icon-image': ['concat', 'head-', ['get', 'kind']],
        'icon-rotate': ['get', 'angle'],
        'icon-rotation-alignment': 'map',
        'icon-allow-overlap': true,
        'icon-ignore-placement': true,
      },
    },
    {
      id: 'flow-markers',
      type: 'symbol',
      source: SOURCES.markers,
      layout: {
        'icon-image': ['concat', 'marker-', ['get', 'kind']],
        'icon-offset': ['get', 'offset'],
        'icon-allow-overlap': true,
        'icon-ignore-placement': true,
      },
    },
  ];
}

const ROLES: Record<string, FlowRole> = {
  LineString: 'arc',
  MultiLineString: 'border',
  Polygon: 'area',
  MultiPolygon: 'area',
  Point: 'point',
};

/** Flows as the map draws them: each feature tagged with its `role`. */
export function flowSourceData(story: Story): FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: story.flows.features.map((f, index) => ({
      ...f,
      // `flow` tells apart the pieces MapLibre's tiling cuts one feature into.
      properties: { ...f.properties, role: ROLES[f.geometry.type] ?? 'point', flow: index },
    })),
  };
}

export function buildStyle(story: Story, fontUrl: string, palette: Palette = LIGHT): StyleSpecification {
  const geo = story.geography;
  const countries = feature(geo, geo.objects.countries);
  const labelPoints: FeatureCollection<Point> = {
    type: 'FeatureCollection',
    features: geo.objects.countries.geometries.flatMap((g) => {
      const { name, label } = g.properties as CountryProperties;
      return label
        ? [{ type: 'Feature' as const, properties: { name }, geometry: { type: 'Point' as const, coordinates: label } }]
        : [];
    }),
  };
  const placeLabels: FeatureCollection<Point> = {
    type: 'FeatureCollection',
    features: story.places
      .filter((p) => p.label)
      .map((p) => ({
        type: 'Feature',
        properties: { name: p.name },
        geometry: { type: 'Point', coordinates: p.coordinates },
      })),
  };
  const text = (size: number): Pick<NonNullable<SymbolLayerSpecification['layout']>, 'text-font' | 'text-size'> => ({
    'text-font': [FONT],
    'text-size': size,
  });
  return {
    version: 8,
    name: 'Claim map',
    'font-faces': { [FONT]: fontUrl },
    sources: {
      [SOURCES.countries]: { type: 'geojson', data: countries },
      [SOURCES.coast]: { type: 'geojson', data: mesh(geo, geo.objects.countries, (a, b) => a === b) },
      [SOURCES.borders]: { type: 'geojson', data: mesh(geo, geo.objects.countries, (a, b) => a !== b) },
      [SOURCES.flows]: { type: 'geojson', data: flowSourceData(story) },
      [SOURCES.heads]: { type: 'geojson', data: { type: 'FeatureCollection', features: arrowHeads(story.flows) } },
      [SOURCES.markers]: { type: 'geojson', data: { type: 'FeatureCollection', features: markers(story.flows) } },
      [SOURCES.places]: { type: 'geojson', data: placeLabels },
      [SOURCES.countryLabels]: { type: 'geojson', data: labelPoints },
    },
    layers: [
      { id: 'water', type: 'background', paint: { 'background-color': palette.water } },
      { id: 'land', type: 'fill', source: SOURCES.countries, paint: { 'fill-color': palette.land } },
      { id: 'coast', type: 'line', source: SOURCES.coast, paint: { 'line-color': palette.coast, 'line-width': 0.8 } },
      {
        id: 'borders',
        type: 'line',
        source: SOURCES.borders,
        layout: { 'line-join': 'round' },
        paint: { 'line-color': palette.border, 'line-width': ['interpolate', ['linear'], ['zoom'], 3, 0.7, 6, 1.4] },
      },
      {
        id: 'country-labels',
        type: 'symbol',
        source: SOURCES.countryLabels,
        layout: {
          ...text(12),
          'text-field': ['get', 'name'],
          'text-transform': 'uppercase',
          'text-letter-spacing': 0.08,
          'text-max-width': 7,
          'text-padding': 4,
        },
        paint: { 'text-color': palette.countryLabel, 'text-halo-color': palette.halo, 'text-halo-width': 1.5 },
      },
      ...flowLayers(),
      {
        id: 'capitals',
        type: 'circle',
        source: SOURCES.places,
        paint: {
          'circle-radius': 3,
          'circle-color': palette.placeLabel,
          'circle-stroke-color': palette.halo,
          'circle-stroke-width': 1.5,
        },
      } satisfies CircleLayerSpecification,
      {
        id: 'capital-labels',
        type: 'symbol',
        source: SOURCES.places,
        layout: {
          ...text(13),
          'text-field': ['get', 'name'],
          'text-variable-anchor': ['top-left', 'bottom-left', 'top-right', 'bottom-right'],
          'text-radial-offset': 0.6,
          'text-padding': 2,
        },
        paint: { 'text-color': palette.placeLabel, 'text-halo-color': palette.halo, 'text-halo-width': 1.8 },
      },
    ],
  } satisfies StyleSpecification;
}
