// Task `photo.selfie`: a selfie's quality, then (only if the customer need not retake it) its faces with
// their descriptors and head poses.
import { selfieFaces, type SelfieFaces } from '../face/selfie-faces.ts';
import { checkSelfiePhoto } from '../quality/selfie-quality.ts';
import { qualityThenFaces, type QualityThenFaces } from './quality-then-faces.ts';

export type SelfiePhotoResult = QualityThenFaces<'faces', SelfieFaces>;

export default qualityThenFaces('faces', checkSelfiePhoto, selfieFaces);
