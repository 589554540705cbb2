import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ALL_MIN, ASIDE_MIN, fitPanel, NOTE_MIN, type Panel } from '../../src/ui/fit-panel';

/**
 * A stand-in for the classroom's panel: `room` pixels tall, holding a sentence (`sentence`
 * pixels at full size, scaled by `--fit`) and the words beside it (`aside` pixels, scaled by
 * `--fit` and `--fit-aside`), as the browser lays them out.
 */
function panel(room: number, sentence: number, aside: number, note = 0) {
  const vars = new Map<string, number>();
  const content = () =>
    (vars.get('--fit') ?? 1) *
    (sentence + (aside + note * (vars.get('--fit-note') ?? 1)) * (vars.get('--fit-aside') ?? 1));
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
  it("sets the room's note smaller before any other words, as little as needed", () => {
    // 200 + 200 + 0.75 × 200 = 550: the note at 75 % lets the rest keep its size.
    const el = panel(550, 200, 200, 200);
    expect(fitPanel(el)).toEqual({ aside: 1, all: 1 });
    expect(el.vars.get('--fit-note')).toBeGreaterThan(0.74);
    expect(el.vars.get('--fit-note')).toBeLessThanOrEqual(0.76);
    expect(el.scrollHeight).toBeLessThanOrEqual(el.clientHeight);
  });

  it('shrinks the rest only once the note is at its least', () => {
    const el = panel(450, 200, 200, 200);
    const fit = fitPanel(el);
    expect(el.vars.get('--fit-note')).toBe(NOTE_MIN);
    expect(fit.aside).toBeLessThan(1);
    expect(el.scrollHeight).toBeLessThanOrEqual(el.clientHeight);
  });

  it('leaves a step that fits at full size', () => {
    const el = panel(600, 200, 300);
    expect(fitPanel(el)).toEqual({ aside: 1, all: 1 });
    expect(el.vars.get('--fit')).toBe(1);
    expect(el.vars.get('--fit-aside')).toBe(1);
  });

  it('shrinks the words beside the sentence first, no more than needed, and the sentence not at all', () => {
    // Fits with the aside at 95 %: 200 + 0.95 × 300 = 485.
    const el = panel(485, 200, 300);
    const fit = fitPanel(el);
    expect(fit.all).toBe(1);
    expect(fit.aside).toBeLessThanOrEqual(0.95);
    expect(fit.aside).toBeGreaterThan(0.95 - (1 - ASIDE_MIN) / 2 ** 6);
    expect(el.scrollHeight).toBeLessThanOrEqual(el.clientHeight);
  });

  it('then shrinks everything, with the aside at its least', () => {
    // At the aside's least, full size needs 200 + 0.9 × 300 = 470 px; 300 px of room takes 64 % of that.
    const el = panel(300, 200, 300);
    const fit = fitPanel(el);
    expect(fit.aside).toBe(ASIDE_MIN);
    expect(fit.all).toBeLessThan(300 / 470);
    expect(fit.all).toBeGreaterThan(300 / 470 - 0.6 / 2 ** 6);
    expect(el.scrollHeight).toBeLessThanOrEqual(el.clientHeight);
    expect(el.vars.get('--fit')).toBe(fit.all);
  });

  it('stops at the least size, where a step too long for any size is left to scroll', () => {
    expect(fitPanel(panel(50, 200, 300))).toEqual({ aside: ASIDE_MIN, all: ALL_MIN });
  });

  it('gives back a larger text size first, all of the type together, and never below the initial size', () => {
    // At 1.5 × the initial size the step needs 1.5 × 500 = 750 px; 600 px of room takes 80 % of it.
    const big = panel(600, 200 * 1.5, 300 * 1.5);
    const fit = fitPanel(big, 1.5);
    expect(fit.aside).toBe(1);
    expect(fit.all).toBeLessThanOrEqual(0.8);
    expect(fit.all).toBeGreaterThan(0.8 - 0.34 / 2 ** 6);
    // A step that does not fit at the initial size: A+ changes nothing, no line gets smaller.
    const at = (scale: number) => fitPanel(panel(440, 200 * scale, 300 * scale), scale);
    const initial = at(1);
    for (const scale of [1.1, 1.3, 1.6]) {
      const fit = at(scale);
      expect(fit.all * scale).toBeGreaterThanOrEqual(initial.all - 1e-9);
      expect(fit.all * scale * fit.aside).toBeGreaterThanOrEqual(initial.all * initial.aside - 1e-9);
    }
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
