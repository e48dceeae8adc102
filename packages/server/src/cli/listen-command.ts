// `realid listen --forward-to URL`: the account's events, as they happen, forwarded to a developer's local
// receiver and signed as real deliveries, like `stripe listen`. It reads GET /api/v1/events/stream and, when
// the connection drops, reconnects with the id of the last event it handled, so none is lost or repeated.
import { generateSecret, isEventType, type RealIdEventType } from '@realid/webhooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { ConfigError } from '../config/config.ts';
import { StartupError } from '../errors/startup-error.ts';
import { apiTarget, errorOf, unreachable, type ApiTarget } from './api-client.ts';
import { forwardEvent, outcomeLine } from './forward-event.ts';
import type { ParsedValues } from './parse-command-line.ts';
import { serverSentEvents } from './server-sent-events.ts';

/** The server refused the stream (key, plan, Last-Event-ID): trying again would get the same answer. */
class StreamRefused extends StartupError {}

/** The server comments every 15 s: this long without a byte means the connection is dead though open. */
const SILENCE_MS = 45_000;

interface Session {
  target: ApiTarget;
  forwardTo: string;
  secret: string;
  types: RealIdEventType[] | undefined;
  lastEventId: string | undefined;
  stop: AbortSignal;
}

function options(values: ParsedValues): Omit<Session, 'stop' | 'lastEventId'> {
  const forwardTo = values['forward-to'] as string;
  if (!/^https?:\/\/[^/]/.test(forwardTo) || !URL.canParse(forwardTo)) throw new ConfigError(`--forward-to must be an http(s) URL, got "${forwardTo}"`);
  const list = (values.events as string | undefined)?.split(',').map((t) => t.trim()).filter(Boolean);
  const unknown = list?.filter((t) => !isEventType(t)) ?? [];
  if (unknown.length) throw new ConfigError(`--events: unknown event type ${unknown.join(', ')}. See realid listen --help.`);
  const secret = (values.secret as string | undefined) ?? generateSecret();
  if (!/^whsec_[A-Za-z0-9+/=]{20,}$/.test(secret)) throw new ConfigError('--secret must be a whsec_… secret');
  return { target: apiTarget(values), forwardTo, secret, types: list?.length ? (list as RealIdEventType[]) : undefined };
}

/** Opens the stream; a refusal by the server (bad key, plan, unknown Last-Event-ID) ends the command. */
async function connect(session: Session, abort: AbortController): Promise<Response> {
  const query = session.types ? `?event_types=${encodeURIComponent(session.types.join(','))}` : '';
  let response: Response;
  try {
    response = await fetch(`${session.target.url}/api/v1/events/stream${query}`, {
      headers: {
        authorization: `Bearer ${session.target.key}`,
        accept: 'text/event-stream',
        ...(session.lastEventId ? { 'last-event-id': session.lastEventId } : {}),
      },
      signal: abort.signal,
    });
  } catch (error) {
    throw unreachable(session.target, error);
  }
  if (response.status >= 400 && response.status < 500) throw new StreamRefused(`The server refused the event stream: ${await errorOf(response)}`);
  if (!response.ok || !response.body) throw new Error(`the event stream answered HTTP ${response.status}`);
  return response;
}

/** One connection, until it ends: forwards each event in order and remembers the last one handled. */
async function follow(session: Session, announce: (ready: { account_id: string; mode: string }) => void): Promise<void> {
  const abort = new AbortController();
  const stopped = () => abort.abort();
  session.stop.addEventListener('abort', stopped);
  let silence = setTimeout(() => abort.abort(), SILENCE_MS);
  try {
    const response = await connect(session, abort);
    const body = (async function* () {
      for await (const chunk of response.body! as unknown as AsyncIterable<Uint8Array>) {
        clearTimeout(silence);
        silence = setTimeout(() => abort.abort(), SILENCE_MS);
        yield chunk;
      }
    })();
    for await (const message of serverSentEvents(body)) {
      if (message.event === 'ready') {
        announce(JSON.parse(message.data) as { account_id: string; mode: string });
        continue;
      }
      if (!message.id || !isEventType(message.event)) continue;
      const event = { id: message.id, type: message.event, payload: message.data };
      const outcome = await forwardEvent(session.forwardTo, session.secret, event);
      console.log(outcomeLine(event, session.forwardTo, outcome));
      session.lastEventId = event.id;
    }
  } finally {
    clearTimeout(silence);
    session.stop.removeEventListener('abort', stopped);
  }
}

export async function listenCommand(values: ParsedValues): Promise<number> {
  const stop = new AbortController();
  const onSignal = () => stop.abort();
  process.once('SIGINT', onSignal).once('SIGTERM', onSignal);
  const session: Session = { ...options(values), lastEventId: undefined, stop: stop.signal };
  let connected = false;
  let retryMs = 250;
  try {
    while (!stop.signal.aborted) {
      try {
        await follow(session, (ready) => {
          retryMs = 250;
          if (connected) return void console.log(`Reconnected; resuming after ${session.lastEventId ?? 'the start of this session'}.`);
          connected = true;
          const which = session.types ? session.types.join(', ') : 'all events';
          console.log(`Ready! Forwarding ${ready.mode} events (${which}) of account ${ready.account_id} from ${session.target.url} to ${session.forwardTo}`);
          console.log(`Your webhook signing secret for this session is ${session.secret}`);
          console.log('(Give it to your receiver, e.g. REALID_WEBHOOK_SECRET. Stop with Ctrl-C.)');
        });
        if (stop.signal.aborted) break;
        console.log('The connection to the event stream ended; reconnecting…');
      } catch (error) {
        if (stop.signal.aborted) break;
        // Before the first connection, or when the server refuses us, there is nothing to wait for.
        if (!connected || error instanceof StreamRefused) throw error;
        console.log(`Lost the connection to the event stream (${(error as Error).message}); reconnecting…`);
      }
      await sleep(retryMs, undefined, { signal: stop.signal }).catch(() => undefined);
      retryMs = Math.min(retryMs * 2, 5_000);
    }
  } finally {
    process.off('SIGINT', onSignal).off('SIGTERM', onSignal);
  }
  return 0;
}
