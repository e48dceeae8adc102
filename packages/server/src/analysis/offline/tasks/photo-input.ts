// What every photo task takes, and the one size photos are decoded to for all of them.

export interface PhotoInput {
  /** The photo's bytes as uploaded (JPEG, PNG, WebP, HEIF where libvips reads it). */
  photo: Uint8Array;
}

/**
 * Photos are worked on at this long side: the face detector looks at 512 × 512 anyway, descriptors need
 * about 150 px per face, and a document's outline and sharpness need no more.
 */
export const WORKING_SIDE = 1024;

/** Milliseconds spent in each stage of a task, for the benchmarks. */
export type StageTimings = Partial<Record<'decode' | 'quality' | 'faces', number>>;

export async function timed<T>(timings: StageTimings, stage: keyof StageTimings, work: () => Promise<T> | T): Promise<T> {
  const started = performance.now();
  try {
    return await work();
  } finally {
    timings[stage] = performance.now() - started;
  }
}
