/**
 * How far a name reaches from its point on screen: the boxes a place's dot and name, and a
 * country's or region's name, take, which framing (`framing.ts`) keeps inside the map
 * (`fitViewClear`). Where names are actually written is the layout's (`src/layout/`); text widths
 * are its one estimate (`nameSize`).
 */
import { nameSize } from '../layout/index.ts';
import type { Bounds, LonLat } from '../story/types.ts';
import type { NameStyle } from '../symbology/places.ts';
import type { PointBox } from './view.ts';

/** A name to write at a point: a place's or a country's. */
export interface NamedPoint {
  name: string;
  at: LonLat;
  /**
   * How it is written: beside a place's dot (the default), or centred on the point, a country's
   * in spaced capitals or a region's in italics (the layout writes the story's names so).
   */
  style?: NameStyle;
}

/**
 * How far a place's dot and name reach from its point where the name goes first (right of the
 * dot, below). Names set larger than `LABEL_FONT` (a projector: `scale` > 1) reach further alike.
 */
function placeLabelReach(name: string, scale: number): Omit<PointBox, 'at'> {
  const [width] = nameSize(name, 'place', scale);
  return { left: 4 * scale, right: 8 * scale + width, top: 4 * scale, bottom: 19 * scale };
}

/** How far a name centred on its point reaches each way (a country's, a region's, with its badges' row). */
function centredReach(name: string, style: Exclude<NameStyle, 'place'>, scale: number): Omit<PointBox, 'at'> {
  const [w, h] = nameSize(name, style, scale);
  return { left: w / 2 + 2, right: w / 2 + 2, top: h / 2 + 16, bottom: h / 2 + 16 };
}

/**
 * The named places inside `bounds` (the ends of a claim's arrows among them), as boxes the camera
 * keeps in the map (`fitViewClear`), for names set at `scale` times `LABEL_FONT`.
 */
export function placeLabelsWithin(places: readonly NamedPoint[], [w, s, e, n]: Bounds, scale = 1): PointBox[] {
  return places
    .filter(({ at: [x, y] }) => x >= w && x <= e && y >= s && y <= n)
    .map(({ name, at, style }) => ({
      at,
      ...(style && style !== 'place' ? centredReach(name, style, scale) : placeLabelReach(name, scale)),
    }));
}
