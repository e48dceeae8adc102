// Every reason a sub-check or a photo can fail for, with whether the customer can fix it by retaking.
import type { Reason, SubCheckName } from './check-types.ts';

export const REASONS = {
  photo_blurry: { retryable: true, message: 'The photo is blurry. Hold the camera steady and retake it.' },
  glare: { retryable: true, message: 'There is glare on the document. Avoid direct light and retake it.' },
  no_face_detected: { retryable: true, message: 'No face was found in the selfie. Face the camera and retake it.' },
  multiple_faces: { retryable: true, message: 'More than one face is in the selfie. Take it alone, with nobody behind you.' },
  photo_too_small: { retryable: true, message: 'The photo is too small to read. Move closer, or use the camera instead of a screenshot.' },
  photo_too_dark: { retryable: true, message: 'The photo is too dark. Find more light and retake it.' },
  document_not_found: { retryable: true, message: 'No ID was found in the photo. Lay the card on a plain, dark surface and fill the frame with it.' },
  document_cut_off: { retryable: true, message: 'Part of the ID is outside the photo. Keep the whole card in the frame.' },
  portrait_not_found: { retryable: true, message: 'The photo on the ID could not be seen. Retake the front with the whole card in the frame.' },
  code_not_found: { retryable: true, message: 'The barcode or the machine-readable lines could not be read. Retake the photo sharp, straight and without glare.' },
  turn_not_detected: { retryable: true, message: 'Your head does not look turned. Turn it a little to the side asked and retake the selfie.' },
  signature_blank: { retryable: true, message: 'The signature box is empty. Sign with your finger and send it again.' },
  unsupported_image: { retryable: true, message: 'This kind of image cannot be read. Take the photo with the camera, or send a JPEG or PNG.' },
  document_unreadable: { retryable: false, message: 'The document could not be read.' },
  missing_required_fields: { retryable: false, message: 'The document is missing required fields.' },
  document_expired: { retryable: false, message: 'The document has expired.' },
  underage: { retryable: false, message: 'The customer is younger than the minimum age.' },
  barcode_unreadable: { retryable: false, message: 'The barcode on the back of the document could not be read.' },
  face_mismatch: { retryable: false, message: 'The selfie does not match the portrait on the document.' },
  name_mismatch: { retryable: false, message: 'The name on the document does not match the name the check was created for.' },
  document_mismatch: { retryable: false, message: 'The two sides of the document do not agree.' },
  needs_review: { retryable: false, message: 'This could not be decided automatically; the merchant will review it.' },
  retakes_exhausted: { retryable: false, message: 'Too many photos were unusable.' },
  manual_rejected: { retryable: false, message: 'The merchant rejected the check after review.' },
} as const satisfies Record<string, Omit<Reason, 'code'>>;

export type ReasonCode = keyof typeof REASONS;

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
  name_mismatch: 'name_match',
  document_mismatch: 'back_readable',
};
