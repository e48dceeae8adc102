// The heart of the product, end to end: live checks driven through the customer's routes with generated photos
// (a licence front with the holder's portrait, its back with a real AAMVA PDF417, a selfie) and judged by the
// offline analyzer on this machine. A genuine adult with a matching face and name completes; an expired licence,
// an under-age holder, someone else's face and another name fail with their reason; a blurry photo is retaken.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../support/databases.ts';
import { tokenOf, uploadPhoto } from '../support/images.ts';
import { checkPhotos, type CheckScenario } from '../support/synthetic/check-photos.ts';
import { degrade } from '../support/synthetic/degrade.ts';
import { startTestService, type TestService } from '../support/test-service.ts';

/**
 * One seed per scenario. The people are the face-api demo photos' faces; these seeds pick people whose selfies
 * the detector reads in fair light (docs/ACCURACY.md says which faces it misses).
 */
const SEEDS: Record<CheckScenario, number> = { genuine: 4, expired: 5, underage: 6, wrong_face: 7, wrong_name: 8 };

describe.each(DIALECTS)('offline verification on %s', { timeout: 180_000 }, (dialect) => {
  let t: TestService;
  let liveKey: string;
  const today = new Date().toISOString().slice(0, 10);

  beforeAll(async () => {
    t = await startTestService(dialect, {
      config: (c) => {
        c.analyzers.live = 'offline';
        c.analysis.taskTimeoutMs = 90_000;
      },
    });
    ({ liveKey } = await t.newAccount('enterprise', 'Offline Shop'));
  });
  afterAll(() => t?.close());

  async function liveCheck(customer: { first_name: string; last_name: string }) {
    const res = await t.api(liveKey, 'POST', '/api/v1/checks', { customer: { ...customer, email: 'holder@example.com' }, rules: { include_back_of_id: true } });
    expect(res.status).toBe(201);
    expect(res.body.check.rules.testing).toBe(false);
    return { id: res.body.check.id as string, token: tokenOf(res.body.check.link) };
  }

  it.each(Object.entries(SEEDS) as [CheckScenario, number][])('reaches the %s verdict by itself', async (scenario, seed) => {
    const photos = await checkPhotos(seed, scenario, today);
    const { id, token } = await liveCheck(photos.customer);
    for (const kind of ['front', 'back', 'selfie'] as const) {
      // A photo the analyzer asks to retake is retaken, as the customer would: another photo of the same card or face.
      let res = await uploadPhoto(t.url, token, kind, photos[kind]);
      for (let attempt = 1; res.body.photo?.status === 'rejected' && res.body.check.retakes_left > 0; attempt++) {
        res = await uploadPhoto(t.url, token, kind, (await checkPhotos(seed, scenario, today, attempt))[kind]);
      }
      expect(res.status, `${kind}: ${JSON.stringify(res.body)}`).toBe(201);
      expect(res.body.photo.status, `${kind}: ${JSON.stringify(res.body.photo.reasons)}`).toBe('accepted');
      if (res.body.check.status === 'not_verified') break;
    }
    const check = (await t.api(liveKey, 'GET', `/api/v1/checks/${id}`)).body.check;
    expect(check.analyzer).toBe('offline');
    expect(check.step).toBe(photos.expected.step);
    expect(check.timeline.at(-1).event).toBe(`check.${photos.expected.step}`);
    if (photos.expected.step === 'failed') {
      expect(check.sub_checks.flatMap((s: { reasons: { code: string }[] }) => s.reasons.map((r) => r.code))).toContain(photos.expected.reason);
    }
    // What was read, with where it came from, under the names Real ID's clients read.
    expect(check.result.document).toMatchObject({ source: 'barcode', birth_date: photos.identity.birthDate, expiration_date: photos.identity.expiryDate });
    // The face is compared only when the documents left the check open: a score 0–1, above 0.5 for the same person.
    if (scenario === 'genuine') expect(check.result.scores.face_match).toBeGreaterThan(0.5);
    if (scenario === 'wrong_face') expect(check.result.scores.face_match).toBeLessThan(0.5);
  });

  it('asks for a retake at once when the front is blurry, with the reason', async () => {
    const photos = await checkPhotos(SEEDS.genuine, 'genuine', today);
    const { token } = await liveCheck(photos.customer);
    const blurry = await degrade(photos.front, { blurSigma: 6, jpegQuality: 80 });
    const res = await uploadPhoto(t.url, token, 'front', blurry);
    expect(res.status).toBe(201);
    expect(res.body.photo).toMatchObject({ status: 'rejected', reasons: [{ code: 'photo_blurry', retryable: true }] });
    expect(res.body.check).toMatchObject({ status: 'waiting_for_photos', retake: { kind: 'front' } });
  });
});
