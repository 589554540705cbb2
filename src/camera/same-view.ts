/**
 * When two views are the same camera: what the map stage asks to be drawn and what a renderer
 * shows, compared with one tolerance everywhere (a float's round trip through MapLibre moves a
 * view by less).
 */

/** Zoom levels closer than this are the same. */
const ZOOM_TOLERANCE = 1e-6;
/** Centres closer than this, in degrees (about a centimetre), are the same. */
const CENTER_TOLERANCE = 1e-7;

/** A camera: where it looks, and how close (the shape of `View`). */
interface Camera {
  center: readonly [number, number];
  zoom: number;
}

/** The two views show the same map. */
export function sameView(a: Camera, b: Camera): boolean {
  return (
    Math.abs(a.zoom - b.zoom) < ZOOM_TOLERANCE &&
    Math.abs(a.center[0] - b.center[0]) < CENTER_TOLERANCE &&
    Math.abs(a.center[1] - b.center[1]) < CENTER_TOLERANCE
  );
}
