// Task `quality.document`: the quality of a document photo alone (a back or a passport page), ahead of the
// readers that need it sharp, whole and free of glare.
import { decodePhoto } from '../image/decode-photo.ts';
import { limitImageLibraryForPool } from '../image/image-library.ts';
import { defineTask } from '../pool/task-definition.ts';
import { checkDocumentPhoto } from '../quality/document-quality.ts';
import type { QualityReport } from '../quality/quality-report.ts';
import { WORKING_SIDE, type PhotoInput } from './photo-input.ts';

export default defineTask<PhotoInput, QualityReport>({
  async load() {
    limitImageLibraryForPool();
  },
  async run({ photo }) {
    return checkDocumentPhoto(await decodePhoto(photo, WORKING_SIDE));
  },
});
