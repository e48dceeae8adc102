// What the worker asks the sender to do for one attempt: sign these bytes, POST them safely. Plain data, so
// it can cross to the sender thread.
import { signPayload, type RealIdEventType } from '@realid/webhooks';
import { sendWebhook, type OutboundOptions, type SendResult } from '../outbound/index.ts';

export interface SendJob {
  url: string;
  body: string;
  /** Active secrets, oldest first. */
  secrets: readonly string[];
  eventId: string;
  eventType: RealIdEventType;
  /** Unix seconds: the attempt's start on the service clock (which tests move). */
  timestamp: number;
  attempt: number;
  /** Without a resolver function: the system's DNS is used. */
  options: Omit<OutboundOptions, 'resolve'>;
}

export function signAndSend(job: SendJob): Promise<SendResult> {
  const headers = signPayload({ body: job.body, secrets: job.secrets, id: job.eventId, event: job.eventType, timestamp: job.timestamp, attempt: job.attempt });
  return sendWebhook({ url: job.url, headers, body: job.body, options: job.options });
}
