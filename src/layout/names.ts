/**
 * Which names are written and where, and the claims' symbols beside them. In order, each kept
 * clear of all placed before it:
 * 1. the story's places (each claim's ends, areas, borders; the most used first): a country's
 *    name on the part of it in view, a region's near its point, a city's dot; these are the nodes
 *    arrows attach to (`parts.ts`), and a country's or region's badges go in a row beside
 *    its name, on the side its arrows leave least;
 * 2. the countries of the regions and cities the claims use, where they fit;
 * then, once the arrows are laid (`cities.ts`),
 * 3. cities' names beside their dots, and their markers round them, clear of the arrows;
 * 4. other names where room is left: places the data asks to name, then countries by size.
 */
import type { LonLat } from '../story/types.ts';
import { BADGE } from '../symbology/sizes.ts';
import { FEAR_MARK } from '../symbology/acts.ts';
import { PLACE_STYLE } from '../symbology/places.ts';
import {
  add,
  boundsOf,
  centred,
  grow,
  insideRings,
  len,
  pointIn,
  rectGap,
  sub,
  union,
  unit,
  type P,
  type Rect,
} from './plane.ts';
import { textOf, visibleParts, type LayoutSource } from './source.ts';
import type { Sheet } from './sheet.ts';
import type { Node } from './parts.ts';
import { nameSize } from './text.ts';
import { claimFields, type LaidName, type LaidSymbol } from './types.ts';

/** Room kept between the story's names, for the arrows and heads that end at them. */
const ROOM = 10;

/** What placing the story's names works with, besides the sheet. */
interface Naming {
  source: LayoutSource;
  sheet: Sheet;
  /** The nodes made so far, by place id. */
  nodes: Map<string, Node>;
  /** The places each place has an arrow to or from. */
  linked: Map<string, Set<string>>;
  /**
   * Room kept between the names of two places an arrow links: enough for a line and its head. A
   * name too close to a place it is linked to moves further into its country, if it can.
   */
  linkRoom: number;
  /** The part of each country in view, found on first use. */
  visible: Map<string, P[][]>;
}

type AreaStyle = 'country' | 'region';

/** A country's or region's name box, centred at `at`. */
export function nameBox(sheet: Sheet, text: string, style: AreaStyle, at: P): Rect {
  const [w, h] = nameSize(text, style, sheet.scale);
  return centred(at, w + 4, h);
}

/** A name written centred, as countries' and regions' are. */
export function centredName(text: string, style: AreaStyle, at: P, sheet: Sheet, rank: LaidName['rank']): LaidName {
  return { text, style, at: sheet.toWorld(at), dx: 0, dy: 0, anchor: 'middle', dot: false, rank };
}

// ---------------------------------------------------------------------------------------------
// The story's names: the nodes

/**
 * Places the names of the places the claims use (making the nodes arrows attach to) and their
 * badges, then the countries of the regions and cities they use.
 */
export function placeStoryNames(
  source: LayoutSource,
  sheet: Sheet,
): { nodes: Map<string, Node>; names: LaidName[]; symbols: LaidSymbol[] } {
  const linked = new Map<string, Set<string>>();
  for (const a of source.arrows) {
    linked.set(a.from, (linked.get(a.from) ?? new Set()).add(a.to));
    linked.set(a.to, (linked.get(a.to) ?? new Set()).add(a.from));
  }
  const ctx: Naming = { source, sheet, nodes: new Map(), linked, linkRoom: 26 * sheet.scale, visible: new Map() };
  const names: LaidName[] = [];
  const symbols: LaidSymbol[] = [];

  for (const id of source.storyPlaces) {
    const place = source.places.get(id);
    if (!place) continue;
    const far = sheet.toPixel(place.coordinates);
    const node: Node = {
      id,
      place,
      centre: null,
      far,
      halfWidth: 0,
      halfHeight: 0,
      cornerRadius: 0,
      byDirection: [],
      box: null,
      ends: [],
    };
    ctx.nodes.set(id, node);
    const style = PLACE_STYLE[place.kind];
    if (style !== 'place') {
      const text = textOf(place);
      const at =
        style === 'country'
          ? placeCountry(ctx, place.country!, text, place.coordinates, true, id)
          : placeCentred(ctx, text, style, far, true, id);
      if (!at) continue;
      node.centre = at;
      node.box = nameBox(sheet, text, style, at);
      sheet.taken.push({ rect: node.box, owner: id });
      names.push(centredName(text, style, at, sheet, 'story'));
      symbols.push(...placeBadges(ctx, id));
    } else if (pointIn(far, sheet.map)) {
      node.centre = far;
      node.box = centred(far, 8, 8);
      sheet.taken.push({ rect: node.box, owner: id });
    }
  }

  for (const id of source.storyCountries) {
    const country = source.countries.get(id);
    if (!country?.label) continue;
    const at = placeCountry(ctx, id, country.name, country.label, false, null);
    if (!at) continue;
    sheet.taken.push({ rect: nameBox(sheet, country.name, 'country', at), owner: `country:${id}` });
    names.push(centredName(country.name, 'country', at, sheet, 'story'));
  }
  return { nodes: ctx.nodes, names, symbols };
}

/**
 * Whether a box keeps `linkRoom` from the names of the places `placing` (the place whose name or
 * badges are being placed) is linked to.
 */
function linkedClear(ctx: Naming, r: Rect, placing: string | null): boolean {
  if (!placing) return true;
  for (const other of ctx.linked.get(placing) ?? []) {
    const box = ctx.nodes.get(other)?.box;
    if (box && rectGap(r, box) < ctx.linkRoom) return false;
  }
  return true;
}

/**
 * Where a country's name fits inside the part of it in view (clear of the names placed, if
 * `clear`; centred in it only, if `loose`), nearest `near`: null when it fits nowhere.
 */
function fitInCountry(
  ctx: Naming,
  countryId: string,
  text: string,
  near: P,
  clear: boolean,
  placing: string | null,
  loose = false,
): P | null {
  const { sheet } = ctx;
  const [w, h] = nameSize(text, 'country', sheet.scale);
  const candidates: { at: P; piece: P[]; score: number }[] = [];
  let parts = ctx.visible.get(countryId);
  if (!parts) ctx.visible.set(countryId, (parts = visibleParts(ctx.source, countryId, sheet.toPixel, sheet.map)));
  for (const piece of parts) {
    const { x0, x1, y0, y1 } = boundsOf(piece);
    const step = Math.max(3, Math.min(x1 - x0, y1 - y0) / 16);
    for (let x = x0 + w / 2; x <= x1 - w / 2; x += step)
      for (let y = y0 + h / 2; y <= y1 - h / 2; y += step)
        candidates.push({ at: [x, y], piece, score: len(sub([x, y], near)) });
  }
  candidates.sort((a, b) => a.score - b.score);
  for (const { at, piece } of candidates) {
    const box = nameBox(sheet, text, 'country', at);
    if (
      !sheet.inMap(box) ||
      (clear && (!sheet.free(grow(box, ROOM)) || !linkedClear(ctx, box, placing))) ||
      !insideRings(at, [piece])
    )
      continue;
    const [x, y] = at;
    const edge: P[] = [
      [box.x0, box.y0],
      [x, box.y0],
      [box.x1, box.y0],
      [box.x0, box.y1],
      [x, box.y1],
      [box.x1, box.y1],
      [box.x0, y],
      [box.x1, y],
    ];
    if (loose || edge.every((c) => insideRings(c, [piece]))) return at;
  }
  return null;
}

/** A country's name: at its point when that is in view, else on the part of it in view. */
function countryAnchor(ctx: Naming, countryId: string, text: string, at: LonLat, placing: string | null): P | null {
  const { sheet } = ctx;
  const p = sheet.toPixel(at);
  if (sheet.inMap(nameBox(sheet, text, 'country', p))) return p;
  // Its point in view, its name not (at the map's edge): written as near as it fits, on the
  // country or, a small part in view, reaching past it; else where the name is off the map.
  return (
    fitInCountry(ctx, countryId, text, p, false, placing) ??
    (pointIn(p, sheet.map)
      ? (fitInCountry(ctx, countryId, text, p, false, placing, true) ?? nearestFree(sheet, text, 'country', p))
      : null)
  );
}

/**
 * Places a country's name: at its anchor or a nudge from it, clear of the names placed; else
 * elsewhere inside the country where it is clear; else (`force`) at its anchor regardless.
 */
function placeCountry(
  ctx: Naming,
  countryId: string,
  text: string,
  at: LonLat,
  force: boolean,
  placing: string | null,
): P | null {
  const anchor = countryAnchor(ctx, countryId, text, at, placing);
  if (!anchor) return null;
  return (
    placeCentred(ctx, text, 'country', anchor, false, placing) ??
    fitInCountry(ctx, countryId, text, anchor, true, placing) ??
    // A name may reach past a small country's borders, rather than over another name.
    fitInCountry(ctx, countryId, text, anchor, true, placing, true) ??
    (force ? (nearestFree(ctx.sheet, text, 'country', anchor) ?? anchor) : null)
  );
}

/** Where a name `w` by `h` may move from its spot, first to last. */
const nudges = (w: number, h: number): P[] => [
  [0, 0],
  [0, -h],
  [0, h],
  [-w / 4, 0],
  [w / 4, 0],
  [-w / 4, -h],
  [w / 4, -h],
  [-w / 4, h],
  [w / 4, h],
  [0, -2 * h],
  [0, 2 * h],
];

/** The free spot nearest `at` (within about 60 px) for a name that must be written. */
function nearestFree(sheet: Sheet, text: string, style: AreaStyle, at: P): P | null {
  let best: { at: P; distance: number } | null = null;
  for (let dx = -60; dx <= 60; dx += 4) {
    for (let dy = -40; dy <= 40; dy += 4) {
      const distance = Math.hypot(dx, dy * 1.5);
      if (best && distance >= best.distance) continue;
      const c = add(at, [dx, dy]);
      const box = nameBox(sheet, text, style, c);
      if (sheet.inMap(box) && sheet.free(grow(box, 2))) best = { at: c, distance };
    }
  }
  return best?.at ?? null;
}

/**
 * Places a name centred near `at`: the first nudge that stays in the map clear of the names
 * placed; else (`force`) at `at` if it is in the map.
 */
function placeCentred(
  ctx: Naming,
  text: string,
  style: AreaStyle,
  at: P,
  force: boolean,
  placing: string | null,
): P | null {
  const { sheet } = ctx;
  const [w, h] = nameSize(text, style, sheet.scale);
  for (const d of nudges(w, h)) {
    const c = add(at, d);
    const box = nameBox(sheet, text, style, c);
    if (sheet.inMap(box) && sheet.free(grow(box, ROOM)) && linkedClear(ctx, box, placing)) return c;
  }
  return force && sheet.inMap(nameBox(sheet, text, style, at)) ? at : null;
}

/**
 * Badges: at the name of the country (or region) a claim is about (a fear's at the name of those
 * who fear), on the side its arrows leave least (below, above, right, left, in that order when
 * even), in a row. More than `BADGE.perRow` are split in two columns flanking the name, so that
 * none sits far from it and the arrows leaving it, above and below, stay near it. The node's box
 * grows to take them in.
 */
function placeBadges(ctx: Naming, id: string): LaidSymbol[] {
  const { source, nodes } = ctx;
  const row = source.symbols.filter((s) => s.badge && s.place === id);
  const node = nodes.get(id);
  if (!row.length || !node?.centre || !node.box) return [];
  const radius = Math.max(...row.map((s) => (s.act === 'fears' ? FEAR_MARK.radius : BADGE.radius)));
  const others = source.arrows
    .filter((a) => a.from === id || a.to === id)
    .map((a) => {
      const other = source.places.get(a.from === id ? a.to : a.from)!;
      const there = nodes.get(other.id);
      return unit(sub(there?.centre ?? ctx.sheet.toPixel(other.coordinates), node.centre!));
    });
  const split = row.length > BADGE.perRow;
  const groups = split ? [row.slice(0, Math.ceil(row.length / 2)), row.slice(Math.ceil(row.length / 2))] : [row];
  const used = new Set<string>();
  return groups.flatMap((group) => placeBadgeGroup(ctx, node, id, group, { radius, others, split, used }));
}

/** One group of a name's badges, on the best side of it not `used` yet. */
function placeBadgeGroup(
  ctx: Naming,
  node: Node,
  id: string,
  group: LayoutSource['symbols'],
  { radius, others, split, used }: { radius: number; others: P[]; split: boolean; used: Set<string> },
): LaidSymbol[] {
  const { sheet } = ctx;
  const box = node.box!;
  const step = BADGE.step + 2 * (radius - BADGE.radius);
  const long = (group.length - 1) * step + 2 * radius;
  const short = 2 * radius;
  const { gap } = BADGE;
  const [cx, cy] = node.centre!;
  // Beside the name, a split group stands in a column; otherwise every group is a row.
  const [sw, sh] = split ? [short, long] : [long, short];
  const sides: { side: string; centre: P; facing: P; w: number; h: number }[] = [
    { side: 'below', centre: [cx, box.y1 + gap + short / 2], facing: [0, 1], w: long, h: short },
    { side: 'above', centre: [cx, box.y0 - gap - short / 2], facing: [0, -1], w: long, h: short },
    { side: 'right', centre: [box.x1 + gap + sw / 2, cy], facing: [1, 0], w: sw, h: sh },
    { side: 'left', centre: [box.x0 - gap - sw / 2, cy], facing: [-1, 0], w: sw, h: sh },
  ];
  const scored = sides
    // A split block flanks the name, a column each side: above and below stay the arrows'.
    .filter((s) => !used.has(s.side) && (!split || s.side === 'left' || s.side === 'right'))
    .map((s, order) => {
      const rect = centred(s.centre, s.w, s.h);
      const busy = others.filter((u) => u[0] * s.facing[0] + u[1] * s.facing[1] > 0.5).length;
      const ok = sheet.inMap(rect) && sheet.free(rect, id) && linkedClear(ctx, rect, id);
      return { ...s, rect, score: (ok ? 0 : 1000) + busy * 10 + order };
    })
    .sort((a, b) => a.score - b.score);
  const best = scored[0]!;
  used.add(best.side);
  const across = best.w >= best.h;
  const badges = group.map((s, i): LaidSymbol => {
    const at: P = across
      ? [best.rect.x0 + radius + i * step, best.rect.y0 + radius]
      : [best.rect.x0 + radius, best.rect.y0 + radius + i * step];
    const r = s.act === 'fears' ? FEAR_MARK.radius : BADGE.radius;
    return { ...claimFields(s), at: sheet.toWorld(at), place: id, badge: true, radius: r };
  });
  sheet.taken.push({ rect: best.rect, owner: id });
  node.box = union(box, best.rect);
  return badges;
}
