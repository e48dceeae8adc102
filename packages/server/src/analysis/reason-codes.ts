// Every reason a sub-check or a photo can fail for, with whether the customer can fix it by retaking.
import type { Reason, SubCheckName } from '../checks/check-types.ts';

export const REASONS = {
  photo_blurry: { retryable: true, message: 'The photo is blurry. Hold the camera steady and retake it.' },
  glare: { retryable: true, message: 'There is glare on the document. Avoid direct light and retake it.' },
  no_face_detected: { retryable: true, message: 'No face was found in the selfie. Face the camera and retake it.' },
  document_unreadable: { retryable: false, message: 'The document could not be read.' },
  missing_required_fields: { retryable: false, message: 'The document is missing required fields.' },
  document_expired: { retryable: false, message: 'The document has expired.' },
  underage: { retryable: false, message: 'The customer is younger than the minimum age.' },
  barcode_unreadable: { retryable: false, message: 'The barcode on the back of the document could not be read.' },
  face_mismatch: { retryable: false, message: 'The selfie does not match the portrait on the document.' },
  retakes_exhausted: { retryable: false, message: 'Too many photos were unusable.' },
  manual_rejected: { retryable: false, message: 'The merchant rejected the check after review.' },
} as const satisfies Record<string, Omit<Reason, 'code'>>;

export type ReasonCode = keyof typeof REASONS;

export const isReasonCode = (code: string): code is ReasonCode => Object.hasOwn(REASONS, code);

export const reason = (code: ReasonCode, message?: string): Reason => ({
  code,
  retryable: REASONS[code].retryable,
  message: message ?? REASONS[code].message,
});

/** The sub-check each final document or face reason fails. */
export const SUBCHECK_FOR_REASON: Partial<Record<ReasonCode, SubCheckName>> = {
  document_unreadable: 'document_readable',
  missing_required_fields: 'required_fields',
  document_expired: 'not_expired',
  underage: 'minimum_age',
  barcode_unreadable: 'back_readable',
  face_mismatch: 'face_match',
};
