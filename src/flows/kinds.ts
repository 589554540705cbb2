/**
 * The engine's vocabulary of claim kinds and how each is drawn.
 *
 * Colour is never the only cue: lines also differ by dash and arrowhead, markers by shape, so
 * the legend reads in greyscale. The colours were chosen (in OKLCH, by search) so that the kinds
 * drawn alike stay apart under protanopia, deuteranopia and tritanopia, and keep 3:1 against
 * the land and the water (WCAG 1.4.11); `tests/unit/kinds.test.ts` checks both.
 */

export const CLAIM_KINDS = [
  'armed-group',
  'diplomatic',
  'border-instability',
  'humanitarian',
  'displacement',
  'drugs',
  'sanctuary',
  'governance',
] as const;

export type ClaimKind = (typeof CLAIM_KINDS)[number];

/** Marker shapes for claims with no direction; arrowheads for arrows. */
export type MarkerShape = 'circle' | 'square' | 'diamond' | 'triangle';
export type HeadShape = 'filled' | 'open';

export interface KindStyle {
  label: string;
  /** One line for the legend: what the kind means. */
  description: string;
  color: string;
  /** The colour on a dark map: lighter, for the same contrast against dark land and water. */
  darkColor: string;
  /** Line dash pattern in multiples of the line width; empty for solid. */
  dash: number[];
  head: HeadShape;
  marker: MarkerShape;
}

export const KIND_STYLES: Record<ClaimKind, KindStyle> = {
  'armed-group': {
    label: 'Armed group threat',
    description: 'Militant groups said to threaten a place from another',
    color: '#c0392b',
    darkColor: '#ff7a66',
    dash: [],
    head: 'filled',
    marker: 'circle',
  },
  diplomatic: {
    label: 'Diplomatic move',
    description: 'Recognition, upgrades and influence between governments',
    color: '#1c7ce5',
    darkColor: '#6aa8ff',
    dash: [3, 1.5],
    head: 'open',
    marker: 'circle',
  },
  'border-instability': {
    label: 'Border instability',
    description: 'Instability said to affect a border area',
    color: '#907b42',
    darkColor: '#e8c15a',
    dash: [1.2, 1],
    head: 'filled',
    marker: 'triangle',
  },
  humanitarian: {
    label: 'Humanitarian spillover',
    description: 'An emergency said to reach neighbouring states',
    color: '#41305e',
    darkColor: '#f7d0ff',
    dash: [0.6, 1.4],
    head: 'open',
    marker: 'circle',
  },
  displacement: {
    label: 'Displacement',
    description: 'Population movement the article attributes to a place',
    color: '#00609b',
    darkColor: '#3fd0e6',
    dash: [],
    head: 'filled',
    marker: 'triangle',
  },
  drugs: {
    label: 'Drug trade',
    description: 'Drug trade the article attributes to a place',
    color: '#698100',
    darkColor: '#a4e26b',
    dash: [],
    head: 'filled',
    marker: 'diamond',
  },
  sanctuary: {
    label: 'Sanctuary for armed groups',
    description: 'A place said to shelter, or to become a haven for, armed groups',
    color: '#333333',
    darkColor: '#e6e6e6',
    dash: [],
    head: 'filled',
    marker: 'square',
  },
  governance: {
    label: 'Who governs',
    description: 'Who the article says controls a territory',
    color: '#6b5436',
    darkColor: '#c9a27e',
    dash: [2, 1],
    head: 'filled',
    marker: 'circle',
  },
};

export type MapTheme = 'light' | 'dark';

/** A kind's colour on a light or a dark map. */
export function kindColor(kind: ClaimKind, theme: MapTheme = 'light'): string {
  return theme === 'dark' ? KIND_STYLES[kind].darkColor : KIND_STYLES[kind].color;
}
