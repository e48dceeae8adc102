// A photo-quality problem as the customer hears it: a retryable reason that says how to retake the photo.
import { reason, type ReasonCode } from '../../checks/reason-codes.ts';
import type { Reason } from '../../checks/check-types.ts';
import type { QualityIssue } from './quality/quality-report.ts';

const REASON_FOR: Record<QualityIssue, ReasonCode> = {
  blurry: 'photo_blurry',
  glare: 'glare',
  too_small: 'photo_too_small',
  too_dark: 'photo_too_dark',
  document_not_found: 'document_not_found',
  document_cut_off: 'document_cut_off',
};

/** Most useful first: a document that is not in the frame at all matters more than its sharpness. */
const ORDER: QualityIssue[] = ['document_not_found', 'document_cut_off', 'too_small', 'too_dark', 'blurry', 'glare'];

export const qualityReasons = (issues: readonly QualityIssue[]): Reason[] =>
  ORDER.filter((issue) => issues.includes(issue)).map((issue) => reason(REASON_FOR[issue]));
