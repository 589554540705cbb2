import { describe, expect, it } from 'vitest';
import { applySelection, type PaintTarget, selectionPaint } from '../../src/map/selection';

/** A map that only records the paint properties it is given. */
class FakeMap implements PaintTarget {
  calls: [string, string, unknown][] = [];
  paint = new Map<string, unknown>();
  setPaintProperty(layer: string, property: string, value: unknown): this {
    this.calls.push([layer, property, value]);
    this.paint.set(`${layer}/${property}`, value);
    return this;
  }
  get(layer: string, property: string): unknown {
    return this.paint.get(`${layer}/${property}`);
  }
}

/** Evaluates the `case` expression selectionPaint builds, for one feature's claim id. */
function evaluate(value: unknown, claimId: string): number {
  if (typeof value === 'number') return value;
  const [op, condition, selected, other] = value as [string, unknown[], number, number];
  expect(op).toBe('case');
  const [inOp, get, literal] = condition as [string, unknown[], [string, string[]]];
  expect(inOp).toBe('in');
  expect(get).toEqual(['get', 'claimId']);
  expect(literal[0]).toBe('literal');
  return literal[1].includes(claimId) ? selected : other;
}

const LAYERS = ['flow-area-fill', 'flow-area-line', 'flow-border', 'flow-casing', 'flow-lines'];

describe('selectionPaint', () => {
  it('shows every claim evenly with plain numbers when nothing is selected', () => {
    const paint = selectionPaint([]);
    expect(paint.length).toBeGreaterThan(0);
    for (const [, , value] of paint) expect(typeof value).toBe('number');
    expect(new Set(paint.map(([layer]) => layer))).toEqual(new Set(LAYERS));
  });

  it('sets the same layers and properties whatever is selected', () => {
    const keys = (ids: string[]): string[] => selectionPaint(ids).map(([l, p]) => `${l}/${p}`);
    expect(keys(['a'])).toEqual(keys([]));
    expect(keys(['a', 'b'])).toEqual(keys([]));
  });

  it('makes the selected claims stronger than the rest, and never hides the rest completely', () => {
    for (const [layer, property, value] of selectionPaint(['ttp-pakistan'])) {
      const selected = evaluate(value, 'ttp-pakistan');
      const other = evaluate(value, 'iran-border');
      expect(selected, `${layer} ${property}`).toBeGreaterThan(other);
      expect(other, `${layer} ${property}`).toBeGreaterThan(0);
    }
  });

  it('makes the selected claim at least as strong as with nothing selected, and the rest weaker', () => {
    const none = new Map(selectionPaint([]).map(([l, p, v]) => [`${l}/${p}`, v as number]));
    for (const [layer, property, value] of selectionPaint(['x'])) {
      const plain = none.get(`${layer}/${property}`)!;
      expect(evaluate(value, 'x')).toBeGreaterThanOrEqual(plain);
      expect(evaluate(value, 'y')).toBeLessThan(plain);
    }
  });

  it('widens the selected arrow', () => {
    const width = selectionPaint(['x']).find(([l, p]) => l === 'flow-lines' && p === 'line-width')!;
    const plainWidth = selectionPaint([]).find(([l, p]) => l === 'flow-lines' && p === 'line-width')!;
    expect(evaluate(width[2], 'x')).toBeGreaterThan(plainWidth[2] as number);
  });

  it('highlights each of several selected claims', () => {
    for (const [, , value] of selectionPaint(['a', 'b'])) {
      expect(evaluate(value, 'a')).toBe(evaluate(value, 'b'));
      expect(evaluate(value, 'a')).toBeGreaterThan(evaluate(value, 'c'));
    }
  });

  it('is not changed by later changes to the array it was given', () => {
    const ids = ['a'];
    const paint = selectionPaint(ids);
    ids.push('b');
    for (const [, , value] of paint) expect(evaluate(value, 'b')).toBeLessThan(evaluate(value, 'a'));
  });
});

describe('applySelection', () => {
  it('sets every paint property once on the map, and nothing else', () => {
    const map = new FakeMap();
    applySelection(map, ['ttp-pakistan']);
    expect(map.calls).toEqual(selectionPaint(['ttp-pakistan']));
    expect(new Set(map.calls.map(([l, p]) => `${l}/${p}`)).size).toBe(map.calls.length);
  });

  it('dims the other claims, then restores them when the selection is cleared', () => {
    const map = new FakeMap();
    applySelection(map, ['ttp-pakistan']);
    expect(evaluate(map.get('flow-lines', 'line-opacity'), 'iran-border')).toBeLessThan(0.5);
    expect(evaluate(map.get('flow-lines', 'line-opacity'), 'ttp-pakistan')).toBe(1);
    applySelection(map, []);
    expect(map.get('flow-lines', 'line-opacity')).toBe(1);
    expect(map.get('flow-area-fill', 'fill-opacity')).toBeCloseTo(0.14);
    for (const [layer, property] of selectionPaint([])) {
      expect(typeof map.get(layer, property), `${layer} ${property}`).toBe('number');
    }
  });
});
