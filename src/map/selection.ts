/**
 * Highlighting the selected claims: the chosen ones at full strength and a little wider, the
 * others dimmed; nothing selected shows all evenly.
 *
 * The flow layers' paint reads each claim's feature state (`emphasis`), set once per claim with
 * `map.setFeatureState`. A feature-state change only rewrites the paint values already on the
 * GPU; changing a data-driven paint property instead would make MapLibre cut and lay out the
 * flows source again in its worker, and the highlight would show frames later.
 */
import type { ExpressionSpecification } from 'maplibre-gl';

export type Emphasis = 'none' | 'selected' | 'other';

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

/** The value a layer's paint property takes for a feature in each state. */
export function emphasisValues(layer: string, property: string): Record<Emphasis, number> | undefined {
  const rule = RULES.find(([l, p]) => l === layer && p === property);
  return rule && { none: rule[2], selected: rule[3], other: rule[4] };
}

/** The paint properties the selection drives on one layer, as feature-state expressions. */
export function emphasisPaint(layer: string): Record<string, ExpressionSpecification> {
  const paint: Record<string, ExpressionSpecification> = {};
  for (const [l, property, none, selected, other] of RULES) {
    if (l !== layer) continue;
    const state = ['feature-state', 'emphasis'] satisfies ExpressionSpecification;
    paint[property] = ['case', ['==', state, 'selected'], selected, ['==', state, 'other'], other, none];
  }
  return paint;
}

/** Each claim's state for a selection: selected, dimmed (`other`), or `none` when nothing is. */
export function emphasisStates(claimIds: readonly string[], selected: readonly string[]): Map<string, Emphasis> {
  const chosen = new Set(selected);
  return new Map(
    claimIds.map((id) => [id, chosen.size === 0 ? 'none' : chosen.has(id) ? 'selected' : 'other'] as const),
  );
}

export interface FeatureStateTarget {
  setFeatureState(feature: { source: string; id: string }, state: { emphasis: Emphasis }): unknown;
}

/** Sets every claim's emphasis on the map's flows source. */
export function applySelection(
  map: FeatureStateTarget,
  source: string,
  claimIds: readonly string[],
  selected: readonly string[],
): void {
  for (const [id, emphasis] of emphasisStates(claimIds, selected)) map.setFeatureState({ source, id }, { emphasis });
}
