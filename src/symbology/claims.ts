/**
 * How a claim is drawn: each look (colour, dash, arrowhead, marker), how a claim's modality
 * changes it (a report solid, a prediction, condition or recommendation hollow), and, for each
 * part of a claim's drawing, its width and opacity in each state of the selection: `none`
 * (nothing is selected), `selected`, and `other` (dimmed while another claim is selected).
 *
 * The one table every renderer reads: the MapLibre layers (as feature-state expressions,
 * `map/style.ts`), the SVG map and symbol layer, the posters and the key. Colour is never the
 * only cue: lines also differ by dash and arrowhead, markers by shape, so the key reads in
 * greyscale. The colours were chosen (in OKLCH, by search, each look in its own band of hue: red
 * for armed groups, blue for diplomacy, teal for displacement, ochre for the border band, green
 * for drugs…) so that any two are at least 20 CIEDE2000 apart, at least 12 for a deuteranope
 * and 10 under protanopia and tritanopia, and keep 3:1 against the land, the water and the
 * halo (WCAG 1.4.11); `tests/unit/kinds.test.ts` checks each. A story's kinds each name one of these
 * looks (`story.json` `kinds`, or the engine's `data/kinds.json`); the build resolves each claim's.
 */
import type { ClaimAct, Modality } from '../story/types.ts';
import { actLook } from './acts.ts';
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

/** The engine's looks, by name: what a kind's `look` names. Today's eight kind ids are look names too. */
export const KIND_LOOKS = {
  'armed-group': { color: { light: '#d74c53', dark: '#f40934' }, dash: [], head: 'filled', marker: 'circle' },
  diplomatic: { color: { light: '#2370f4', dark: '#758df8' }, dash: [3, 1.5], head: 'open', marker: 'circle' },
  'border-instability': {
    color: { light: '#9b7601', dark: '#edab0d' },
    dash: [1.2, 1],
    head: 'filled',
    marker: 'triangle',
  },
  humanitarian: { color: { light: '#80059e', dark: '#d62dc2' }, dash: [0.6, 1.4], head: 'open', marker: 'circle' },
  displacement: { color: { light: '#1b6266', dark: '#61bbb9' }, dash: [], head: 'filled', marker: 'triangle' },
  drugs: { color: { light: '#345800', dark: '#4b973d' }, dash: [], head: 'filled', marker: 'diamond' },
  sanctuary: { color: { light: '#7c7981', dark: '#84807f' }, dash: [], head: 'filled', marker: 'square' },
  governance: { color: { light: '#411a05', dark: '#fac6b4' }, dash: [2, 1], head: 'filled', marker: 'circle' },
  // Ink, dash-dot: for resources and water (found by the same search, against every look above).
  resources: { color: { light: '#071826', dark: '#eaf7ff' }, dash: [3, 1, 0.8, 1], head: 'open', marker: 'square' },
} satisfies Record<string, KindLook>;

export type LookName = keyof typeof KIND_LOOKS;

export const LOOK_NAMES = Object.keys(KIND_LOOKS) as LookName[];

export function isLook(name: string): name is LookName {
  return Object.hasOwn(KIND_LOOKS, name);
}

/** A look by name (the build checks every name a story gives; an unknown one draws as the first). */
export function kindLook(look: string): KindLook {
  return isLook(look) ? KIND_LOOKS[look] : KIND_LOOKS[LOOK_NAMES[0]!];
}

/** A look's colour on a map of the given theme. */
export function kindColor(look: string, theme: Theme = 'light'): string {
  return kindLook(look).color[mapTone(theme)];
}

/**
 * How one claim is drawn: its kind's look, its modality, and what its sentence does (its act,
 * `symbology/acts.ts`; a drawing without one moves): what every renderer is given.
 */
export interface Drawing {
  look: string;
  modality: Modality;
  act?: ClaimAct;
}

/**
 * A report is drawn solid. What the article only predicts (on a condition or not) or recommends
 * is drawn hollow: an arrow or border as two thin walls of its colour with the ground between
 * them, a marker or filled arrowhead as an outline, an area as its outline without a fill. An
 * accusation the article reports is drawn broken: its line and its marker's outline dashed
 * (`BROKEN_DASH`), a marker on the ground's colour, an area without a fill. Each but a report
 * also carries a short tag on the map and in the key (`story/wording.ts` MODALITY_TAG), which
 * says which modality it is, as the card does.
 */
export const MODALITY_LOOKS: Record<Modality, { hollow: boolean; broken: boolean }> = {
  reported: { hollow: false, broken: false },
  alleged: { hollow: false, broken: true },
  predicted: { hollow: true, broken: false },
  conditional: { hollow: true, broken: false },
  recommended: { hollow: true, broken: false },
};

export function isHollow(modality: Modality): boolean {
  return MODALITY_LOOKS[modality].hollow;
}

/** Whether a claim is drawn broken (an allegation: unproven). */
export function isBroken(modality: Modality): boolean {
  return MODALITY_LOOKS[modality].broken;
}

/**
 * The text tag beside a claim's marker that is not a report ("?", "predicted", "if …"): its size,
 * its halo of the ground's colour and its gap from the marker, in CSS pixels. Bold, so it reads
 * at reading size on a phone and on paper.
 */
export const TAG = { font: 12, halo: 3, gap: 2 };

/** An allegation's dash, in multiples of the width of the line or outline it breaks. */
export const BROKEN_DASH = [1.6, 1.2];

/** The modalities drawn hollow. */
export const HOLLOW_MODALITIES = (Object.keys(MODALITY_LOOKS) as Modality[]).filter(isHollow);

export const EMPHASES = ['none', 'selected', 'other'] as const;
export type Emphasis = (typeof EMPHASES)[number];

/** A value for each state of the selection. */
export type ByEmphasis = Record<Emphasis, number>;

const same = (v: number): ByEmphasis => ({ none: v, selected: v, other: v });

/**
 * The parts of a claim's drawing. An arrow is a casing (the ground's colour, so crossing lines
 * stay apart), its line, and a head; an area a fill and a dashed outline; a border a wide band; a
 * claim with no direction a marker (a badge, when unplaced); a region an arrow names, an outline.
 */
export type BasePart = 'arc' | 'casing' | 'head' | 'areaFill' | 'areaLine' | 'border' | 'marker' | 'region';

/** The ground between a hollow line's walls: drawn only for hollow claims (see `HOLLOW`). */
export type CorePart = 'arcCore' | 'borderCore';

export type ClaimPart = BasePart | CorePart;

export interface PartLook {
  /** Stroke width in CSS pixels (0 for fills and symbols, whose size is their shape's). */
  width: ByEmphasis;
  opacity: ByEmphasis;
}

export const PART_LOOKS: Record<BasePart, PartLook> = {
  arc: { width: { none: 2.5, selected: 4, other: 2 }, opacity: { none: 1, selected: 1, other: 0.18 } },
  casing: { width: { none: 5, selected: 8, other: 4 }, opacity: { none: 0.75, selected: 0.95, other: 0.1 } },
  head: { width: same(2.5), opacity: { none: 1, selected: 1, other: 0.2 } },
  areaFill: { width: same(0), opacity: { none: 0.14, selected: 0.26, other: 0.05 } },
  areaLine: { width: same(1.5), opacity: { none: 1, selected: 1, other: 0.2 } },
  // A band along the border (solid and translucent: a zone, never the dots of a disputed line).
  border: { width: { none: 7, selected: 9, other: 6 }, opacity: { none: 0.5, selected: 0.7, other: 0.12 } },
  marker: { width: same(2), opacity: { none: 1, selected: 1, other: 0.2 } },
  // A region an arrow names: its outline, faint until its claim is selected (it is named, always).
  region: { width: { none: 1.2, selected: 2, other: 1.2 }, opacity: { none: 0.3, selected: 0.9, other: 0.1 } },
};

/**
 * What hollow changes, part by part: a hollow arrow is twice as wide (its casing half as wide
 * again), with a core of the ground's colour half its width inside, so each wall is a quarter of
 * its width; a border keeps its width and gets the same core; an area loses its fill; a marker's
 * outline is a little wider than a filled marker's halo.
 */
export const HOLLOW = {
  width: { arc: 2, casing: 1.5, marker: 1.25 } as Partial<Record<BasePart, number>>,
  /** A core's width, as a share of the line it hollows. */
  core: 0.5,
};

/** The line a core hollows. */
const CORE_OF: Record<CorePart, BasePart> = { arcCore: 'arc', borderCore: 'border' };

const isCore = (part: ClaimPart): part is CorePart => part in CORE_OF;

const scaled = (v: ByEmphasis, k: number): ByEmphasis => ({
  none: Math.round(v.none * k * 100) / 100,
  selected: Math.round(v.selected * k * 100) / 100,
  other: Math.round(v.other * k * 100) / 100,
});

/**
 * High contrast (the projector's palette) reaches the selection too: the selected claim's lines
 * this much wider, the other claims this much fainter, for a washed-out projector and the back row.
 */
export const PROJECTOR_EMPHASIS = { selectedWidth: 1.3, otherOpacity: 0.5 };

const round2 = (v: number) => Math.round(v * 100) / 100;

/** A part's width in each state, for a solid or a hollow claim, on a map of `theme`. */
export function partWidth(part: ClaimPart, hollow: boolean, theme: Theme = 'light'): ByEmphasis {
  if (isCore(part)) return hollow ? scaled(partWidth(CORE_OF[part], true, theme), HOLLOW.core) : same(0);
  const width = hollow ? scaled(PART_LOOKS[part].width, HOLLOW.width[part] ?? 1) : PART_LOOKS[part].width;
  return theme === 'projector'
    ? { ...width, selected: round2(width.selected * PROJECTOR_EMPHASIS.selectedWidth) }
    : width;
}

/** A part's opacity in each state, for a solid or a hollow claim: a core is as strong as its line. */
export function partOpacity(part: ClaimPart, hollow: boolean, theme: Theme = 'light'): ByEmphasis {
  if (isCore(part)) return hollow ? partOpacity(CORE_OF[part], false, theme) : same(0);
  if (part === 'areaFill' && hollow) return same(0);
  const opacity = PART_LOOKS[part].opacity;
  return theme === 'projector'
    ? { ...opacity, other: round2(opacity.other * PROJECTOR_EMPHASIS.otherOpacity) }
    : opacity;
}

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

/**
 * A part's dash in multiples of its own width: the look's for arcs, the areas' for area and
 * region outlines; a border band is solid. A core follows its line's dashes, so its units are the
 * line's over its share.
 */
export function dashUnits(look: string, part: ClaimPart): number[] {
  if (part === 'arc') return kindLook(look).dash;
  if (part === 'areaLine' || part === 'region') return AREA_DASH;
  if (isCore(part)) return dashUnits(look, CORE_OF[part]).map((d) => d / HOLLOW.core);
  return [];
}

/** The colour of a part: the ground's for casings and cores, else the look's. */
function partColor(look: string, part: ClaimPart, theme: Theme): string {
  return part === 'casing' || isCore(part) ? PALETTES[theme].map.halo : kindColor(look, theme);
}

/** The parts an act changes: an arrow's line (and its core) and its casing. */
const LINE_PARTS: ReadonlySet<ClaimPart> = new Set(['arc', 'arcCore', 'casing']);

/** The parts an allegation breaks: lines and a border band (markers: `symbolPaint`). */
const BROKEN_PARTS: ReadonlySet<ClaimPart> = new Set(['arc', 'border']);

/** The paint of one part of a claim drawn as `drawing`, in a state, on a map of `theme`. */
export function claimPaint(drawing: Drawing, part: ClaimPart, emphasis: Emphasis, theme: Theme = 'light'): Paint {
  const hollow = isHollow(drawing.modality);
  const broken = isBroken(drawing.modality);
  const act = actLook(drawing.act);
  const line = LINE_PARTS.has(part);
  const width = Math.round(partWidth(part, hollow, theme)[emphasis] * (line ? act.width : 1) * 100) / 100;
  let opacity = partOpacity(part, hollow, theme)[emphasis];
  if (line) opacity *= part === 'casing' ? act.casing : act.opacity;
  if (part === 'areaFill' && broken) opacity = 0;
  let units = dashUnits(drawing.look, part);
  if (act.dash && (part === 'arc' || part === 'arcCore'))
    units = part === 'arc' ? act.dash : act.dash.map((d) => d / HOLLOW.core);
  if (broken && BROKEN_PARTS.has(part)) units = BROKEN_DASH;
  return {
    color: partColor(drawing.look, part, theme),
    width,
    opacity: Math.round(opacity * 1000) / 1000,
    dash: units.map((d) => Math.round(d * width * 100) / 100),
  };
}

/**
 * A width (or a dash) for a drawing in a plane shown `k` times its size (`static/bands.ts`: a
 * band's paths placed by one transform), so it shows on screen as painted.
 */
export function planeWidth(width: number, k: number): number {
  return k === 1 ? width : Number((width / k).toPrecision(4));
}

/** A paint for a drawing in a plane shown `k` times its size: its width and dashes as painted on screen. */
export function inPlane(paint: Paint, k: number): Paint {
  return k === 1
    ? paint
    : { ...paint, width: planeWidth(paint.width, k), dash: paint.dash.map((d) => planeWidth(d, k)) };
}

/** How an arrowhead or a marker is filled and outlined. */
export interface SymbolPaint {
  /** A colour, or `none` (an open arrowhead). */
  fill: string;
  stroke: string;
  width: number;
  opacity: number;
  /** The outline's dash in CSS pixels: a broken outline for an allegation, else empty. */
  dash: number[];
}

/**
 * An arrowhead or a marker: filled with the look's colour and haloed with the ground's when
 * reported; outlined in the look's colour around the ground's when hollow. An open arrowhead is
 * a stroke of the look's colour either way.
 */
export function symbolPaint(
  drawing: Drawing,
  part: 'head' | 'marker',
  emphasis: Emphasis,
  theme: Theme = 'light',
): SymbolPaint {
  const hollow = isHollow(drawing.modality);
  const color = kindColor(drawing.look, theme);
  const halo = PALETTES[theme].map.halo;
  const width = partWidth(part, hollow, theme)[emphasis];
  const opacity = partOpacity(part, hollow, theme)[emphasis];
  if (part === 'head' && kindLook(drawing.look).head === 'open')
    return { fill: 'none', stroke: color, width, opacity, dash: [] };
  // An allegation's marker: the ground inside a broken outline (unproven), a little wider to read.
  if (part === 'marker' && isBroken(drawing.modality)) {
    const w = Math.round(width * HOLLOW.width.marker! * 100) / 100;
    return {
      fill: halo,
      stroke: color,
      width: w,
      opacity,
      dash: BROKEN_DASH.map((d) => Math.round(d * w * 100) / 100),
    };
  }
  return hollow
    ? { fill: halo, stroke: color, width, opacity, dash: [] }
    : { fill: color, stroke: halo, width, opacity, dash: [] };
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
