/**
 * How each kind of place is drawn, said once for every renderer (the SVG map, MapLibre's symbol
 * layer, posters, print): the layout (`src/layout/`) writes a country's name in spaced
 * capitals and a region's in italics, centred on its point, and puts every other place at a dot
 * with its name beside it. A place at sea (a sea, a strait, a bay) is drawn as a city is.
 */
import type { PlaceKind } from '../story/types.ts';

/** A name centred on its point (`country`, `region`), or a dot with its name beside it (`place`). */
export type NameStyle = 'country' | 'region' | 'place';

export const PLACE_STYLE: Readonly<Record<PlaceKind, NameStyle>> = {
  country: 'country',
  region: 'region',
  capital: 'place',
  city: 'place',
  sea: 'place',
};

/** Whether a place of this kind is drawn at a dot (a city, a place at sea), not as a name alone. */
export function drawnAtDot(kind: PlaceKind): boolean {
  return PLACE_STYLE[kind] === 'place';
}
