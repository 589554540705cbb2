/**
 * The map's key: what it lists. It stands beside or above the map, never over it, so framing
 * leaves it no room.
 */
import type { ResolvedClaim } from '../../story/types';

/** The claims the key lists the kinds of: those selected, or every claim (the overview, or all dimmed). */
export function keyClaims(claims: ResolvedClaim[], selected: readonly string[], dimAll = false): ResolvedClaim[] {
  return selected.length && !dimAll ? claims.filter((c) => selected.includes(c.id)) : claims;
}
