// The pure parts of photo quality: the smallest rectangle around a shape, and sharpness by the Laplacian.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { convexHull, minAreaRectangle } from '../../src/analysis/offline/quality/min-area-rectangle.ts';
import { laplacianVariance } from '../../src/analysis/offline/quality/laplacian-variance.ts';

describe('minimum-area rectangle', () => {
  it('recovers a turned rectangle’s sides and angle from points inside it', () => {
    fc.assert(
      fc.property(fc.integer({ min: -80, max: 80 }), fc.integer({ min: 40, max: 200 }), fc.integer({ min: 20, max: 39 }), (degrees, long, short) => {
        const a = (degrees * Math.PI) / 180;
        const points = [];
        for (let i = 0; i <= 10; i++) {
          for (let j = 0; j <= 10; j++) {
            const [u, v] = [(long * i) / 10, (short * j) / 10];
            points.push({ x: 300 + u * Math.cos(a) - v * Math.sin(a), y: 300 + u * Math.sin(a) + v * Math.cos(a) });
          }
        }
        const rect = minAreaRectangle(convexHull(points))!;
        expect(rect.long).toBeCloseTo(long, 3);
        expect(rect.short).toBeCloseTo(short, 3);
        expect(rect.angle).toBeCloseTo(degrees, 3);
      }),
    );
  });

  it('keeps only the outer points in the hull', () => {
    const hull = convexHull([{ x: 0, y: 0 }, { x: 4, y: 0 }, { x: 4, y: 4 }, { x: 0, y: 4 }, { x: 2, y: 2 }, { x: 2, y: 0 }]);
    expect(hull).toHaveLength(4);
  });
});

describe('variance of the Laplacian', () => {
  const image = (pixel: (x: number, y: number) => number) => {
    const width = 64, height = 64;
    const data = new Uint8Array(width * height);
    for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) data[y * width + x] = pixel(x, y);
    return { data, width, height };
  };

  it('is zero on a flat image and larger on fine detail than on a soft gradient', () => {
    expect(laplacianVariance(image(() => 128))).toBe(0);
    const checker = laplacianVariance(image((x, y) => ((x + y) % 2 ? 255 : 0)));
    const soft = laplacianVariance(image((x) => 128 + 100 * Math.sin(x / 10)));
    expect(checker).toBeGreaterThan(100 * soft);
  });
});
