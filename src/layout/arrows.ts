/**
 * Where each arrow runs (after Jenny et al.): arrows are curved, more the longer they are,
 * bending to the right of travel; arrows between the same two places take lanes; a group that
 * would pass within `nodeClearance` of a place or name it does not connect bends another way;
 * their ends fan out round the places they share (`fan.ts`); and every claim keeps a point
 * on one of its arrows `pickClearance` from other claims' arrows, bending one of them more if it
 * must. Last, where each line stops under its head, and the head's heading.
 */
import { actLook } from '../symbology/acts.ts';
import { kindLook } from '../symbology/claims.ts';
import { headRoom, headSize, LAYOUT_RULES } from '../symbology/sizes.ts';
import { cubicHead, findT, len, pointIn, rectDistance, segmentDistance, sub, unit } from './plane.ts';
import { anchorOf, endDirection, headingOf, roughEnd, setCurve, shapeOutline, type Arrow, type Node } from './parts.ts';
import { clearHeads, fanAt, markHeads, spreadEnds } from './fan.ts';
import type { LayoutSource } from './source.ts';
import type { Sheet, Taken } from './sheet.ts';
import { claimFields, type LaidArrow } from './types.ts';

const rules = LAYOUT_RULES;

/** Past this many arrows, the costlier repairs (bends around names, pickability) are left out. */
const MANY = 48;

/** The space between lanes: arrows between the same two places, in pixels. */
const LANE = 14;

/**
 * Lays out the story's arrows between the nodes the names made: outlines, lanes, bends, ends
 * spread, pickability, heads. Puts the heads on the sheet.
 */
export function placeArrows(source: LayoutSource, sheet: Sheet, nodes: Map<string, Node>): Arrow[] {
  for (const node of nodes.values()) shapeOutline(node);
  const arrows = source.arrows.map((a, index) => newArrow(a, index, nodes));
  const groups = laneGroups(arrows);
  for (const group of groups) {
    const base = laneBase(group);
    group.forEach((a, i) => (a.bulge = base[i]!));
  }
  const many = arrows.length > MANY;
  if (!many) bendClear(groups, sheet.taken);
  spreadEnds(nodes, arrows, many);
  if (!many) keepPickable(arrows, sheet);
  if (!many) clearHeads(arrows, sheet.taken);
  markHeads(arrows, sheet.taken);
  return arrows;
}

function newArrow(a: LayoutSource['arrows'][number], index: number, nodes: Map<string, Node>): Arrow {
  const from = nodes.get(a.from)!;
  const to = nodes.get(a.to)!;
  // A tie (a view, a rivalry) has no head: its line runs to its end.
  const headed = actLook(a.act).head;
  return {
    source: a,
    index,
    from,
    to,
    bulge: 0,
    head: headed ? headRoom(a) : { length: 0, width: 0 },
    curve: [
      [0, 0],
      [0, 0],
      [0, 0],
      [0, 0],
    ],
    line: [],
    distances: [],
    length: 0,
    bounds: { x0: 0, y0: 0, x1: 0, y1: 0 },
    stopShort: !headed ? 0 : kindLook(a.look).head === 'open' ? 1 : headSize(a, 'other').length * 0.8,
    ends: [null, null],
  };
}

// ---------------------------------------------------------------------------------------------
// Lanes and bends

/** Arrows between the same two places (either way), in claim order. */
function laneGroups(arrows: Arrow[]): Arrow[][] {
  const pairs = new Map<string, Arrow[]>();
  for (const a of arrows) {
    const key = [a.from.id, a.to.id].sort().join('|');
    pairs.set(key, [...(pairs.get(key) ?? []), a]);
  }
  return [...pairs.values()];
}

/** How far an arrow `L` px long bulges: more the longer it is. */
const bend = (L: number) => L * (0.08 + 0.07 * Math.min(1, L / 350));
/** Which way an arrow runs between its two places (by their ids), so that lanes bend alike. */
const canonical = (a: Arrow) => (a.from.id < a.to.id ? 1 : -1);

/** Lanes: a group's bulges, spaced `LANE` apart across their chord around their mean bend. */
function laneBase(group: Arrow[]): number[] {
  const L = len(sub(anchorOf(group[0]!.to), anchorOf(group[0]!.from)));
  const mean = group.reduce((sum, a) => sum + canonical(a) * bend(L), 0) / group.length;
  return group.map((a, i) => canonical(a) * (mean + (i - (group.length - 1) / 2) * LANE));
}

/** How many of an arrow's samples pass within `nodeClearance` of a box it does not end at. */
function hits(a: Arrow, taken: Taken[]): number {
  let n = 0;
  for (const p of a.line.slice(1, -1)) {
    for (const t of taken) {
      if (t.owner === a.from.id || t.owner === a.to.id) continue;
      if (rectDistance(p, t.rect) < rules.nodeClearance) n++;
    }
  }
  return n;
}

/**
 * Bends that keep arrows clear of places and names they do not connect: each group of lanes
 * shifts its bulge by the offset that passes fewest boxes, a point passing by a name costing
 * what 12 px more bend does (a detour, not a hook).
 */
function bendClear(groups: Arrow[][], taken: Taken[]): void {
  for (const group of groups) {
    const base = laneBase(group);
    let best = { offset: 0, score: Infinity };
    for (const offset of [0, 12, -12, 24, -24, 36, -36, 50, -50, 70, -70]) {
      let score = 0;
      for (const [i, a] of group.entries()) {
        a.bulge = base[i]! + canonical(a) * offset;
        setCurve(a, [roughEnd(a, true), roughEnd(a, false)]);
        score += hits(a, taken);
      }
      // A point passing by a name costs what 12 px more bend does: a detour, not a hook.
      score = score * 12 + Math.abs(offset);
      if (score < best.score) best = { offset, score };
      if (score === 0) break;
    }
    group.forEach((a, i) => (a.bulge = base[i]! + canonical(a) * best.offset));
  }
}

// ---------------------------------------------------------------------------------------------
// Pickability

/**
 * Every claim keeps a point `pickClearance` clear of other claims' arrows: a claim without one
 * tries more bend on each of its arrows, either way, and keeps the smallest that gives it one
 * without taking another claim's, passing more names, or closing its fan-out (two passes).
 */
function keepPickable(arrows: Arrow[], sheet: Sheet): void {
  /**
   * How far the claim's most isolated point (on its arrows, in view) is from other claims'
   * arrows, up to `cap`: past it, nothing more is looked at.
   */
  const clearance = (claimId: string, cap = 30) => {
    let best = 0;
    const others = arrows.filter((o) => o.source.claimId !== claimId);
    for (const a of arrows) {
      if (a.source.claimId !== claimId) continue;
      for (const p of a.line) {
        if (!pointIn(p, sheet.map)) continue;
        let clear = cap;
        for (const o of others) {
          if (rectDistance(p, o.bounds) >= clear) continue;
          for (let i = 1; i < o.line.length && clear > best; i++)
            clear = Math.min(clear, segmentDistance(p, o.line[i - 1]!, o.line[i]!));
          if (clear <= best) break;
        }
        best = Math.max(best, clear);
        if (best >= cap) return best;
      }
    }
    return best;
  };
  /** Redraws an arrow with its bend as it is now, its ends where they are on their outlines. */
  const rebend = (a: Arrow) => {
    for (const e of a.ends) if (e) e.direction = endDirection(e.start ? a.from : a.to, e.along, headingOf(a, e.start));
    setCurve(a, a.ends);
  };
  const pickable = (id: string) => clearance(id, rules.pickClearance) >= rules.pickClearance;
  const claimIds = [...new Set(arrows.map((a) => a.source.claimId))];
  for (let pass = 0; pass < 2; pass++) {
    for (const id of claimIds) {
      if (pickable(id)) continue;
      const before = new Map(claimIds.map((c) => [c, pickable(c)]));
      let best: { arrow: Arrow; bulge: number; score: number } | null = null;
      for (const a of arrows.filter((x) => x.source.claimId === id)) {
        const bulge0 = a.bulge;
        const base = { hits: hits(a, sheet.taken), fan: fanAt(a) };
        for (const delta of [10, -10, 20, -20, 30, -30, 45, -45, 60, -60]) {
          a.bulge = bulge0 + delta;
          rebend(a);
          const mine = clearance(id);
          const broken = claimIds.some((c) => c !== id && before.get(c) && !pickable(c));
          const fan = fanAt(a);
          if (broken || hits(a, sheet.taken) > base.hits || (fan < rules.fanGap - 2 && fan < base.fan)) continue;
          const score = (mine >= rules.pickClearance ? 0 : 1000 - mine) + Math.abs(delta) / 10;
          if (!best || score < best.score) best = { arrow: a, bulge: a.bulge, score };
        }
        a.bulge = bulge0;
        rebend(a);
      }
      if (best && best.score < 1000) {
        const a = best.arrow;
        a.bulge = best.bulge;
        rebend(a);
      }
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Heads, and the lines ending where they start

/**
 * The arrows as drawn, in world units: the line stops under its head (at four fifths of the
 * smallest head it is drawn with), or at the tip of an open one; the head points from where the
 * line stops to the tip.
 */
export function laidArrows(arrows: Arrow[], sheet: Sheet): LaidArrow[] {
  return arrows.map((a) => {
    const p3 = a.curve[3];
    const back = a.stopShort;
    const total = a.length;
    const t = total > back * 2 ? findT(a.curve, total - back) : 1;
    const line = t < 1 ? cubicHead(a.curve, t) : a.curve;
    const tangent = unit(sub(p3, t < 1 ? line[3] : a.curve[2]));
    const angle = Math.round((((Math.atan2(tangent[0], -tangent[1]) * 180) / Math.PI + 360) % 360) * 10) / 10;
    return {
      ...claimFields(a.source),
      from: a.source.from,
      to: a.source.to,
      curve: line.map(sheet.toWorld) as LaidArrow['curve'],
      tip: sheet.toWorld(p3),
      angle,
    };
  });
}
