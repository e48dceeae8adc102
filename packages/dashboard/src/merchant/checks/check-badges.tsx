// A check's step, verdict and mode at a glance, in words as well as colour.
import { Badge } from '../../ui/feedback.tsx';
import { STEP_LABELS, VERDICT_LABELS } from '../labels.ts';
import type { CheckSummary } from './check-api.ts';

export function StepBadge(props: { step: string }) {
  const tone = props.step === 'completed' ? 'success' : props.step === 'failed' ? 'danger' : 'info';
  return <Badge tone={tone}>{STEP_LABELS[props.step] ?? props.step}</Badge>;
}

export function VerdictBadge(props: { verdict: string }) {
  const [label, tone] = VERDICT_LABELS[props.verdict] ?? [props.verdict, 'neutral'];
  return <Badge tone={tone}>{label}</Badge>;
}

export function ModeBadge(props: { testing: boolean }) {
  return props.testing ? <Badge tone="warning">Test</Badge> : <Badge tone="neutral">Live</Badge>;
}

export const customerName = (check: CheckSummary): string => {
  if (check.deleted) return 'Personal data deleted';
  const c = check.customer;
  const name = [c.first_name, c.last_name].filter(Boolean).join(' ');
  return name || c.email || c.phone || '—';
};
