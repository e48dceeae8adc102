// The analyzer port: given one photo and the check it belongs to, say whether the photo is usable and what it proves.
// Analyzers are swappable: the test-mode simulator, manual review, and (later) offline OCR/face-match models.
import type { AnalysisState, CheckRecord, DocumentData, PhotoKind, Reason, Scores, SubCheck } from '../checks/check-types.ts';

export interface PhotoInput {
  kind: PhotoKind;
  bytes: Buffer;
  contentType: string;
}

export interface AnalysisContext {
  check: CheckRecord;
  /** How many photos of this kind the customer sent before this one (accepted or not). */
  previousOfKind: number;
  now: number;
}

export interface Analysis {
  /** false: the photo is unusable for a retryable reason; the customer is asked to retake it. */
  accepted: boolean;
  /** Why a photo was not accepted; empty when it was. */
  reasons: Reason[];
  /** Sub-check results this photo settles (passed, or failed for a final reason). */
  subChecks: SubCheck[];
  document?: DocumentData;
  /** Scores this photo produced (0–1, higher is better), merged into `result.scores`. */
  scores?: Scores;
  /** What later photos of this check need from this one (a face descriptor), kept sealed with the check. */
  state?: AnalysisState;
}

export interface Analyzer {
  readonly name: string;
  analyze(photo: PhotoInput, context: AnalysisContext): Promise<Analysis>;
}
