// A whole live check's photos for one made-up person — the front of their licence with their portrait, its
// back with a real AAMVA PDF417, and a selfie — and what the offline analyzer should conclude: a genuine adult
// passes; an expired licence, an under-age holder, someone else's face or another name fail with their reason.
import { aamvaFieldsFor } from './aamva-encode.ts';
import { everydayConditions, photograph } from './document-photo.ts';
import { documentFront, photographDocument } from './document-front.ts';
import { FACE_SOURCES } from './face-sources.ts';
import { syntheticIdentity, type SyntheticIdentity } from './identity.ts';
import { CARD_RENDER_DPI, licenceBack, typicalLicenceBackOptions } from './licence-back.ts';
import { seededRandom } from './seeded-random.ts';
import { selfie } from './selfie.ts';

export const CHECK_SCENARIOS = ['genuine', 'expired', 'underage', 'wrong_face', 'wrong_name'] as const;
export type CheckScenario = (typeof CHECK_SCENARIOS)[number];

export interface CheckPhotos {
  scenario: CheckScenario;
  identity: SyntheticIdentity;
  /** The name the merchant gives when creating the check. */
  customer: { first_name: string; last_name: string };
  front: Buffer;
  back: Buffer;
  selfie: Buffer;
  expected: { step: 'completed' } | { step: 'failed'; reason: string };
}

const EXPECTED: Record<CheckScenario, CheckPhotos['expected']> = {
  genuine: { step: 'completed' },
  expired: { step: 'failed', reason: 'document_expired' },
  underage: { step: 'failed', reason: 'underage' },
  wrong_face: { step: 'failed', reason: 'face_mismatch' },
  wrong_name: { step: 'failed', reason: 'name_mismatch' },
};

/**
 * `today` (YYYY-MM-DD) is the day the check is judged, for ages and expiry. Photos are taken with care (a
 * little tilt, fair light, no blur): what is tested here is the verdict; poor photos are the evaluation's job.
 */
export async function checkPhotos(seed: number, scenario: CheckScenario, today: string, attempt = 0): Promise<CheckPhotos> {
  const person = seededRandom(seed).fork(`check:${scenario}`);
  // The same person and documents; another attempt is another set of photos of them, as a retake is.
  const random = attempt === 0 ? person : person.fork(`attempt:${attempt}`);
  const identity = syntheticIdentity(person.fork('identity'), { today, age: scenario === 'underage' ? person.int(14, 17) : person.int(21, 70), expired: scenario === 'expired' });
  const face = FACE_SOURCES[seed % FACE_SOURCES.length]!;
  // Someone else: another of the source faces, never the same person.
  const stranger = FACE_SOURCES[(seed + 1 + person.int(0, FACE_SOURCES.length - 2)) % FACE_SOURCES.length]!;
  const front = await photographDocument(await documentFront(identity, face, person.fork('front')), random, { rotateDegrees: random.between(-5, 5) });
  const card = person.fork('card');
  const back = await licenceBack(aamvaFieldsFor(identity, card.int(3, 10), card), typicalLicenceBackOptions(card));
  const backPhoto = await photograph(back.png, CARD_RENDER_DPI, { ...everydayConditions(random), blurSigma: undefined });
  const other = syntheticIdentity(seededRandom(seed + 1_000_000), { today });
  const named = scenario === 'wrong_name' && other.lastName === identity.lastName ? { ...other, lastName: `${other.lastName}-Ward` } : other;
  return {
    scenario,
    identity,
    customer: scenario === 'wrong_name' ? { first_name: named.firstName, last_name: named.lastName } : { first_name: identity.firstName, last_name: identity.lastName },
    front,
    back: backPhoto,
    selfie: await selfie(scenario === 'wrong_face' ? stranger : face, random, { degradation: { rotateDegrees: random.between(-6, 6), jpegQuality: random.int(75, 92) } }),
    expected: EXPECTED[scenario],
  };
}
