/**
 * When MapLibre is worth loading at once. It is about 450 kB gzip (library and worker), and on a
 * phone it costs a second or more of a slow processor's time while the reader is starting to
 * read; what it adds over the SVG map is zooming and panning, which a map a few hundred pixels
 * wide above the article rarely needs. So on small screens, and when the reader asked to save
 * data, the SVG map (selection, highlighting and stepping all work on it) stays until the reader
 * asks to zoom.
 */

/** Up to this width in CSS pixels the map waits to be asked: phones held upright, narrow embeds. */
export const SMALL_SCREEN_MAX_WIDTH = 600;

export interface LoadEnvironment {
  /** The viewport's (or the embed's frame's) width in CSS pixels. */
  width: number;
  /** `navigator.connection.saveData`, where the browser tells it. */
  saveData?: boolean;
}

export function loadsAtOnce({ width, saveData = false }: LoadEnvironment): boolean {
  return !saveData && width > SMALL_SCREEN_MAX_WIDTH;
}

/** The environment as the browser reports it. */
export function browserLoadEnvironment(): LoadEnvironment {
  const connection = (navigator as Navigator & { connection?: { saveData?: boolean } }).connection;
  return { width: window.innerWidth, saveData: connection?.saveData === true };
}
