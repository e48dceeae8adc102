// Every face in a decoded photo: where it is, how sure the detector is, its 68 landmarks, its head pose and
// its 128-number descriptor, in the upright photo's own pixels.
import type { DecodedPhoto } from '../image/decode-photo.ts';
import { faceRuntime } from './face-runtime.ts';
import { headPose, type HeadPose, type LandmarkPoint } from './head-pose.ts';

export interface FaceBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface DetectedFace {
  box: FaceBox;
  /** The detector's confidence, 0–1. */
  score: number;
  landmarks: LandmarkPoint[];
  pose: HeadPose;
  /** The face embedding (128 numbers); compare two with faceDistance. */
  descriptor: number[];
}

/** SSD MobileNet v1's confidence below which a detection is not counted as a face. */
export const MIN_FACE_SCORE = 0.5;
/** At most this many faces are described (a crowd is a retake anyway). */
const MAX_FACES = 5;

export async function detectFaces(photo: DecodedPhoto, minScore = MIN_FACE_SCORE): Promise<DetectedFace[]> {
  const faceapi = await faceRuntime();
  const { data, width, height } = photo.rgb;
  const tensor = faceapi.tf.tensor3d(data, [height, width, 3], 'int32');
  try {
    const options = new faceapi.SsdMobilenetv1Options({ minConfidence: minScore, maxResults: MAX_FACES });
    const found = await faceapi.detectAllFaces(tensor, options).withFaceLandmarks().withFaceDescriptors();
    const scale = photo.originalWidth / width;
    return found
      .map((f) => {
        const landmarks = f.landmarks.positions.map((p) => ({ x: p.x * scale, y: p.y * scale }));
        const b = f.detection.box;
        return {
          box: { x: b.x * scale, y: b.y * scale, width: b.width * scale, height: b.height * scale },
          score: f.detection.score,
          landmarks,
          pose: headPose(landmarks),
          descriptor: Array.from(f.descriptor),
        };
      })
      .sort((a, b) => b.score - a.score);
  } finally {
    tensor.dispose();
  }
}
