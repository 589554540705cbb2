import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ALL_MIN, ASIDE_MIN, fitPanel, type Panel } from '../../src/ui/fit-panel';

/**
 * A stand-in for the classroom's panel: `room` pixels tall, holding a sentence (`sentence`
 * pixels at full size, scaled by `--fit`) and the words beside it (`aside` pixels, scaled by
 * `--fit` and `--fit-aside`), as the browser lays them out.
 */
function panel(room: number, sentence: number, aside: number) {
  const vars = new Map<string, number>();
  const content = () => (vars.get('--fit') ?? 1) * (sentence + aside * (vars.get('--fit-aside') ?? 1));
  const el: Panel & { vars: Map<string, number>; content: () => number } = {
    vars,
    content,
    style: { setProperty: (name: string, value: string | null) => void vars.set(name, Number(value)) },
    clientHeight: room,
    get scrollHeight() {
      return Math.max(room, Math.ceil(content()));
    },
  };
  return el;
}

describe('fitPanel', () => {
  it('leaves a step that fits at full size', () => {
    const el = panel(600, 200, 300);
    expect(fitPanel(el)).toEqual({ aside: 1, all: 1 });
    expect(el.vars.get('--fit')).toBe(1);
    expect(el.vars.get('--fit-aside')).toBe(1);
  });

  it('shrinks the words beside the sentence first, no more than needed, and the sentence not at all', () => {
    // Fits with the aside at 80 %: 200 + 0.8 × 300 = 440.
    const el = panel(440, 200, 300);
    const fit = fitPanel(el);
    expect(fit.all).toBe(1);
    expect(fit.aside).toBeLessThanOrEqual(0.8);
    expect(fit.aside).toBeGreaterThan(0.8 - 0.3 / 2 ** 6);
    expect(el.scrollHeight).toBeLessThanOrEqual(el.clientHeight);
  });

  it('then shrinks everything, with the aside at its least', () => {
    // At the aside's least, full size needs 200 + 0.7 × 300 = 410 px; 300 px of room takes 73 % of that.
    const el = panel(300, 200, 300);
    const fit = fitPanel(el);
    expect(fit.aside).toBe(ASIDE_MIN);
    expect(fit.all).toBeLessThan(300 / 410);
    expect(fit.all).toBeGreaterThan(300 / 410 - 0.6 / 2 ** 6);
    expect(el.scrollHeight).toBeLessThanOrEqual(el.clientHeight);
    expect(el.vars.get('--fit')).toBe(fit.all);
  });

  it('stops at the least size, where a step too long for any size is left to scroll', () => {
    expect(fitPanel(panel(50, 200, 300))).toEqual({ aside: ASIDE_MIN, all: ALL_MIN });
  });

  it('leaves nothing to scroll wherever the least size fits, at nearly the largest size that does', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 100, max: 1200 }),
        fc.integer({ min: 0, max: 800 }),
        fc.integer({ min: 0, max: 800 }),
        (room, sentence, aside) => {
          fc.pre(ALL_MIN * (sentence + ASIDE_MIN * aside) < room - 1);
          const el = panel(room, sentence, aside);
          const fit = fitPanel(el);
          expect(el.scrollHeight).toBeLessThanOrEqual(room);
          // A size larger by two bisection steps would overflow, unless it is full size already.
          const height = (f: { aside: number; all: number }) => f.all * (sentence + aside * f.aside);
          if (fit.all < 1)
            expect(height({ aside: ASIDE_MIN, all: fit.all + (1 - ALL_MIN) / 2 ** 6 })).toBeGreaterThan(room);
          else if (fit.aside < 1)
            expect(height({ aside: fit.aside + (1 - ASIDE_MIN) / 2 ** 6, all: 1 })).toBeGreaterThan(room);
        },
      ),
    );
  });
});
