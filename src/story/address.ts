/**
 * Keeps the address bar in step with what the page shows, without flooding the browser.
 *
 * Every `history.replaceState` is a same-document navigation: the browser re-resolves the page's
 * icon, records a resource timing and, past a couple of hundred calls in ten seconds, starts
 * refusing them. A reader clicking through claims, or a clicker held down, would pay that on
 * every step; so the address is written once the view has settled for `delay` ms, and at once
 * when the page is left.
 */
export interface AddressMirror {
  /** The path + query + hash the address should show; written after the pause. */
  write(next: string): void;
  /** Writes a pending address now. */
  flush(): void;
}

export interface AddressHost {
  current(): string;
  replace(next: string): void;
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  onLeave(run: () => void): void;
}

const browserHost: AddressHost = {
  current: () => `${location.pathname}${location.search}${location.hash}`,
  replace: (next) => history.replaceState(history.state, '', next),
  setTimeout: (run, ms) => window.setTimeout(run, ms),
  clearTimeout: (handle) => window.clearTimeout(handle as number),
  onLeave: (run) => window.addEventListener('pagehide', run),
};

export function addressMirror(delay = 250, host: AddressHost = browserHost): AddressMirror {
  let pending: string | null = null;
  let timer: unknown = null;
  const flush = () => {
    if (timer !== null) host.clearTimeout(timer);
    timer = null;
    if (pending !== null && pending !== host.current()) host.replace(pending);
    pending = null;
  };
  let listening = false;
  return {
    write(next) {
      // Registered on first use: a component may create its mirror while prerendering.
      if (!listening) host.onLeave(flush);
      listening = true;
      pending = next;
      if (timer !== null) host.clearTimeout(timer);
      timer = host.setTimeout(flush, delay);
    },
    flush,
  };
}
