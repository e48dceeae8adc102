// The faces in a selfie, and what they mean for the check: none (retake: no_face_detected), one (go on to
// the match), or several (retake: only the customer may be in the picture).
import type { DecodedPhoto } from '../image/decode-photo.ts';
import { detectFaces, type DetectedFace } from './detect-faces.ts';

export interface SelfieFaces {
  count: number;
  verdict: 'none' | 'one' | 'several';
  /** Most confident first. */
  faces: DetectedFace[];
}

export async function selfieFaces(photo: DecodedPhoto): Promise<SelfieFaces> {
  const faces = await detectFaces(photo);
  const verdict = faces.length === 0 ? 'none' : faces.length === 1 ? 'one' : 'several';
  return { count: faces.length, verdict, faces };
}
