/**
 * Whether the page is being printed: print-only content (a map drawn for the paper, a handout)
 * is rendered only then, and it costs the screen nothing. Browsers fire `beforeprint` before they
 * lay the page out for paper (Chromium does for `page.pdf()` too) and change `matchMedia('print')`
 * (also under print emulation); the state updates in a microtask, before the printed layout.
 */
import { createSubscriber } from 'svelte/reactivity';
import { on } from 'svelte/events';

class Printing {
  #printing = false;
  #subscribe = createSubscriber((update) => {
    const media = window.matchMedia('print');
    const set = (value: () => boolean) => () => {
      this.#printing = value();
      update();
    };
    const off = [
      on(
        window,
        'beforeprint',
        set(() => true),
      ),
      on(
        window,
        'afterprint',
        set(() => false),
      ),
      on(
        media,
        'change',
        set(() => media.matches),
      ),
    ];
    return () => off.forEach((stop) => stop());
  });

  /** True from `beforeprint` to `afterprint`, and while print media is shown (emulated). */
  get current(): boolean {
    if (typeof window === 'undefined') return false;
    this.#subscribe();
    return this.#printing || window.matchMedia('print').matches;
  }
}

/** The page's one printing state: every component that draws for paper reads it (one set of listeners). */
export const printing = new Printing();
