// The checks API as the dashboard uses it: the shapes it reads and the calls it makes.
import { del, get, post, query } from '../../lib/api.ts';

export type Step = 'delivered' | 'opened' | 'submitted-photo' | 'completed' | 'failed';
export type Verdict = 'pending' | 'passed' | 'failed';

export interface Reason {
  code: string;
  retryable: boolean;
  message: string;
}

export interface CheckSummary {
  id: string;
  testing: boolean;
  step: Step;
  verdict: Verdict;
  deleted: boolean;
  customer: { email?: string; phone?: string; first_name?: string; last_name?: string } | null;
  order: { name?: string } | null;
  rules: { minimum_age: number; id_type: 'id' | 'id_and_selfie'; back_required: boolean; max_retakes: number };
  created_at: string;
  updated_at: string;
  finished_at: string | null;
  deleted_at: string | null;
  link_expires_at: string;
}

export interface CheckDetail extends CheckSummary {
  sub_checks: { name: string; status: 'passed' | 'failed' | 'pending'; reasons: Reason[] }[];
  document: Record<string, string> | null;
  decision: { by: string; verdict: string; reason?: string; at: string } | null;
  retakes: number;
  photos_received: { id: string; kind: string; status: 'accepted' | 'rejected'; reasons: Reason[]; created_at: string }[];
  privacy_requests: { id: string; kind: string; message: string | null; created_at: string }[];
  timeline: { id: string; event: string; created_at: string }[];
  photos?: { id: string; kind: string; url: string; expires_at: string }[];
}

export interface CheckFilters {
  q?: string;
  step?: string;
  verdict?: string;
  testing?: string;
  created_after?: string;
  created_before?: string;
}

export const listChecks = (filters: CheckFilters, cursor: string | undefined, signal?: AbortSignal) =>
  get<{ checks: CheckSummary[]; next_cursor: string | null }>(`/api/v1/checks${query({ ...filters, limit: 25, cursor })}`, signal ? { signal } : {});

export const getCheck = (id: string, signal?: AbortSignal) =>
  get<{ check: CheckDetail }>(`/api/v1/checks/${encodeURIComponent(id)}?withPhotos=true`, signal ? { signal } : {});

export interface NewCheckInput {
  customer: { email?: string; phone?: string; first_name?: string; last_name?: string };
  order?: { name: string };
  rules: { id_type: 'id' | 'id_and_selfie'; back_required: boolean };
}

export const createCheck = (input: NewCheckInput, mode: 'test' | 'live') =>
  post<{ check: CheckSummary & { link: string } }>('/api/v1/checks', input, { mode });

export const approveCheck = (id: string, reason?: string) => post<{ check: CheckDetail }>(`/api/v1/checks/${encodeURIComponent(id)}/approve`, reason ? { reason } : {});
export const rejectCheck = (id: string, reason: string) => post<{ check: CheckDetail }>(`/api/v1/checks/${encodeURIComponent(id)}/reject`, { reason });
export const deleteCheckData = (id: string) => del<{ check: CheckSummary }>(`/api/v1/checks/${encodeURIComponent(id)}`);
