/**
 * The map's key: what it lists, how far it reaches into the map (framing keeps a selection clear
 * of it), and when it folds (a selection the frame would still leave partly under it: a map too
 * narrow to keep clear of it, or a frame held inside the region's bounds; the claim's card names
 * the kind instead).
 */
import { claimsUnder, selectionView, type MapBox } from '../../camera/framing';
import type { ResolvedClaim, Story } from '../../story/types';

/** How far the open key reaches into the map from its left edge; 0 when folded or absent. */
export function keyReach(key: { shown: boolean; open: boolean; left: number; width: number }): number {
  return key.shown && key.open && key.width > 0 ? key.left + key.width : 0;
}

/** The claims the key lists the kinds of: those selected, or every claim (the overview, or all dimmed). */
export function keyClaims(claims: ResolvedClaim[], selected: readonly string[], dimAll = false): ResolvedClaim[] {
  return selected.length && !dimAll ? claims.filter((c) => selected.includes(c.id)) : claims;
}

/** An element's box in its offset parent (the map), as `MapBox`: the key where its CSS places it. */
export function offsetBox(el: Pick<HTMLElement, 'offsetLeft' | 'offsetTop' | 'offsetWidth' | 'offsetHeight'>): MapBox {
  return {
    x0: el.offsetLeft,
    y0: el.offsetTop,
    x1: el.offsetLeft + el.offsetWidth,
    y1: el.offsetTop + el.offsetHeight,
  };
}

/** The open key, where it stands, would cover part of the selection framed beside it: it folds. */
export function keyCoversSelection(
  story: Story,
  names: Parameters<typeof selectionView>[1],
  selected: readonly string[],
  size: { width: number; height: number },
  key: MapBox,
  labelScale = 1,
): boolean {
  const frame = selectionView(story, names, selected, size, key.x1, labelScale);
  return claimsUnder(story.flows, selected, frame, size, key);
}
