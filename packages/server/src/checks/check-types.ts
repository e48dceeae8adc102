// The check as the domain sees it: what a merchant created, where the customer stands, and the verdict.

export const STEPS = ['delivered', 'opened', 'submitted-photo', 'completed', 'failed'] as const;
export type Step = (typeof STEPS)[number];
export type Verdict = 'pending' | 'passed' | 'failed';
export type PhotoKind = 'front' | 'back' | 'selfie';
export type SubCheckName =
  | 'document_readable'
  | 'required_fields'
  | 'not_expired'
  | 'minimum_age'
  | 'back_readable'
  | 'face_match'
  | 'manual_review';
export type SubCheckStatus = 'passed' | 'failed' | 'pending';

export interface Reason {
  code: string;
  retryable: boolean;
  message: string;
}

export interface SubCheck {
  name: SubCheckName;
  status: SubCheckStatus;
  reasons: Reason[];
}

export interface Customer {
  email?: string;
  phone?: string;
  first_name?: string;
  last_name?: string;
  wc_id?: string | number;
  shopify_admin_graphql_id?: string;
}

export interface Order {
  name?: string;
  wc_id?: string | number;
  shopify_admin_graphql_id?: string;
}

export interface Rules {
  minimum_age: number;
  id_type: 'id' | 'id_and_selfie';
  back_required: boolean;
  max_retakes: number;
}

export interface DocumentData {
  type: string;
  country: string;
  first_name: string;
  last_name: string;
  date_of_birth: string;
  expires_on: string;
  document_number_last4: string;
}

export interface Decision {
  by: 'merchant' | 'simulation';
  verdict: 'passed' | 'failed';
  reason?: string;
  at: number;
}

export interface CheckRecord {
  id: string;
  accountId: string;
  testing: boolean;
  step: Step;
  verdict: Verdict;
  linkExpiresAt: number;
  customer: Customer | null;
  order: Order | null;
  rules: Rules;
  subChecks: SubCheck[];
  document: DocumentData | null;
  analyzer: string;
  retakes: number;
  decision: Decision | null;
  version: number;
  createdAt: number;
  updatedAt: number;
  openedAt: number | null;
  finishedAt: number | null;
  deletedAt: number | null;
}

export interface PhotoRecord {
  id: string;
  checkId: string;
  accountId: string;
  kind: PhotoKind;
  blobKey: string | null;
  contentType: string;
  sizeBytes: number;
  status: 'accepted' | 'rejected';
  reasons: Reason[];
  createdAt: number;
}

/** The photos a check's rules ask for, in the order the customer is asked. */
export function requiredPhotoKinds(rules: Rules): PhotoKind[] {
  return [
    'front',
    ...(rules.back_required ? (['back'] as const) : []),
    ...(rules.id_type === 'id_and_selfie' ? (['selfie'] as const) : []),
  ];
}
