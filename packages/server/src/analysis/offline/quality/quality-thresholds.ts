// Every photo-quality threshold in one table, with where each number comes from. The generated good and bad
// images in test/offline/photo-quality.test.ts sit on both sides of each one.

export const QUALITY_THRESHOLDS = {
  /** Photos are searched for the document at this long side (pixels): enough for an outline, cheap to label. */
  searchSide: 320,
  /** Sharpness is measured on the document resampled to this width, so scores compare between photos. */
  sharpnessWidth: 512,
  /**
   * Selfies are measured smaller: skin and out-of-focus backgrounds hold little fine detail, and at 512 px a
   * sharp but upscaled phone selfie already looks soft.
   */
  selfieSharpnessWidth: 256,
  /**
   * Variance of the Laplacian of the document, at `sharpnessWidth`, below which it is blurry. Synthetic
   * fronts photographed at 1,600 px score 1,600–2,200; a Gaussian blur of σ = 2 px brings them to
   * 220–390 (still readable), σ = 3 px to 50–150.
   */
  minDocumentSharpness: 160,
  /**
   * Variance of the Laplacian of the whole selfie at `selfieSharpnessWidth` below which it is blurry.
   * Synthetic selfies score 43–460 (the softest source photos set the floor); a Gaussian blur of σ = 4 px at
   * 900 px wide brings them to 8–38. Milder blur (σ = 3: 10–65) overlaps the softest sources and passes.
   */
  minSelfieSharpness: 35,
  /** Share of the document's pixels blown out (every channel ≥ `saturatedLevel`) above which there is glare. */
  maxGlareShare: 0.015,
  /** Channel value at which a pixel counts as blown out (255 is clipped; JPEG smears it down a few levels). */
  saturatedLevel: 250,
  /** Document's long side in the camera's pixels: a PDF417 or MRZ needs about 2 px per module/stroke. */
  minDocumentPixels: 700,
  /** A selfie's shorter side in the camera's pixels. */
  minSelfiePixels: 480,
  /** Mean luma (0–255) of the document's region below which the photo is too dark. */
  minDocumentBrightness: 50,
  /**
   * Mean luma of a selfie's central half (where the face is; a dark room behind a lit face is fine) below
   * which it is too dark. Everyday synthetic selfies measure 30–157 (the demo photos are dim party shots),
   * the same at 30 % brightness 13–42: 40 sends back 3 in 66 of the former and lets 5 in 22 of the latter by.
   */
  minSelfieBrightness: 40,
  /** The document's outline must cover at least this share of the photo (further away, it is too small to read). */
  minDocumentShare: 0.12,
  /** Convex area over rectangle area: a card seen at an angle still scores above 0.9; blobs do not. */
  minRectangularity: 0.9,
  /** Long over short side: ID-1 cards are 85.6 × 54 mm (1.586), passport pages (ID-3) 125 × 88 mm (1.42). */
  documentAspects: { id1: 1.586, passport_page: 1.42 },
  /** How far the measured aspect may stray from the nearer one (perspective, rounded corners), as a ratio. */
  aspectTolerance: 0.12,
} as const;

export type QualityThresholds = typeof QUALITY_THRESHOLDS;
