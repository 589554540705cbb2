/**
 * Honesty rules on what a claim's drawing does, against the words it quotes (pure, for the
 * build's checks):
 * - a claim drawn as movement or as an act (`act` `moves` or `acts`: an arrow) whose words
 *   report a fear, a warning or a view ("concern", "fear", "worry", "warn", "views", "sees … as")
 *   draws a worry or a judgement as something happening: it should be `fears` or `views`;
 * - a claim drawn as a report whose words report an accusation ("denounced", "accused",
 *   "alleged", "said to") states the accusation as a fact: its modality should be `alleged`;
 * - a caption stronger than its sentence: the sentence reports a fear, a view or an accusation
 *   and the caption, which every title puts after "The article says:", drops the word that says
 *   so (a concern captioned as an act, an accusation captioned as a fact).
 * Each problem names the claim, the field to change and the words that gave it away.
 */
import { actOf } from './acts.ts';
import type { Claim, Modality } from './types.ts';

export interface HonestyProblem {
  claimId: string;
  field: 'act' | 'modality' | 'caption';
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
    const found = pattern.exec(text);
    // The whole word, as the sentence writes it: "denounced", not the stem the pattern reads.
    if (found) return found[0] + /^\w*/.exec(text.slice(found.index + found[0].length))![0];
  }
  return null;
}

type Checked = Pick<Claim, 'id' | 'act' | 'shape' | 'selector' | 'caption'> & { modality?: Modality };

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
  const caption = claim.caption;
  if (fear && !firstMatch(caption, FEAR_OR_VIEW)) {
    problems.push({
      claimId: claim.id,
      field: 'caption',
      message: `its words report a fear or a view ("${fear}"), which the caption leaves out, so the title states it as happening: keep the sentence's "${fear}" in the caption`,
    });
  }
  if (accusation && !firstMatch(caption, ACCUSATION)) {
    problems.push({
      claimId: claim.id,
      field: 'caption',
      message: `its words report an accusation ("${accusation}"), which the caption leaves out, so the title states it as a fact: keep the sentence's "${accusation}" in the caption`,
    });
  }
  return problems;
}

/** Every honesty problem of a story's claims, in claim order. */
export function honestyProblems(claims: readonly Checked[]): HonestyProblem[] {
  return claims.flatMap(claimHonesty);
}
