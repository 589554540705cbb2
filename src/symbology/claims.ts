/**
 * How a claim is drawn: each kind's look (colour, dash, arrowhead, marker) and, for each part of
 * a claim's drawing, its width and opacity in each state of the selection: `none` (nothing is
 * selected), `selected`, and `other` (dimmed while another claim is selected).
 *
 * The one table every renderer reads: the MapLibre layers (as feature-state expressions,
 * `map/style.ts`), the SVG map and symbol layer, the posters and the key. Colour is never the
 * only cue: lines also differ by dash and arrowhead, markers by shape, so the key reads in
 * greyscale. The colours were chosen (in OKLCH, by search) so that kinds drawn alike stay apart
 * under protanopia, deuteranopia and tritanopia, and keep 3:1 against the land and the water
 * (WCAG 1.4.11); `tests/unit/kinds.test.ts` checks both.
 */
import type { ClaimKind } from '../story/kinds.ts';
import { mapTone, PALETTES, type Theme } from './palette.ts';

/** Marker shapes for claims with no direction; arrowheads for arrows. */
export type MarkerShape = 'circle' | 'square' | 'diamond' | 'triangle';
export type HeadShape = 'filled' | 'open';

export interface KindLook {
  /** On a light map, and on a dark one (lighter, for the same contrast against dark ground). */
  color: { light: string; dark: string };
  /** Line dash pattern in multiples of the line width; empty for solid. */
  dash: number[];
  head: HeadShape;
  marker: MarkerShape;
}

export const KIND_LOOKS: Record<ClaimKind, KindLook> = {
  'armed-group': { color: { light: '#c0392b', dark: '#ff7a66' }, dash: [], head: 'filled', marker: 'circle' },
  diplomatic: { color: { light: '#1c7ce5', dark: '#6aa8ff' }, dash: [3, 1.5], head: 'open', marker: 'circle' },
  'border-instability': {
    color: { light: '#907b42', dark: '#e8c15a' },
    dash: [1.2, 1],
    head: 'filled',
    marker: 'triangle',
  },
  humanitarian: { color: { light: '#41305e', dark: '#f7d0ff' }, dash: [0.6, 1.4], head: 'open', marker: 'circle' },
  displacement: { color: { light: '#00609b', dark: '#3fd0e6' }, dash: [], head: 'filled', marker: 'triangle' },
  drugs: { color: { light: '#698100', dark: '#a4e26b' }, dash: [], head: 'filled', marker: 'diamond' },
  sanctuary: { color: { light: '#333333', dark: '#e6e6e6' }, dash: [], head: 'filled', marker: 'square' },
  governance: { color: { light: '#6b5436', dark: '#c9a27e' }, dash: [2, 1], head: 'filled', marker: 'circle' },
};

/** A kind's colour on a map of the given theme. */
export function kindColor(kind: ClaimKind, theme: Theme = 'light'): string {
  return KIND_LOOKS[kind].color[mapTone(theme)];
}

export const EMPHASES = ['none', 'selected', 'other'] as const;
export type Emphasis = (typeof EMPHASES)[number];

/** A value for each state of the selection. */
export type ByEmphasis = Record<Emphasis, number>;

const same = (v: number): ByEmphasis => ({ none: v, selected: v, other: v });

/**
 * The parts of a claim's drawing. An arrow is a casing (the ground's colour, so crossing lines
 * stay apart), its line, and a head; an area a fill and a dashed outline; a border a wide dashed
 * line; a claim with no direction a marker.
 */
export type ClaimPart = 'arc' | 'casing' | 'head' | 'areaFill' | 'areaLine' | 'border' | 'marker';

export interface PartLook {
  /** Stroke width in CSS pixels (0 for fills and symbols, whose size is their shape's). */
  width: ByEmphasis;
  opacity: ByEmphasis;
}

export const PART_LOOKS: Record<ClaimPart, PartLook> = {
  arc: { width: { none: 2.5, selected: 4, other: 2 }, opacity: { none: 1, selected: 1, other: 0.18 } },
  casing: { width: { none: 5, selected: 8, other: 4 }, opacity: { none: 0.75, selected: 0.95, other: 0.1 } },
  head: { width: same(2.5), opacity: { none: 1, selected: 1, other: 0.2 } },
  areaFill: { width: same(0), opacity: { none: 0.14, selected: 0.26, other: 0.05 } },
  areaLine: { width: same(1.5), opacity: { none: 1, selected: 1, other: 0.2 } },
  border: { width: same(5), opacity: { none: 1, selected: 1, other: 0.2 } },
  marker: { width: same(2), opacity: { none: 1, selected: 1, other: 0.2 } },
};

/** An area's outline is dashed alike for every kind (its colour tells the kind), in line widths. */
export const AREA_DASH = [2, 1.5];

/** Arrows drawn in (the classroom's steps): a solid stroke this wide runs along the arc. */
export const DRAW_IN_WIDTH = 3;

/** What a part of a claim looks like in one state: what a renderer sets on it. */
export interface Paint {
  color: string;
  width: number;
  opacity: number;
  /** Dash pattern in CSS pixels; empty for solid. */
  dash: number[];
}

/** A part's dash in multiples of its width: the kind's for arcs and borders. */
export function dashUnits(kind: ClaimKind, part: ClaimPart): number[] {
  if (part === 'arc' || part === 'border') return KIND_LOOKS[kind].dash;
  if (part === 'areaLine') return AREA_DASH;
  return [];
}

/** The paint of one part of a claim of `kind`, in a state, on a map of `theme`. */
export function claimPaint(kind: ClaimKind, part: ClaimPart, emphasis: Emphasis, theme: Theme = 'light'): Paint {
  const look = PART_LOOKS[part];
  const width = look.width[emphasis];
  return {
    color: part === 'casing' ? PALETTES[theme].map.halo : kindColor(kind, theme),
    width,
    opacity: look.opacity[emphasis],
    dash: dashUnits(kind, part).map((d) => Math.round(d * width * 100) / 100),
  };
}

/** A dash as an SVG `stroke-dasharray` value, or undefined for a solid line. */
export function svgDash(dash: readonly number[]): string | undefined {
  return dash.length ? dash.join(' ') : undefined;
}

/** Each claim's state for a selection: selected, dimmed (`other`), or `none` when nothing is. */
export function emphasisOf(selected: readonly string[]): (claimId: string) => Emphasis {
  const chosen = new Set(selected);
  return (id) => (chosen.size === 0 ? 'none' : chosen.has(id) ? 'selected' : 'other');
}
