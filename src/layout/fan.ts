/**
 * Arrows sharing a place fan out (Jenny et al.'s radial fan-out): where on the place's outline
 * each end sits. Ends are spread round the outline in the order of their directions, so that
 * neighbouring arrows stand `fanGap` apart `fanDistance` out; pairs still too close once drawn
 * ask for more room and the ends are spread again. Then an arrowhead that would cover another
 * claim's head, or another place's name or badges, moves along the outline as far as its
 * neighbours leave room.
 */
import { LAYOUT_RULES } from '../symbology/sizes.ts';
import { angleDelta, boundsOf, grow, rectHitsTriangle, TAU, trianglesMeet, wrap } from './plane.ts';
import {
  apart,
  headTriangle,
  outlineAt,
  outlinePerimeter,
  headingOf,
  setCurve,
  settleEnd,
  alongOf,
  type Arrow,
  type End,
  type Node,
} from './parts.ts';
import type { Taken } from './sheet.ts';

const rules = LAYOUT_RULES;

/**
 * Spreads every node's ends round its outline, then draws the arrows from them; up to eight
 * rounds, each widening the gaps between ends found too close once drawn (one round if `many`).
 */
export function spreadEnds(nodes: Map<string, Node>, arrows: Arrow[], many: boolean): void {
  /** Extra room asked for between two ends found too close once drawn, by node and ends. */
  const boost = new Map<string, number>();
  for (let round = 0; round < 8; round++) {
    spread(nodes, arrows, boost);
    for (const a of arrows) setCurve(a, a.ends);
    if (round === 7 || many) break;
    if (!askForRoom(nodes, boost)) break;
  }
}

const endKey = (n: Node, e: End, f: End) =>
  `${n.id}|${e.arrow.index}${e.start ? 's' : 'e'}|${f.arrow.index}${f.start ? 's' : 'e'}`;

/**
 * Gives every arrow its ends at the nodes in view and spreads each node's ends round its outline,
 * in the order of their directions: each gap (an end and the next) as wide as `fanGap` (times its
 * boost) asks for `fanDistance` out, and as two heads need on the outline, while each end keeps
 * near the direction it would leave in.
 */
function spread(nodes: Map<string, Node>, arrows: Arrow[], boost: Map<string, number>): void {
  for (const n of nodes.values()) n.ends = [];
  for (const a of arrows) {
    a.ends = [null, null];
    for (const start of [true, false]) {
      const n = start ? a.from : a.to;
      if (!n.centre) continue;
      const heading = headingOf(a, start);
      const end: End = { arrow: a, start, heading, along: alongOf(n, heading), port: [0, 0], direction: [1, 0] };
      n.ends.push(end);
      a.ends[start ? 0 : 1] = end;
    }
  }
  for (const n of nodes.values()) {
    if (!n.centre || !n.ends.length) continue;
    const ends = n.ends.sort(
      (x, y) => wrap(x.along) - wrap(y.along) || x.arrow.bulge - y.arrow.bulge || x.arrow.index - y.arrow.index,
    );
    const R = rules.fanDistance;
    // How fast two ends part, per unit of the outline's parameter (its length over 2π): along
    // the outline, and `R` out, as their directions (six tenths its normal) turn round a corner.
    const perimeter = outlinePerimeter(n);
    const speed = () => perimeter / TAU;
    const rate = (t: number) => speed() * (1 + 0.6 * R * outlineAt(n, t).curvature);
    const count = ends.length;
    // What each gap (an end and the next) asks for: apart out there, and on the outline.
    const fan = ends.map((e, i) => rules.fanGap * (boost.get(endKey(n, e, ends[(i + 1) % count]!)) ?? 1));
    const onNode = ends.map((e, i) => {
      const f = ends[(i + 1) % count]!;
      return !e.start && !f.start ? Math.max(e.arrow.head.width, f.arrow.head.width) + 2 : 7;
    });
    const ts = ends.map((e) => wrap(e.along));
    const preferred = [...ts];
    if (count > 1) {
      const rounds = count > 40 ? 100 : 300;
      for (let round = 0; round < rounds; round++) {
        let moved = false;
        const needs = ts.map((t, i) => Math.max(fan[i]! / rate(t), onNode[i]! / speed()));
        const total = needs.reduce((s, v) => s + v, 0);
        const k = total > TAU * 0.98 ? (TAU * 0.98) / total : 1;
        // Positions stay in their order round the outline: a gap is the signed step to the
        // next end (the last one's, round to the first), so one pushed past its neighbour is
        // pushed back.
        for (let i = 0; i < count; i++) {
          const j = (i + 1) % count;
          const gap = j > 0 ? ts[j]! - ts[i]! : ts[0]! + TAU - ts[i]!;
          const deficit = needs[i]! * k - gap;
          if (deficit > 1e-4) {
            ts[i] = ts[i]! - deficit / 2;
            ts[j] = ts[j]! + deficit / 2;
            moved = true;
          }
        }
        if (round < rounds / 2)
          for (let i = 0; i < count; i++) ts[i] = ts[i]! + 0.02 * angleDelta(preferred[i]!, ts[i]!);
        else if (!moved) break;
      }
    }
    ends.forEach((e, i) => {
      e.along = ts[i]!;
      settleEnd(n, e);
    });
  }
}

/**
 * Finds the pairs of ends drawn closer than `fanGap` and boosts the gaps between them for the
 * next spread; whether any was.
 */
function askForRoom(nodes: Map<string, Node>, boost: Map<string, number>): boolean {
  let tight = false;
  for (const n of nodes.values()) {
    const ends = n.ends;
    const count = ends.length;
    if (count < 2) continue;

    // Every pair, not only neighbours: arrows can close in past one between them. The room
    // asked for goes to the gaps on the shorter way round between the two.
    for (let i = 0; i < count; i++) {
      for (let j = i + 1; j < (count <= 24 ? count : Math.min(count, i + 2)); j++) {
        const gap = apart(ends[i]!, ends[j]!);
        if (gap >= rules.fanGap - 0.5) continue;
        tight = true;
        const forward = j - i <= count - (j - i);
        const steps = forward ? j - i : count - (j - i);
        const factor = Math.min(2.5, (rules.fanGap / Math.max(1, gap)) * 1.1) ** (1 / steps);
        for (let k = 0; k < steps; k++) {
          const a = forward ? i + k : (j + k) % count;
          const key = endKey(n, ends[a]!, ends[(a + 1) % count]!);
          boost.set(key, Math.min(4, (boost.get(key) ?? 1) * factor));
        }
      }
    }
  }
  return tight;
}

/** How close an arrow comes, as drawn, to the nearest other arrow at either of its places. */
export function fanAt(a: Arrow): number {
  let worst = Infinity;
  for (const [n, start] of [
    [a.from, true],
    [a.to, false],
  ] as const) {
    if (!n.centre) continue;
    const mine = a.ends[start ? 0 : 1];
    if (!mine) continue;
    for (const e of n.ends) if (e.arrow !== a) worst = Math.min(worst, apart(mine, e));
  }
  return worst;
}

/**
 * Moves heads clear of other claims' heads and of the boxes on the map (other places' names and
 * badges): an end whose head covers one tries steps along its place's outline, either way, and
 * takes the one covering least, as long as its fan-out stays as wide (up to three passes).
 */
export function clearHeads(arrows: Arrow[], taken: Taken[]): void {
  const headConflicts = (a: Arrow) => {
    if (!a.to.centre || !a.head.length) return 0;
    const tri = headTriangle(a);
    let count = 0;
    for (const t of taken) if (rectHitsTriangle(grow(t.rect, 1), tri)) count++;
    for (const o of arrows)
      if (
        o !== a &&
        o.source.claimId !== a.source.claimId &&
        o.to.centre &&
        o.head.length &&
        trianglesMeet(tri, headTriangle(o))
      )
        count++;
    return count;
  };
  const move = (a: Arrow, e: End) => {
    settleEnd(a.to, e);
    setCurve(a, a.ends);
  };
  for (let pass = 0; pass < 3; pass++) {
    let changed = false;
    for (const a of arrows) {
      const e = a.ends[1];
      if (!e) continue;
      const before = headConflicts(a);
      if (!before) continue;
      const t0 = e.along;
      const fan0 = fanAt(a);
      let best = { along: t0, score: before * 100 };
      for (const step of [0.04, 0.08, 0.12, 0.16, 0.24, 0.32, 0.45, 0.6, 0.8, 1]) {
        for (const dt of [step, -step]) {
          e.along = t0 + dt;
          move(a, e);
          const fan = fanAt(a);
          if (fan < Math.min(fan0, rules.fanGap) - 0.5) continue;
          const score = headConflicts(a) * 100 + Math.abs(dt);
          if (score < best.score) best = { along: e.along, score };
        }
      }
      e.along = best.along;
      move(a, e);
      if (best.along !== t0) changed = true;
    }
    if (!changed) break;
  }
}

/** Puts each head in view on the map, for names and symbols to keep clear of. */
export function markHeads(arrows: Arrow[], taken: Taken[]): void {
  for (const a of arrows) {
    if (!a.to.centre || !a.head.length) continue;
    taken.push({ rect: boundsOf(headTriangle(a)), owner: `head:${a.to.id}` });
  }
}
