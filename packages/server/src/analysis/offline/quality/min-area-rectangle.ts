// Plane geometry for finding a document: the convex hull of a shape's points and the smallest rotated
// rectangle around it (one side of that rectangle always lies along an edge of the hull).

export interface Point {
  x: number;
  y: number;
}

export interface RotatedRect {
  /** Corners in order around the rectangle. */
  corners: [Point, Point, Point, Point];
  long: number;
  short: number;
  area: number;
  /** Angle of the long side in degrees, -90 to 90. */
  angle: number;
}

const cross = (o: Point, a: Point, b: Point): number => (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x);

/** Andrew's monotone chain; counter-clockwise, without repeated points. */
export function convexHull(points: readonly Point[]): Point[] {
  const sorted = [...points].sort((a, b) => a.x - b.x || a.y - b.y);
  if (sorted.length < 3) return sorted;
  const half = (list: Point[]): Point[] => {
    const chain: Point[] = [];
    for (const p of list) {
      while (chain.length >= 2 && cross(chain[chain.length - 2]!, chain[chain.length - 1]!, p) <= 0) chain.pop();
      chain.push(p);
    }
    chain.pop();
    return chain;
  };
  return [...half(sorted), ...half([...sorted].reverse())];
}

export function minAreaRectangle(hull: readonly Point[]): RotatedRect | undefined {
  if (hull.length < 3) return undefined;
  let best: RotatedRect | undefined;
  for (let i = 0; i < hull.length; i++) {
    const a = hull[i]!;
    const b = hull[(i + 1) % hull.length]!;
    const length = Math.hypot(b.x - a.x, b.y - a.y);
    if (length === 0) continue;
    const candidate = rectangleAlong(hull, (b.x - a.x) / length, (b.y - a.y) / length);
    if (!best || candidate.area < best.area) best = candidate;
  }
  return best;
}

/** The bounding rectangle of `hull` with sides along the unit vector (ux, uy) and its normal. */
function rectangleAlong(hull: readonly Point[], ux: number, uy: number): RotatedRect {
  let minU = Infinity, maxU = -Infinity, minV = Infinity, maxV = -Infinity;
  for (const p of hull) {
    const u = p.x * ux + p.y * uy;
    const v = -p.x * uy + p.y * ux;
    minU = Math.min(minU, u); maxU = Math.max(maxU, u);
    minV = Math.min(minV, v); maxV = Math.max(maxV, v);
  }
  const at = (u: number, v: number): Point => ({ x: u * ux - v * uy, y: u * uy + v * ux });
  const width = maxU - minU;
  const height = maxV - minV;
  const alongU = width >= height;
  let angle = (Math.atan2(alongU ? uy : ux, alongU ? ux : -uy) * 180) / Math.PI;
  if (angle > 90) angle -= 180;
  if (angle <= -90) angle += 180;
  return {
    corners: [at(minU, minV), at(maxU, minV), at(maxU, maxV), at(minU, maxV)],
    long: Math.max(width, height),
    short: Math.min(width, height),
    area: width * height,
    angle,
  };
}
