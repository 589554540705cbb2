/**
 * Highlighting the selected claims in MapLibre: the chosen ones at full strength and a little
 * wider, the others dimmed; nothing selected shows all evenly. The values are the symbology's
 * (`symbology/claims.ts`), the same the SVG map and the posters draw with.
 *
 * The flow layers' paint reads each claim's feature state (`emphasis`), set once per claim with
 * `map.setFeatureState`. A feature-state change only rewrites the paint values already on the
 * GPU; changing a data-driven paint property instead would make MapLibre cut and lay out the
 * flows source again in its worker, and the highlight would show frames later.
 */
import type { ExpressionSpecification } from 'maplibre-gl';
import { emphasisOf, type ByEmphasis, type Emphasis } from '../symbology/claims.ts';

export type { Emphasis };

/** A value that follows the feature's `emphasis` state; an unset state counts as `none`. */
export function byEmphasis(values: ByEmphasis): ExpressionSpecification | number {
  if (values.none === values.selected && values.none === values.other) return values.none;
  const state = ['feature-state', 'emphasis'] satisfies ExpressionSpecification;
  return ['case', ['==', state, 'selected'], values.selected, ['==', state, 'other'], values.other, values.none];
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
  const emphasis = emphasisOf(selected);
  for (const id of claimIds) map.setFeatureState({ source, id }, { emphasis: emphasis(id) });
}
