// Creating and changing webhook endpoints: the URL is checked the way deliveries will check it, so a
// merchant hears "blocked_address" or "https required" now rather than from a failed delivery later.
import type { Services } from '../../core/services.ts';
import { AppError } from '../../errors/app-error.ts';
import { isEventType, type EventType } from '../../events/event-types.ts';
import { newId } from '../../ids.ts';
import type { Endpoint } from '../../store/endpoints-repo.ts';
import { destinationPolicy } from '../engine/destination-policy.ts';
import { checkLiteralHost, parseWebhookUrl, resolveAndCheck, systemResolver } from '../engine/outbound/index.ts';

export const MAX_ENDPOINTS_PER_ACCOUNT = 50;

export interface EndpointInput {
  url?: string;
  event_types?: string[];
  mode?: Endpoint['mode'];
  description?: string;
  enabled?: boolean;
}

async function checkUrl(s: Services, url: string, mode: Endpoint['mode']): Promise<void> {
  const policy = destinationPolicy(s.config.webhooks, mode);
  const parsed = parseWebhookUrl(url, policy.requireHttps);
  if (!parsed.ok) {
    const message = parsed.errorCode === 'https_required' ? 'Live-mode endpoints must use https.' : `The URL is not usable: ${parsed.errorMessage}.`;
    throw new AppError('invalid_url', message, [{ field: 'url', message: parsed.errorMessage }]);
  }
  const host = parsed.url.hostname;
  const literal = checkLiteralHost(host, policy);
  const check = literal ?? (await resolveAndCheck(host, policy, systemResolver, AbortSignal.timeout(3000)).catch(() => null));
  // A name that does not resolve yet is allowed (DNS may come later); one that resolves somewhere forbidden is not.
  if (check && !check.ok && check.errorCode === 'blocked_address') {
    const why = mode === 'live' ? ' Live endpoints must be on public addresses.' : '';
    throw new AppError('blocked_address', `Webhooks cannot be sent there: ${check.errorMessage}.${why}`, [{ field: 'url', message: check.errorMessage }]);
  }
}

function eventTypes(list: string[]): EventType[] {
  const unknown = list.filter((t) => !isEventType(t));
  if (unknown.length || list.length === 0) {
    throw new AppError('validation_failed', unknown.length ? `Unknown event types: ${unknown.join(', ')}.` : 'Choose at least one event type.', [
      { field: 'event_types', message: 'must list one or more of the eight event types' },
    ]);
  }
  return [...new Set(list)] as EventType[];
}

export async function createEndpoint(s: Services, accountId: string, defaultMode: Endpoint['mode'], input: EndpointInput): Promise<Endpoint> {
  const mode = input.mode ?? defaultMode;
  if ((await s.store.endpoints.list(accountId)).length >= MAX_ENDPOINTS_PER_ACCOUNT) {
    throw new AppError('conflict', `An account can have at most ${MAX_ENDPOINTS_PER_ACCOUNT} endpoints.`);
  }
  await checkUrl(s, input.url!, mode);
  const now = s.clock.now();
  const endpoint: Endpoint = {
    id: newId('ep'),
    accountId,
    mode,
    url: input.url!,
    eventTypes: eventTypes(input.event_types ?? []),
    description: input.description ?? '',
    enabled: input.enabled ?? true,
    disabledReason: input.enabled === false ? 'manual' : null,
    failingSince: null,
    createdAt: now,
    updatedAt: now,
  };
  await s.store.endpoints.insert(endpoint);
  return endpoint;
}

export async function updateEndpoint(s: Services, current: Endpoint, input: EndpointInput): Promise<Endpoint> {
  if (input.url !== undefined) await checkUrl(s, input.url, current.mode);
  const enabling = input.enabled === true && !current.enabled;
  const next: Endpoint = {
    ...current,
    url: input.url ?? current.url,
    eventTypes: input.event_types ? eventTypes(input.event_types) : current.eventTypes,
    description: input.description ?? current.description,
    enabled: input.enabled ?? current.enabled,
    // Re-enabling starts a fresh health record; pending messages resume.
    disabledReason: input.enabled === false ? 'manual' : enabling ? null : current.disabledReason,
    failingSince: enabling ? null : current.failingSince,
    updatedAt: s.clock.now(),
  };
  await s.store.endpoints.update(next);
  if (enabling) await s.store.driver.notify('deliveries');
  return next;
}
