// A head-pose estimate from the 68 facial landmarks, in image terms: how far the nose sits from the middle
// of the face (yaw) and how the eye line tilts (roll). Enough to tell a frontal selfie from one with the
// head turned left or right, as a "turn your head" liveness step will ask; not a 3-D pose.

export interface LandmarkPoint {
  x: number;
  y: number;
}

export interface HeadPose {
  /** Degrees; positive when the nose points toward the image's right edge. About ±90 at full profile. */
  yaw: number;
  /** Degrees; positive when the eye line runs down to the image's right. */
  roll: number;
  /** `yaw` beyond ±FRONTAL_YAW_DEGREES, in image terms (a mirrored front camera swaps the person's sides). */
  facing: 'frontal' | 'left' | 'right';
}

/** Within this yaw a face counts as looking at the camera. */
export const FRONTAL_YAW_DEGREES = 15;

// 68-point scheme (iBUG 300-W): 0 and 16 are the jaw line's ends at ear level, 30 the nose tip, 36–41 and
// 42–47 the eyes (left and right in the image).
const JAW_LEFT = 0;
const JAW_RIGHT = 16;
const NOSE_TIP = 30;

export function headPose(landmarks: readonly LandmarkPoint[]): HeadPose {
  if (landmarks.length !== 68) throw new Error(`head pose needs 68 landmarks, got ${landmarks.length}`);
  const left = landmarks[JAW_LEFT]!;
  const right = landmarks[JAW_RIGHT]!;
  const nose = landmarks[NOSE_TIP]!;
  const toLeft = Math.hypot(nose.x - left.x, nose.y - left.y);
  const toRight = Math.hypot(nose.x - right.x, nose.y - right.y);
  // The nose tip stands out of the face: turned by θ, it moves about sin θ of the half-width toward one side.
  const offset = toLeft + toRight === 0 ? 0 : (toLeft - toRight) / (toLeft + toRight);
  const yaw = (Math.asin(Math.max(-1, Math.min(1, offset))) * 180) / Math.PI;
  const leftEye = centre(landmarks.slice(36, 42));
  const rightEye = centre(landmarks.slice(42, 48));
  const roll = (Math.atan2(rightEye.y - leftEye.y, rightEye.x - leftEye.x) * 180) / Math.PI;
  const facing = yaw > FRONTAL_YAW_DEGREES ? 'right' : yaw < -FRONTAL_YAW_DEGREES ? 'left' : 'frontal';
  return { yaw, roll, facing };
}

function centre(points: readonly LandmarkPoint[]): LandmarkPoint {
  const sum = points.reduce((a, p) => ({ x: a.x + p.x, y: a.y + p.y }), { x: 0, y: 0 });
  return { x: sum.x / points.length, y: sum.y / points.length };
}
