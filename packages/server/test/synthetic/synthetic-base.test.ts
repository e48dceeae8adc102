import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { degrade } from '../support/synthetic/degrade.ts';
import { syntheticIdentity } from '../support/synthetic/identity.ts';
import { seededRandom } from '../support/synthetic/seeded-random.ts';

const ageOn = (birth: string, today: string): number => {
  const [by, bm, bd] = birth.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = today.split('-').map(Number) as [number, number, number];
  return ty - by - (tm < bm || (tm === bm && td < bd) ? 1 : 0);
};

describe('synthetic test data', () => {
  it('is the same for the same seed and differs between seeds', () => {
    const a = syntheticIdentity(seededRandom(7), { today: '2026-11-30' });
    expect(syntheticIdentity(seededRandom(7), { today: '2026-11-30' })).toEqual(a);
    expect(syntheticIdentity(seededRandom(8), { today: '2026-11-30' })).not.toEqual(a);
  });

  it('makes people of the asked age with valid or expired documents', () => {
    for (let seed = 0; seed < 200; seed++) {
      const today = '2026-11-30';
      const adult = syntheticIdentity(seededRandom(seed), { today, age: 30 });
      expect(ageOn(adult.birthDate, today)).toBe(30);
      expect(adult.expiryDate > today).toBe(true);
      const expired = syntheticIdentity(seededRandom(seed), { today, age: 17, expired: true });
      expect(ageOn(expired.birthDate, today)).toBe(17);
      expect(expired.expiryDate < today).toBe(true);
    }
  });

  it('degrades an image into a rotated, resized JPEG', async () => {
    const white = await sharp({ create: { width: 400, height: 250, channels: 3, background: '#ffffff' } }).png().toBuffer();
    const out = await degrade(white, { rotateDegrees: 8, width: 300, jpegQuality: 60, glare: { x: 0.5, y: 0.5, size: 0.3 } });
    const meta = await sharp(out).metadata();
    expect(meta.format).toBe('jpeg');
    expect(meta.width).toBe(300);
    // A rotation grows the canvas: the height is more than the unrotated 250 × 300/400.
    expect(meta.height!).toBeGreaterThan(190);
  });
});
