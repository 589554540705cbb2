/**
 * The classroom's panel never scrolls, whatever the step, the text size or the screen: where its
 * text does not fit, the type beside the sentence shrinks first (down to `ASIDE_MIN`), then all of
 * it (down to `ALL_MIN`). The factors are CSS variables on the panel (`--fit-aside`, `--fit`),
 * found by bisection, measured at once so the step is drawn once, fitted.
 */

/** The factors the panel's type is set at: `aside` for the words beside the sentence, `all` for everything. */
export interface Fit {
  aside: number;
  all: number;
}

/** The type beside the sentence shrinks to 70 % before the sentence itself shrinks at all. */
export const ASIDE_MIN = 0.7;
/** The smallest the whole panel's type is set at: below this it may scroll. */
export const ALL_MIN = 0.4;
/** Bisection steps: 1 / 2⁷ of the range, finer than a pixel of type. */
const STEPS = 7;

/** The largest factor in [lo, 1] that passes `test`, assuming `lo` passes and smaller ones do too. */
function largest(test: (f: number) => boolean, lo: number): number {
  let hi = 1;
  for (let i = 0; i < STEPS; i++) {
    const mid = (lo + hi) / 2;
    if (test(mid)) lo = mid;
    else hi = mid;
  }
  return lo;
}

/**
 * The largest fit that `fits` accepts: full size if that fits, else the aside shrunk as little as
 * needed, else the aside at its minimum and everything shrunk as little as needed (at worst the
 * minimum of both).
 */
export function bestFit(fits: (fit: Fit) => boolean): Fit {
  if (fits({ aside: 1, all: 1 })) return { aside: 1, all: 1 };
  if (fits({ aside: ASIDE_MIN, all: 1 }))
    return { aside: largest((f) => fits({ aside: f, all: 1 }), ASIDE_MIN), all: 1 };
  return { aside: ASIDE_MIN, all: largest((f) => fits({ aside: ASIDE_MIN, all: f }), ALL_MIN) };
}

/** What `fitPanel` needs of the panel: its style, and whether its content overflows. */
export type Panel = Pick<HTMLElement, 'scrollHeight' | 'clientHeight'> & {
  style: Pick<CSSStyleDeclaration, 'setProperty'>;
};

function setFit(el: Panel, fit: Fit) {
  el.style.setProperty('--fit-aside', String(fit.aside));
  el.style.setProperty('--fit', String(fit.all));
}

/** Sets the panel's type to the largest fit that leaves nothing to scroll. */
export function fitPanel(el: Panel): Fit {
  const fit = bestFit((f) => {
    setFit(el, f);
    return el.scrollHeight <= el.clientHeight;
  });
  setFit(el, fit);
  return fit;
}
