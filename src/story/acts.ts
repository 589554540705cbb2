/**
 * What a sentence does with its places (`ClaimAct`), as the engine's vocabulary: the act a claim
 * has when its data gives none, the shapes each act may take, and the places that are its
 * subject. How each act is drawn is the symbology's (`symbology/acts.ts`); how it is said, the
 * wording's (`story/wording.ts`).
 */
import { ACTS, type ClaimAct, type ClaimShape } from './types.ts';

/** The act of a claim whose data gives none: an arrow moves, anything else holds at its place. */
export function defaultAct(shape: ClaimShape): ClaimAct {
  return shape === 'arrows' ? 'moves' : 'holds';
}

/** A claim's act: its own, or its shape's default. */
export function actOf(claim: { act?: ClaimAct; shape: ClaimShape }): ClaimAct {
  return claim.act ?? defaultAct(claim.shape);
}

export function isAct(value: unknown): value is ClaimAct {
  return typeof value === 'string' && (ACTS as readonly string[]).includes(value);
}

/**
 * The shapes each act may be drawn with. Something that moves, an act on another, a view or a
 * rivalry run from the origin to each destination (`arrows`); a fear is a mark on the party that
 * fears, with or without the sources it names (`arrows` toward them, or a `point`); a state holds
 * on its place (a point, an area or a border).
 */
export const ACT_SHAPES: Record<ClaimAct, readonly ClaimShape[]> = {
  moves: ['arrows'],
  acts: ['arrows'],
  fears: ['arrows', 'point'],
  views: ['arrows'],
  competes: ['arrows'],
  holds: ['point', 'area', 'border'],
};

/** Why a claim's act and shape do not go together, or null when they do. */
export function actShapeProblem(act: ClaimAct, shape: ClaimShape): string | null {
  const shapes = ACT_SHAPES[act];
  if (shapes.includes(shape)) return null;
  return `act "${act}" is drawn as ${shapes.map((s) => `"${s}"`).join(' or ')}, not "${shape}"`;
}

/** Acts drawn as arrows (a route or an act on another), as ties (not a route), or on the place. */
export type ActForm = 'arrow' | 'tie' | 'mark' | 'place';

/** How each act is drawn, in one word: the flows' roles and the key follow it. */
export const ACT_FORMS: Record<ClaimAct, ActForm> = {
  moves: 'arrow',
  acts: 'arrow',
  fears: 'mark',
  views: 'tie',
  competes: 'tie',
  holds: 'place',
};
