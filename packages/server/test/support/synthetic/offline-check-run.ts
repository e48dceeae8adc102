// One generated check through the offline analyzer, photo by photo (front, back, selfie) as submitPhoto runs it:
// each photo the analyzer does not accept is retaken, as the customer would be asked to, up to `maxRetakes`;
// the sub-checks are merged and the verdict decided after each photo. Used by the no-network test, the
// analysis bench and the verdict evaluation.
import type { OfflineAnalyzer } from '../../../src/analysis/offline/offline-analyzer.ts';
import type { Analysis } from '../../../src/analysis/analyzer-port.ts';
import type { CheckRecord, PhotoKind, Rules } from '../../../src/checks/check-types.ts';
import { decideVerdict, initialSubChecks, mergeSubChecks, requiredSubChecks } from '../../../src/checks/verdict.ts';
import { checkPhotos, type CheckPhotos, type CheckScenario } from './check-photos.ts';

export const OFFLINE_RULES: Rules = {
  signature_required: false,
  id_check_type: 'idv',
  include_back_of_id: true,
  selfie_liveness: 'straight',
  minimum_age: 18,
  max_retakes: 3,
  name_match: true,
};

export interface OfflineCheckRun {
  /** `completed`, `failed: <first reason>`, `retakes exhausted (<reason>)`, `manual review` or `pending`. */
  outcome: string;
  /** Analysis time of every photo sent, retakes included. */
  ms: number;
  retakes: number;
  check: CheckRecord;
  /** The last analysis of each photo kind. */
  analyses: Partial<Record<PhotoKind, Analysis>>;
}

export async function runOfflineCheck(
  analyzer: OfflineAnalyzer,
  seed: number,
  scenario: CheckScenario,
  /** `photos`: the first photos, made beforehand (so that a measurement holds no image generation). */
  options: { today?: string; maxRetakes?: number; rules?: Rules; photos?: CheckPhotos } = {},
): Promise<OfflineCheckRun> {
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  const rules = options.rules ?? OFFLINE_RULES;
  const maxRetakes = options.maxRetakes ?? rules.max_retakes;
  const required = requiredSubChecks(rules, 'offline');
  const photos = options.photos ?? (await checkPhotos(seed, scenario, today));
  let check = { customer: photos.customer, rules, analysisState: {}, document: null, turn: null, subChecks: initialSubChecks(rules, 'offline') } as unknown as CheckRecord;
  const analyses: OfflineCheckRun['analyses'] = {};
  let ms = 0;
  let retakes = 0;
  const end = (outcome: string): OfflineCheckRun => ({ outcome, ms, retakes, check, analyses });
  for (const kind of ['front', 'back', 'selfie'] as const) {
    for (let attempt = 0; ; attempt++) {
      const bytes = attempt === 0 ? photos[kind] : (await checkPhotos(seed, scenario, today, attempt))[kind];
      const started = performance.now();
      const analysis = await analyzer.analyze({ kind, bytes, contentType: 'image/jpeg' }, { check, previousOfKind: attempt, now: Date.now() });
      ms += performance.now() - started;
      analyses[kind] = analysis;
      if (analysis.accepted) {
        check = {
          ...check,
          subChecks: mergeSubChecks(check.subChecks, analysis.subChecks),
          document: analysis.document ?? check.document,
          analysisState: { ...check.analysisState, ...analysis.state },
        };
        break;
      }
      if (++retakes > maxRetakes) return end(`retakes exhausted (${analysis.reasons[0]?.code})`);
    }
    if (decideVerdict(check.subChecks, required) === 'failed') {
      const code = check.subChecks.flatMap((s) => (s.status === 'failed' ? s.reasons.map((r) => r.code) : []))[0];
      return end(`failed: ${code}`);
    }
  }
  if (decideVerdict(check.subChecks, required) === 'passed') return end('completed');
  return end(check.subChecks.some((s) => s.name === 'manual_review' && s.status === 'pending') ? 'manual review' : 'pending');
}
