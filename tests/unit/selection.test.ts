import { describe, expect, it } from 'vitest';
import { expression, latest } from '@maplibre/maplibre-gl-style-spec';
import {
  applySelection,
  type Emphasis,
  emphasisPaint,
  emphasisStates,
  emphasisValues,
  type FeatureStateTarget,
} from '../../src/map/selection';
import { flowLayers } from '../../src/map/style';

/** Evaluates a layer's paint property the way MapLibre does, for a feature in a given state. */
function paintFor(layer: string, property: string, emphasis: Emphasis | undefined): number {
  const spec = flowLayers().find((l) => l.id === layer)!;
  const value = (spec.paint as Record<string, unknown>)[property];
  const reference = (latest as unknown as Record<string, Record<string, unknown>>)[`paint_${spec.type}`]![property];
  const parsed = expression.createPropertyExpression(value, property, reference as never);
  if (parsed.result !== 'success') throw new Error(parsed.value.map((e) => e.message).join('; '));
  const state = emphasis ? { emphasis } : {};
  const feature = { type: 'LineString', properties: { claimId: 'a' } } as never;
  return parsed.value.evaluate({ zoom: 5 }, feature, state) as number;
}

/** Every paint property the selection drives, on the layers the map really has. */
const DRIVEN = flowLayers().flatMap((layer) =>
  Object.keys(emphasisPaint(layer.id)).map((property) => [layer.id, property] as const),
);

describe('emphasis paint', () => {
  it('drives the opacity of every claim layer that draws, and the width of arrows', () => {
    const keys = DRIVEN.map(([l, p]) => `${l}/${p}`);
    for (const layer of ['flow-area-fill', 'flow-area-line', 'flow-border', 'flow-casing', 'flow-lines'])
      expect(
        keys.some((k) => k.startsWith(`${layer}/`) && k.endsWith('opacity')),
        layer,
      ).toBe(true);
    expect(keys).toContain('flow-lines/line-width');
  });

  it('is what the built layers carry, read from feature state only', () => {
    for (const [layer, property] of DRIVEN) {
      const spec = flowLayers().find((l) => l.id === layer)!;
      const value = (spec.paint as Record<string, unknown>)[property];
      expect(value).toEqual(emphasisPaint(layer)[property]);
      // Feature state, not feature properties: changing it never re-lays out the source.
      expect(JSON.stringify(value)).toContain('feature-state');
      expect(JSON.stringify(value)).not.toContain('"get"');
    }
  });

  it('evaluates in MapLibre to the values for each state, an unset state counting as none', () => {
    for (const [layer, property] of DRIVEN) {
      const values = emphasisValues(layer, property)!;
      expect(paintFor(layer, property, 'selected')).toBe(values.selected);
      expect(paintFor(layer, property, 'other')).toBe(values.other);
      expect(paintFor(layer, property, 'none')).toBe(values.none);
      expect(paintFor(layer, property, undefined)).toBe(values.none);
    }
  });

  it('makes the selected claim at least as strong as with nothing selected, and the rest weaker but visible', () => {
    for (const [layer, property] of DRIVEN) {
      const { none, selected, other } = emphasisValues(layer, property)!;
      expect(selected, `${layer} ${property}`).toBeGreaterThanOrEqual(none);
      expect(other, `${layer} ${property}`).toBeLessThan(none);
      expect(other, `${layer} ${property}`).toBeGreaterThan(0);
    }
    expect(emphasisValues('flow-lines', 'line-width')!.selected).toBeGreaterThan(
      emphasisValues('flow-lines', 'line-width')!.none,
    );
  });
});

describe('emphasisStates', () => {
  const ids = ['a', 'b', 'c'];

  it('shows every claim evenly when nothing is selected', () => {
    expect([...emphasisStates(ids, []).values()]).toEqual(['none', 'none', 'none']);
  });

  it('highlights each selected claim and dims the rest', () => {
    expect(Object.fromEntries(emphasisStates(ids, ['a', 'c']))).toEqual({ a: 'selected', b: 'other', c: 'selected' });
  });

  it('dims everything for a selection that names no claim', () => {
    expect([...emphasisStates(ids, ['nothing-here']).values()]).toEqual(['other', 'other', 'other']);
  });
});

describe('applySelection', () => {
  /** A map that only records the feature states it is given. */
  class FakeMap implements FeatureStateTarget {
    states = new Map<string, Emphasis>();
    calls = 0;
    setFeatureState(feature: { source: string; id: string }, state: { emphasis: Emphasis }): void {
      expect(feature.source).toBe('flows');
      this.calls++;
      this.states.set(feature.id, state.emphasis);
    }
  }

  it('sets every claim once, then restores them all when the selection is cleared', () => {
    const map = new FakeMap();
    applySelection(map, 'flows', ['a', 'b'], ['b']);
    expect(map.calls).toBe(2);
    expect(Object.fromEntries(map.states)).toEqual({ a: 'other', b: 'selected' });
    applySelection(map, 'flows', ['a', 'b'], []);
    expect(Object.fromEntries(map.states)).toEqual({ a: 'none', b: 'none' });
  });
});
