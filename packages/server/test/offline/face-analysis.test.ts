// Faces with the real models on the wasm backend, in this process: counting none, one or two, the portrait
// on a card, head pose, and same-person against other-person distances on both sides of the threshold.
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { documentPortrait } from '../../src/analysis/offline/face/document-portrait.ts';
import { matchFaces, FACE_MATCH_THRESHOLD } from '../../src/analysis/offline/face/face-match.ts';
import { faceRuntime } from '../../src/analysis/offline/face/face-runtime.ts';
import { selfieFaces } from '../../src/analysis/offline/face/selfie-faces.ts';
import { decodePhoto } from '../../src/analysis/offline/image/decode-photo.ts';
import { documentFront, photographDocument } from '../support/synthetic/document-front.ts';
import { FACE_SOURCES, type FaceSource } from '../support/synthetic/face-sources.ts';
import { syntheticIdentity } from '../support/synthetic/identity.ts';
import { seededRandom } from '../support/synthetic/seeded-random.ts';
import { facelessPhoto, selfie, twoPersonSelfie } from '../support/synthetic/selfie.ts';

const decode = (bytes: Buffer) => decodePhoto(bytes, 1024);
const frontOf = async (face: FaceSource, seed: number) =>
  photographDocument(await documentFront(syntheticIdentity(seededRandom(seed), { today: '2026-11-30' }), face, seededRandom(seed)), seededRandom(seed));

// Each test generates and analyses several photos on a machine that may be shared: generous limits, no timing.
describe('faces', { timeout: 120_000 }, () => {
  beforeAll(async () => {
    await faceRuntime();
  });

  it('counts no face, one face and two faces', async () => {
    expect(await selfieFaces(await decode(await facelessPhoto(seededRandom(1))))).toMatchObject({ count: 0, verdict: 'none', faces: [] });
    const one = await selfieFaces(await decode(await selfie(FACE_SOURCES[6]!, seededRandom(2), { degradation: { jpegQuality: 90 } })));
    expect(one).toMatchObject({ count: 1, verdict: 'one' });
    expect(one.faces[0]!.descriptor).toHaveLength(128);
    expect(one.faces[0]!.landmarks).toHaveLength(68);
    const two = await selfieFaces(await decode(await twoPersonSelfie(FACE_SOURCES[6]!, FACE_SOURCES[15]!, seededRandom(3))));
    expect(two).toMatchObject({ count: 2, verdict: 'several' });
  });

  it('takes the large portrait on a card, not the small ghost portrait', async () => {
    const found = await documentPortrait(await decode(await frontOf(FACE_SOURCES[8]!, 4)));
    expect(found.portrait).toBeDefined();
    for (const other of found.faces.slice(1)) expect(other.box.width).toBeLessThan(found.portrait!.box.width);
    // The portrait sits in the card's left third; the ghost in its right third.
    const photoWidth = 1600;
    expect(found.portrait!.box.x + found.portrait!.box.width / 2).toBeLessThan(photoWidth * 0.6);
  });

  it('estimates yaw with the sign flipped in a mirrored photo', async () => {
    const photo = await selfie(FACE_SOURCES[5]!, seededRandom(6), { degradation: { jpegQuality: 90 } });
    const pose = (await selfieFaces(await decode(photo))).faces[0]!.pose;
    const mirrored = (await selfieFaces(await decode(await sharp(photo).flop().jpeg().toBuffer()))).faces[0]!.pose;
    expect(Math.abs(pose.yaw)).toBeGreaterThan(5);
    expect(Math.sign(mirrored.yaw)).toBe(-Math.sign(pose.yaw));
    expect(Math.abs(mirrored.yaw + pose.yaw)).toBeLessThan(Math.abs(pose.yaw));
  });

  it('scores the same person above the threshold and other people below it', async () => {
    const people = [FACE_SOURCES[0]!, FACE_SOURCES[7]!, FACE_SOURCES[19]!];
    const portraits = await Promise.all(people.map(async (face, i) => (await documentPortrait(await decode(await frontOf(face, 10 + i)))).portrait!.descriptor));
    const selfies = await Promise.all(people.map(async (face, i) => (await selfieFaces(await decode(await selfie(face, seededRandom(20 + i))))).faces[0]!.descriptor));
    for (const [i, portrait] of portraits.entries()) {
      for (const [j, face] of selfies.entries()) {
        const match = matchFaces(portrait, face);
        expect(match.match, `portrait ${people[i]!.id} against selfie ${people[j]!.id}: ${match.distance.toFixed(3)}`).toBe(i === j);
        expect(match.score >= 0.5).toBe(match.distance <= FACE_MATCH_THRESHOLD);
      }
    }
  }, 180_000);
});
