/**
 * One symbology, every renderer: the same claim, selected, drawn by MapLibre's style (its paint
 * evaluated by MapLibre's own expression engine), by the SVG map and its symbol layer (rendered
 * with svelte/server), by a poster and by the key, has the same colours, widths, opacities and
 * dashes: the ones `symbology/claims.ts` gives. Reported claims are drawn solid, predicted ones
 * hollow, alike on every renderer.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { render } from 'svelte/server';
import { parseFragment, type DefaultTreeAdapterMap } from 'parse5';
import { expression, featureFilter, latest } from '@maplibre/maplibre-gl-style-spec';
import { loadStory, readStoryFiles } from '../../src/build/plugin';
import { prepareStory } from '../../src/prepare/prepare';
import { sceneSource } from '../../src/static/scene';
import { posterSvg } from '../../src/static/poster';
import StaticMap from '../../src/static/StaticMap.svelte';
import MapSymbols from '../../src/static/MapSymbols.svelte';
import KindSwatch from '../../src/ui/KindSwatch.svelte';
import SwatchSymbols, { swatchSymbolId } from '../../src/ui/SwatchSymbols.svelte';
import { buildStyle, flowLayers } from '../../src/map/style';
import { applySelection, type FeatureStateTarget } from '../../src/map/selection';
import {
  claimPaint,
  emphasisOf,
  EMPHASES,
  isHollow,
  PART_LOOKS,
  symbolPaint,
  type ClaimPart,
  type Drawing,
  type Emphasis,
  type Paint,
  type SymbolPaint,
} from '../../src/symbology/claims';
import { paletteCss, paletteVariables } from '../../src/symbology/css';
import { PALETTES, THEMES, type Theme } from '../../src/symbology/palette';
import { borderWidth } from '../../src/symbology/basemap';
import type { ClaimShape, Modality, ResolvedClaim, Story } from '../../src/story/types';
import { storyUnderTest } from '../support';

/** The story under test: a fixture, or the folder `TEST_STORY` names (`tests/support.ts`). */
const STORY = storyUnderTest();
const story = loadStory(STORY, { write: false });

/** The same story with the first claim of each shape predicted: each is drawn hollow. */
function predictedStory(): Story {
  const files = readStoryFiles(STORY);
  const data = JSON.parse(files['claims.json']) as { claims: { shape: ClaimShape; modality?: Modality }[] };
  for (const shape of ['arrows', 'point', 'area', 'border'] as const) {
    const claim = data.claims.find((c) => c.shape === shape);
    if (claim) claim.modality = 'predicted';
  }
  return prepareStory({ ...files, 'claims.json': JSON.stringify(data) });
}

const STORIES: [name: string, story: Story][] = [
  ['reported', story],
  ['predicted', predictedStory()],
];
const size = { width: 720, height: 540 };
// Centred on the overview, so every claim is drawn (a claim's symbols are laid out only in view).
const [west, south, east, north] = story.meta.region.overview;
const view = { center: [(west + east) / 2, (south + north) / 2] as [number, number], zoom: 3.6 };

type Element = DefaultTreeAdapterMap['element'];

/** How many times its own units an element is shown, by the `matrix(k 0 0 k x y)` transforms around it. */
const shownScale = new WeakMap<Element, number>();

function elements(html: string): Element[] {
  const out: Element[] = [];
  const walk = (node: DefaultTreeAdapterMap['parentNode'] | DefaultTreeAdapterMap['childNode'], scale: number) => {
    if ('tagName' in node) {
      const matrix = attr(node, 'transform')?.match(/^matrix\(([\d.e-]+) /);
      scale *= matrix ? Number(matrix[1]) : 1;
      shownScale.set(node, scale);
      out.push(node);
    }
    if ('childNodes' in node) node.childNodes.forEach((child) => walk(child, scale));
    if ('content' in node) walk(node.content as DefaultTreeAdapterMap['parentNode'], scale);
  };
  walk(parseFragment(html), 1);
  return out;
}

const attr = (el: Element, name: string) => el.attrs.find((a) => a.name === name)?.value;

/** A stroke's width or dash on screen: its own, times the scale it is shown at (to a hundredth). */
const onScreen = (el: Element, value: number) => Math.round(value * (shownScale.get(el) ?? 1) * 100) / 100;

/** A drawn part's paint, read back from its SVG attributes. */
function svgPaint(el: Element, fill = false): Paint {
  const dash = fill ? undefined : attr(el, 'stroke-dasharray');
  return {
    color: (fill ? attr(el, 'fill') : attr(el, 'stroke'))!,
    width: fill ? 0 : onScreen(el, Number(attr(el, 'stroke-width'))),
    opacity: Number(attr(el, fill ? 'fill-opacity' : 'stroke-opacity') ?? attr(el, 'opacity')),
    dash: dash ? dash.split(/[ ,]+/).map((d) => onScreen(el, Number(d))) : [],
  };
}

/** An arrowhead's or marker's paint, read back from its SVG attributes. */
function svgSymbol(el: Element): SymbolPaint {
  const dash = attr(el, 'stroke-dasharray');
  return {
    fill: attr(el, 'fill')!,
    stroke: attr(el, 'stroke')!,
    width: Number(attr(el, 'stroke-width')),
    opacity: Number(attr(el, 'opacity')),
    dash: dash ? dash.split(/[ ,]+/).map(Number) : [],
  };
}

/** What MapLibre paints a feature drawn as `drawing` with, in a state: its layer's paint evaluated. */
function maplibrePaint(layerId: string, drawing: Drawing, emphasis: Emphasis, theme: Theme, fill = false): Paint {
  const layer = flowLayers(theme).find((l) => l.id === layerId)!;
  const evaluate = (property: string): unknown => {
    const value = (layer.paint as Record<string, unknown>)[property];
    if (value === undefined) return undefined;
    const reference = (latest as unknown as Record<string, Record<string, unknown>>)[`paint_${layer.type}`]![property];
    const parsed = expression.createPropertyExpression(value, property, reference as never);
    if (parsed.result !== 'success') throw new Error(parsed.value.map((e) => e.message).join('; '));
    const feature = { type: 'LineString', properties: { look: drawing.look, modality: drawing.modality } } as never;
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

/** Whether a feature of `drawing` passes a MapLibre layer's filter (its role is the layer's). */
function inLayer(layerId: string, drawing: Drawing, role: string): boolean {
  const layer = flowLayers('light').find((l) => l.id === layerId)!;
  const feature = { type: 2, properties: { role, look: drawing.look, modality: drawing.modality } } as never;
  return featureFilter(layer.filter, `layers.${layerId}.filter`).filter({ zoom: 5 } as never, feature);
}

const ROLE: Record<ClaimShape, string> = { arrows: 'arc', area: 'area', border: 'border', point: 'point' };

/** Every part of a claim of each shape, how MapLibre draws it, and how the SVG map marks it. */
const CASES: [shape: ClaimShape, part: ClaimPart, layer: string | null, svgClass: string, fill: boolean][] = [
  ['arrows', 'arc', 'flow-lines', 'line', false],
  ['arrows', 'casing', 'flow-casing', 'casing', false],
  ['arrows', 'arcCore', 'flow-arc-core', 'arc-core', false],
  ['arrows', 'head', null, 'head', false],
  ['area', 'areaFill', 'flow-area-fill', 'area', true],
  ['area', 'areaLine', 'flow-area-line', 'area', false],
  ['border', 'border', 'flow-border', 'claim-border', false],
  ['border', 'borderCore', 'flow-border-core', 'border-core', false],
  ['point', 'marker', null, 'marker', true],
];

const CORES: ClaimPart[] = ['arcCore', 'borderCore'];

describe.each(STORIES)('one symbology, every renderer: a %s claim', (modality, story) => {
  const source = sceneSource(story);
  const claimOf = (shape: ClaimShape): ResolvedClaim =>
    story.claims.find((c) => c.shape === shape && c.modality === (modality === 'reported' ? 'reported' : 'predicted'))!;

  /** The shapes the story under test draws (a story need not use all four). */
  const shapes = (['arrows', 'point', 'area', 'border'] as const).filter((shape) =>
    story.claims.some((c) => c.shape === shape),
  );

  it('is drawn solid when reported and hollow when predicted', () => {
    expect(shapes.length).toBeGreaterThan(1);
    for (const shape of shapes) {
      expect(claimOf(shape).modality, shape).toBe(modality);
      // MapLibre's flows carry what it needs to tell them apart.
      const feature = story.flows.features.find((f) => f.properties.claimId === claimOf(shape).id)!;
      expect([feature.properties.look, feature.properties.modality]).toEqual([claimOf(shape).look, modality]);
    }
  });

  for (const theme of ['light', 'dark'] as const) {
    for (const [shape, part, layer, svgClass, fill] of CASES) {
      if (!shapes.includes(shape)) continue;
      if (modality === 'reported' && CORES.includes(part)) {
        it(`draws no ${part} for a reported ${shape} claim`, () => {
          const claim = claimOf(shape);
          const props = { source, view, size, selected: [], theme, title: 't', description: 'd' };
          const svg = elements(render(StaticMap, { props }).body);
          expect(svg.filter((el) => attr(el, 'class')?.split(' ').includes(svgClass))).toEqual([]);
          expect(posterSvg(story, source, { claims: [claim], width: 1200, height: 630, view, theme })).not.toContain(
            svgClass,
          );
          expect(inLayer(layer!, claim, ROLE[shape])).toBe(false);
        });
        continue;
      }
      it(`draws a ${shape} claim's ${part} alike when it is selected and when another is (${theme})`, () => {
        const claim = claimOf(shape);
        const other = story.claims.find((c) => c.id !== claim.id)!;
        for (const [selected, emphasis] of [
          [[claim.id], 'selected'],
          [[other.id], 'other'],
          [[], 'none'],
        ] as const) {
          const expected = claimPaint(claim, part, emphasis, theme);
          const symbol = part === 'head' || part === 'marker' ? symbolPaint(claim, part, emphasis, theme) : null;
          // The SVG map and its symbol layer, as the page renders them.
          const props = { source, view, size, selected: [...selected], theme, title: 't', description: 'd' };
          const svg = elements(render(StaticMap, { props }).body + render(MapSymbols, { props }).body);
          const mine = svg.filter(
            (el) => attr(el, 'class')?.split(' ').includes(svgClass) && claimOfElement(el) === claim.id,
          );
          expect(mine.length, `${svgClass} of ${claim.id} in the SVG map`).toBeGreaterThan(0);
          for (const el of mine) {
            const got = svgPaint(el, fill);
            // A head or marker: filled and haloed when reported, outlined around the ground when hollow.
            if (symbol) expect(svgSymbol(el), `SVG ${part} ${emphasis}`).toEqual(symbol);
            else expect(got, `SVG ${part} ${emphasis}`).toEqual(expected);
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
            (el) =>
              attr(el, 'class')?.split(' ').includes(svgClass) &&
              (part === 'casing' || attr(el, 'data-claim') === claim.id),
          );
          expect(poster.length, `${svgClass} of ${claim.id} on the poster`).toBeGreaterThan(0);
          if (symbol) {
            for (const el of poster) expect(svgSymbol(el), `poster ${part} ${emphasis}`).toEqual(symbol);
          } else if (part !== 'casing') {
            for (const el of poster) expect(svgPaint(el, fill), `poster ${part} ${emphasis}`).toEqual(expected);
          }
          // MapLibre, for the parts it draws: the layer takes the feature, and paints it alike.
          if (layer) {
            expect(inLayer(layer, claim, ROLE[shape]), `MapLibre ${layer} filter`).toBe(true);
            expect(maplibrePaint(layer, claim, emphasis, theme, fill), `MapLibre ${layer}`).toEqual(expected);
          }
        }
      });
    }
  }

  /** The key's tests draw a line, a border and a marker: they need a story with all three. */
  const keyShapes = (['arrows', 'border', 'point'] as const).every((shape) => shapes.includes(shape));

  it.skipIf(!keyShapes)('draws the key with the look the map has with nothing selected', () => {
    for (const shape of ['arrows', 'border'] as const) {
      const claim = claimOf(shape);
      const props = { look: claim.look, shape, modality: claim.modality };
      const swatch = elements(render(KindSwatch, { props }).body);
      const line = claimPaint(claim, shape === 'arrows' ? 'arc' : 'border', 'none');
      const drawn = swatch.filter((el) => attr(el, 'stroke') === line.color && attr(el, 'fill') === 'none');
      expect(drawn.length).toBeGreaterThan(0);
      expect(Number(attr(drawn[0]!, 'stroke-width'))).toBe(line.width);
      expect(attr(drawn[0]!, 'stroke-dasharray') ?? '').toBe(line.dash.join(' '));
      // A hollow line's core, in the key as on the map.
      const core = claimPaint(claim, shape === 'arrows' ? 'arcCore' : 'borderCore', 'none');
      const cores = swatch.filter((el) => attr(el, 'class') === 'core');
      expect(cores.length).toBe(isHollow(claim.modality) ? 1 : 0);
      if (cores[0]) expect(svgPaint(cores[0]).width).toBe(core.width);
    }
    const point = claimOf('point');
    const marker = elements(
      render(KindSwatch, { props: { look: point.look, shape: 'point', modality: point.modality } }).body,
    ).find((el) => attr(el, 'class') === 'marker')!;
    const { fill, stroke, width } = symbolPaint(point, 'marker', 'none');
    expect(svgSymbol(marker)).toMatchObject({ fill, stroke, width });
  });

  it.skipIf(!keyShapes)('draws a long list’s swatches once each, as the swatch drawn in place draws them', () => {
    const swatches = (['arrows', 'border', 'point', 'arrows'] as const).map((shape) => {
      const c = claimOf(shape);
      return { look: c.look, shape, modality: c.modality };
    });
    const html = render(SwatchSymbols, { props: { swatches, prefix: 'list' } }).body;
    const symbols = elements(html).filter((el) => el.nodeName === 'symbol');
    expect(symbols.length).toBe(3);
    const drawingOf = (markup: string) =>
      markup.replace(/<!--[^>]*-->/g, '').replace(/^.*?<svg[^>]*>|<\/svg>.*$/gs, '');
    for (const s of swatches) {
      const id = swatchSymbolId('list', s);
      const symbol = html.match(new RegExp(`<symbol id="${id}"[^>]*>(.*?)</symbol>`, 's'))?.[1];
      expect(symbol, id).toBeDefined();
      const inPlace = drawingOf(render(KindSwatch, { props: s }).body);
      expect(inPlace).toMatch(/<(path|rect)/);
      expect(drawingOf(`<svg>${symbol!}</svg>`)).toBe(inPlace);
      const reused = render(KindSwatch, { props: { ...s, symbol: id } }).body;
      expect(reused).toContain(`<use href="#${id}">`);
    }
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
      const borders = elements(poster).filter((el) => attr(el, 'stroke') === map.border);
      expect(borders).toHaveLength(1);
      expect(onScreen(borders[0]!, Number(attr(borders[0]!, 'stroke-width')))).toBe(borderWidth(view.zoom));
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
    // On screen only: paper takes the light palette, whatever the reader's scheme.
    expect(css).toMatch(/@media screen and \(prefers-color-scheme: dark\) \{\n:root \{[^}]*--bg: #16181b;/);
  });
});
