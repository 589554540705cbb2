/**
 * The sizes of what the layout engine (`src/layout/`) arranges and every renderer draws:
 * arrowheads (sized from the line they end), badges, the room around names, edge labels, and the
 * distances the layout keeps (Jenny et al. 2018, "Design principles for origin-destination flow
 * maps", and their Flox software).
 */
import { isHollow, partWidth, type Drawing, type Emphasis } from './claims.ts';

/**
 * An arrowhead's length and width, as multiples of its line's drawn width, casing included (Jenny
 * et al.: about 2 and 1.6 times the flow's width, and larger for thin flows, as these are: the
 * 2.5 px line alone would get a 4 px head, narrower than its own casing).
 */
export const HEAD_SHAPE = { length: 2, width: 1.6 };

/** An arrowhead's size in pixels for a claim drawn as `drawing` in a state of the selection. */
export function headSize(drawing: Drawing, emphasis: Emphasis): { length: number; width: number } {
  const line = partWidth('casing', isHollow(drawing.modality))[emphasis];
  const round = (v: number) => Math.round(v * 10) / 10;
  return { length: round(line * HEAD_SHAPE.length), width: round(line * HEAD_SHAPE.width) };
}

/** The largest arrowhead a claim drawn as `drawing` takes, in any state: what the layout makes room for. */
export function headRoom(drawing: Drawing): { length: number; width: number } {
  const sizes = (['none', 'selected', 'other'] as const).map((e) => headSize(drawing, e));
  return {
    length: Math.max(...sizes.map((s) => s.length)),
    width: Math.max(...sizes.map((s) => s.width)),
  };
}

/**
 * A badge: a claim the article does not place, drawn at its country's (or region's) name as its
 * kind's marker shape, smaller than a placed marker, in rows of at most `perRow` beside the name.
 */
export const BADGE = { radius: 5.5, step: 15, gap: 3, perRow: 3 };

/** A marker at a city: its shape's radius, and the ring markers sharing a city sit on. */
export const MARKER = { radius: 7, ring: 15 };

/** Type of a region's name (italic, not spaced capitals: a region is not a state). */
export const REGION_FONT = { size: 12, style: 'italic' };

/** An edge label: a name where an arrow leaves the map, and a pointer towards the place. */
export const EDGE_LABEL = { size: 12, pointer: 6, padding: 3 };

/** What the layout keeps, in pixels. */
export const LAYOUT_RULES = {
  /** Arrows leaving or reaching a place are this far apart this far from it (the 8 at 24, and a margin). */
  fanDistance: 24,
  fanGap: 10,
  /** Arrows pass this far from places they do not connect (Jenny et al.: about 5). */
  nodeClearance: 5,
  /** Each claim keeps a point on an arrow this far from every other claim's arrows (a fingertip). */
  pickClearance: 12,
  /** Between a name and the ends of the arrows that start or end at it. */
  nameGap: 4,
};

/**
 * Names on a small map (a phone's strip, a small embed) are set a little smaller: at 390 × 304 the
 * story's eleven names at full size leave the arrows between neighbours no room at all.
 */
export const SMALL_MAP = { below: 360, scale: 0.85 };

/** The scale names are set at on a map of `size`, for a requested `scale` (a projector's). */
export function mapNameScale(size: { width: number; height: number }, scale = 1): number {
  return Math.min(size.width, size.height) < SMALL_MAP.below ? scale * SMALL_MAP.scale : scale;
}
