/**
 * Highlighting the selected claims: the chosen ones at full strength and a little wider, the
 * others dimmed, nothing selected means all shown evenly. Only paint properties change
 * (`map.setPaintProperty`), so selection never rebuilds a source or a layer.
 */
import type { ExpressionSpecification } from 'maplibre-gl';

type Value = number | ExpressionSpecification;

/** Layer id, paint property, and its value with nothing selected / for selected / for the rest. */
const RULES: [layer: string, property: string, none: number, selected: number, other: number][] = [
  ['flow-area-fill', 'fill-opacity', 0.14, 0.26, 0.05],
  ['flow-area-line', 'line-opacity', 1, 1, 0.2],
  ['flow-border', 'line-opacity', 1, 1, 0.2],
  ['flow-casing', 'line-opacity', 0.75, 0.95, 0.1],
  ['flow-lines', 'line-opacity', 1, 1, 0.18],
  ['flow-lines', 'line-width', 2.5, 4, 2],
  ['flow-casing', 'line-width', 5, 8, 4],
];

/** Paint values for a selection, as `[layer, property, value]` triples. */
export function selectionPaint(ids: readonly string[]): [string, string, Value][] {
  return RULES.map(([layer, property, none, selected, other]) => {
    if (ids.length === 0) return [layer, property, none];
    const isSelected: ExpressionSpecification = ['in', ['get', 'claimId'], ['literal', [...ids]]];
    return [layer, property, ['case', isSelected, selected, other]];
  });
}

export interface PaintTarget {
  setPaintProperty(layer: string, property: string, value: unknown): unknown;
}

export function applySelection(map: PaintTarget, ids: readonly string[]): void {
  for (const [layer, property, value] of selectionPaint(ids)) map.setPaintProperty(layer, property, value);
}
