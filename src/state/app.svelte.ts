/**
 * The one state of a page: what is selected, which step of the classroom shows, the embed's
 * options, a polite notice, and the camera as the map shows it. Every shell reads and writes it
 * through the context (`appState()`); the address bar mirrors it (`url.ts`, written by App), and
 * no shell reads `location` itself.
 */
import { createContext } from 'svelte';
import type { View } from '../camera/view.ts';
import type { ResolvedClaim, Story } from '../story/types.ts';
import { defaultAddress, pageFor, serializeAddress, type Address, type Mode, type ParsedAddress } from './url.ts';

export class AppState {
  readonly story: Story;
  /** The mode of the page itself: `embed.html` is the embed, `index.html` the reader. */
  readonly pageMode: Mode;
  readonly claimsById: ReadonlyMap<string, ResolvedClaim>;
  /** Claims made by each sentence, keyed by sentence id. */
  readonly claimsBySentence: ReadonlyMap<string, ResolvedClaim[]>;

  mode = $state<Mode>('read');
  /** Selected claim ids, in story order. Empty: the overview. */
  selected = $state<string[]>([]);
  /** The claims a lesson presents, in the order asked for; empty: all of them. */
  presented = $state<string[]>([]);
  /** The claims an embed was made for (its picker offers these); empty: all. */
  embedClaims = $state<string[]>([]);
  /** The classroom's step, from 1 (the classroom clamps it to its steps). */
  step = $state<number | null>(null);
  autoplay = $state<number | null>(null);
  theme = $state<Address['theme']>('auto');
  legend = $state(true);
  text = $state(false);
  /** A short message for the reader (an unknown id in a link, say); plain text. */
  notice = $state<string | null>(null);
  /** The camera as the map draws it right now (for exports). */
  shownView = $state.raw<View | null>(null);
  #extra: Address['extra'] = [];

  /** `initial`: the address to open at; none while taking over prerendered HTML (App applies it once mounted). */
  constructor(story: Story, pageMode: Mode, initial?: ParsedAddress) {
    this.story = story;
    this.pageMode = pageMode;
    this.claimsById = new Map(story.claims.map((c) => [c.id, c]));
    const bySentence = new Map<string, ResolvedClaim[]>();
    for (const claim of story.claims) {
      // A quote that runs across sentences binds its claim to each of them.
      for (const { id } of claim.sentences) bySentence.set(id, [...(bySentence.get(id) ?? []), claim]);
    }
    this.claimsBySentence = bySentence;
    this.apply(initial ?? { address: defaultAddress(pageMode), unknown: [] });
  }

  /** Takes on an address (a link, or the page's own at start); unknown ids get a notice. */
  apply({ address, unknown }: ParsedAddress): void {
    this.mode = address.mode;
    const classroom = address.mode === 'present' || address.mode === 'presenter';
    this.presented = classroom ? [...address.claims] : [];
    // The embed opens on the first of the claims it was made for (its picker steps through them).
    this.select(classroom ? [] : address.mode === 'embed' ? address.claims.slice(0, 1) : address.claims);
    this.step = address.step;
    this.autoplay = address.autoplay;
    this.theme = address.theme;
    this.legend = address.legend;
    this.text = address.text;
    this.#extra = address.extra;
    this.embedClaims = address.mode === 'embed' ? [...address.claims] : [];
    this.notice = unknown.length
      ? `This link asks for a claim this map does not have (${unknown.join(', ')}), so it shows ${classroom ? 'every claim' : 'the overview'}.`
      : null;
  }

  /** The address of what the page shows now. */
  get address(): Address {
    const classroom = this.mode === 'present' || this.mode === 'presenter';
    return {
      mode: this.mode,
      claims: classroom ? this.presented : this.mode === 'embed' ? this.embedClaims : this.selected,
      step: classroom ? this.step : null,
      autoplay: this.mode === 'present' ? this.autoplay : null,
      theme: this.theme,
      legend: this.legend,
      text: this.text,
      extra: this.#extra,
    };
  }

  /** A link, relative to this page, to this address with some of it changed. */
  href(changes: Partial<Address>): string {
    const next = { ...this.address, ...changes };
    const pageMode = next.mode === 'embed' ? 'embed' : 'read';
    const here = this.pageMode === 'embed' ? 'embed' : 'read';
    const query = serializeAddress(next, pageMode);
    return pageMode === here ? query || './' : `${pageFor(pageMode)}${query}`;
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

const [getAppState, setAppState] = createContext<AppState>();

/** The page's state, from the context App sets; throws outside it. */
export const appState = getAppState;
export { setAppState };
