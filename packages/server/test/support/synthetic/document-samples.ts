// One photographed document per seed, with the fields it was made from: licence backs (AAMVA PDF417) and
// MRZ documents (TD3 passport pages, TD2 cards, TD1 card backs). The same seed always gives the same photo.
import type { MrzFormat } from '../../../src/analysis/offline/document/mrz/mrz-layouts.ts';
import { aamvaFieldsFor } from './aamva-encode.ts';
import type { AamvaFields } from './aamva-encode.ts';
import { everydayConditions, photograph } from './document-photo.ts';
import type { PhotoConditions } from './document-photo.ts';
import { idCardBack, ID_CARD_RENDER_DPI } from './id-card-back.ts';
import { syntheticIdentity } from './identity.ts';
import { CARD_RENDER_DPI, licenceBack, typicalLicenceBackOptions } from './licence-back.ts';
import { mrzFieldsFor } from './mrz-encode.ts';
import type { MrzFields } from './mrz-encode.ts';
import { dataPage, PAGE_RENDER_DPI } from './passport-page.ts';
import { seededRandom } from './seeded-random.ts';
import type { Random } from './seeded-random.ts';

export type DocumentKind = 'licence-back' | 'passport-td3' | 'id-card-td2' | 'id-card-td1';

export const SAMPLE_TODAY = '2026-11-30';
const AAMVA_VERSIONS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10] as const;

export interface SampleOptions {
  /** Photo conditions for this sample; default: everydayConditions. */
  conditions?: (random: Random) => PhotoConditions;
}

export interface LicenceBackSample {
  kind: 'licence-back';
  seed: number;
  photo: Buffer;
  conditions: PhotoConditions;
  fields: AamvaFields;
}

export interface MrzSample {
  kind: Exclude<DocumentKind, 'licence-back'>;
  seed: number;
  photo: Buffer;
  conditions: PhotoConditions;
  fields: MrzFields;
  lines: string[];
}

export type DocumentSample = LicenceBackSample | MrzSample;

const FORMAT: Record<MrzSample['kind'], MrzFormat> = { 'passport-td3': 'TD3', 'id-card-td2': 'TD2', 'id-card-td1': 'TD1' };

export async function licenceBackSample(seed: number, options: SampleOptions = {}): Promise<LicenceBackSample> {
  const random = seededRandom(seed).fork('licence-back');
  const identity = syntheticIdentity(random, { today: SAMPLE_TODAY });
  const fields = aamvaFieldsFor(identity, random.pick(AAMVA_VERSIONS), random);
  const back = await licenceBack(fields, typicalLicenceBackOptions(random));
  const conditions = (options.conditions ?? everydayConditions)(random);
  return { kind: 'licence-back', seed, photo: await photograph(back.png, CARD_RENDER_DPI, conditions), conditions, fields };
}

export async function mrzSample(seed: number, kind: MrzSample['kind'], options: SampleOptions = {}): Promise<MrzSample> {
  const random = seededRandom(seed).fork(kind);
  const identity = syntheticIdentity(random, { today: SAMPLE_TODAY });
  const fields = mrzFieldsFor(identity, FORMAT[kind], random);
  const document = kind === 'id-card-td1' ? await idCardBack(identity, fields) : await dataPage(identity, fields);
  const conditions = (options.conditions ?? everydayConditions)(random);
  const dpi = kind === 'id-card-td1' ? ID_CARD_RENDER_DPI : PAGE_RENDER_DPI;
  return { kind, seed, photo: await photograph(document.png, dpi, conditions), conditions, fields, lines: document.lines };
}

export const documentSample = (seed: number, kind: DocumentKind, options: SampleOptions = {}): Promise<DocumentSample> =>
  kind === 'licence-back' ? licenceBackSample(seed, options) : mrzSample(seed, kind, options);
