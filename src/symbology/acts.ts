/**
 * How what a sentence does (`ClaimAct`) changes a claim's drawing, designed once for every
 * renderer (the SVG map and symbol layer, MapLibre's style, the posters, the key):
 * - something moves or is sent: an arrow with its kind's head;
 * - someone acts on another: the same arrow with a bar across its tip (it lands on someone);
 * - someone fears or warns: a "!" badge on each party that fears, at its name, and at most a thin,
 *   faint, headless tie toward the source it names, never an arrow into the one who fears;
 * - someone views or sides with another: a dotted tie with round ends and a dot at its middle;
 * - two compete or oppose: a solid tie with a bar at each end and a "×" at its middle;
 * - a state holds at a place: on the place (area, border band or badge), as its shape says.
 * Ties have no head: they are not routes.
 */
import type { ClaimAct } from '../story/types.ts';

export interface ActLook {
  /** Whether the line ends in its kind's arrowhead (an arrow) or in none (a tie). */
  head: boolean;
  /** A bar across the arrow at its tip: an act on another, not a movement. */
  tipBar: boolean;
  /** A tie's ends: round caps, or a bar across each end (two that oppose). */
  ends: 'butt' | 'round' | 'bar';
  /** A tie's own dash in multiples of its width, in place of its kind's; null keeps the kind's. */
  dash: number[] | null;
  /** A small mark at the middle of a tie. */
  mid: 'dot' | 'cross' | null;
  /** The line's width and opacity, as shares of an arrow's; its casing's opacity too. */
  width: number;
  opacity: number;
  casing: number;
  /** A mark on the origin, at its name: the fear badge. */
  mark: 'fear' | null;
}

export const ACT_LOOKS: Record<ClaimAct, ActLook> = {
  moves: {
    head: true,
    tipBar: false,
    ends: 'butt',
    dash: null,
    mid: null,
    width: 1,
    opacity: 1,
    casing: 1,
    mark: null,
  },
  acts: { head: true, tipBar: true, ends: 'butt', dash: null, mid: null, width: 1, opacity: 1, casing: 1, mark: null },
  fears: {
    head: false,
    tipBar: false,
    ends: 'round',
    dash: [0.1, 3],
    mid: null,
    width: 0.6,
    opacity: 0.45,
    casing: 0,
    mark: 'fear',
  },
  // A dot is a dash of length 0 with round caps; its gap in line widths.
  views: {
    head: false,
    tipBar: false,
    ends: 'round',
    dash: [0, 2],
    mid: 'dot',
    width: 1,
    opacity: 1,
    casing: 1,
    mark: null,
  },
  competes: {
    head: false,
    tipBar: false,
    ends: 'bar',
    dash: [],
    mid: 'cross',
    width: 1,
    opacity: 1,
    casing: 1,
    mark: null,
  },
  holds: {
    head: false,
    tipBar: false,
    ends: 'butt',
    dash: null,
    mid: null,
    width: 1,
    opacity: 1,
    casing: 1,
    mark: null,
  },
};

/** A mark an act adds to its line: a bar across it, a dot or a cross at its middle. */
export type ActMarkShape = 'bar' | 'dot' | 'cross';

/**
 * Where an act's marks sit on its line, as a cubic's parameter (0 its start, 1 its tip): an act's
 * bar at its tip, a rivalry's bars at both ends, a tie's mid-mark at its middle.
 */
export function actMarks(act: ClaimAct | undefined): { at: 0 | 0.5 | 1; shape: ActMarkShape }[] {
  const look = actLook(act);
  const marks: { at: 0 | 0.5 | 1; shape: ActMarkShape }[] = [];
  if (look.tipBar) marks.push({ at: 1, shape: 'bar' });
  if (look.ends === 'bar') marks.push({ at: 0, shape: 'bar' }, { at: 1, shape: 'bar' });
  if (look.mid) marks.push({ at: 0.5, shape: look.mid });
  return marks;
}

/** A line's cap: round for a tie of dots (a dot is a dash of length 0), else butt. */
export function actCap(act: ClaimAct | undefined): 'round' | 'butt' {
  return actLook(act).ends === 'round' ? 'round' : 'butt';
}

/** The act's look; a claim with none moves. */
export function actLook(act: ClaimAct | undefined): ActLook {
  return ACT_LOOKS[act ?? 'moves'];
}

/** Whether the act's line is a tie (no head: not a route). */
export function isTie(act: ClaimAct | undefined): boolean {
  return !actLook(act).head;
}

/**
 * The fear badge: a disc of the kind's colour with a "!" of the ground's colour, set beside the
 * fearer's name (hollow, a ring and a "!" of the kind's colour, when the fear is foreseen), in CSS
 * pixels.
 */
export const FEAR_MARK = { radius: 8, glyph: '!', font: 12, ring: 2 };

/** The bar across an act's tip, or a competing tie's ends: its length in line widths. */
export const BAR_LENGTH = 4;

/** The mid-mark of a tie: its size (a dot's radius, a cross's half-arm) in line widths. */
export const MID_MARK = 1.6;

/**
 * SVG path of a tie's mid-mark (or of a bar) centred on (0, 0), for a line of `width` running
 * along the x axis (rotate it by the line's heading).
 */
export function midMarkPath(mark: 'dot' | 'cross' | 'bar', width: number): string {
  const r = (v: number) => Math.round(v * 100) / 100;
  if (mark === 'bar') {
    const h = (BAR_LENGTH * width) / 2;
    return `M0,${r(-h)} L0,${r(h)}`;
  }
  const s = MID_MARK * width;
  if (mark === 'dot') return `M${r(-s)},0 a${r(s)},${r(s)} 0 1,0 ${r(2 * s)},0 a${r(s)},${r(s)} 0 1,0 ${r(-2 * s)},0`;
  return `M${r(-s)},${r(-s)} L${r(s)},${r(s)} M${r(-s)},${r(s)} L${r(s)},${r(-s)}`;
}
