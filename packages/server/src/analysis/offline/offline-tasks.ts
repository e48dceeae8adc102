// The offline analyzer's task kinds: what each takes and answers, and the module that runs it in the pool.
// A new kind joins by adding it here; the pool itself does not change.
import { AnalysisPool, type TaskObserver } from './pool/analysis-pool.ts';
import type { PoolOptions } from './pool/pool-options.ts';
import type { TaskCatalog } from './pool/task-definition.ts';
import type { QualityReport } from './quality/quality-report.ts';
import type { DocumentReadInput, DocumentReadResult } from './tasks/document-read-task.ts';
import type { FrontPhotoResult } from './tasks/front-photo-task.ts';
import type { PhotoInput } from './tasks/photo-input.ts';
import type { SelfiePhotoResult } from './tasks/selfie-photo-task.ts';

export type OfflineTasks = {
  'photo.front': { input: PhotoInput; output: FrontPhotoResult };
  'photo.selfie': { input: PhotoInput; output: SelfiePhotoResult };
  'quality.document': { input: PhotoInput; output: QualityReport };
  'document.read': { input: DocumentReadInput; output: DocumentReadResult };
};

export const OFFLINE_TASKS: TaskCatalog<OfflineTasks> = {
  'photo.front': new URL('./tasks/front-photo-task.ts', import.meta.url),
  'photo.selfie': new URL('./tasks/selfie-photo-task.ts', import.meta.url),
  'quality.document': new URL('./tasks/document-quality-task.ts', import.meta.url),
  'document.read': new URL('./tasks/document-read-task.ts', import.meta.url),
};

export const createOfflinePool = (options: Partial<PoolOptions> = {}, observe?: TaskObserver): AnalysisPool<OfflineTasks> =>
  new AnalysisPool(OFFLINE_TASKS, options, observe);
