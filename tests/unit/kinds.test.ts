import { describe, expect, it } from 'vitest';
import {
  differenceCiede2000,
  filterDeficiencyDeuter,
  filterDeficiencyProt,
  filterDeficiencyTrit,
  parse,
  wcagContrast,
  type Color,
} from 'culori';
import { CLAIM_KINDS, type ClaimKind } from '../../src/story/kinds';
import { KIND_LOOKS, kindColor } from '../../src/symbology/claims';
import { PALETTES } from '../../src/symbology/palette';

const distance = differenceCiede2000();
type Simulation = (c: Color) => Color;
const VISION: Record<string, Simulation> = {
  typical: (c) => c,
  protanopia: filterDeficiencyProt(1) as Simulation,
  deuteranopia: filterDeficiencyDeuter(1) as Simulation,
  tritanopia: filterDeficiencyTrit(1) as Simulation,
};

/**
 * Kinds a reader sees side by side in the same form: lines (arrows and borders) and markers.
 * Within a group colours must stay well apart; across groups the form itself differs.
 */
const GROUPS = [
  ['armed-group', 'diplomatic', 'border-instability', 'humanitarian'],
  ['displacement', 'drugs', 'sanctuary'],
] as const;

function sameShape(a: ClaimKind, b: ClaimKind) {
  const [x, y] = [KIND_LOOKS[a], KIND_LOOKS[b]];
  return x.dash.join() === y.dash.join() && x.head === y.head && x.marker === y.marker;
}

describe('kind colours', () => {
  for (const theme of ['light', 'dark', 'projector'] as const) {
    for (const [vision, simulate] of Object.entries(VISION)) {
      it(`stay distinct for ${vision} vision on the ${theme} map`, () => {
        const color = (k: ClaimKind): Color => simulate(parse(kindColor(k, theme)) as Color);
        const close: string[] = [];
        for (const group of GROUPS) {
          group.forEach((a, i) =>
            group.slice(i + 1).forEach((b) => {
              // CIEDE2000 ΔE 10 is a difference seen at a glance.
              const d = distance(color(a), color(b));
              if (d < 10) close.push(`${a}/${b}: ΔE ${d.toFixed(1)}`);
            }),
          );
        }
        // No two kinds at all may look the same.
        CLAIM_KINDS.forEach((a, i) =>
          CLAIM_KINDS.slice(i + 1).forEach((b) => {
            const d = distance(color(a), color(b));
            if (d < 2) close.push(`${a}/${b}: ΔE ${d.toFixed(1)}`);
          }),
        );
        expect(close).toEqual([]);
      });
    }
  }

  it('never rely on colour alone: no two kinds share dash, arrowhead and marker', () => {
    const pairs: string[] = [];
    CLAIM_KINDS.forEach((a, i) => CLAIM_KINDS.forEach((b, j) => j > i && sameShape(a, b) && pairs.push(`${a}/${b}`)));
    expect(pairs).toEqual([]);
  });

  it('keep 3:1 against the land and the water they are drawn on (WCAG 1.4.11)', () => {
    const low: string[] = [];
    for (const theme of ['light', 'dark', 'projector'] as const) {
      const palette = PALETTES[theme].map;
      for (const kind of CLAIM_KINDS) {
        for (const ground of [palette.land, palette.water]) {
          const ratio = wcagContrast(kindColor(kind, theme), ground);
          if (ratio < 3) low.push(`${theme} ${kind} on ${ground}: ${ratio.toFixed(2)}`);
        }
      }
    }
    expect(low).toEqual([]);
  });
});
