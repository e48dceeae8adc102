// A photo from the customer: checked by content, analyzed, stored encrypted, and turned into step changes
// and events in one commit. A retryable problem asks for a retake; a final one fails the check at once.
import type { Services } from '../core/services.ts';
import { AppError } from '../errors/app-error.ts';
import { buildEvent, type PendingEvent } from '../events/event-types.ts';
import { newId } from '../ids.ts';
import { reason } from './reason-codes.ts';
import type { Analysis } from '../analysis/analyzer-port.ts';
import { commitCheck } from './commit-check.ts';
import { requiredPhotoKinds, type CheckRecord, type PhotoKind, type PhotoRecord, type SubCheckName } from './check-types.ts';
import { sniffImageType, ALLOWED_PHOTO_TYPES } from './photo-content.ts';
import { isTerminal, nextStep } from './transition-table.ts';
import { decideVerdict, mergeSubChecks, requiredSubChecks } from './verdict.ts';

export interface PhotoUpload {
  kind: PhotoKind;
  bytes: Buffer;
}

export interface PhotoOutcome {
  check: CheckRecord;
  photo: PhotoRecord;
}

/** The sub-check a kind of photo settles, for failing it when retakes run out. */
const SUBCHECK_OF_KIND = {
  front: 'document_readable',
  back: 'back_readable',
  selfie: 'face_match',
  selfie_turn: 'liveness',
  signature: 'signature',
} as const satisfies Record<PhotoKind, SubCheckName>;

function assertAcceptable(s: Services, check: CheckRecord, upload: PhotoUpload, photoCount: number): string {
  if (isTerminal(check.step)) {
    throw new AppError('invalid_transition', `This check is already ${check.step}; no more photos are needed.`);
  }
  if (!requiredPhotoKinds(check.rules).includes(upload.kind)) {
    throw new AppError('validation_failed', `This check does not ask for a "${upload.kind}" photo.`, [
      { field: 'kind', message: `must be one of ${requiredPhotoKinds(check.rules).join(', ')}` },
    ]);
  }
  if (upload.bytes.length === 0) throw new AppError('validation_failed', 'The photo is empty.', [{ field: 'photo', message: 'is empty' }]);
  if (upload.bytes.length > s.config.maxPhotoBytes) {
    throw new AppError('payload_too_large', `A photo may be at most ${s.config.maxPhotoBytes} bytes.`);
  }
  const contentType = sniffImageType(upload.bytes);
  if (!contentType) {
    throw new AppError('unsupported_media_type', `The photo must be an image (${ALLOWED_PHOTO_TYPES.join(', ')}), judged by its content.`);
  }
  if (photoCount >= s.config.maxPhotosPerCheck) {
    throw new AppError('too_many_photos', `This check already has ${photoCount} photos, the most it accepts.`);
  }
  return contentType;
}

/** The analyzer's time for one photo, in `realid_analysis_duration_seconds`. */
async function timed(s: Services, analyzer: string, kind: string, analyze: () => Promise<Analysis>): Promise<Analysis> {
  const started = performance.now();
  let result = 'error';
  try {
    const analysis = await analyze();
    result = analysis.accepted ? 'accepted' : 'retake';
    return analysis;
  } finally {
    s.metrics.analysisSeconds.observe({ analyzer, kind, result }, (performance.now() - started) / 1000);
  }
}

export async function submitPhoto(s: Services, check: CheckRecord, upload: PhotoUpload): Promise<PhotoOutcome> {
  const photos = await s.store.checks.listPhotos(check.accountId, check.id);
  const contentType = assertAcceptable(s, check, upload, photos.length);
  const now = s.clock.now();
  const analyzer = s.analyzers[check.analyzer];
  if (!analyzer) throw new Error(`No analyzer named ${check.analyzer}`);
  const analysis = await timed(s, analyzer.name, upload.kind, () =>
    analyzer.analyze(
      { kind: upload.kind, bytes: upload.bytes, contentType },
      { check, previousOfKind: photos.filter((p) => p.kind === upload.kind).length, now },
    ),
  );

  const events: PendingEvent[] = [];
  let next: CheckRecord = { ...check, updatedAt: now };
  if (next.step === 'delivered') {
    next = { ...next, step: nextStep(next.step, 'open'), openedAt: now };
    events.push(buildEvent('check.opened', next, now));
  }
  const photo: PhotoRecord = {
    id: newId('photo'),
    checkId: check.id,
    accountId: check.accountId,
    kind: upload.kind,
    blobKey: null,
    contentType,
    sizeBytes: upload.bytes.length,
    status: analysis.accepted ? 'accepted' : 'rejected',
    reasons: analysis.reasons,
    createdAt: now,
  };

  if (analysis.accepted) {
    photo.blobKey = `${check.accountId}/${check.id}/${photo.id}`;
    next = {
      ...next,
      step: nextStep(next.step, 'submit_photo'),
      subChecks: mergeSubChecks(next.subChecks, analysis.subChecks),
      document: analysis.document ?? next.document,
      scores: { ...next.scores, ...analysis.scores },
      analysisState: { ...next.analysisState, ...analysis.state },
    };
    events.push(buildEvent('check.submitted-photo', next, now));
  } else {
    next = { ...next, retakes: next.retakes + 1 };
    if (next.retakes > next.rules.max_retakes) {
      next = {
        ...next,
        subChecks: mergeSubChecks(next.subChecks, [
          { name: SUBCHECK_OF_KIND[upload.kind], status: 'failed', reasons: [reason('retakes_exhausted')] },
        ]),
      };
    }
  }

  const verdict = decideVerdict(next.subChecks, requiredSubChecks(next.rules, next.analyzer));
  if (verdict !== 'pending') {
    const step = nextStep(next.step, verdict === 'passed' ? 'complete' : 'fail');
    next = { ...next, step, verdict, finishedAt: now };
    events.push(buildEvent(`check.${step}` as 'check.completed' | 'check.failed', next, now));
  }

  if (photo.blobKey) {
    const dataKey = await s.store.checks.dataKey(s.store.driver, check.accountId, check.id);
    if (!dataKey) throw new AppError('check_deleted', 'This check’s personal data was deleted; it takes no more photos.');
    await s.blobs.put(photo.blobKey, upload.bytes, dataKey);
  }
  try {
    const saved = await commitCheck(s.store, next, check.version, events, (tx) => s.store.checks.insertPhoto(tx, photo));
    return { check: saved, photo };
  } catch (error) {
    if (photo.blobKey) await s.blobs.delete(photo.blobKey).catch(() => undefined);
    throw error;
  }
}
