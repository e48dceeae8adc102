// `realid listen`'s delivery: one event POSTed to the developer's URL with the headers a real delivery has,
// signed with the session's secret, and one line that says how it went.
import { signPayload, type RealIdEventType } from '@realid/webhooks';

export interface ForwardOutcome {
  status?: number;
  error?: string;
  ms: number;
}

/** Like the delivery worker: redirects are answers (not followed), and an attempt ends after 15 s. */
export async function forwardEvent(url: string, secret: string, event: { id: string; type: RealIdEventType; payload: string }): Promise<ForwardOutcome> {
  const headers = signPayload({ body: event.payload, secrets: secret, id: event.id, event: event.type, timestamp: Math.floor(Date.now() / 1000) });
  const started = performance.now();
  try {
    const response = await fetch(url, { method: 'POST', headers, body: event.payload, redirect: 'manual', signal: AbortSignal.timeout(15_000) });
    await response.arrayBuffer().catch(() => undefined);
    return { status: response.status, ms: Math.round(performance.now() - started) };
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    const reason = (error as Error).name === 'TimeoutError' ? 'no answer within 15 s' : (cause?.code ?? cause?.message ?? (error as Error).message);
    return { error: reason, ms: Math.round(performance.now() - started) };
  }
}

export function outcomeLine(event: { id: string; type: string; payload: string }, url: string, outcome: ForwardOutcome, at = new Date()): string {
  const checkId = (JSON.parse(event.payload) as { check?: { id?: string } }).check?.id ?? '';
  const answer = outcome.status !== undefined ? `[${outcome.status}]` : `[failed: ${outcome.error}]`;
  return `${at.toISOString().slice(11, 19)}  ${event.type.padEnd(32)} ${checkId.padEnd(12)} --> ${answer} POST ${url} (${outcome.ms} ms) [${event.id}]`;
}
