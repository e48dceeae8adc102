// The holder's portrait on a document front: of the faces found on the card, the largest (licences also
// print a small ghost portrait, and a background may hold other faces), ties going to the more confident.
import type { DecodedPhoto } from '../image/decode-photo.ts';
import { detectFaces, type DetectedFace } from './detect-faces.ts';

export interface DocumentPortrait {
  /** Absent when no face was found on the document. */
  portrait?: DetectedFace;
  /** Every face found, largest first. */
  faces: DetectedFace[];
}

/** Portraits printed small or faded score lower than selfies; a lower bar still keeps blank cards faceless. */
export const MIN_PORTRAIT_SCORE = 0.3;

export async function documentPortrait(photo: DecodedPhoto): Promise<DocumentPortrait> {
  const faces = (await detectFaces(photo, MIN_PORTRAIT_SCORE)).sort(
    (a, b) => b.box.width * b.box.height * b.score - a.box.width * a.box.height * a.score,
  );
  return faces[0] ? { portrait: faces[0], faces } : { faces };
}
