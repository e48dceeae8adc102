// What a photo-quality check answers: the problems found (each one a reason to retake at once) and the
// measures behind them, for tuning and for the merchant's review screen.

export type QualityIssue =
  | 'blurry'
  | 'glare'
  | 'too_small'
  | 'too_dark'
  /** No card or page could be told apart from the background. */
  | 'document_not_found'
  /** A document was found, but it runs off the edge of the photo. */
  | 'document_cut_off';

export interface QualityMeasures {
  /** Variance of the Laplacian at the normalised width. */
  sharpness: number;
  /** Mean luma, 0–255. */
  brightness: number;
  /** The photo's upright size in the camera's pixels. */
  width: number;
  height: number;
  /** Documents only: share of blown-out pixels inside the document (the whole photo when none was found). */
  glareShare?: number;
  /** Documents only: long over short side of the outline found, and its share of the photo. */
  documentAspect?: number;
  documentShare?: number;
}

export interface QualityReport {
  ok: boolean;
  issues: QualityIssue[];
  measures: QualityMeasures;
  /** Documents only: the outline's corners as shares (0–1) of the photo's width and height. */
  documentCorners?: { x: number; y: number }[];
  /** Documents only: which shape the outline's proportions are closer to. */
  documentShape?: 'id1' | 'passport_page';
}
