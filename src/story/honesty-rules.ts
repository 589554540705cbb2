/**
 * Honesty rules on what a claim's drawing does, against the words it quotes (pure, for the
 * build's checks):
 * - a claim drawn as movement or as an act (`act` `moves` or `acts`: an arrow) whose words
 *   report a fear, a warning or a view ("concern", "fear", "worry", "warn", "views", "sees … as")
 *   draws a worry or a judgement as something happening: it should be `fears` or `views`;
 * - a claim drawn as a report whose words report an accusation ("denounced", "accused",
 *   "alleged", "said to") states the accusation as a fact: its modality should be `alleged`.
 * Each problem names the claim, the field to change and the words that gave it away.
 */
import { actOf } from './acts.ts';
import type { Claim, Modality } from './types.ts';

export interface HonestyProblem {
  claimId: string;
  field: 'act' | 'modality';
  message: string;
}

/** Words that report a fear or a warning, or a view, not an act. */
const FEAR_OR_VIEW: readonly RegExp[] = [
  /\bconcern/i,
  /\bfear/i,
  /\bworr/i,
  /\bwarn/i,
  /\bviews?\b/i,
  /\bsees?\b[^.;]{1,60}?\bas\b/i,
];

/** Words that report an accusation, not a finding. */
const ACCUSATION: readonly RegExp[] = [/\bdenounc/i, /\baccus/i, /\balleg/i, /\bsaid to\b/i];

function firstMatch(text: string, patterns: readonly RegExp[]): string | null {
  for (const pattern of patterns) {
    const found = text.match(pattern);
    if (found) return found[0];
  }
  return null;
}

type Checked = Pick<Claim, 'id' | 'act' | 'shape' | 'selector'> & { modality?: Modality };

/** The problems of one claim: its drawing says more than its words. */
export function claimHonesty(claim: Checked): HonestyProblem[] {
  const problems: HonestyProblem[] = [];
  const words = claim.selector.exact;
  const act = actOf(claim);
  const fear = firstMatch(words, FEAR_OR_VIEW);
  if (fear && (act === 'moves' || act === 'acts')) {
    problems.push({
      claimId: claim.id,
      field: 'act',
      message: `drawn as ${act === 'moves' ? 'a movement' : 'an act'} (an arrow), but its words report a fear or a view ("${fear}"): set "act" to "fears" or "views"`,
    });
  }
  const accusation = firstMatch(words, ACCUSATION);
  if (accusation && (claim.modality ?? 'reported') === 'reported') {
    problems.push({
      claimId: claim.id,
      field: 'modality',
      message: `drawn as a report, but its words report an accusation ("${accusation}"): set "modality" to "alleged"`,
    });
  }
  return problems;
}

/** Every honesty problem of a story's claims, in claim order. */
export function honestyProblems(claims: readonly Checked[]): HonestyProblem[] {
  return claims.flatMap(claimHonesty);
}
