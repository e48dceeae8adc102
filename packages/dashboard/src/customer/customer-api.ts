// What the customer's pages ask of the service, with nothing but the link's token.
import { get, post, request } from '../lib/api.ts';

export type PhotoKind = 'front' | 'back' | 'selfie' | 'selfie_turn' | 'signature';
export type PrivacyKind = 'data_request' | 'manual_review' | 'data_deletion';

export interface CustomerCheck {
  id: string;
  merchant: string;
  testing: boolean;
  status: 'waiting_for_photos' | 'in_review' | 'verified' | 'not_verified';
  photos_needed: PhotoKind[];
  photos_accepted: PhotoKind[];
  retake: { kind: PhotoKind; message: string } | null;
  retakes_left: number;
  /** The merchant's own words for this check, shown before the first photo. */
  intro_content: string | null;
  theme: { primary_color?: string };
  /** With a turned-selfie step: the side to turn to. */
  selfie_turn?: 'left' | 'right';
  link_expires_at: string;
  privacy_requests: { kind: PrivacyKind; created_at: string }[];
}

export interface UploadResult {
  photo: { id: string; kind: PhotoKind; status: 'accepted' | 'rejected'; reasons: { message: string }[] };
  check: CustomerCheck;
}

const base = (token: string) => `/api/v1/customer/${encodeURIComponent(token)}`;

export const fetchCheck = async (token: string) => (await get<{ check: CustomerCheck }>(base(token))).check;
export const openCheck = async (token: string) => (await post<{ check: CustomerCheck }>(`${base(token)}/open`)).check;

export function uploadPhoto(token: string, kind: PhotoKind, file: File): Promise<UploadResult> {
  const form = new FormData();
  // The service reads `kind` before the file, so it must come first.
  form.append('kind', kind);
  form.append('photo', file, file.name || `${kind}.jpg`);
  return request<UploadResult>('POST', `${base(token)}/photos`, { form });
}

export const filePrivacyRequest = (token: string, kind: PrivacyKind, message: string) =>
  post(`${base(token)}/privacy-requests`, { kind, ...(message.trim() ? { message: message.trim() } : {}) });
