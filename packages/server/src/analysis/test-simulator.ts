// The test-mode analyzer: deterministic outcomes chosen by magic values, so merchants can produce every
// terminal state and every reason code without a real document. See docs/api.md "Test mode".
import type { DocumentData, PhotoKind, Scores, SubCheck, SubCheckName } from '../checks/check-types.ts';
import type { Analysis, AnalysisContext, Analyzer, PhotoInput } from './analyzer-port.ts';
import { reason, SUBCHECK_FOR_REASON, type ReasonCode } from '../checks/reason-codes.ts';

/** Scenario → what goes wrong. Absent scenario: everything passes. */
export const SCENARIOS = {
  pass: {},
  blurry: { retake: 'photo_blurry', kinds: ['front', 'back'] },
  glare: { retake: 'glare', kinds: ['front', 'back'] },
  always_blurry: { retake: 'photo_blurry', always: true },
  no_face: { retake: 'no_face_detected', kinds: ['selfie'] },
  unreadable: { fail: 'document_unreadable' },
  missing_fields: { fail: 'missing_required_fields' },
  expired: { fail: 'document_expired' },
  underage: { fail: 'underage' },
  back_unreadable: { fail: 'barcode_unreadable' },
  face_mismatch: { fail: 'face_mismatch' },
  name_mismatch: { fail: 'name_mismatch' },
} as const satisfies Record<string, { retake?: ReasonCode; always?: boolean; kinds?: readonly PhotoKind[]; fail?: ReasonCode }>;

export type Scenario = keyof typeof SCENARIOS;

const SUBCHECKS_FOR: Record<PhotoKind, SubCheckName[]> = {
  front: ['document_readable', 'required_fields', 'not_expired', 'minimum_age', 'name_match'],
  back: ['back_readable'],
  selfie: ['face_match'],
  selfie_turn: ['liveness'],
  signature: ['signature'],
};

/** What the simulator's face comparison "scores", so test checks show `result.scores` as live ones do. */
const SCORES_FOR: Partial<Record<PhotoKind, (scenario: Scenario) => Scores>> = {
  selfie: (scenario) => ({ face_match: scenario === 'face_mismatch' ? 0.21 : 0.93 }),
  selfie_turn: () => ({ liveness: 0.9 }),
};

/** `jane+expired@example.com` → `expired`; otherwise a first name equal to a scenario name; otherwise `pass`. */
export function scenarioOf(customer: { email?: string; first_name?: string } | null): Scenario {
  const tag = customer?.email?.match(/^[^@+]*\+([a-z_]+)@/i)?.[1]?.toLowerCase();
  const candidates = [tag, customer?.first_name?.toLowerCase()];
  return (candidates.find((c) => c !== undefined && Object.hasOwn(SCENARIOS, c)) as Scenario | undefined) ?? 'pass';
}

const isoDate = (ms: number): string => new Date(ms).toISOString().slice(0, 10);
const YEAR = 365.25 * 24 * 3600 * 1000;

function documentFor(context: AnalysisContext, scenario: Scenario): DocumentData {
  const age = scenario === 'underage' ? Math.max(0, context.check.rules.minimum_age - 2) : 34;
  return {
    source: 'simulator',
    document_type: 'drivers_license',
    issuing_country: 'USA',
    issuing_state: 'CA',
    first_name: context.check.customer?.first_name ?? 'Jane',
    last_name: context.check.customer?.last_name ?? 'Doe',
    birth_date: isoDate(context.now - age * YEAR - 40 * 24 * 3600 * 1000),
    expiration_date: isoDate(context.now + (scenario === 'expired' ? -1 : 4) * YEAR),
    issue_date: isoDate(context.now - YEAR),
    document_number: 'D1234567',
  };
}

export class TestSimulator implements Analyzer {
  readonly name = 'simulator';

  async analyze(photo: PhotoInput, context: AnalysisContext): Promise<Analysis> {
    const scenario = scenarioOf(context.check.customer);
    const s: { retake?: ReasonCode; always?: boolean; kinds?: readonly PhotoKind[]; fail?: ReasonCode } = SCENARIOS[scenario];
    const retakeApplies = s.retake && (!s.kinds || s.kinds.includes(photo.kind)) && (s.always || context.previousOfKind === 0);
    if (retakeApplies) return { accepted: false, reasons: [reason(s.retake!)], subChecks: [] };

    const failing = s.fail ? SUBCHECK_FOR_REASON[s.fail] : undefined;
    const subChecks: SubCheck[] = SUBCHECKS_FOR[photo.kind]
      .filter((name) => name !== 'minimum_age' || context.check.rules.minimum_age > 0)
      .filter((name) => name !== 'name_match' || context.check.rules.name_match)
      .map((name) =>
        name === failing ? { name, status: 'failed', reasons: [reason(s.fail!)] } : { name, status: 'passed', reasons: [] },
      );
    const scores = SCORES_FOR[photo.kind]?.(scenario);
    return {
      accepted: true,
      reasons: [],
      subChecks,
      ...(photo.kind === 'front' ? { document: documentFor(context, scenario) } : {}),
      ...(scores ? { scores } : {}),
    };
  }
}
