// A labelled set for measuring the offline analysis: per person, clean fronts and selfies for face matching,
// plus one photo with a planted defect of each kind in turn, and selfies with nobody or two people in them.
// Photos are made one at a time (a generator), so a large set never sits in memory at once.
import type { QualityIssue } from '../../../src/analysis/offline/quality/quality-report.ts';
import type { Degradation } from './degrade.ts';
import { documentFront, emptyTablePhoto, photographDocument, type PhotoOptions } from './document-front.ts';
import type { FaceSource } from './face-sources.ts';
import { syntheticIdentity } from './identity.ts';
import { seededRandom, type Random } from './seeded-random.ts';
import { facelessPhoto, selfie, twoPersonSelfie, type SelfieOptions } from './selfie.ts';

export interface LabelledPhoto {
  kind: 'front' | 'selfie';
  /** `match`: a clean photo for face matching; `hard`: a planted defect or an unusual number of faces. */
  role: 'match' | 'hard';
  /** The source face's id, for matching photos. */
  person?: string;
  bytes: Buffer;
  /** The one quality issue planted in a hard photo. */
  expectIssue?: QualityIssue;
  /** Faces a selfie holds. */
  expectFaces?: 0 | 1 | 2;
}

export interface LabelledSetOptions {
  seed: number;
  sources: readonly FaceSource[];
  frontsPerPerson: number;
  selfiesPerPerson: number;
}

const TODAY = '2026-11-30';

const BAD_FRONTS: { issue: QualityIssue; options: PhotoOptions }[] = [
  { issue: 'blurry', options: { degradation: { blurSigma: 4, jpegQuality: 85 } } },
  { issue: 'glare', options: { degradation: { glare: { x: 0.5, y: 0.45, size: 0.12 }, jpegQuality: 85 } } },
  { issue: 'too_small', options: { photoWidth: 640 } },
  { issue: 'document_cut_off', options: { cutOff: 0.3 } },
  { issue: 'too_dark', options: { degradation: { brightness: 0.3, jpegQuality: 85 } } },
];

const BAD_SELFIES: { issue: QualityIssue; options: SelfieOptions }[] = [
  { issue: 'blurry', options: { width: 900, degradation: { blurSigma: 6, jpegQuality: 85 } as Degradation } },
  { issue: 'too_dark', options: { degradation: { brightness: 0.3, jpegQuality: 85 } } },
  { issue: 'too_small', options: { width: 400 } },
];

export async function* labelledSet(options: LabelledSetOptions): AsyncGenerator<LabelledPhoto> {
  for (const [index, source] of options.sources.entries()) {
    const random = seededRandom(options.seed).fork(source.id);
    yield* matchingPhotos(source, random, options);
    yield* hardPhotos(source, index, random, options.sources);
  }
}

async function* matchingPhotos(source: FaceSource, random: Random, options: LabelledSetOptions): AsyncGenerator<LabelledPhoto> {
  for (let i = 0; i < options.frontsPerPerson; i++) {
    const card = await documentFront(syntheticIdentity(random, { today: TODAY }), source, random, { kind: random.chance(0.7) ? 'drivers_license' : 'id_card' });
    yield { kind: 'front', role: 'match', person: source.id, bytes: await photographDocument(card, random) };
  }
  for (let i = 0; i < options.selfiesPerPerson; i++) {
    yield { kind: 'selfie', role: 'match', person: source.id, bytes: await selfie(source, random), expectFaces: 1 };
  }
}

async function* hardPhotos(source: FaceSource, index: number, random: Random, sources: readonly FaceSource[]): AsyncGenerator<LabelledPhoto> {
  const card = await documentFront(syntheticIdentity(random, { today: TODAY }), source, random);
  const front = BAD_FRONTS[index % BAD_FRONTS.length]!;
  yield { kind: 'front', role: 'hard', bytes: await photographDocument(card, random, front.options), expectIssue: front.issue };
  if (index % BAD_FRONTS.length === 0) {
    yield { kind: 'front', role: 'hard', bytes: await emptyTablePhoto(random), expectIssue: 'document_not_found' };
  }
  const bad = BAD_SELFIES[index % BAD_SELFIES.length]!;
  yield { kind: 'selfie', role: 'hard', bytes: await selfie(source, random, bad.options), expectIssue: bad.issue };
  if (index % 2 === 0) yield { kind: 'selfie', role: 'hard', bytes: await facelessPhoto(random), expectFaces: 0 };
  else yield { kind: 'selfie', role: 'hard', bytes: await twoPersonSelfie(source, sources[(index + 1) % sources.length]!, random), expectFaces: 2 };
}
