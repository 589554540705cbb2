/**
 * What layouts are computed from, made once per story (`layoutSource`): the arrows and symbols
 * of the story's flows, which places are the story's (named first, the most used first), which
 * countries come next (those of the regions and cities the claims use), the places the data asks
 * to name, and the countries' shapes, decoded on first use (the part of a country a view shows,
 * countries by area). It also keeps the layouts of the last few views (`cache.ts`).
 */
import { geoArea } from 'd3-geo';
import { feature } from 'topojson-client';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import type { ContextPlace, CountryProperties, LonLat, Place, Story } from '../story/types.ts';
import { clipRing, ringArea, type P, type Rect } from './plane.ts';
import { claimFields, type LaidClaim, type Layout } from './types.ts';

export interface SourceArrow extends LaidClaim {
  from: string;
  to: string;
}

export interface SourceSymbol extends LaidClaim {
  place: string;
  badge: boolean;
}

export interface CountryInfo {
  name: string;
  label: LonLat | null;
  /** Decoded on first use: its rings, for naming the part of it a view shows. */
  rings?: LonLat[][];
  area?: number;
}

/** What layouts are computed from, once per story; it keeps the layouts of the last few views. */
export interface LayoutSource {
  arrows: SourceArrow[];
  symbols: SourceSymbol[];
  places: Map<string, Place>;
  /** Place ids named first: those the claims use, the most used first. */
  storyPlaces: string[];
  /** Countries named next: those of the regions and cities the claims use (ids in the geography). */
  storyCountries: string[];
  countries: Map<string, CountryInfo>;
  geography: Story['geography'];
  /** Places the data asks to name though no claim uses them. */
  extraPlaces: string[];
  /** The base map's towns, for orientation (`Story.context`): named last, where room is left. */
  towns: ContextPlace[];
  cache: Map<string, Layout>;
}

/** What a layout source is made from: the parts of a story a layout reads (what its worker is sent). */
export type LayoutStory = Pick<Story, 'places' | 'flows' | 'geography' | 'context'>;

export function layoutSource(story: LayoutStory): LayoutSource {
  const places = new Map(story.places.map((p) => [p.id, p]));
  const arrows: SourceArrow[] = [];
  const symbols: SourceSymbol[] = [];
  const uses = new Map<string, number>();
  const use = (id: string | null) => id && uses.set(id, (uses.get(id) ?? 0) + 1);
  for (const f of story.flows.features) {
    const p = f.properties;
    // A tie (a view, a rivalry, a fear's source) runs and fans as an arrow does, headless.
    if (p.role === 'arc' || p.role === 'tie') arrows.push({ ...claimFields(p), from: p.from, to: p.to! });
    // A fear is a badge at the name of the party that fears.
    else if (p.role === 'point' || p.role === 'badge' || p.role === 'fear')
      symbols.push({ ...claimFields(p), place: p.from, badge: p.role !== 'point' });
    if (p.role !== 'region') {
      use(p.from);
      use(p.to);
    }
  }
  const storyPlaces = [...uses.keys()].sort((a, b) => uses.get(b)! - uses.get(a)!);
  const countries = new Map<string, CountryInfo>();
  for (const g of story.geography.objects.countries.geometries) {
    const { name, label } = g.properties as CountryProperties;
    countries.set(String(g.id), { name, label });
  }
  const named = new Set(
    storyPlaces.map((id) => places.get(id)).flatMap((p) => (p?.kind === 'country' && p.country ? [p.country] : [])),
  );
  const storyCountries: string[] = [];
  for (const id of storyPlaces) {
    const place = places.get(id)!;
    // A place at sea has no country to name.
    const members =
      place.kind === 'region'
        ? (place.countries ?? [])
        : place.kind === 'country' || !place.country
          ? []
          : [place.country];
    for (const c of members) if (!named.has(c) && !storyCountries.includes(c)) storyCountries.push(c);
  }
  const extraPlaces = story.places.filter((p) => p.label && !uses.has(p.id)).map((p) => p.id);
  return {
    arrows,
    symbols,
    places,
    storyPlaces,
    storyCountries,
    countries,
    geography: story.geography,
    extraPlaces,
    towns: story.context ?? [],
    cache: new Map(),
  };
}

/** The text a place is written with: its label if it has one of its own, else its name. */
export const textOf = (place: Place) => (typeof place.label === 'string' ? place.label : place.name);

/** The part of a country in view, in pixels, as rings: null when none of it is. */
export function visibleParts(source: LayoutSource, id: string, px: (ll: LonLat) => P, map: Rect): P[][] {
  const country = source.countries.get(id);
  if (!country) return [];
  if (!country.rings) {
    const geometry = source.geography.objects.countries.geometries.find((g) => String(g.id) === id);
    if (!geometry) return [];
    const shape = (feature(source.geography, geometry) as Feature<Polygon | MultiPolygon>).geometry;
    const polygons = shape.type === 'Polygon' ? [shape.coordinates] : shape.coordinates;
    country.rings = polygons.flatMap((polygon) => polygon.map((ring) => ring as LonLat[]));
  }
  // Clip each ring, projected and thinned to a pixel, to the map; keep the pieces big enough to name.
  const pieces: P[][] = [];
  for (const ring of country.rings) {
    const projected: P[] = [];
    for (const ll of ring) {
      const p = px(ll);
      const last = projected[projected.length - 1];
      if (!last || Math.abs(p[0] - last[0]) + Math.abs(p[1] - last[1]) > 3) projected.push(p);
    }
    const clipped = clipRing(projected, map);
    if (clipped.length >= 3 && Math.abs(ringArea(clipped)) > 200) pieces.push(clipped);
  }
  return pieces;
}

/** Countries by area, largest first (computed once). */
export function contextCountries(source: LayoutSource): [string, CountryInfo][] {
  const list = [...source.countries.entries()];
  for (const [id, c] of list) {
    if (c.area !== undefined) continue;
    const geometry = source.geography.objects.countries.geometries.find((g) => String(g.id) === id)!;
    c.area = geoArea(feature(source.geography, geometry));
  }
  return list.sort((a, b) => b[1].area! - a[1].area!);
}
