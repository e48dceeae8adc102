// The check as the API shows it to its merchant: everything, including the timeline and, on request, photos.
import type { Services } from '../app/services.ts';
import { PHOTO_URL_TTL_MS, signedPhotoUrl } from '../photos/photo-urls.ts';
import type { CheckRecord } from './check-types.ts';

const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());

/** The short form used in lists and in the create answer. */
export function checkSummary(check: CheckRecord) {
  return {
    id: check.id,
    testing: check.testing,
    step: check.step,
    verdict: check.verdict,
    deleted: check.deletedAt !== null,
    customer: check.customer,
    order: check.order,
    rules: check.rules,
    created_at: iso(check.createdAt),
    updated_at: iso(check.updatedAt),
    opened_at: iso(check.openedAt),
    finished_at: iso(check.finishedAt),
    deleted_at: iso(check.deletedAt),
    link_expires_at: iso(check.linkExpiresAt),
  };
}

export async function checkDetail(s: Services, check: CheckRecord, withPhotos: boolean) {
  const [photos, events, requests] = await Promise.all([
    s.store.checks.listPhotos(check.accountId, check.id),
    s.store.events.listForCheck(check.accountId, check.id),
    s.store.events.listPrivacyRequests(check.accountId, check.id),
  ]);
  const expires = s.clock.now() + PHOTO_URL_TTL_MS;
  return {
    ...checkSummary(check),
    analyzer: check.analyzer,
    sub_checks: check.subChecks,
    document: check.document,
    decision: check.decision && { ...check.decision, at: iso(check.decision.at) },
    retakes: check.retakes,
    photos_received: photos.map((p) => ({ id: p.id, kind: p.kind, status: p.status, reasons: p.reasons, created_at: iso(p.createdAt) })),
    privacy_requests: requests.map((r) => ({ id: r.id, kind: r.kind, message: r.message, created_at: iso(r.createdAt) })),
    timeline: events.map((e) => ({ id: e.id, event: e.type, created_at: iso(e.createdAt) })),
    ...(withPhotos
      ? {
          photos: photos
            .filter((p) => p.blobKey)
            .map((p) => ({ id: p.id, kind: p.kind, content_type: p.contentType, url: signedPhotoUrl(s.config.publicUrl, s.urlKey, p.id, expires), expires_at: iso(expires) })),
        }
      : {}),
  };
}
