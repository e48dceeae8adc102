// Each account has a signing secret per mode. Rotating makes a new one that signs from now on, while the old ones
// keep signing beside it for the overlap (`secretOverlapHours`), so receivers can switch without losing a delivery.
import { generateSecret } from '@realid/webhooks';
import type { Services } from '../../core/services.ts';
import { newId } from '../../ids.ts';
import type { SigningSecret } from '../../store/accounts-repo.ts';
import type { Scope } from './webhook-records.ts';

export function activeSecrets(s: Services, { accountId, mode }: Scope): Promise<SigningSecret[]> {
  return s.store.accounts.activeSecrets(accountId, mode, s.clock.now());
}

export async function rotateSecret(s: Services, { accountId, mode }: Scope): Promise<{ secret: string; previousExpiresAt: number }> {
  const now = s.clock.now();
  const overlapUntil = now + s.config.webhooks.secretOverlapHours * 3600_000;
  const secret = generateSecret();
  await s.store.accounts.rotateSecret(accountId, mode, { id: newId('sec'), secret, createdAt: now, expiresAt: null }, now, overlapUntil);
  return { secret, previousExpiresAt: overlapUntil };
}
