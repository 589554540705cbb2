/**
 * Edge labels: a place off the map is named where its arrows leave the map (arrows leaving within
 * 60 px of each other share a label), beside them along the edge, clear of what is placed and,
 * if it can be, of the arrows; with a pointer, at the end nearer the place, heading towards it.
 */
import { EDGE_LABEL } from '../symbology/sizes.ts';
import { nameSize } from './text.ts';
import { add, centred, grow, len, mul, pointIn, sample, sub, unit, type P, type Rect } from './plane.ts';
import { textOf } from './source.ts';
import type { Sheet } from './sheet.ts';
import type { Arrow, Node } from './parts.ts';
import type { LaidEdge } from './types.ts';

export function placeEdgeLabels(sheet: Sheet, arrows: Arrow[]): LaidEdge[] {
  const { size, scale, map } = sheet;
  const edges: LaidEdge[] = [];
  const edgeFrame: Rect = { x0: 1, y0: 1, x1: size.width - 1, y1: size.height - 1 };
  const arrowPoints = arrows.flatMap((a) => a.line);
  const crossedByArrows = (r: Rect) => {
    const g = grow(r, 1);
    return arrowPoints.some((p) => pointIn(p, g));
  };
  // Where each arrow to a place off the map enters it.
  const exits: { node: Node; arrow: Arrow; at: P }[] = [];
  for (const a of arrows) {
    for (const [n, start] of [
      [a.from, true],
      [a.to, false],
    ] as const) {
      if (n.centre) continue;
      const line = start ? a.line : [...a.line].reverse();
      const fine = start ? sample(a.curve, 96) : sample(a.curve, 96).reverse();
      const entry = fine.find((p) => pointIn(p, edgeFrame));
      if (!entry || !line.length) continue;
      exits.push({ node: n, arrow: a, at: entry });
    }
  }
  const used = new Set<number>();
  exits.forEach((e, i) => {
    if (used.has(i)) return;
    const group = exits.filter((f, j) => !used.has(j) && f.node === e.node && len(sub(f.at, e.at)) < 60);
    group.forEach((f) => used.add(exits.indexOf(f)));
    const at: P = mul(
      group.reduce<P>((s, f) => add(s, f.at), [0, 0]),
      1 / group.length,
    );
    const text = textOf(e.node.place);
    const [tw, th] = nameSize(text, 'place', scale);
    const pointer = EDGE_LABEL.pointer * scale;
    const w = tw + pointer + 3 * EDGE_LABEL.padding;
    const h = th;
    const towards = unit(sub(e.node.far, at));
    // Along the edge it leaves by, beside the arrows.
    const alongEdge: P = Math.abs(towards[0]) > Math.abs(towards[1]) ? [0, 1] : [1, 0];
    const inward: P = mul(towards, -1);
    const candidates: P[] = [];
    for (const k of [0.5, -0.5, 1, -1, 1.6, -1.6, 2.4, -2.4]) {
      const sideways = mul(alongEdge, k * (Math.abs(alongEdge[0]) ? w : h) + Math.sign(k) * 8);
      candidates.push(add(add(at, sideways), mul(inward, (Math.abs(alongEdge[0]) ? h : w) / 2 + 2)));
    }
    const rectAt = (c: P) => centred(c, w, h);
    const fits = (c: P) => sheet.inMap(rectAt(c)) && sheet.free(rectAt(c)) && !crossedByArrows(rectAt(c));
    let c = candidates.find(fits) ?? candidates.find((q) => sheet.inMap(rectAt(q)) && sheet.free(rectAt(q)));
    if (!c) {
      const clamp = (v: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, v));
      c = [clamp(at[0], map.x0 + w / 2, map.x1 - w / 2), clamp(at[1], map.y0 + h / 2, map.y1 - h / 2)];
    }
    const box = rectAt(c);
    sheet.taken.push({ rect: box, owner: `edge:${e.node.id}` });
    const heading = (Math.atan2(towards[0], -towards[1]) * 180) / Math.PI;
    // The pointer sits at the end of the label nearer the place's side.
    const pointerLeft = towards[0] < -0.3;
    const pointerX = pointerLeft
      ? box.x0 + EDGE_LABEL.padding + pointer / 2
      : box.x1 - EDGE_LABEL.padding - pointer / 2;
    const textX = pointerLeft ? box.x0 + 2 * EDGE_LABEL.padding + pointer : box.x0 + EDGE_LABEL.padding;
    edges.push({
      text,
      place: e.node.id,
      claimIds: [...new Set(group.map((f) => f.arrow.source.claimId))],
      at: sheet.toWorld(c),
      box: [box.x0 - c[0], box.y0 - c[1], box.x1 - c[0], box.y1 - c[1]],
      textX: textX - c[0],
      textY: h * 0.3,
      pointer: { dx: pointerX - c[0], dy: 0, angle: Math.round(((heading + 360) % 360) * 10) / 10 },
    });
  });
  return edges;
}
