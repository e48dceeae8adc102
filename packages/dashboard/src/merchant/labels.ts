// The words the dashboard uses for steps, verdicts, sub-checks, events and privacy requests.
import type { RealIdEventType } from '@realid/webhooks';
import type { Tone } from '../ui/feedback.tsx';

export const STEP_LABELS: Record<string, string> = {
  delivered: 'Link sent',
  opened: 'Opened',
  'submitted-photo': 'Photos sent',
  completed: 'Completed',
  failed: 'Failed',
};

export const VERDICT_LABELS: Record<string, [string, Tone]> = {
  pending: ['Pending', 'neutral'],
  passed: ['Passed', 'success'],
  failed: ['Failed', 'danger'],
};

export const SUB_CHECK_LABELS: Record<string, string> = {
  document_readable: 'Document readable',
  required_fields: 'Required fields present',
  not_expired: 'Document not expired',
  minimum_age: 'Minimum age',
  back_readable: 'Back of ID readable',
  face_match: 'Face matches the ID',
  liveness: 'Turned selfie (liveness)',
  signature: 'Signature given',
  manual_review: 'Manual review',
};

export const PRIVACY_LABELS: Record<string, string> = {
  data_request: 'Asked for a copy of their data',
  manual_review: 'Asked for a manual review',
  data_deletion: 'Asked for their data to be deleted',
};

export const EVENT_DESCRIPTIONS: Record<RealIdEventType, string> = {
  'check.delivered': 'A check is created and its link sent to the customer',
  'check.opened': 'The customer first opens the link',
  'check.submitted-photo': 'A photo from the customer is accepted (one event per photo)',
  'check.completed': 'The check passed',
  'check.failed': 'The check failed',
  'customer.data_request': 'The customer asked for a copy of their data',
  'customer.manual_review_requested': 'The customer asked for a manual review',
  'customer.data_deletion_request': 'The customer asked for their data to be deleted',
};

export const EVENT_TYPES = Object.keys(EVENT_DESCRIPTIONS) as RealIdEventType[];

/** Timeline entries that are not webhook events. */
export const TIMELINE_DESCRIPTIONS: Record<string, string> = {
  ...EVENT_DESCRIPTIONS,
  'personal_data.deleted': 'The personal data and photos were deleted',
};

export const ACCESS_LABELS: Record<string, string> = {
  created: 'Created',
  listed: 'Listed',
  viewed: 'Viewed',
  viewed_photos: 'Viewed with photos',
  approved: 'Approved',
  rejected: 'Rejected',
  deleted: 'Deleted the personal data',
  retention_deleted: 'Deleted after the retention period',
};

export const PHOTO_LABELS: Record<string, string> = {
  front: 'Front of ID',
  back: 'Back of ID',
  selfie: 'Selfie',
  selfie_turn: 'Selfie, head turned',
  signature: 'Signature',
};

export const DOCUMENT_LABELS: Record<string, string> = {
  source: 'Read from',
  document_type: 'Document',
  issuing_country: 'Issuing country',
  issuing_state: 'Issuing state or province',
  first_name: 'First name',
  middle_name: 'Middle name',
  last_name: 'Last name',
  birth_date: 'Date of birth',
  expiration_date: 'Expires',
  issue_date: 'Issued',
  document_number: 'Document number',
  sex: 'Sex',
  nationality: 'Nationality',
};

export const SCORE_LABELS: Record<string, string> = { face_match: 'Face match score', liveness: 'Liveness score' };
