// The verdict from sub-checks: any final failure fails the check at once, even while photos are still
// expected; every required sub-check passed completes it; anything else is still pending.
import type { Rules, SubCheck, SubCheckName, Verdict } from './check-types.ts';

export function requiredSubChecks(rules: Rules, analyzer: string): SubCheckName[] {
  if (analyzer === 'manual') return ['manual_review'];
  return [
    'document_readable',
    'required_fields',
    'not_expired',
    ...(rules.minimum_age > 0 ? (['minimum_age'] as const) : []),
    ...(rules.name_match ? (['name_match'] as const) : []),
    ...(rules.include_back_of_id ? (['back_readable'] as const) : []),
    ...(rules.id_check_type === 'idv' ? (['face_match'] as const) : []),
    ...(rules.id_check_type === 'idv' && rules.selfie_liveness === 'turn' ? (['liveness'] as const) : []),
    ...(rules.signature_required ? (['signature'] as const) : []),
  ];
}

export const initialSubChecks = (rules: Rules, analyzer: string): SubCheck[] =>
  requiredSubChecks(rules, analyzer).map((name) => ({ name, status: 'pending', reasons: [] }));

/** Replaces sub-checks by name with newer results; a settled failure is never overwritten by analysis. */
export function mergeSubChecks(current: SubCheck[], results: SubCheck[]): SubCheck[] {
  const merged = new Map(current.map((s) => [s.name, s]));
  for (const result of results) {
    if (merged.get(result.name)?.status === 'failed') continue;
    merged.set(result.name, result);
  }
  return [...merged.values()];
}

/** Any sub-check still pending, required or added by the analysis (a `manual_review`), keeps the check pending. */
export function decideVerdict(subChecks: SubCheck[], required: SubCheckName[]): Verdict {
  if (subChecks.some((s) => s.status === 'failed')) return 'failed';
  if (subChecks.some((s) => s.status === 'pending')) return 'pending';
  const passed = new Set(subChecks.filter((s) => s.status === 'passed').map((s) => s.name));
  return required.every((name) => passed.has(name)) ? 'passed' : 'pending';
}

/** Settles every still-pending sub-check, as a merchant's decision does. */
export const settleAll = (subChecks: SubCheck[], status: 'passed' | 'failed', reasons: SubCheck['reasons'] = []): SubCheck[] =>
  subChecks.map((s) => (s.status === 'pending' ? { ...s, status, reasons } : s));
