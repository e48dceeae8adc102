// Generates a labelled synthetic set (fronts, selfies, hard cases) from a seed, analyses it in the offline
// pool, and measures face-match error rates and distance distributions, quality-check confusion counts,
// face counting and milliseconds per task. bench/eval-faces.ts prints it; tests run a small one.
import { errorRates, type ErrorRates } from '../packages/server/src/analysis/offline/face/calibrate-threshold.ts';
import { faceDistance, FACE_MATCH_THRESHOLD } from '../packages/server/src/analysis/offline/face/face-match.ts';
import { createOfflinePool } from '../packages/server/src/analysis/offline/offline-tasks.ts';
import type { QualityIssue } from '../packages/server/src/analysis/offline/quality/quality-report.ts';
import { FACE_SOURCES } from '../packages/server/test/support/synthetic/face-sources.ts';
import { labelledSet, type LabelledPhoto } from '../packages/server/test/support/synthetic/labelled-set.ts';

export interface EvaluationOptions {
  seed: number;
  /** How many of the 22 source people take part (default all). */
  people?: number;
  frontsPerPerson?: number;
  selfiesPerPerson?: number;
  threshold?: number;
  /** Per-task timeout in the pool (default 60 s: a shared machine must not turn measurements into timeouts). */
  taskTimeoutMs?: number;
}

export interface Confusion {
  truePositive: number;
  falsePositive: number;
  falseNegative: number;
  trueNegative: number;
}

export interface FaceEvaluation {
  threshold: number;
  rates: ErrorRates;
  /** Portrait-to-selfie distances, sorted. */
  genuine: number[];
  impostor: number[];
  /** Photos of the matching set that quality or face finding sent back for a retake (not in the rates). */
  retaken: { fronts: number; selfies: number };
  /** Per issue: photos generated with that defect (or not) against what the check said. */
  quality: Record<QualityIssue, Confusion>;
  /** Expected face count → counted faces → photos. */
  faceCounts: Record<string, Record<string, number>>;
  /** Photos the pool answered with a timeout or a failure (the analyzer sends those to manual review). */
  unanswered: number;
  /** Milliseconds in the worker per task kind. */
  ms: Record<'photo.front' | 'photo.selfie', number[]>;
}

export async function evaluateFaces(options: EvaluationOptions): Promise<FaceEvaluation> {
  const pool = createOfflinePool({ taskTimeoutMs: options.taskTimeoutMs ?? 60_000 });
  try {
    await pool.start();
    const photos = labelledSet({ seed: options.seed, sources: FACE_SOURCES.slice(0, options.people ?? FACE_SOURCES.length), frontsPerPerson: options.frontsPerPerson ?? 2, selfiesPerPerson: options.selfiesPerPerson ?? 3 });
    const analysed: Promise<Analysed>[] = [];
    for await (const photo of photos) analysed.push(analyse(pool, photo));
    return summarise(await Promise.all(analysed), options.threshold ?? FACE_MATCH_THRESHOLD);
  } finally {
    await pool.close();
  }
}

interface Analysed {
  photo: LabelledPhoto;
  issues: QualityIssue[];
  faces: number | undefined;
  descriptor: number[] | undefined;
  ms: number | undefined;
  answered: boolean;
}

async function analyse(pool: ReturnType<typeof createOfflinePool>, photo: LabelledPhoto): Promise<Analysed> {
  const unanswered = { photo, issues: [], faces: undefined, descriptor: undefined, ms: undefined, answered: false };
  if (photo.kind === 'front') {
    const outcome = await pool.run('photo.front', { photo: photo.bytes });
    if (outcome.status !== 'done') return unanswered;
    const { quality, portrait } = outcome.value;
    return { photo, issues: quality.issues, ms: outcome.ms, faces: portrait?.faces.length, descriptor: portrait?.portrait?.descriptor, answered: true };
  }
  const outcome = await pool.run('photo.selfie', { photo: photo.bytes });
  if (outcome.status !== 'done') return unanswered;
  const { quality, faces } = outcome.value;
  const descriptor = faces?.verdict === 'one' ? faces.faces[0]!.descriptor : undefined;
  return { photo, issues: quality.issues, ms: outcome.ms, faces: faces?.count, descriptor, answered: true };
}

const ISSUES: QualityIssue[] = ['blurry', 'glare', 'too_small', 'too_dark', 'document_not_found', 'document_cut_off'];

function summarise(all: Analysed[], threshold: number): FaceEvaluation {
  const results = all.filter((r) => r.answered);
  const matching = results.filter((r) => r.photo.role === 'match');
  const fronts = matching.filter((r) => r.photo.kind === 'front');
  const selfies = matching.filter((r) => r.photo.kind === 'selfie');
  const genuine: number[] = [];
  const impostor: number[] = [];
  for (const front of fronts) {
    for (const selfie of selfies) {
      if (!front.descriptor || !selfie.descriptor) continue;
      (front.photo.person === selfie.photo.person ? genuine : impostor).push(faceDistance(front.descriptor, selfie.descriptor));
    }
  }
  genuine.sort((a, b) => a - b);
  impostor.sort((a, b) => a - b);
  return {
    threshold,
    rates: errorRates(genuine, impostor, threshold),
    genuine,
    impostor,
    retaken: { fronts: fronts.filter((r) => !r.descriptor).length, selfies: selfies.filter((r) => !r.descriptor).length },
    quality: Object.fromEntries(ISSUES.map((issue) => [issue, confusion(results, issue)])) as Record<QualityIssue, Confusion>,
    faceCounts: faceCounts(results),
    unanswered: all.length - results.length,
    ms: {
      'photo.front': results.filter((r) => r.photo.kind === 'front').map((r) => r.ms!),
      'photo.selfie': results.filter((r) => r.photo.kind === 'selfie').map((r) => r.ms!),
    },
  };
}

function confusion(results: Analysed[], issue: QualityIssue): Confusion {
  const counts: Confusion = { truePositive: 0, falsePositive: 0, falseNegative: 0, trueNegative: 0 };
  for (const r of results) {
    if (r.photo.expectIssue === undefined && r.photo.role !== 'match') continue;
    const expected = r.photo.expectIssue === issue;
    const said = r.issues.includes(issue);
    if (expected && said) counts.truePositive++;
    else if (expected) counts.falseNegative++;
    else if (said) counts.falsePositive++;
    else counts.trueNegative++;
  }
  return counts;
}

function faceCounts(results: Analysed[]): Record<string, Record<string, number>> {
  const table: Record<string, Record<string, number>> = {};
  for (const r of results) {
    if (r.photo.expectFaces === undefined || r.faces === undefined) continue;
    const row = (table[String(r.photo.expectFaces)] ??= {});
    const got = String(Math.min(r.faces, 2));
    row[got] = (row[got] ?? 0) + 1;
  }
  return table;
}
