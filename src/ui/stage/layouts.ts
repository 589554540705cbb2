/**
 * When the map stage computes the next layout (`layout/index.ts`), and when it draws it. A
 * layout is computed for the view the camera last came to rest at: where it was sent (the
 * selection framed) once it has arrived, or where the reader left MapLibre. Every renderer draws
 * that one layout, moved with the camera, so arrows, heads and names stay together in flight; the
 * next is computed once the camera is at rest, never in the task that handles a click.
 */
import { sameView } from '../../camera/same-view';

interface Camera {
  center: readonly [number, number];
  zoom: number;
}

/** The layout's view once a frame is drawn: the target, if the camera has arrived there. */
export function viewOnArrival<V extends Camera>(layoutView: V, shown: Camera, target: V): V {
  return sameView(shown, target) && !sameView(target, layoutView) ? target : layoutView;
}

/** The layout's view once MapLibre comes to rest after the reader moved it: where it rests, if not the target. */
export function viewOnRest<V extends Camera>(layoutView: V, rested: V, target: Camera): V {
  return !sameView(rested, target) && !sameView(rested, layoutView) ? rested : layoutView;
}

/** Where layouts come from: at hand, or computed (by a worker) and ready later (`layout/page.ts`). */
export interface LayoutSource<At> {
  has(at: At): boolean;
  ready(at: At): Promise<unknown>;
}

/**
 * Asks for the layout `at`: drawn at once if at hand, else marked pending and drawn once computed,
 * unless a later request came first. Returns the cancel, for the request that supersedes it.
 */
export function requestLayout<At>(
  layouts: LayoutSource<At>,
  at: At,
  show: { draw: (at: At) => void; pending: () => void },
): () => void {
  if (layouts.has(at)) {
    show.draw(at);
    return () => {};
  }
  let current = true;
  show.pending();
  void layouts.ready(at).then(() => {
    if (current) show.draw(at);
  });
  return () => (current = false);
}
