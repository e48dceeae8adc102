// Task `photo.front`: a document front's quality, then (only if the customer need not retake it) the
// holder's portrait with its descriptor.
import { documentPortrait, type DocumentPortrait } from '../face/document-portrait.ts';
import { checkDocumentPhoto } from '../quality/document-quality.ts';
import { qualityThenFaces, type QualityThenFaces } from './quality-then-faces.ts';

export type FrontPhotoResult = QualityThenFaces<'portrait', DocumentPortrait>;

export default qualityThenFaces('portrait', checkDocumentPhoto, documentPortrait);
