// lineclip 2 ships no types: https://github.com/mapbox/lineclip
declare module 'lineclip' {
  type Point = [number, number];
  type BBox = [number, number, number, number];
  export function clipPolyline(points: Point[], bbox: BBox, result?: Point[][]): Point[][];
  export function clipPolygon(points: Point[], bbox: BBox): Point[];
}
