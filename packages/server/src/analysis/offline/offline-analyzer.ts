// The offline analyzer: reads the ID, checks the face and reaches the verdict on this server, with models and
// WebAssembly from npm packages and no network. Photo quality comes first, so a customer retakes at once; what
// it cannot decide with confidence (a timeout, an unread front, a borderline face, a mirrored turn) becomes a
// pending `manual_review` sub-check for the merchant, never a pass.
import type { DocumentData, PhotoKind, Reason, SubCheck, TurnDirection } from '../../checks/check-types.ts';
import type { Analysis, AnalysisContext, Analyzer, PhotoInput } from '../analyzer-port.ts';
import { reason, type ReasonCode } from '../../checks/reason-codes.ts';
import { FACE_MATCH_THRESHOLD, matchFaces } from './face/face-match.ts';
import type { LazyPool } from './lazy-pool.ts';
import { qualityReasons } from './quality-reasons.ts';
import { fromBarcode, fromMrz } from './read-to-document.ts';
import { documentSubChecks, sidesAgree } from './rules/document-rules.ts';
import type { DocumentReadResult } from './tasks/document-read-task.ts';
import type { TaskOutcome } from './pool/task-outcome.ts';
import { inkShare } from './signature-ink.ts';

/** Within this distance of the threshold, a face comparison is too close to call automatically. */
export const FACE_UNCERTAINTY = 0.04;
/** A drawn signature covers at least this share of its box. */
const MIN_INK = 0.002;

const retake = (code: ReasonCode): Analysis => ({ accepted: false, reasons: [reason(code)], subChecks: [] });
const passed = (name: SubCheck['name']): SubCheck => ({ name, status: 'passed', reasons: [] });
const failed = (name: SubCheck['name'], code: ReasonCode): SubCheck => ({ name, status: 'failed', reasons: [reason(code)] });

/** Accepted and kept for the merchant, who decides: the customer is not asked again for what they did right. */
function review(why: string, extra: Partial<Analysis> = {}): Analysis {
  const note: Reason = { ...reason('needs_review'), message: `${reason('needs_review').message} (${why})` };
  return { accepted: true, reasons: [], ...extra, subChecks: [...(extra.subChecks ?? []), { name: 'manual_review', status: 'pending', reasons: [note] }] };
}

/** A task that timed out or failed is never a pass. */
function valueOf<T>(outcome: TaskOutcome<T>): T | string {
  if (outcome.status === 'done') return outcome.value;
  return outcome.status === 'timeout' ? 'the analysis took too long' : `the analysis failed (${outcome.failure})`;
}

const documentOf = (read: DocumentReadResult): DocumentData | undefined =>
  read.barcode?.ok ? fromBarcode(read.barcode.data) : read.mrz?.ok ? fromMrz(read.mrz.data) : undefined;

const today = (now: number): string => new Date(now).toISOString().slice(0, 10);

/** Found and decoded, but not trusted (an MRZ two readings disagree on, a barcode missing fields): a person decides. */
const UNCERTAIN = new Set(['ambiguous', 'check_digits_failed', 'incomplete']);
const uncertain = (read: DocumentReadResult): boolean =>
  [read.barcode, read.mrz].some((r) => r !== undefined && !r.ok && UNCERTAIN.has(r.reason));

export class OfflineAnalyzer implements Analyzer {
  readonly name = 'offline';

  constructor(private readonly pool: LazyPool) {}

  async analyze(photo: PhotoInput, context: AnalysisContext): Promise<Analysis> {
    // HEIC needs a codec libvips ships without: the photo is kept for the merchant rather than refused.
    if (photo.contentType === 'image/heic') return review('HEIC photos are reviewed by hand');
    const bytes = new Uint8Array(photo.bytes);
    const handlers: Record<PhotoKind, () => Promise<Analysis>> = {
      front: () => this.front(bytes, context),
      back: () => this.back(bytes, context),
      selfie: () => this.selfie(bytes, context),
      selfie_turn: () => this.turned(bytes, context),
      signature: () => this.signature(bytes),
    };
    return handlers[photo.kind]();
  }

  private rulesFor(document: DocumentData, context: AnalysisContext): SubCheck[] {
    return documentSubChecks(document, { rules: context.check.rules, customer: context.check.customer, today: today(context.now) });
  }

  /** The front: quality, the portrait (kept for the selfie), and the MRZ of a passport page or TD2 card. */
  private async front(photo: Uint8Array, context: AnalysisContext): Promise<Analysis> {
    const pool = await this.pool.get();
    const front = valueOf(await pool.run('photo.front', { photo }));
    if (typeof front === 'string') return review(front);
    if (!front.quality.ok) return { accepted: false, reasons: qualityReasons(front.quality.issues), subChecks: [] };
    const portrait = front.portrait?.portrait;
    if (!portrait) return retake('portrait_not_found');
    const { width, height } = front.quality.measures;
    const box = { x: portrait.box.x / width, y: portrait.box.y / height, width: portrait.box.width / width, height: portrait.box.height / height };
    const state = { portrait: portrait.descriptor, portraitBox: box };
    // A card's front (a licence, a TD1 card) carries no MRZ; a passport page or a TD2 card does.
    const text = front.quality.documentShape === 'id1' ? undefined : valueOf(await pool.run('document.read', { photo, codes: ['mrz'] }));
    const read = text === undefined || typeof text === 'string' ? undefined : text;
    const document = read && documentOf(read);
    if (document) return { accepted: true, reasons: [], document, state, subChecks: this.rulesFor(document, context) };
    if (read && uncertain(read)) return review('the machine-readable zone was read but not with certainty', { state });
    // A licence's front is printed text realid does not read: its barcode on the back says what the front says.
    if (context.check.rules.include_back_of_id) return { accepted: true, reasons: [], state, subChecks: [] };
    return review('the front has no machine-readable zone and the check does not ask for the back', { state });
  }

  /** The back: quality, then the barcode (or a TD1 card's MRZ), checked against the front when both were read. */
  private async back(photo: Uint8Array, context: AnalysisContext): Promise<Analysis> {
    const pool = await this.pool.get();
    const [shot, read] = await Promise.all([pool.run('quality.document', { photo }), pool.run('document.read', { photo, codes: ['barcode', 'mrz'] })]);
    const quality = valueOf(shot);
    const text = valueOf(read);
    if (typeof quality === 'string') return review(quality);
    if (typeof text === 'string') return review(text);
    const document = documentOf(text);
    // A code that reads is worth more than a quality score: glare beside the barcode does not matter.
    if (!document) {
      if (uncertain(text)) return review('a code was read but not with certainty');
      return quality.ok ? retake('code_not_found') : { accepted: false, reasons: qualityReasons(quality.issues), subChecks: [] };
    }
    const front = context.check.document;
    if (front && !sidesAgree(front, document)) return { accepted: true, reasons: [], subChecks: [failed('back_readable', 'document_mismatch')] };
    return { accepted: true, reasons: [], document: front ?? document, subChecks: [passed('back_readable'), ...this.rulesFor(document, context)] };
  }

  /** The selfie: quality, exactly one face, and that face against the document's portrait. */
  private async selfie(photo: Uint8Array, context: AnalysisContext): Promise<Analysis> {
    const face = await this.oneFace(photo);
    if (!('descriptor' in face)) return face;
    const portrait = context.check.analysisState.portrait;
    if (!portrait) return review('no portrait was found on the document to compare with', { state: { selfie: face.descriptor } });
    const m = matchFaces(portrait, face.descriptor);
    const common = { scores: { face_match: round(m.score) }, state: { selfie: face.descriptor } };
    if (Math.abs(m.distance - FACE_MATCH_THRESHOLD) < FACE_UNCERTAINTY) return review('the face match is too close to call', common);
    return { accepted: true, reasons: [], ...common, subChecks: [m.match ? passed('face_match') : failed('face_match', 'face_mismatch')] };
  }

  /** The turned selfie: the same face, turned to the side asked. */
  private async turned(photo: Uint8Array, context: AnalysisContext): Promise<Analysis> {
    const face = await this.oneFace(photo);
    if (!('descriptor' in face)) return face;
    if (face.facing === 'frontal') return retake('turn_not_detected');
    const reference = context.check.analysisState.selfie ?? context.check.analysisState.portrait;
    const same = reference ? matchFaces(reference, face.descriptor) : undefined;
    if (!same?.match) return review(reference ? 'the turned face does not clearly match' : 'no face to compare the turned one with');
    // The person turning to their left shows the nose toward the image's right, unless the camera mirrored it.
    if (face.facing !== imageSideOf(context.check.turn)) return review('the head turned to the other side (a mirrored camera?)');
    return { accepted: true, reasons: [], scores: { liveness: round(same.score) }, subChecks: [passed('liveness')] };
  }

  private async oneFace(photo: Uint8Array): Promise<{ descriptor: number[]; facing: string } | Analysis> {
    const pool = await this.pool.get();
    const selfie = valueOf(await pool.run('photo.selfie', { photo }));
    if (typeof selfie === 'string') return review(selfie);
    if (!selfie.quality.ok) return { accepted: false, reasons: qualityReasons(selfie.quality.issues), subChecks: [] };
    if (selfie.faces?.verdict === 'none' || !selfie.faces) return retake('no_face_detected');
    if (selfie.faces.verdict === 'several') return retake('multiple_faces');
    const [face] = selfie.faces.faces;
    return { descriptor: face!.descriptor, facing: face!.pose.facing };
  }

  private async signature(photo: Uint8Array): Promise<Analysis> {
    const ink = await inkShare(photo).catch(() => undefined);
    if (ink === undefined) return retake('unsupported_image');
    return ink >= MIN_INK ? { accepted: true, reasons: [], subChecks: [passed('signature')] } : retake('signature_blank');
  }
}

const round = (score: number): number => Math.round(score * 1000) / 1000;

function imageSideOf(turn: TurnDirection | null): 'left' | 'right' | undefined {
  return turn === 'left' ? 'right' : turn === 'right' ? 'left' : undefined;
}
