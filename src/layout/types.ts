/**
 * What a layout is (`index.ts` computes it): the arrows, symbols, names and edge labels of one
 * view, as every renderer reads them. Positions are in Web Mercator world units, so that a
 * renderer showing another view can scale and shift them; offsets and sizes are in the pixels of
 * the view the layout was computed for.
 */
import type { ClaimKind } from '../story/kinds.ts';
import type { ClaimAct, Modality } from '../story/types.ts';
import type { NameStyle } from '../symbology/places.ts';
import type { NameRank } from '../symbology/tiers.ts';
import type { Size, View, World } from './world.ts';

export type { World };

/** What every laid-out part of a claim carries: its claim and how it is drawn. */
export interface LaidClaim {
  claimId: string;
  kind: ClaimKind;
  look: string;
  modality: Modality;
  /** What its sentence does (`symbology/acts.ts` draws it): a tie has no head; a fear is a badge. */
  act?: ClaimAct;
}

export interface LaidArrow extends LaidClaim {
  /** Place ids. */
  from: string;
  to: string;
  /** The line as a cubic Bézier (start, two controls, end), ending where its head starts. */
  curve: [World, World, World, World];
  /** The head's tip (a tie's end), and its heading in degrees clockwise from north. */
  tip: World;
  angle: number;
}

/** A claim's symbol at a place: a badge at a name (unplaced), or a marker by a city's dot. */
export interface LaidSymbol extends LaidClaim {
  at: World;
  place: string;
  badge: boolean;
  /** Radius in pixels. */
  radius: number;
}

export type { NameStyle };

export interface LaidName {
  text: string;
  style: NameStyle;
  /** A country's or region's name: its centre. A place's: its dot. */
  at: World;
  /** Where the text is written, in pixels from `at`, and how it is anchored there. */
  dx: number;
  dy: number;
  anchor: 'start' | 'middle' | 'end';
  /** A place's dot is drawn at `at`. */
  dot: boolean;
  /**
   * Its tier (`symbology/tiers.ts`): named because a claim names or touches it (`story`), a
   * neighbour named where room was left (`context`), or a base-map town for orientation (`base`).
   */
  rank: NameRank;
}

/** A place off the map, named where an arrow to it leaves the map. */
export interface LaidEdge {
  text: string;
  place: string;
  /** The claims whose arrows leave the map here: picking the label frames them. */
  claimIds: string[];
  /** The label's centre. */
  at: World;
  /** Its box, in pixels from `at`: [x0, y0, x1, y1]. */
  box: [number, number, number, number];
  /** The text's start, in pixels from `at`. */
  textX: number;
  textY: number;
  /** The pointer: its tip in pixels from `at`, and its heading (degrees clockwise from north). */
  pointer: { dx: number; dy: number; angle: number };
}

export interface Layout {
  view: View;
  size: Size;
  /** The scale asked for (a projector's, or 1). */
  requested: number;
  /** The scale names are set at: the one asked for, smaller on a small map (`mapNameScale`). */
  scale: number;
  arrows: LaidArrow[];
  symbols: LaidSymbol[];
  names: LaidName[];
  edges: LaidEdge[];
}

/** A claim's fields as a laid-out part carries them (and only those). */
export function claimFields(c: LaidClaim): LaidClaim {
  const fields: LaidClaim = { claimId: c.claimId, kind: c.kind, look: c.look, modality: c.modality };
  if (c.act) fields.act = c.act;
  return fields;
}
