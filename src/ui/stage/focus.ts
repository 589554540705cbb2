/**
 * The focus, when the zoomable map the reader asked for with the "Zoom and pan" button is ready
 * (or cannot be had): the button goes, and if it had the focus, the focus goes to the map rather
 * than to the top of the page. Focus the reader has moved elsewhere meanwhile stays where it is.
 */

/** Where the focus goes: MapLibre's canvas, the map's region (the SVG map), or nowhere. */
export type FocusTarget = 'canvas' | 'region' | null;

export interface HandOver {
  /** The map's state (`MapState`): `idle` once MapLibre shows, `fallback` if it never will. */
  state: string;
  /** The reader pressed the button. */
  requested: boolean;
  /** The button had the focus when pressed (the keyboard, mostly). */
  buttonHadFocus: boolean;
  /** The focus is on something on the page now (not the page itself). */
  focusElsewhere: boolean;
}

/**
 * Whether the hand-over is over (the button's focus is forgotten), and where the focus goes.
 * Until the map is ready or has failed, nothing happens.
 */
export function handOver({ state, requested, buttonHadFocus, focusElsewhere }: HandOver): {
  done: boolean;
  focus: FocusTarget;
} {
  if (!requested || (state !== 'idle' && state !== 'fallback') || !buttonHadFocus) return { done: false, focus: null };
  if (focusElsewhere) return { done: true, focus: null };
  return { done: true, focus: state === 'idle' ? 'canvas' : 'region' };
}
