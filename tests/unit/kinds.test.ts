import { describe, expect, it } from 'vitest';
import {
  differenceCiede2000,
  filterDeficiencyDeuter,
  filterDeficiencyProt,
  filterDeficiencyTrit,
  oklch,
  parse,
  wcagContrast,
  type Color,
} from 'culori';
import { readFileSync } from 'node:fs';
import { resolveKinds, type KindDeclaration } from '../../src/story/kinds';
import { KIND_LOOKS, kindColor, LOOK_NAMES, type LookName } from '../../src/symbology/claims';
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
 * Looks a reader sees side by side in the same form: lines (arrows and borders) and markers.
 * Within a group colours must stay well apart; across groups the form itself differs. The
 * resources look (the engine's "resources and water") is drawn both ways, so it is in both.
 */
const GROUPS: readonly (readonly LookName[])[] = [
  ['armed-group', 'diplomatic', 'border-instability', 'humanitarian', 'resources'],
  ['displacement', 'drugs', 'sanctuary', 'resources'],
];

function sameShape(a: LookName, b: LookName) {
  const [x, y] = [KIND_LOOKS[a], KIND_LOOKS[b]];
  return x.dash.join() === y.dash.join() && x.head === y.head && x.marker === y.marker;
}

describe('look colours', () => {
  it('cover every look: each is in a group checked for colour vision', () => {
    expect(new Set(GROUPS.flat())).toEqual(new Set(LOOK_NAMES.filter((l) => l !== 'governance')));
  });

  for (const theme of ['light', 'dark', 'projector'] as const) {
    for (const [vision, simulate] of Object.entries(VISION)) {
      it(`stay distinct for ${vision} vision on the ${theme} map`, () => {
        const color = (k: LookName): Color => simulate(parse(kindColor(k, theme)) as Color);
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
        // No two looks at all may look the same.
        LOOK_NAMES.forEach((a, i) =>
          LOOK_NAMES.slice(i + 1).forEach((b) => {
            const d = distance(color(a), color(b));
            if (d < 2) close.push(`${a}/${b}: ΔE ${d.toFixed(1)}`);
          }),
        );
        expect(close).toEqual([]);
      });
    }
  }

  for (const tone of ['light', 'dark'] as const) {
    it(`are at least 20 CIEDE2000 apart, any two, on the ${tone} map`, () => {
      const close: string[] = [];
      LOOK_NAMES.forEach((a, i) =>
        LOOK_NAMES.slice(i + 1).forEach((b) => {
          const d = distance(kindColor(a, tone), kindColor(b, tone));
          if (d < 20) close.push(`${a}/${b}: ΔE ${d.toFixed(1)}`);
        }),
      );
      expect(close).toEqual([]);
    });

    it(`are at least 12 CIEDE2000 apart for a deuteranope, any two, on the ${tone} map`, () => {
      // Stronger than "any two drawn with the same shape": a story may draw any two looks alike.
      const deuter = (k: LookName) => VISION.deuteranopia!(parse(kindColor(k, tone)) as Color);
      const close: string[] = [];
      LOOK_NAMES.forEach((a, i) =>
        LOOK_NAMES.slice(i + 1).forEach((b) => {
          const d = distance(deuter(a), deuter(b));
          if (d < 12) close.push(`${a}/${b}: ΔE ${d.toFixed(1)}`);
        }),
      );
      expect(close).toEqual([]);
    });

    it(`give diplomacy and displacement, the border band and drugs, hues of their own (${tone})`, () => {
      const hue = (k: LookName) => oklch(kindColor(k, tone))!.h ?? 0;
      const apart = (a: LookName, b: LookName) => {
        const d = Math.abs(hue(a) - hue(b)) % 360;
        return Math.min(d, 360 - d);
      };
      expect(apart('diplomatic', 'displacement')).toBeGreaterThan(45);
      expect(apart('border-instability', 'drugs')).toBeGreaterThan(35);
    });
  }

  it('tell apart, in each bundled story, the kinds it uses (20 CIEDE2000; 12 for a deuteranope)', () => {
    const close: string[] = [];
    for (const dir of ['data', 'tests/fixtures/story', 'tests/fixtures/news-story']) {
      const read = (name: string) => JSON.parse(readFileSync(`${dir}/${name}`, 'utf8')) as Record<string, unknown>;
      const used = (read('claims.json').claims as { kind: string }[]).map((c) => c.kind);
      const declared = (read('story.json').kinds ?? []) as KindDeclaration[];
      const vocabulary = (JSON.parse(readFileSync('data/kinds.json', 'utf8')) as { kinds: KindDeclaration[] }).kinds;
      const { kinds } = resolveKinds(used, declared, vocabulary);
      const looks = [...new Set(kinds.map((k) => k.look))];
      looks.forEach((a, i) =>
        looks.slice(i + 1).forEach((b) => {
          const [x, y] = [kindColor(a), kindColor(b)];
          const d = distance(x, y);
          const dd = distance(VISION.deuteranopia!(parse(x) as Color), VISION.deuteranopia!(parse(y) as Color));
          if (d < 20 || dd < 12) close.push(`${dir} ${a}/${b}: ΔE ${d.toFixed(1)}, deuteranope ${dd.toFixed(1)}`);
        }),
      );
    }
    expect(close).toEqual([]);
  });

  it('never rely on colour alone: no two looks share dash, arrowhead and marker', () => {
    const pairs: string[] = [];
    LOOK_NAMES.forEach((a, i) => LOOK_NAMES.forEach((b, j) => j > i && sameShape(a, b) && pairs.push(`${a}/${b}`)));
    expect(pairs).toEqual([]);
  });

  it('keep 3:1 against the land and the water they are drawn on (WCAG 1.4.11)', () => {
    const low: string[] = [];
    for (const theme of ['light', 'dark', 'projector'] as const) {
      const palette = PALETTES[theme].map;
      for (const kind of LOOK_NAMES) {
        for (const ground of [palette.land, palette.water, palette.halo]) {
          const ratio = wcagContrast(kindColor(kind, theme), ground);
          if (ratio < 3) low.push(`${theme} ${kind} on ${ground}: ${ratio.toFixed(2)}`);
        }
      }
    }
    expect(low).toEqual([]);
  });
});
