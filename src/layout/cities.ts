/**
 * The names written once the arrows are laid (steps 3 and 4 of `names.ts`), each clear of what is
 * placed and of the arrows: cities' names beside their dots and the claims' markers round them,
 * then other names where room is left (places the data asks to name, then countries by size).
 */
import { MARKER } from '../symbology/sizes.ts';
import { drawnAtDot } from '../symbology/places.ts';
import { add, angleDelta, angleOf, centred, dir, grow, mul, pointIn, type P, type Rect } from './plane.ts';
import { centredName } from './names.ts';
import type { Arrow, Node } from './parts.ts';
import type { Sheet } from './sheet.ts';
import { contextCountries, textOf, type LayoutSource } from './source.ts';
import { nameSize } from './text.ts';
import { claimFields, type LaidName, type LaidSymbol } from './types.ts';

/** Whether any arrow passes through a box. */
const arrowHitsBox = (arrows: Arrow[], r: Rect) => arrows.some((a) => a.line.some((p) => pointIn(p, r)));

/**
 * Cities: their names beside their dots, and markers round them (eight slots, then eight more
 * further out), clear of the directions their arrows leave in.
 */
export function placeCities(
  source: LayoutSource,
  sheet: Sheet,
  nodes: Map<string, Node>,
  arrows: Arrow[],
): { names: LaidName[]; symbols: LaidSymbol[] } {
  const names: LaidName[] = [];
  const symbols: LaidSymbol[] = [];
  for (const node of nodes.values()) {
    if (!node.centre || !drawnAtDot(node.place.kind)) continue;
    const name = placeCity(sheet, arrows, node.centre, textOf(node.place), node.id, 'story');
    if (name) names.push(name);
    const markers = source.symbols.filter((s) => !s.badge && s.place === node.id);
    const directions = node.ends.map((e) => angleOf(e.direction));
    let slot = 0;
    for (const m of markers) {
      for (; slot < 16; slot++) {
        const angle = -Math.PI / 2 + (slot * Math.PI) / 4 + (slot >= 8 ? Math.PI / 8 : 0);
        const ring = slot >= 8 ? MARKER.ring + 10 : MARKER.ring;
        const at = add(node.centre, mul(dir(angle), ring));
        const rect = centred(at, 2 * MARKER.radius + 2, 2 * MARKER.radius + 2);
        const clearOfArrows = directions.every((d) => Math.abs(angleDelta(d, angle)) > 0.5);
        if (sheet.inMap(rect) && sheet.free(rect, node.id) && clearOfArrows && !arrowHitsBox(arrows, rect)) {
          symbols.push({
            ...claimFields(m),
            at: sheet.toWorld(at),
            place: node.id,
            badge: false,
            radius: MARKER.radius,
          });
          sheet.taken.push({ rect, owner: null });
          slot++;
          break;
        }
      }
    }
  }
  return { names, symbols };
}

/**
 * A city's name beside its dot: below right, above right, below left or above left, the first
 * in the map clear of what is placed and of the arrows; null when none is.
 */
function placeCity(
  sheet: Sheet,
  arrows: Arrow[],
  at: P,
  text: string,
  owner: string,
  rank: LaidName['rank'],
): LaidName | null {
  const { scale } = sheet;
  const [tw, th] = nameSize(text, 'place', scale);
  const positions = [
    { dx: 6, dy: 14, anchor: 'start' as const },
    { dx: 6, dy: -6, anchor: 'start' as const },
    { dx: -6, dy: 14, anchor: 'end' as const },
    { dx: -6, dy: -6, anchor: 'end' as const },
  ];
  for (const p of positions) {
    const [dx, dy] = [p.dx * scale, p.dy * scale];
    const x0 = p.anchor === 'start' ? at[0] + dx : at[0] + dx - tw;
    const rect: Rect = { x0, x1: x0 + tw, y0: at[1] + dy - th * 0.75, y1: at[1] + dy + th * 0.25 };
    if (!sheet.inMap(rect) || !sheet.free(rect, owner) || arrowHitsBox(arrows, rect)) continue;
    sheet.taken.push({ rect, owner: `name:${owner}` });
    return { text, style: 'place', at: sheet.toWorld(at), dx, dy, anchor: p.anchor, dot: true, rank };
  }
  return null;
}

/**
 * Other names, where room is left, clear of what is placed and of the arrows: places the data
 * asks to name (with their dots), then countries by size not named yet (`named`: the names so far).
 */
export function placeContextNames(source: LayoutSource, sheet: Sheet, arrows: Arrow[], named: LaidName[]): LaidName[] {
  const names: LaidName[] = [];
  for (const id of source.extraPlaces) {
    const place = source.places.get(id)!;
    const at = sheet.toPixel(place.coordinates);
    if (!pointIn(at, sheet.map)) continue;
    const dot = centred(at, 8, 8);
    if (!sheet.free(dot) || arrowHitsBox(arrows, grow(dot, 2))) continue;
    sheet.taken.push({ rect: dot, owner: id });
    const name = placeCity(sheet, arrows, at, textOf(place), id, 'context');
    if (name) names.push(name);
    else sheet.taken.pop();
  }
  const countries = new Set(named.filter((n) => n.style === 'country').map((n) => n.text));
  for (const [id, country] of contextCountries(source)) {
    if (!country.label || countries.has(country.name) || source.storyCountries.includes(id)) continue;
    const at = sheet.toPixel(country.label);
    // A neighbour's name is set in its own tier's (smaller) type: its box is that size.
    const [w, h] = nameSize(country.name, 'country', sheet.scale, 'context');
    const box = centred(at, w + 4, h);
    if (!sheet.inMap(box) || !sheet.free(grow(box, 2)) || arrowHitsBox(arrows, grow(box, 2))) continue;
    sheet.taken.push({ rect: box, owner: `country:${id}` });
    names.push(centredName(country.name, 'country', at, sheet, 'context'));
  }
  return names;
}
