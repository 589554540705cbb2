/**
 * The base map's towns (step 6, after every claim's name and the neighbours'): capitals, then the
 * largest cities (`LayoutSource.towns`, cut by the build), each a hollow dot with its name beside
 * it, named only where room is left, kept further from arrows and names than any claim's name is,
 * and spaced apart, so that a reader finds the way without the towns competing with the claims:
 * they are placed last, so they are dropped first and never move a claim's name.
 */
import { CONTEXT_DOT } from '../symbology/tiers.ts';
import { centred, grow, pointIn, type P, type Rect } from './plane.ts';
import type { Arrow } from './parts.ts';
import type { Sheet } from './sheet.ts';
import type { LayoutSource } from './source.ts';
import { nameSize } from './text.ts';
import type { LaidName } from './types.ts';

/** Room a town and its name keep from arrows and all else placed, in pixels at scale 1. */
const CLEARANCE = 4;

/** Towns' dots are at least this far apart, in pixels at scale 1: a base map, not a gazetteer. */
const SPACING = 70;

/** At most one town per this many square pixels of map, at scale 1. */
const AREA_PER_TOWN = 40_000;

/** Whether any arrow passes through a box. */
const arrowHitsBox = (arrows: Arrow[], r: Rect) => arrows.some((a) => a.line.some((p) => pointIn(p, r)));

/** The base map's towns that fit, in their order, as names at hollow dots (`rank: 'base'`). */
export function placeTowns(source: LayoutSource, sheet: Sheet, arrows: Arrow[]): LaidName[] {
  const { scale } = sheet;
  const clear = CLEARANCE * scale;
  const most = Math.floor((sheet.size.width * sheet.size.height) / (AREA_PER_TOWN * scale * scale));
  const names: LaidName[] = [];
  const dots: P[] = [];
  for (const town of source.towns) {
    if (names.length >= most) break;
    const at = sheet.toPixel(town.at);
    if (!pointIn(at, sheet.map)) continue;
    if (dots.some((d) => Math.hypot(d[0] - at[0], d[1] - at[1]) < SPACING * scale)) continue;
    const r = (CONTEXT_DOT.radius + CONTEXT_DOT.stroke) * scale;
    const dot = centred(at, 2 * r, 2 * r);
    if (!sheet.free(grow(dot, clear)) || arrowHitsBox(arrows, grow(dot, clear))) continue;
    const [tw, th] = nameSize(town.name, 'place', scale, 'base');
    const positions = [
      { dx: 5, dy: 4, anchor: 'start' as const },
      { dx: -5, dy: 4, anchor: 'end' as const },
      { dx: 5, dy: -5, anchor: 'start' as const },
      { dx: -5, dy: -5, anchor: 'end' as const },
    ];
    for (const p of positions) {
      const [dx, dy] = [p.dx * scale, p.dy * scale];
      const x0 = p.anchor === 'start' ? at[0] + dx : at[0] + dx - tw;
      const rect: Rect = { x0, x1: x0 + tw, y0: at[1] + dy - th * 0.75, y1: at[1] + dy + th * 0.25 };
      const room = grow(rect, clear);
      if (!sheet.inMap(rect) || !sheet.free(room) || arrowHitsBox(arrows, room)) continue;
      sheet.taken.push({ rect: dot, owner: null }, { rect, owner: null });
      dots.push(at);
      names.push({
        text: town.name,
        style: 'place',
        at: sheet.toWorld(at),
        dx,
        dy,
        anchor: p.anchor,
        dot: true,
        rank: 'base',
      });
      break;
    }
  }
  return names;
}
