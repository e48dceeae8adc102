// The check as the API shows it to its merchant: Real ID's documented shape first (`id`, `step`, `shop_name`,
// `created_at`, `order`, `customer`, `rules`, `result`), realid's additions beside it, and in the detail
// view the sub-checks, timeline and, on request, photos.
import type { Check, CheckDetail } from '@realid/webhooks';
import { iso, isoTime } from '../core/iso-time.ts';
import type { Services } from '../core/services.ts';
import { PHOTO_URL_TTL_MS, signedPhotoUrl } from '../photos/photo-urls.ts';
import type { AccessEntry } from '../store/access-log-repo.ts';
import { personalDataExpiresAt } from './retention.ts';
import type { CheckRecord, PhotoRecord } from './check-types.ts';


/** Every field is always present with one type, so a client reading `check.customer.email` never trips. */
function customerOf(check: CheckRecord) {
  const c = check.customer ?? {};
  return { id: c.id ?? null, first_name: c.first_name ?? '', last_name: c.last_name ?? '', phone: c.phone ?? '', email: c.email ?? '' };
}

/** What the view needs of the account: its name (`shop_name`) and how long it keeps personal data. */
export interface ViewAccount {
  name: string;
  retentionDays: number;
}

/** The short form used in lists and in the create and delete answers. */
export function checkSummary(check: CheckRecord, account: ViewAccount): Check {
  return {
    id: check.id,
    step: check.step,
    shop_name: account.name,
    created_at: isoTime(check.createdAt),
    order: { id: check.order?.id ?? null, name: check.order?.name ?? '' },
    customer: customerOf(check),
    rules: { testing: check.testing, ...check.rules },
    result: { scores: check.scores, document: check.document ?? {} },
    verdict: check.verdict,
    deleted: check.deletedAt !== null,
    updated_at: isoTime(check.updatedAt),
    opened_at: iso(check.openedAt),
    finished_at: iso(check.finishedAt),
    deleted_at: iso(check.deletedAt),
    personal_data_expires_at: iso(personalDataExpiresAt(check, account.retentionDays)),
    link_expires_at: isoTime(check.linkExpiresAt),
  };
}

/** The document's portrait beside the selfie, for a person reviewing the face match: which photos, and where the portrait is. */
function faceComparison(check: CheckRecord, photos: PhotoRecord[]): Pick<CheckDetail, 'face_comparison'> {
  const latest = (kind: PhotoRecord['kind']) => photos.filter((p) => p.kind === kind && p.status === 'accepted').at(-1);
  const front = latest('front');
  const selfie = latest('selfie');
  const box = check.analysisState.portraitBox;
  if (!front || !selfie || !box || check.deletedAt !== null) return {};
  return { face_comparison: { portrait: { photo_id: front.id, box }, selfie_photo_id: selfie.id, score: check.scores.face_match ?? null } };
}

/** The timeline: the check's events, and the deletion of its personal data (which no webhook announces). */
function timelineOf(events: { id: string; type: string; createdAt: number }[], access: AccessEntry[]): CheckDetail['timeline'] {
  const deletions = access
    .filter((a) => a.action === 'deleted' || a.action === 'retention_deleted')
    .map((a) => ({ id: a.id, event: 'personal_data.deleted', created_at: isoTime(a.createdAt), by: a.action === 'deleted' ? ('merchant' as const) : ('retention' as const), ms: a.createdAt }));
  const entries = [...events.map((e) => ({ id: e.id, event: e.type, created_at: isoTime(e.createdAt), ms: e.createdAt })), ...deletions];
  return entries.sort((a, b) => a.ms - b.ms).map(({ ms: _ms, ...entry }) => entry);
}

export async function checkDetail(s: Services, check: CheckRecord, account: ViewAccount, withPhotos: boolean): Promise<CheckDetail> {
  const [photos, events, requests, access] = await Promise.all([
    s.store.checks.listPhotos(check.accountId, check.id),
    s.store.events.listForCheck(check.accountId, check.id),
    s.store.privacyRequests.list(check.accountId, check.id),
    s.store.accessLog.forCheck(check.accountId, check.id),
  ]);
  const expires = s.clock.now() + PHOTO_URL_TTL_MS;
  return {
    ...checkSummary(check, account),
    content: check.content ?? {},
    analyzer: check.analyzer,
    sub_checks: check.subChecks,
    decision: check.decision && { ...check.decision, at: isoTime(check.decision.at) },
    retakes: check.retakes,
    ...(check.turn ? { selfie_turn: check.turn } : {}),
    ...faceComparison(check, photos),
    photos_received: photos.map((p) => ({ id: p.id, kind: p.kind, status: p.status, reasons: p.reasons, created_at: isoTime(p.createdAt) })),
    privacy_requests: requests.map((r) => ({ id: r.id, kind: r.kind, message: r.message, created_at: isoTime(r.createdAt) })),
    timeline: timelineOf(events, access),
    ...(withPhotos
      ? {
          photos: photos
            .filter((p) => p.blobKey)
            .map((p) => ({ id: p.id, kind: p.kind, content_type: p.contentType, url: signedPhotoUrl(s.config.publicUrl, s.urlKey, p.id, expires), expires_at: isoTime(expires) })),
        }
      : {}),
  };
}
