/**
 * The classroom's panel never scrolls, whatever the step, the text size or the screen: where its
 * text does not fit, a larger text size (A+) gives back what it added, all of the type together,
 * so pressing A+ never makes a line smaller; then the type beside the sentence shrinks (down to
 * `ASIDE_MIN`, which keeps the heading at 3 % of the screen's height), then all of it (down to
 * `ALL_MIN`). The factors are CSS variables on the panel (`--fit-aside`, `--fit`), found by
 * bisection, measured at once so the step is drawn once, fitted.
 */

/** The factors the panel's type is set at: `aside` for the words beside the sentence, `all` for everything. */
export interface Fit {
  aside: number;
  all: number;
}

/** The type beside the sentence shrinks to 90 % before the sentence itself shrinks below the initial size. */
export const ASIDE_MIN = 0.9;
/** The smallest the whole panel's type is set at (of the initial size): below this it may scroll. */
export const ALL_MIN = 0.4;
/** Bisection steps: 1 / 2⁷ of the range, finer than a pixel of type. */
const STEPS = 7;

/** The largest factor in [lo, hi] that passes `test`, assuming `lo` passes and smaller ones do too. */
function largest(test: (f: number) => boolean, lo: number, hi = 1): number {
  for (let i = 0; i < STEPS; i++) {
    const mid = (lo + hi) / 2;
    if (test(mid)) lo = mid;
    else hi = mid;
  }
  return lo;
}

/**
 * The largest fit that `fits` accepts, for type set `scale` times its initial size: full size if
 * that fits; else everything shrunk together, as little as needed, back to the initial size at
 * most; else, at the initial size, the aside shrunk as little as needed; else the aside at its
 * minimum and everything shrunk as little as needed (at worst the minimum of both).
 */
export function bestFit(fits: (fit: Fit) => boolean, scale = 1): Fit {
  if (fits({ aside: 1, all: 1 })) return { aside: 1, all: 1 };
  const initial = Math.min(1, 1 / scale);
  if (initial < 1 && fits({ aside: 1, all: initial }))
    return { aside: 1, all: largest((f) => fits({ aside: 1, all: f }), initial) };
  if (fits({ aside: ASIDE_MIN, all: initial }))
    return { aside: largest((f) => fits({ aside: f, all: initial }), ASIDE_MIN), all: initial };
  const least = ALL_MIN * initial;
  return { aside: ASIDE_MIN, all: largest((f) => fits({ aside: ASIDE_MIN, all: f }), least, initial) };
}
/** What `fitPanel` needs of the panel: its style, and whether its content overflows. */
export type Panel = Pick<HTMLElement, 'scrollHeight' | 'clientHeight'> & {
  style: Pick<CSSStyleDeclaration, 'setProperty'>;
};

function setFit(el: Panel, fit: Fit) {
  el.style.setProperty('--fit-aside', String(fit.aside));
  el.style.setProperty('--fit', String(fit.all));
}

/**
 * The room's note (the map maker's reading, `--fit-note`) gives way first: it shrinks down to
 * this share of its size before the heading or the sentence does.
 */
export const NOTE_MIN = 0.6;

/**
 * Sets the panel's type (at `scale` times its initial size) to the largest fit that leaves nothing
 * to scroll; where only a smaller note lets the rest keep its size, the note is set smaller (as
 * little as needed, down to `NOTE_MIN`).
 */
export function fitPanel(el: Panel, scale = 1): Fit {
  const initial = Math.min(1, 1 / scale);
  const withNote = (note: number) => {
    el.style.setProperty('--fit-note', String(note));
    return bestFit((f) => {
      setFit(el, f);
      return el.scrollHeight <= el.clientHeight;
    }, scale);
  };
  const whole = (fit: Fit) => fit.aside >= 1 && fit.all >= initial - 1e-9;
  let fit = withNote(1);
  if (!whole(fit)) {
    let lo = NOTE_MIN;
    let hi = 1;
    if (whole(withNote(lo))) {
      for (let i = 0; i < STEPS; i++) {
        const mid = (lo + hi) / 2;
        if (whole(withNote(mid))) lo = mid;
        else hi = mid;
      }
    }
    fit = withNote(lo);
  }
  setFit(el, fit);
  return fit;
}
