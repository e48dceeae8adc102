// What the customer's pages ask of the service, with nothing but the link's token.
import { get, post, request } from '../lib/api.ts';

export type PhotoKind = 'front' | 'back' | 'selfie' | 'selfie_turn' | 'signature';
export type PrivacyKind = 'data_request' | 'manual_review' | 'data_deletion';

// One shape for server and web app: the types derived from the API's own response schemas.
export type { CustomerCheckView as CustomerCheck, PhotoAnswer as UploadResult } from '@realid/server/http/schemas/api-types.ts';
import type { CustomerCheckAnswer, PhotoAnswer, PrivacyRequestAnswer } from '@realid/server/http/schemas/api-types.ts';

const base = (token: string) => `/api/v1/customer/${encodeURIComponent(token)}`;

export const fetchCheck = async (token: string) => (await get<CustomerCheckAnswer>(base(token))).check;
export const openCheck = async (token: string) => (await post<CustomerCheckAnswer>(`${base(token)}/open`)).check;

export function uploadPhoto(token: string, kind: PhotoKind, file: File): Promise<PhotoAnswer> {
  const form = new FormData();
  // The service reads `kind` before the file, so it must come first.
  form.append('kind', kind);
  form.append('photo', file, file.name || `${kind}.jpg`);
  return request<PhotoAnswer>('POST', `${base(token)}/photos`, { form });
}

export const filePrivacyRequest = (token: string, kind: PrivacyKind, message: string) =>
  post<PrivacyRequestAnswer>(`${base(token)}/privacy-requests`, { kind, ...(message.trim() ? { message: message.trim() } : {}) });
