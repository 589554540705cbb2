/** The map's hover tooltip: which claim is under the pointer, told as every claim's title is. */
import type { ResolvedClaim } from '../../story/types';
import { claimTitle } from '../../story/wording';

/** The tooltip's text, attributed (it never states a claim as a fact); none off every claim. */
export function tooltipText(claims: readonly ResolvedClaim[], claimId: string | null | undefined): string | undefined {
  const claim = claimId ? claims.find((c) => c.id === claimId) : undefined;
  return claim ? claimTitle(claim) : undefined;
}
