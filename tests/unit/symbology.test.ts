/**
 * One symbology, every renderer: the same claim, selected, drawn by MapLibre's style (its paint
 * evaluated by MapLibre's own expression engine), by the SVG map and its symbol layer (rendered
 * with svelte/server), by a poster and by the key, has the same colours, widths, opacities and
 * dashes: the ones `symbology/claims.ts` gives.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { render } from 'svelte/server';
import { parseFragment, type DefaultTreeAdapterMap } from 'parse5';
import { expression, latest } from '@maplibre/maplibre-gl-style-spec';
import { loadStory } from '../../src/build/plugin';
import { sceneSource } from '../../src/static/scene';
import { posterSvg } from '../../src/static/poster';
import StaticMap from '../../src/static/StaticMap.svelte';
import MapSymbols from '../../src/static/MapSymbols.svelte';
import KindSwatch from '../../src/ui/KindSwatch.svelte';
import { buildStyle, flowLayers } from '../../src/map/style';
import { applySelection, type FeatureStateTarget } from '../../src/map/selection';
import {
  claimPaint,
  emphasisOf,
  EMPHASES,
  PART_LOOKS,
  type ClaimPart,
  type Emphasis,
  type Paint,
} from '../../src/symbology/claims';
import { paletteCss, paletteVariables } from '../../src/symbology/css';
import { PALETTES, THEMES, type Theme } from '../../src/symbology/palette';
import { borderWidth } from '../../src/symbology/basemap';
import type { ClaimShape, ResolvedClaim } from '../../src/story/types';

const story = loadStory('data');
const source = sceneSource(story);
const size = { width: 720, height: 540 };
const view = { center: story.meta.region.overview.slice(0, 2) as [number, number], zoom: 3.6 };

type Element = DefaultTreeAdapterMap['element'];

function elements(html: string): Element[] {
  const out: Element[] = [];
  const walk = (node: DefaultTreeAdapterMap['parentNode'] | DefaultTreeAdapterMap['childNode']) => {
    if ('tagName' in node) out.push(node);
    if ('childNodes' in node) node.childNodes.forEach(walk);
    if ('content' in node) walk(node.content as DefaultTreeAdapterMap['parentNode']);
  };
  walk(parseFragment(html));
  return out;
}

const attr = (el: Element, name: string) => el.attrs.find((a) => a.name === name)?.value;

/** A drawn part's paint, read back from its SVG attributes. */
function svgPaint(el: Element, fill = false): Paint {
  const dash = fill ? undefined : attr(el, 'stroke-dasharray');
  return {
    color: (fill ? attr(el, 'fill') : attr(el, 'stroke'))!,
    width: fill ? 0 : Number(attr(el, 'stroke-width')),
    opacity: Number(attr(el, fill ? 'fill-opacity' : 'stroke-opacity') ?? attr(el, 'opacity')),
    dash: dash ? dash.split(/[ ,]+/).map(Number) : [],
  };
}

/** What MapLibre paints a feature of `kind` with, in a state: its layer's paint evaluated. */
function maplibrePaint(layerId: string, kind: string, emphasis: Emphasis, theme: Theme, fill = false): Paint {
  const layer = flowLayers(theme).find((l) => l.id === layerId)!;
  const evaluate = (property: string): unknown => {
    const value = (layer.paint as Record<string, unknown>)[property];
    if (value === undefined) return undefined;
    const reference = (latest as unknown as Record<string, Record<string, unknown>>)[`paint_${layer.type}`]![property];
    const parsed = expression.createPropertyExpression(value, property, reference as never);
    if (parsed.result !== 'success') throw new Error(parsed.value.map((e) => e.message).join('; '));
    const feature = { type: 'LineString', properties: { kind } } as never;
    return parsed.value.evaluate({ zoom: 5 }, feature, { emphasis });
  };
  const color = evaluate(fill ? 'fill-color' : 'line-color') as { toString(): string };
  const width = fill ? 0 : (evaluate('line-width') as number);
  const units = (evaluate('line-dasharray') as { from?: number[] } | number[] | undefined) ?? [];
  const dashUnits = Array.isArray(units) ? units : (units.from ?? []);
  return {
    color: hex(color.toString()),
    width,
    opacity: evaluate(fill ? 'fill-opacity' : 'line-opacity') as number,
    // MapLibre reads dashes in line widths; a solid line is a dash with no gap.
    dash: dashUnits[1] === 0 ? [] : dashUnits.map((d) => Math.round(d * width * 100) / 100),
  };
}

/** `rgba(192,57,43,1)` to `#c0392b`. */
function hex(rgba: string): string {
  const [r, g, b] = rgba.match(/[\d.]+/g)!.map(Number);
  return `#${[r, g, b]
    .map((v) =>
      Math.round(v! <= 1 && rgba.includes('.') ? v! * 255 : v!)
        .toString(16)
        .padStart(2, '0'),
    )
    .join('')}`;
}

/** The claim an SVG element draws: its own `data-claim`, or its group's (an arrow's parts). */
function claimOfElement(el: Element): string | undefined {
  const parent = el.parentNode as Element | null;
  return attr(el, 'data-claim') ?? (parent && 'attrs' in parent ? attr(parent, 'data-claim') : undefined);
}

const claimOf = (shape: ClaimShape): ResolvedClaim => story.claims.find((c) => c.shape === shape)!;

/** Every part of a claim of each shape, how MapLibre draws it, and how the SVG map marks it. */
const CASES: [shape: ClaimShape, part: ClaimPart, layer: string | null, svgClass: string, fill: boolean][] = [
  ['arrows', 'arc', 'flow-lines', 'line', false],
  ['arrows', 'casing', 'flow-casing', 'casing', false],
  ['arrows', 'head', null, 'head', false],
  ['area', 'areaFill', 'flow-area-fill', 'area', true],
  ['area', 'areaLine', 'flow-area-line', 'area', false],
  ['border', 'border', 'flow-border', 'claim-border', false],
  ['point', 'marker', null, 'marker', true],
];

describe('one symbology, every renderer', () => {
  for (const theme of ['light', 'dark'] as const) {
    for (const [shape, part, layer, svgClass, fill] of CASES) {
      it(`draws a ${shape} claim's ${part} alike when it is selected and when another is (${theme})`, () => {
        const claim = claimOf(shape);
        const other = story.claims.find((c) => c.id !== claim.id)!;
        for (const [selected, emphasis] of [
          [[claim.id], 'selected'],
          [[other.id], 'other'],
          [[], 'none'],
        ] as const) {
          const expected = claimPaint(claim.kind, part, emphasis, theme);
          // The SVG map and its symbol layer, as the page renders them.
          const props = { source, view, size, selected: [...selected], theme, title: 't', description: 'd' };
          const svg = elements(render(StaticMap, { props }).body + render(MapSymbols, { props }).body);
          const mine = svg.filter(
            (el) => attr(el, 'class')?.split(' ').includes(svgClass) && claimOfElement(el) === claim.id,
          );
          expect(mine.length, `${svgClass} of ${claim.id} in the SVG map`).toBeGreaterThan(0);
          for (const el of mine) {
            const got = svgPaint(el, fill);
            // A filled head or marker has its halo as stroke; its width is the symbology's all the same.
            if (part === 'head' || part === 'marker') {
              expect(Number(attr(el, 'opacity'))).toBe(expected.opacity);
              expect(Number(attr(el, 'stroke-width'))).toBe(expected.width);
              expect([attr(el, 'fill'), attr(el, 'stroke')]).toContain(expected.color);
            } else expect(got, `SVG ${part} ${emphasis}`).toEqual(expected);
          }
          // The poster of the same selection.
          const poster = elements(
            posterSvg(story, source, {
              claims: story.claims.filter((c) => selected.includes(c.id as never)),
              width: 1200,
              height: 630,
              view,
              theme,
            }),
          ).filter(
            (el) => attr(el, 'class') === svgClass && (part === 'casing' || attr(el, 'data-claim') === claim.id),
          );
          expect(poster.length, `${svgClass} of ${claim.id} on the poster`).toBeGreaterThan(0);
          if (part === 'head' || part === 'marker') {
            expect(Number(attr(poster[0]!, 'opacity'))).toBe(expected.opacity);
            expect(Number(attr(poster[0]!, 'stroke-width'))).toBe(expected.width);
          } else if (part !== 'casing') {
            for (const el of poster) expect(svgPaint(el, fill), `poster ${part} ${emphasis}`).toEqual(expected);
          }
          // MapLibre, for the parts it draws.
          if (layer)
            expect(maplibrePaint(layer, claim.kind, emphasis, theme, fill), `MapLibre ${layer}`).toEqual(expected);
        }
      });
    }
  }

  it('draws the key with the look the map has with nothing selected', () => {
    const claim = claimOf('arrows');
    const swatch = elements(render(KindSwatch, { props: { kind: claim.kind, shape: 'arrows' } }).body);
    const line = claimPaint(claim.kind, 'arc', 'none');
    const drawn = swatch.filter((el) => attr(el, 'stroke') === line.color);
    expect(drawn.length).toBeGreaterThan(0);
    expect(Number(attr(drawn[0]!, 'stroke-width'))).toBe(line.width);
    expect(attr(drawn[0]!, 'stroke-dasharray') ?? '').toBe(line.dash.join(' '));
  });

  it('draws the basemap with the palette’s colours and the symbology’s border width in MapLibre and in a poster', () => {
    for (const theme of THEMES) {
      const style = buildStyle(story, theme);
      const paint = (id: string) => style.layers.find((l) => l.id === id)!.paint as Record<string, unknown>;
      const { map } = PALETTES[theme];
      expect(paint('water')['background-color']).toBe(map.water);
      expect(paint('land')['fill-color']).toBe(map.land);
      expect(paint('borders')['line-color']).toBe(map.border);
      const poster = posterSvg(story, source, { claims: [], width: 1200, height: 630, view, theme });
      expect(poster).toContain(`fill="${map.water}"`);
      expect(poster).toContain(`stroke="${map.border}" stroke-width="${borderWidth(view.zoom)}"`);
    }
  });
});

describe('emphasis', () => {
  it('makes a selected claim at least as strong as with nothing selected, and the rest weaker but visible', () => {
    for (const [part, look] of Object.entries(PART_LOOKS)) {
      expect(look.opacity.selected, part).toBeGreaterThanOrEqual(look.opacity.none);
      expect(look.opacity.other, part).toBeLessThan(look.opacity.none);
      expect(look.opacity.other, part).toBeGreaterThan(0);
      expect(look.width.selected, part).toBeGreaterThanOrEqual(look.width.none);
    }
    expect(PART_LOOKS.arc.width.selected).toBeGreaterThan(PART_LOOKS.arc.width.none);
  });

  it('shows every claim evenly with nothing selected, highlights the chosen and dims the rest', () => {
    expect(['a', 'b'].map(emphasisOf([]))).toEqual(['none', 'none']);
    expect(['a', 'b', 'c'].map(emphasisOf(['a', 'c']))).toEqual(['selected', 'other', 'selected']);
    expect(['a', 'b'].map(emphasisOf(['nothing-here']))).toEqual(['other', 'other']);
  });

  it('sets every claim’s state on MapLibre’s source once, and restores them all when cleared', () => {
    const states = new Map<string, Emphasis>();
    let calls = 0;
    const map: FeatureStateTarget = {
      setFeatureState(feature, state) {
        expect(feature.source).toBe('flows');
        calls++;
        states.set(feature.id, state.emphasis);
      },
    };
    applySelection(map, 'flows', ['a', 'b'], ['b']);
    expect(calls).toBe(2);
    expect(Object.fromEntries(states)).toEqual({ a: 'other', b: 'selected' });
    applySelection(map, 'flows', ['a', 'b'], []);
    expect(Object.fromEntries(states)).toEqual({ a: 'none', b: 'none' });
    expect(EMPHASES).toContain('none');
  });
});

describe('generated CSS variables', () => {
  const css = paletteCss();

  it('define every colour variable the page’s styles use', () => {
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else if (/\.(svelte|css)$/.test(name)) files.push(path);
      }
    };
    walk('src');
    const undefinedVars: string[] = [];
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      for (const [, name] of text.matchAll(/var\((--[a-z0-9-]+)\)/g)) {
        // Variables with a fallback, or that a file sets for itself (`--scale`, `--kind`), are its own business.
        if (text.includes(`${name}:`) || text.includes(`style:${name}`)) continue;
        if (!css.includes(`${name}:`)) undefinedVars.push(`${file}: ${name}`);
      }
    }
    expect(undefinedVars).toEqual([]);
  });

  it('give each theme its palette, and the page the reader’s scheme', () => {
    for (const theme of THEMES) {
      const vars = paletteVariables(theme);
      expect(vars['--map-land']).toBe(PALETTES[theme].map.land);
      expect(vars['--bg']).toBe(PALETTES[theme].page.bg);
      expect(css).toContain(`[data-theme='${theme}'] {`);
    }
    expect(css).toMatch(/@media \(prefers-color-scheme: dark\) \{\n:root \{[^}]*--bg: #16181b;/);
  });
});
