/**
 * Where the map's names go: the boxes a place's dot and name, and a country's name, take on
 * screen, and a greedy placement of them for a view. Belongs to the camera, not to a renderer:
 * the SVG symbol layer draws what it places (above the SVG map and MapLibre alike), the posters
 * draw it, and framing (`framing.ts`) keeps the boxes of a claim's places inside the map.
 */
import { LABEL_FONT } from '../symbology/basemap.ts';
import { nameSize } from '../symbology/layout.ts';
import type { Bounds, LonLat } from '../story/types.ts';
import type { NameStyle } from '../symbology/places.ts';
import type { PointBox, Size } from './view.ts';

/** A name to write at a point: a place's or a country's. */
export interface NamedPoint {
  name: string;
  at: LonLat;
  /**
   * How it is written: beside a place's dot (the default), or centred on the point, a country's
   * in spaced capitals or a region's in italics (`layout.ts` writes the story's names so).
   */
  style?: NameStyle;
}

export interface SceneLabel {
  name: string;
  x: number;
  y: number;
}

/** A place: its dot at `x`, `y`, its name written at `tx`, `ty`, anchored at its start or end. */
export interface PlaceLabel extends SceneLabel {
  tx: number;
  ty: number;
  anchor: 'start' | 'end';
}

/** A place's name width, estimated from its length: there is no text measuring at build time. */
function placeNameWidth(name: string, scale: number): number {
  return name.length * LABEL_FONT.place * scale * 0.58;
}

/**
 * Where a place's name may go, in order of preference: right of its dot and below, right and
 * above, left and below, left and above. `dx`/`dy` place the text; `anchor` is its SVG anchor.
 */
const PLACE_POSITIONS = [
  { side: 'right', dx: 6, dy: 14, anchor: 'start' },
  { side: 'right', dx: 6, dy: -6, anchor: 'start' },
  { side: 'left', dx: -6, dy: 14, anchor: 'end' },
  { side: 'left', dx: -6, dy: -6, anchor: 'end' },
] as const;

const round1 = (v: number) => Math.round(v * 10) / 10;

interface Box {
  x0: number;
  x1: number;
  y0: number;
  y1: number;
}

/**
 * The box a place's dot and name take in one of `PLACE_POSITIONS`. Names set larger than
 * `LABEL_FONT` (a projector: `scale` > 1) take boxes and offsets grown alike.
 */
function placeBox(name: string, x: number, y: number, position: (typeof PLACE_POSITIONS)[number], scale = 1): Box {
  const width = placeNameWidth(name, scale);
  const [x0, x1] =
    position.side === 'right' ? [x - 4 * scale, x + 8 * scale + width] : [x - 8 * scale - width, x + 4 * scale];
  const [y0, y1] = position.dy > 0 ? [y - 4 * scale, y + 19 * scale] : [y - 19 * scale, y + 4 * scale];
  return { x0, x1, y0, y1 };
}

/** How far a place's dot and name reach from its point where the name goes first (right, below). */
function placeLabelReach(name: string, scale: number): Omit<PointBox, 'at'> {
  const box = placeBox(name, 0, 0, PLACE_POSITIONS[0], scale);
  return { left: -box.x0, right: box.x1, top: -box.y0, bottom: box.y1 };
}

/** A country's name: upper case with letter spacing, centred on its point. */
function countryBox(name: string, x: number, y: number, scale: number): Box {
  const width = name.length * LABEL_FONT.country * scale * 0.78;
  return { x0: x - width / 2, x1: x + width / 2, y0: y - 8 * scale, y1: y + 8 * scale };
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

/**
 * The names that fit a view, placed greedily: places first, then countries in the order given
 * (largest first). A place's name goes on the first side (`PLACE_POSITIONS`) where it stays in
 * the map, clear of names already placed and of other places' dots; a place with no such side is
 * left out, and so is a country name that does not fit. `point` projects to the map's pixels;
 * names are set at `scale` times `LABEL_FONT` (the renderer draws them at the same size).
 */
export function placeNames(
  places: readonly NamedPoint[],
  countries: readonly NamedPoint[],
  point: (at: LonLat) => [number, number],
  size: Size,
  scale = 1,
): { places: PlaceLabel[]; countryLabels: SceneLabel[] } {
  const placed: Box[] = [];
  const overlaps = (a: Box, b: Box) => a.x0 < b.x1 && a.x1 > b.x0 && a.y0 < b.y1 && a.y1 > b.y0;
  const fits = (box: Box) =>
    box.x0 >= 0 &&
    box.y0 >= 0 &&
    box.x1 <= size.width &&
    box.y1 <= size.height &&
    !placed.some((b) => overlaps(box, b));
  // No name is written over another place's dot: a name that would cover one tries another side.
  const dots = places.map(({ at }) => {
    const [x, y] = point(at);
    return { x0: x - 4 * scale, x1: x + 4 * scale, y0: y - 4 * scale, y1: y + 4 * scale };
  });
  const placeLabels = places.flatMap(({ name, at }, index): PlaceLabel[] => {
    const [x, y] = point(at);
    for (const position of PLACE_POSITIONS) {
      const box = placeBox(name, x, y, position, scale);
      if (!fits(box) || dots.some((dot, other) => other !== index && overlaps(box, dot))) continue;
      placed.push(box);
      const [tx, ty] = [round1(x + position.dx * scale), round1(y + position.dy * scale)];
      return [{ name, x, y, tx, ty, anchor: position.anchor }];
    }
    return [];
  });
  const countryLabels = countries.flatMap(({ name, at }): SceneLabel[] => {
    const [x, y] = point(at);
    const box = countryBox(name, x, y, scale);
    if (!fits(box)) return [];
    placed.push(box);
    return [{ name, x, y }];
  });
  return { places: placeLabels, countryLabels };
}
