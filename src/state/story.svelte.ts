/**
 * The one story state: which claims are selected, and a polite notice for the reader. Every
 * view reads and writes selection through it; the URL mirrors it (`url.ts`).
 */
import type { ResolvedClaim, Story } from '../story/types';

export class StoryState {
  /** Selected claim ids, in story order. Empty: the overview. */
  selected = $state<string[]>([]);
  /** A short message for the reader (an unknown id in a link, say); plain text. */
  notice = $state<string | null>(null);

  readonly story: Story;
  readonly claimsById: ReadonlyMap<string, ResolvedClaim>;
  /** Claims made by each sentence, keyed by sentence id. */
  readonly claimsBySentence: ReadonlyMap<string, ResolvedClaim[]>;

  constructor(story: Story) {
    this.story = story;
    this.claimsById = new Map(story.claims.map((c) => [c.id, c]));
    const bySentence = new Map<string, ResolvedClaim[]>();
    for (const claim of story.claims) {
      bySentence.set(claim.sentenceId, [...(bySentence.get(claim.sentenceId) ?? []), claim]);
    }
    this.claimsBySentence = bySentence;
  }

  get selectedClaims(): ResolvedClaim[] {
    return this.selected.map((id) => this.claimsById.get(id)).filter((c): c is ResolvedClaim => !!c);
  }

  /** Selects the given claims (unknown ids are dropped), in story order. */
  select(ids: readonly string[]): void {
    const wanted = new Set(ids);
    this.selected = this.story.claims.filter((c) => wanted.has(c.id)).map((c) => c.id);
  }

  /** Selects the claims a sentence makes. */
  selectSentence(sentenceId: string): void {
    this.select((this.claimsBySentence.get(sentenceId) ?? []).map((c) => c.id));
  }

  clear(): void {
    this.selected = [];
  }

  isSelected(id: string): boolean {
    return this.selected.includes(id);
  }
}
