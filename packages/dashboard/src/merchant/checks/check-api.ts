// The checks API as the dashboard uses it: the shapes it reads and the calls it makes.
import type { Check as CheckSummary } from '@realid/webhooks';
import type { AccessEntryView, CheckDetailAnswer, CreateCheckAnswer, DeleteCheckAnswer, ListChecksAnswer } from '@realid/server/http/schemas/api-types.ts';
import { del, get, post, query } from '../../lib/api.ts';

// One shape for server and dashboard: the SDK's types of the check object.
export type { CheckReason as Reason, Check as CheckSummary, CheckDetail } from '@realid/webhooks';
export type Step = CheckSummary['step'];
export type Verdict = CheckSummary['verdict'];

export interface CheckFilters {
  q?: string;
  step?: string;
  verdict?: string;
  created_after?: string;
  created_before?: string;
}

export const listChecks = (filters: CheckFilters, cursor: string | undefined, signal?: AbortSignal) =>
  get<ListChecksAnswer>(`/api/v1/checks${query({ ...filters, limit: 25, cursor })}`, signal ? { signal } : {});

export const getCheck = (id: string, signal?: AbortSignal) =>
  get<CheckDetailAnswer>(`/api/v1/checks/${encodeURIComponent(id)}?withPhotos=true`, signal ? { signal } : {});

export interface NewCheckInput {
  customer: { email?: string; phone?: string; first_name?: string; last_name?: string };
  order?: { name: string };
  rules: Partial<Pick<CheckSummary['rules'], 'id_check_type' | 'include_back_of_id' | 'selfie_liveness' | 'signature_required'>>;
}

export const createCheck = (input: NewCheckInput) => post<CreateCheckAnswer>('/api/v1/checks', input);

export const approveCheck = (id: string, reason?: string) => post<CheckDetailAnswer>(`/api/v1/checks/${encodeURIComponent(id)}/approve`, reason ? { reason } : {});
export const rejectCheck = (id: string, reason: string) => post<CheckDetailAnswer>(`/api/v1/checks/${encodeURIComponent(id)}/reject`, { reason });
export type { AccessEntryView as AccessEntry } from '@realid/server/http/schemas/api-types.ts';

export const getAccessLog = (id: string, signal?: AbortSignal) =>
  get<{ entries: AccessEntryView[] }>(`/api/v1/checks/${encodeURIComponent(id)}/access-log`, signal ? { signal } : {});

export const deleteCheckData = (id: string) => del<DeleteCheckAnswer>(`/api/v1/checks/${encodeURIComponent(id)}`);
