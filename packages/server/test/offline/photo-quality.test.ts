// Photo quality on generated images: for each threshold in QUALITY_THRESHOLDS, good photos pass and photos
// with that one defect planted are sent back for it.
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { decodePhoto } from '../../src/analysis/offline/image/decode-photo.ts';
import { checkDocumentPhoto } from '../../src/analysis/offline/quality/document-quality.ts';
import { QUALITY_THRESHOLDS as T } from '../../src/analysis/offline/quality/quality-thresholds.ts';
import { checkSelfiePhoto } from '../../src/analysis/offline/quality/selfie-quality.ts';
import { documentFront, emptyTablePhoto, photographDocument, type PhotoOptions } from '../support/synthetic/document-front.ts';
import { FACE_SOURCES } from '../support/synthetic/face-sources.ts';
import { syntheticIdentity } from '../support/synthetic/identity.ts';
import { seededRandom } from '../support/synthetic/seeded-random.ts';
import { selfie, type SelfieOptions } from '../support/synthetic/selfie.ts';

const PEOPLE = [FACE_SOURCES[0]!, FACE_SOURCES[13]!];
const documentQuality = async (bytes: Buffer) => checkDocumentPhoto(await decodePhoto(bytes, 1024));
const selfieQuality = async (bytes: Buffer) => checkSelfiePhoto(await decodePhoto(bytes, 1024));

describe('document photo quality', () => {
  const cards: Buffer[] = [];
  beforeAll(async () => {
    for (const [i, face] of PEOPLE.entries()) cards.push(await documentFront(syntheticIdentity(seededRandom(i), { today: '2026-11-30' }), face, seededRandom(i)));
  });
  const photos = (options: PhotoOptions) => Promise.all(cards.map((card, i) => photographDocument(card, seededRandom(100 + i), options)));

  it('passes a sharp, whole, well-lit card and finds its ID-1 outline', async () => {
    for (const photo of await photos({})) {
      const report = await documentQuality(photo);
      expect(report.issues).toEqual([]);
      expect(report.documentShape).toBe('id1');
      expect(report.measures.documentAspect!).toBeCloseTo(1.586, 1);
      expect(report.measures.sharpness).toBeGreaterThan(T.minDocumentSharpness);
    }
  });

  it.each([
    ['blurry', { degradation: { blurSigma: 4, jpegQuality: 85 } }],
    ['glare', { degradation: { glare: { x: 0.5, y: 0.45, size: 0.12 }, jpegQuality: 85 } }],
    ['too_small', { photoWidth: 640 }],
    ['document_cut_off', { cutOff: 0.3 }],
    ['too_dark', { degradation: { brightness: 0.3, jpegQuality: 85 } }],
  ] as const)('sends back a card that is %s', async (issue, options) => {
    for (const photo of await photos(options)) expect((await documentQuality(photo)).issues).toContain(issue);
  });

  it('says no document was found on an empty table', async () => {
    const report = await documentQuality(await emptyTablePhoto(seededRandom(7)));
    expect(report.issues).toContain('document_not_found');
    expect(report.documentCorners).toBeUndefined();
  });

  it('finds a passport page by its proportions', async () => {
    const page = await sharp({ create: { width: 1250, height: 880, channels: 3, background: '#e9e4d8' } })
      .composite([{ input: await sharp({ create: { width: 900, height: 40, channels: 3, background: '#333' } }).png().toBuffer(), left: 175, top: 700 }])
      .png()
      .toBuffer();
    const report = await documentQuality(await photographDocument(page, seededRandom(3), { scale: 0.7, rotateDegrees: 4 }));
    expect(report.documentShape).toBe('passport_page');
  });
});

describe('selfie quality', () => {
  const selfies = (options: SelfieOptions) => Promise.all(PEOPLE.map((face, i) => selfie(face, seededRandom(200 + i), options)));

  it('passes everyday selfies', async () => {
    for (const photo of await selfies({ degradation: { rotateDegrees: 5, jpegQuality: 85 } })) expect((await selfieQuality(photo)).issues).toEqual([]);
  });

  it.each([
    ['blurry', { width: 900, degradation: { blurSigma: 6, jpegQuality: 85 } }],
    ['too_dark', { degradation: { brightness: 0.3, jpegQuality: 85 } }],
    ['too_small', { width: 400, degradation: { jpegQuality: 85 } }],
  ] as const)('sends back a selfie that is %s', async (issue, options) => {
    for (const photo of await selfies(options)) expect((await selfieQuality(photo)).issues).toContain(issue);
  });

  it('measures the upright size of a photo turned by its EXIF orientation', async () => {
    const landscape = await sharp({ create: { width: 640, height: 400, channels: 3, background: '#888' } }).withMetadata({ orientation: 6 }).jpeg().toBuffer();
    const decoded = await decodePhoto(landscape, 1024);
    expect([decoded.originalWidth, decoded.originalHeight, decoded.rgb.width, decoded.rgb.height]).toEqual([400, 640, 400, 640]);
  });
});

describe('synthetic photos', () => {
  it('are the same for the same seed', async () => {
    const card = await documentFront(syntheticIdentity(seededRandom(1), { today: '2026-11-30' }), PEOPLE[0]!, seededRandom(1));
    const again = await documentFront(syntheticIdentity(seededRandom(1), { today: '2026-11-30' }), PEOPLE[0]!, seededRandom(1));
    expect(card.equals(again)).toBe(true);
    expect((await selfie(PEOPLE[1]!, seededRandom(5))).equals(await selfie(PEOPLE[1]!, seededRandom(5)))).toBe(true);
  });
});
