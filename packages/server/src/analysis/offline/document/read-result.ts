// What reading a document gives back: the typed data, or why there is none. Shared by the barcode and MRZ readers.

/**
 * `unsupported_image`: the bytes are no image sharp can decode (HEIC, PDF…).
 * `not_found`: no barcode or MRZ was found in the photo.
 * `unreadable`: one was found but could not be decoded or parsed.
 * `check_digits_failed`: an MRZ was read but its check digits disagree with it.
 * `ambiguous`: an MRZ was read, but more than one correction of it fits the check digits.
 * `incomplete`: a barcode was decoded but lacks fields a check needs (names, dates, number).
 */
export type ReadFailureReason = 'unsupported_image' | 'not_found' | 'unreadable' | 'check_digits_failed' | 'ambiguous' | 'incomplete';

/**
 * `confidence` (0–1): 1 for a decoded barcode (PDF417 carries error correction); for an MRZ, the share of its
 * characters that both OCR engines read as finally taken (the rest were settled by check digits and field types).
 */
export type ReadResult<T> =
  | { ok: true; data: T; confidence: number; attempts: number }
  | { ok: false; reason: ReadFailureReason; attempts: number; partial?: T };
