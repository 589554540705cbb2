/**
 * Keeps the address bar in step with what the page shows, without flooding the browser.
 *
 * Every `history.replaceState` is a same-document navigation: the browser re-resolves the page's
 * icon, records a resource timing and, past a couple of hundred calls in ten seconds, starts
 * refusing them. A clicker held down, or a reader racing through claims, would pay that on every
 * step. So a change is written at once, and while changes keep coming at most once per `delay`
 * ms, the last one always; a pending one is written when the page is left.
 */
export interface AddressMirror {
  /**
   * The address (path + query + hash) to show, built when it is written: the query or hash
   * may have changed in between (a skip link, another parameter).
   */
  write(build: () => string): void;
  /** Writes a pending address now. */
  flush(): void;
}

export interface AddressHost {
  current(): string;
  replace(next: string): void;
  setTimeout(run: () => void, ms: number): unknown;
  onLeave(run: () => void): void;
}

const browserHost: AddressHost = {
  current: () => `${location.pathname}${location.search}${location.hash}`,
  replace: (next) => history.replaceState(history.state, '', next),
  setTimeout: (run, ms) => window.setTimeout(run, ms),
  onLeave: (run) => {
    window.addEventListener('pagehide', run);
    // A phone may freeze or discard a page in the background without a `pagehide`.
    document.addEventListener('visibilitychange', () => document.visibilityState === 'hidden' && run());
  },
};

export function addressMirror(delay = 250, host: AddressHost = browserHost): AddressMirror {
  let pending: (() => string) | null = null;
  let quiet = true;
  let listening = false;
  const apply = (build: () => string) => {
    const next = build();
    if (next !== host.current()) host.replace(next);
  };
  const flush = () => {
    const build = pending;
    pending = null;
    if (build) apply(build);
  };
  const wait = () => {
    quiet = false;
    host.setTimeout(() => {
      quiet = true;
      if (pending) {
        flush();
        wait();
      }
    }, delay);
  };
  return {
    write(build) {
      // Registered on first use: a component may create its mirror while prerendering.
      if (!listening) host.onLeave(flush);
      listening = true;
      if (quiet) {
        apply(build);
        wait();
      } else pending = build;
    },
    flush,
  };
}
