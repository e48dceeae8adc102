// What a merchant reads of their webhooks, always within one account and one mode: a key reaches only its own
// mode's endpoints, messages and notices; the other mode's are as unknown as another account's (`not_found`).
import type { Services } from '../../core/services.ts';
import { notFound } from '../../errors/app-error.ts';
import type { AccountLogEntry, KeyMode } from '../../store/accounts-repo.ts';
import type { AttemptRecord, MessageFilters, MessageRow } from '../../store/deliveries-repo.ts';
import type { Endpoint } from '../../store/endpoints-repo.ts';

export interface Scope {
  accountId: string;
  mode: KeyMode;
}

export async function listEndpoints(s: Services, { accountId, mode }: Scope): Promise<Endpoint[]> {
  return (await s.store.endpoints.list(accountId)).filter((e) => e.mode === mode);
}

export async function findEndpoint(s: Services, { accountId, mode }: Scope, id: string): Promise<Endpoint> {
  const endpoint = await s.store.endpoints.get(accountId, id);
  if (!endpoint || endpoint.mode !== mode) throw notFound('Endpoint');
  return endpoint;
}

/** Deletes the endpoint with its messages and their attempts. */
export async function deleteEndpoint(s: Services, endpoint: Endpoint): Promise<void> {
  await s.store.endpoints.delete(endpoint.accountId, endpoint.id);
}

export async function findMessage(s: Services, { accountId, mode }: Scope, id: string): Promise<MessageRow> {
  const message = await s.store.deliveries.getMessage(accountId, id, mode);
  if (!message) throw notFound('Message');
  return message;
}

export function listMessages(s: Services, { accountId, mode }: Scope, filters: Omit<MessageFilters, 'mode'>): Promise<MessageRow[]> {
  return s.store.deliveries.listMessages(accountId, { ...filters, mode });
}

export function listAttempts(s: Services, { accountId }: Scope, message: MessageRow): Promise<AttemptRecord[]> {
  return s.store.deliveries.listAttempts(accountId, message.id);
}

/** A notice is about one endpoint; older notices name only the endpoint, whose mode decides. */
function noticeMode(entry: AccountLogEntry, modes: Map<string, KeyMode>): KeyMode | undefined {
  const data = (entry.data ?? {}) as { mode?: KeyMode; endpoint_id?: string };
  return data.mode ?? (data.endpoint_id ? modes.get(data.endpoint_id) : undefined);
}

/** The latest notices (failing, exhausted, disabled) about the scope's endpoints. */
export async function listNotices(s: Services, { accountId, mode }: Scope): Promise<AccountLogEntry[]> {
  const [entries, endpoints] = await Promise.all([s.store.accounts.listLog(accountId, 100), s.store.endpoints.list(accountId)]);
  const modes = new Map(endpoints.map((e) => [e.id, e.mode]));
  return entries.filter((e) => noticeMode(e, modes) === mode);
}
