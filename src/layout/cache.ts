/**
 * The layouts kept per source (`LayoutSource.cache`), by view, size and scale: a camera flight
 * asks for the same few views again and again, and a layout computed elsewhere (the build's, or a
 * worker's) is kept as if computed here. The last `KEPT_LAYOUTS` used are kept.
 */
import { computeLayout } from './steps.ts';
import type { LayoutSource } from './source.ts';
import type { Layout } from './types.ts';
import type { Size, View } from './world.ts';

/** Layouts kept per source: a camera flight asks for the same few views again and again. */
const KEPT_LAYOUTS = 8;

const layoutKey = (view: View, size: Size, scale: number) =>
  `${view.center[0]},${view.center[1]},${view.zoom},${size.width},${size.height},${scale}`;

/** Keeps a layout computed elsewhere (the build's, or a worker's), as the last used. */
export function keepLayout(source: LayoutSource, layout: Layout): void {
  const key = layoutKey(layout.view, layout.size, layout.requested);
  source.cache.delete(key);
  source.cache.set(key, layout);
  if (source.cache.size > KEPT_LAYOUTS) source.cache.delete(source.cache.keys().next().value!);
}

/** Whether the layout for a view is at hand (`layoutFor` would not compute it). */
export function hasLayout(source: LayoutSource, view: View, size: Size, scale = 1): boolean {
  return source.cache.has(layoutKey(view, size, scale));
}

/** The layout for a view (cached). `scale` sets names larger (a projector). */
export function layoutFor(source: LayoutSource, view: View, size: Size, scale = 1): Layout {
  const layout = source.cache.get(layoutKey(view, size, scale)) ?? computeLayout(source, view, size, scale);
  keepLayout(source, layout);
  return layout;
}
