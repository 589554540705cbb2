/**
 * Far places: the few places of a story that lie far from the rest (a Pacific story's one claim
 * about a power across the ocean, a capital a continent away from the story's country). The
 * overview frames the story's own cluster; the far places stay within the reader's reach
 * (`maxBounds`) and a claim that reaches one is framed whole, but on the overview the arrows to
 * them end at the map's edge, named there with their direction (the layout's edge labels).
 *
 * The rule, deterministic and in the order of `places.json`: places whose boxes (a point, or a
 * country's body, `countryBody`) lie within `FAR.gap` degrees of each other are one group. A group
 * is far when
 * - framing it more than doubles the area of the frame of the rest (`FAR.ratio`, on the Mercator
 *   map, the rest taken at least `FRAME.minSize` degrees on each side),
 * - it lies more than `FAR.gap` degrees from the rest's frame, and
 * - the far groups together hold at most a quarter of the story's claim ends (`FAR.share`), so that
 *   the story's main actors always stay in the overview.
 * The group that shrinks the frame most goes first, then the rule is tried again on the rest.
 * `story.json`'s `frame.keep` names places never put at the edge, `frame.edge` places always are.
 */
import type { Bounds, LonLat } from '../story/types.ts';
import { countryBody, extentsOf, FRAME, lonWindow, turnInto } from './frame.ts';
import type { WorldCountry } from './world.ts';

export const FAR = {
  /** A group is far when framing it makes the frame more than this many times the rest's area… */
  ratio: 2,
  /** …and it lies more than this many degrees from the rest (places this close are one group)… */
  gap: 10,
  /** …and the far groups hold at most this share of the story's claim ends. */
  share: 0.25,
} as const;

/** A place as framing sees it: its point, the countries it names, and how many claim ends it is. */
export interface FramedPlace {
  id: string;
  point: LonLat | null;
  countries: readonly WorldCountry[];
  ends: number;
}

/** What `story.json` says of the frame: places kept in the overview, places put at its edge. */
export interface FrameChoice {
  keep?: readonly string[];
  edge?: readonly string[];
}

const mercatorY = (lat: number) => Math.log(Math.tan(Math.PI / 4 + (Math.max(-85, Math.min(85, lat)) * Math.PI) / 360));

const union = (a: Bounds | null, b: Bounds | null): Bounds | null =>
  !a ? b : !b ? a : [Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[2], b[2]), Math.max(a[3], b[3])];

const gap = (a: Bounds, b: Bounds) =>
  Math.hypot(Math.max(0, a[0] - b[2], b[0] - a[2]), Math.max(0, a[1] - b[3], b[1] - a[3]));

/** A box's area on the Mercator map, taken at least `FRAME.minSize` degrees on each side. */
function area([w, s, e, n]: Bounds): number {
  const grow = (lo: number, hi: number) => Math.max(0, FRAME.minSize - (hi - lo)) / 2;
  const [dx, dy] = [grow(w, e), grow(s, n)];
  return (e - w + 2 * dx) * (mercatorY(n + dy) - mercatorY(s - dy));
}

/** A place's box in the window of longitudes starting at `west`. */
function boxOf(place: FramedPlace, west: number): Bounds | null {
  let box: Bounds | null = null;
  if (place.point) {
    const x = place.point[0] + turnInto(place.point[0], west);
    box = [x, place.point[1], x, place.point[1]];
  }
  for (const country of place.countries) {
    const [w, s, e, n] = countryBody(country).box;
    const shift = turnInto((w + e) / 2, west);
    box = union(box, [w + shift, s, e + shift, n]);
  }
  return box;
}

/** The ids of the far places, in the order of `places` (see the module's comment). */
export function farPlaces(places: readonly FramedPlace[], choice: FrameChoice = {}): string[] {
  const west = lonWindow(
    extentsOf(
      places.flatMap((p) => (p.point ? [p.point] : [])),
      places.flatMap((p) => p.countries),
    ),
  );
  const edge = new Set(choice.edge ?? []);
  const keep = new Set(choice.keep ?? []);
  type Group = { ids: string[]; box: Bounds; ends: number; kept: boolean };
  const groups: Group[] = [];
  for (const place of places) {
    const box = boxOf(place, west);
    if (!box || edge.has(place.id)) continue;
    const group: Group = { ids: [place.id], box, ends: place.ends, kept: keep.has(place.id) };
    // Every group this place's box comes near joins it.
    for (let i = groups.length - 1; i >= 0; i--) {
      const other = groups[i]!;
      if (gap(other.box, group.box) > FAR.gap) continue;
      groups.splice(i, 1);
      Object.assign(group, {
        ids: [...other.ids, ...group.ids],
        box: union(other.box, group.box)!,
        ends: other.ends + group.ends,
        kept: other.kept || group.kept,
      });
    }
    groups.push(group);
  }
  const total = places.reduce((sum, p) => sum + p.ends, 0);
  let farEnds = 0;
  const far = new Set(edge);
  for (;;) {
    let best: { group: Group; ratio: number } | null = null;
    for (const group of groups) {
      if (group.kept || groups.length < 2) continue;
      if (farEnds + group.ends > FAR.share * total) continue;
      const rest = groups.filter((g) => g !== group).reduce<Bounds | null>((box, g) => union(box, g.box), null)!;
      const ratio = area(union(rest, group.box)!) / area(rest);
      if (ratio > FAR.ratio && gap(group.box, rest) > FAR.gap && ratio > (best?.ratio ?? 0)) best = { group, ratio };
    }
    if (!best) break;
    groups.splice(groups.indexOf(best.group), 1);
    farEnds += best.group.ends;
    for (const id of best.group.ids) far.add(id);
  }
  return places.filter((p) => far.has(p.id)).map((p) => p.id);
}
