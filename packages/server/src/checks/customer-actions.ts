// What a customer can do with only the link's token: open the check, send photos, see where they stand,
// and file the three privacy requests.
import type { Services } from '../core/services.ts';
import { AppError } from '../errors/app-error.ts';
import { buildEvent, PRIVACY_EVENT_FOR, type PrivacyRequestKind } from '../events/event-types.ts';
import { newId, sha256Hex } from '../ids.ts';
import { commitCheck } from './commit-check.ts';
import { requiredPhotoKinds, type CheckRecord, type PhotoKind, type PhotoRecord } from './check-types.ts';
import { canTransition, nextStep } from './transition-table.ts';

export async function checkForToken(s: Services, token: string): Promise<CheckRecord> {
  // Deleted checks lose their token hash, so their links are as unknown as a made-up one.
  const check = token.length >= 20 && token.length <= 100 ? await s.store.checks.getByTokenHash(sha256Hex(token)) : undefined;
  if (!check) throw new AppError('not_found', 'This link is not valid. Ask the merchant for a new one.');
  if (check.linkExpiresAt <= s.clock.now()) throw new AppError('link_expired', 'This link has expired. Ask the merchant for a new one.');
  return check;
}

/** The first open moves the check to `opened`; later opens change nothing. */
export async function openCheck(s: Services, check: CheckRecord): Promise<CheckRecord> {
  if (!canTransition(check.step, 'open')) return check;
  const now = s.clock.now();
  const next: CheckRecord = { ...check, step: nextStep(check.step, 'open'), openedAt: now, updatedAt: now };
  return commitCheck(s.store, next, check.version, [buildEvent('check.opened', next, now)]);
}

export async function filePrivacyRequest(
  s: Services,
  check: CheckRecord,
  kind: PrivacyRequestKind,
  message: string | undefined,
): Promise<{ id: string; kind: PrivacyRequestKind; created_at: string }> {
  const now = s.clock.now();
  const id = newId('preq');
  await s.store.driver.transaction(async (tx) => {
    await s.store.privacyRequests.insert(tx, { id, accountId: check.accountId, checkId: check.id, kind, message: message ?? null, createdAt: now });
    await s.store.events.append(tx, check, [buildEvent(PRIVACY_EVENT_FOR[kind], check, now)]);
  });
  return { id, kind, created_at: new Date(now).toISOString() };
}

export type CustomerStatus = 'waiting_for_photos' | 'in_review' | 'verified' | 'not_verified';

/** What the customer sees: progress and what to do next, never the merchant's reason codes or rules. */
export async function customerView(s: Services, check: CheckRecord) {
  const [photos, account, requests] = await Promise.all([
    s.store.checks.listPhotos(check.accountId, check.id),
    s.store.accounts.get(check.accountId),
    s.store.privacyRequests.list(check.accountId, check.id),
  ]);
  const accepted = new Set(photos.filter((p) => p.status === 'accepted').map((p) => p.kind));
  const needed = requiredPhotoKinds(check.rules).filter((k) => !accepted.has(k));
  const last = photos.at(-1);
  const retake = last && last.status === 'rejected' && !accepted.has(last.kind) ? retakeOf(last) : null;
  const status: CustomerStatus =
    check.step === 'completed' ? 'verified' : check.step === 'failed' ? 'not_verified' : needed.length ? 'waiting_for_photos' : 'in_review';
  return {
    check: {
      id: check.id,
      merchant: account?.name ?? '',
      testing: check.testing,
      status,
      photos_needed: needed,
      photos_accepted: [...accepted],
      retake,
      retakes_left: Math.max(0, check.rules.max_retakes - check.retakes),
      intro_content: check.content?.intro_content ?? null,
      theme: check.content?.theme ?? {},
      ...(check.turn ? { selfie_turn: check.turn } : {}),
      link_expires_at: new Date(check.linkExpiresAt).toISOString(),
      privacy_requests: requests.map((r) => ({ kind: r.kind, created_at: new Date(r.createdAt).toISOString() })),
    },
  };
}

function retakeOf(photo: PhotoRecord): { kind: PhotoKind; message: string } {
  return { kind: photo.kind, message: photo.reasons[0]?.message ?? 'Please retake this photo.' };
}
