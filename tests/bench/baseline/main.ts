/**
 * The benchmark's baseline: MapLibre alone, the usual way (a static import, a style of plain
 * layers), with the same regional geography and flows as the app and nothing else.
 */
import { Map as MapLibreMap, setWorkerUrl } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import { feature, mesh } from 'topojson-client';
import story from 'virtual:story';

setWorkerUrl(new URL(workerUrl, document.baseURI).href);
const geo = story.geography;
const map = new MapLibreMap({
  container: 'map',
  bounds: story.meta.region.overview,
  style: {
    version: 8,
    sources: {
      countries: { type: 'geojson', data: feature(geo, geo.objects.countries) },
      borders: { type: 'geojson', data: mesh(geo, geo.objects.countries, (a, b) => a !== b) },
      flows: { type: 'geojson', data: story.flows },
    },
    layers: [
      { id: 'water', type: 'background', paint: { 'background-color': '#d5e3ec' } },
      { id: 'land', type: 'fill', source: 'countries', paint: { 'fill-color': '#f6f4ef' } },
      { id: 'borders', type: 'line', source: 'borders', paint: { 'line-color': '#8c877e', 'line-width': 1 } },
      {
        id: 'areas',
        type: 'fill',
        source: 'flows',
        filter: ['==', ['geometry-type'], 'Polygon'],
        paint: { 'fill-color': '#6b5436', 'fill-opacity': 0.15 },
      },
      {
        id: 'flows',
        type: 'line',
        source: 'flows',
        filter: ['!=', ['geometry-type'], 'Polygon'],
        paint: { 'line-color': '#c0392b', 'line-width': 2.5 },
      },
      {
        id: 'points',
        type: 'circle',
        source: 'flows',
        filter: ['==', ['geometry-type'], 'Point'],
        paint: { 'circle-color': '#333', 'circle-radius': 6 },
      },
    ],
  },
});
// The first frame with the flows, and the first idle: what the benchmark times.
map.once('load', () => performance.mark('baseline:first-map-paint'));
map.once('idle', () => performance.mark('baseline:idle'));
