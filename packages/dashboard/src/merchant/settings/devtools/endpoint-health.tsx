// An endpoint's health in plain words, with what to do about it.
import { formatDateTime, formatRelative } from '../../../lib/format.ts';
import { Alert, Badge } from '../../../ui/feedback.tsx';
import type { Endpoint } from './webhooks-api.ts';

const DISABLED_REASONS: Record<string, string> = {
  manual: 'You disabled it.',
  gone: 'The receiver answered 410 Gone, which asks us to stop.',
  failing: 'Every delivery failed for five days.',
};

export function HealthBadge(props: { endpoint: Endpoint }) {
  const e = props.endpoint;
  if (!e.enabled) return <Badge tone="danger">Disabled</Badge>;
  if (e.failing_since) return <Badge tone="warning" title={`Failing since ${formatDateTime(e.failing_since)}`}>Failing</Badge>;
  return <Badge tone="success">Active</Badge>;
}

export function HealthAdvice(props: { endpoint: Endpoint }) {
  const e = props.endpoint;
  if (!e.enabled) {
    return (
      <Alert tone="danger" title="Disabled: nothing is sent to this URL">
        <p>{(e.disabled_reason && DISABLED_REASONS[e.disabled_reason]) ?? `Reason: ${e.disabled_reason ?? 'unknown'}.`}</p>
        <p>
          Fix the receiver, then enable the endpoint. Messages that failed meanwhile can be sent again with “Recover failed
          messages”.
        </p>
      </Alert>
    );
  }
  if (e.failing_since) {
    return (
      <Alert tone="warning" title={`Failing since ${formatDateTime(e.failing_since)} (${formatRelative(e.failing_since)})`}>
        <p>
          Deliveries to this URL are failing and being retried. Check the delivery log below for the status code and error. An
          endpoint that keeps failing for five days is disabled.
        </p>
      </Alert>
    );
  }
  return null;
}
