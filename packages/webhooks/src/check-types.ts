// The check a receiver fetches after a webhook (`GET /api/v1/checks/{id}`): Real ID's documented shape, with
// realid's additions beside it. Webhooks carry no personal data; this is where it lives.
import type { CheckStep } from './event-types.ts';

/** A platform's id for the customer or order, as the merchant gave it: a Shopify GraphQL id or a WooCommerce id. */
export type PlatformId = string | number;

export interface CheckCustomer {
  id: PlatformId | null;
  first_name: string;
  last_name: string;
  phone: string;
  email: string;
}

export interface CheckOrder {
  id: PlatformId | null;
  name: string;
}

export interface CheckRules {
  testing: boolean;
  signature_required: boolean;
  /** `idv`: the ID and a selfie matched to its portrait; `id`: the ID alone. */
  id_check_type: 'idv' | 'id';
  include_back_of_id: boolean;
  /** `straight`: one selfie; `turn`: a second selfie with the head turned to a side named at random. */
  selfie_liveness: 'straight' | 'turn';
  /** realid: the youngest age that passes (0: no age rule). */
  minimum_age: number;
  /** realid: how many unusable photos the customer may retake. */
  max_retakes: number;
  /** realid: the name read from the ID must match the customer's (absent on checks created before name matching existed). */
  name_match?: boolean;
}

/** What was read from the ID; fields appear only once read. Dates are `YYYY-MM-DD`. */
export interface CheckDocument {
  /** realid: where the fields came from. */
  source?: 'barcode' | 'mrz' | 'simulator';
  document_type?: 'drivers_license' | 'id_card' | 'passport';
  issuing_country?: string;
  issuing_state?: string;
  first_name?: string;
  middle_name?: string;
  last_name?: string;
  birth_date?: string;
  expiration_date?: string;
  issue_date?: string;
  document_number?: string;
  sex?: 'M' | 'F' | 'X';
  nationality?: string;
  address?: { street?: string; city?: string; state?: string; postal_code?: string; country?: string };
}

export interface CheckResult {
  /** 0–1, higher is better. */
  scores: { face_match?: number; liveness?: number };
  document: CheckDocument;
}

/** A check as lists, the create answer and the delete answer show it. */
export interface Check {
  id: string;
  step: CheckStep;
  shop_name: string;
  created_at: string;
  order: CheckOrder;
  customer: CheckCustomer;
  rules: CheckRules;
  result: CheckResult;
  /** realid additions below. */
  verdict: 'pending' | 'passed' | 'failed';
  deleted: boolean;
  updated_at: string;
  opened_at: string | null;
  finished_at: string | null;
  deleted_at: string | null;
  /** When a finished check's personal data will be deleted automatically (the account's retention period). */
  personal_data_expires_at: string | null;
  link_expires_at: string;
}

export type CheckSubCheckName =
  | 'document_readable'
  | 'required_fields'
  | 'not_expired'
  | 'minimum_age'
  | 'back_readable'
  | 'face_match'
  | 'name_match'
  | 'liveness'
  | 'signature'
  | 'manual_review';

export type CheckPhotoKind = 'front' | 'back' | 'selfie' | 'selfie_turn' | 'signature';

export interface CheckReason {
  code: string;
  retryable: boolean;
  message: string;
}

/** `GET /api/v1/checks/{id}`: everything, with `photos` when asked for with `?withPhotos=true`. */
export interface CheckDetail extends Check {
  content: { intro_content?: string; theme?: { primary_color?: string } };
  analyzer: string;
  sub_checks: { name: CheckSubCheckName; status: 'passed' | 'failed' | 'pending'; reasons: CheckReason[] }[];
  decision: { by: 'merchant' | 'simulation'; verdict: 'passed' | 'failed'; reason?: string; at: string } | null;
  retakes: number;
  /** With `selfie_liveness: turn`: the side the customer was asked to turn to. */
  selfie_turn?: 'left' | 'right';
  /** realid, offline analysis: the document's portrait (its photo and where on it) beside the selfie, for a reviewer. */
  face_comparison?: {
    portrait: { photo_id: string; box: { x: number; y: number; width: number; height: number } };
    selfie_photo_id: string;
    score: number | null;
  };
  photos_received: { id: string; kind: CheckPhotoKind; status: 'accepted' | 'rejected'; reasons: CheckReason[]; created_at: string }[];
  privacy_requests: { id: string; kind: 'data_request' | 'manual_review' | 'data_deletion'; message: string | null; created_at: string }[];
  /** The check's events in order (`id` is the webhook-id), and `personal_data.deleted` with who deleted it. */
  timeline: { id: string; event: string; created_at: string; by?: 'merchant' | 'retention' }[];
  photos?: { id: string; kind: CheckPhotoKind; content_type: string; url: string; expires_at: string }[];
}
