// The check as the domain sees it: what a merchant created, where the customer stands, and the verdict.

import type { CheckDocument, CheckSubCheckName } from '@realid/webhooks';
export const STEPS = ['delivered', 'opened', 'submitted-photo', 'completed', 'failed'] as const;
export type Step = (typeof STEPS)[number];
export type Verdict = 'pending' | 'passed' | 'failed';
/** The customer's captures: the ID's sides, a selfie, a second selfie with the head turned, a drawn signature. */
export type PhotoKind = 'front' | 'back' | 'selfie' | 'selfie_turn' | 'signature';
export const PHOTO_KINDS: readonly PhotoKind[] = ['front', 'back', 'selfie', 'selfie_turn', 'signature'];
export type SubCheckName = CheckSubCheckName;
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

/** A platform's id for the customer or order: a Shopify GraphQL id or a WooCommerce id, as given. */
export type PlatformId = string | number;

export interface Customer {
  id?: PlatformId;
  email?: string;
  phone?: string;
  first_name?: string;
  last_name?: string;
}

export interface Order {
  id?: PlatformId;
  name?: string;
}

/** `idv`: the ID and a selfie matched to its portrait. `id`: the ID alone. */
export type IdCheckType = 'idv' | 'id';
/** `straight`: one selfie facing the camera. `turn`: a second selfie with the head turned to a side named at random. */
export type SelfieLiveness = 'straight' | 'turn';
export const ID_CHECK_TYPES: readonly IdCheckType[] = ['idv', 'id'];
export const SELFIE_LIVENESS: readonly SelfieLiveness[] = ['straight', 'turn'];

/** Real ID's rules (`testing` is kept beside them on the record) and realid's own. */
export interface Rules {
  signature_required: boolean;
  id_check_type: IdCheckType;
  include_back_of_id: boolean;
  selfie_liveness: SelfieLiveness;
  minimum_age: number;
  max_retakes: number;
  /** realid: the name read from the ID must match the customer's (on when the account wants it and a name was given). */
  name_match: boolean;
}

/** What the offline analyzer keeps between a check's photos: face descriptors (sealed with the personal data). */
export interface AnalysisState {
  /** The portrait on the document's front. */
  portrait?: number[];
  /** Where that portrait is on the front photo, as shares (0–1) of its width and height, for the reviewer. */
  portraitBox?: { x: number; y: number; width: number; height: number };
  /** The straight selfie, for the turned one. */
  selfie?: number[];
}

/** Per-check content for the customer's email and pages, overriding the account's. */
export interface CheckContent {
  intro_content?: string;
  theme?: { primary_color?: string };
}

export type TurnDirection = 'left' | 'right';

/**
 * What was read from the ID, under the names Real ID's clients read (`result.document`): the SDK's public type,
 * with where the fields came from always known here. Dates are YYYY-MM-DD; countries as printed (ISO 3166-1
 * alpha-3, ICAO codes in an MRZ).
 */
export type DocumentData = CheckDocument & { source: NonNullable<CheckDocument['source']> };

/** Analysis scores, 0–1, higher is better (`result.scores`). */
export type Scores = Partial<Record<'face_match' | 'liveness', number>>;

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
  scores: Scores;
  content: CheckContent | null;
  analysisState: AnalysisState;
  /** For `selfie_liveness: turn`: the side the customer is asked to turn to. */
  turn: TurnDirection | null;
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
  const selfie = rules.id_check_type === 'idv';
  return [
    'front',
    ...(rules.include_back_of_id ? (['back'] as const) : []),
    ...(selfie ? (['selfie'] as const) : []),
    ...(selfie && rules.selfie_liveness === 'turn' ? (['selfie_turn'] as const) : []),
    ...(rules.signature_required ? (['signature'] as const) : []),
  ];
}
