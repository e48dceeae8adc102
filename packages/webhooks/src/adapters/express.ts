// Express (4 or 5) / Connect handler that captures the raw body itself and answers verification failures with 400.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { WebhookVerificationError } from '../errors.ts';
import type { RawBody } from '../raw-body.ts';
import { parseSecrets, type SecretsInput } from '../secrets.ts';
import { verifyWebhook, type VerifiedWebhook, type VerifyOptions } from '../verify-webhook.ts';
import { errorResponse } from './error-response.ts';

/** The part of Express's request this handler reads: `body` from a parser, `rawBody` from a parser's `verify` hook. */
export interface RawBodyRequest extends IncomingMessage {
  body?: unknown;
  rawBody?: unknown;
}

export interface ExpressWebhookOptions extends VerifyOptions {
  /** Largest body read from the stream, in bytes. Default 1 MiB. */
  limitBytes?: number;
}

export type ExpressWebhookHandler<Req, Res> = (webhook: VerifiedWebhook, req: Req, res: Res) => unknown;

const TOO_LARGE = Symbol('too large');

/**
 * `app.post('/webhooks/realid', webhookHandler(secret, async ({ event, id }, req, res) => { … }))`.
 * Answers 204 when the handler sends nothing, 400 `{"error":{"code",…}}` when verification fails.
 */
export function webhookHandler<Req extends RawBodyRequest = RawBodyRequest, Res extends ServerResponse = ServerResponse>(
  secrets: SecretsInput,
  handler: ExpressWebhookHandler<Req, Res>,
  options: ExpressWebhookOptions = {},
): (req: Req, res: Res, next: (error?: unknown) => void) => void {
  parseSecrets(secrets);
  const limit = options.limitBytes ?? 1024 * 1024;
  return (req, res, next) => {
    handle(req, res).catch(next);
  };

  async function handle(req: Req, res: Res): Promise<void> {
    let webhook: VerifiedWebhook;
    try {
      const body = await rawBodyOf(req, limit);
      if (body === TOO_LARGE) return send(res, 413, { error: { code: 'payload_too_large', message: `The body exceeds ${limit} bytes.` } });
      webhook = await verifyWebhook(body, req.headers, secrets, options);
    } catch (error) {
      if (!(error instanceof WebhookVerificationError)) throw error;
      const { status, body } = errorResponse(error);
      return send(res, status, body);
    }
    await handler(webhook, req, res);
    if (!res.headersSent) send(res, 204);
  }
}

async function rawBodyOf(req: RawBodyRequest, limit: number): Promise<RawBody | typeof TOO_LARGE> {
  if (isRaw(req.rawBody)) return req.rawBody;
  if (isRaw(req.body)) return req.body;
  // Express 4's parsers preset req.body to {} even when they skip a request, so only a drained stream means the bytes are gone.
  if (req.readableEnded) {
    throw new WebhookVerificationError(
      'body_not_raw',
      'A body parser (express.json()?) consumed the request before the webhook handler, so the raw bytes the signature covers are gone. ' +
        'Register the webhook route before app.use(express.json()), or keep the bytes with ' +
        'express.json({ verify: (req, _res, buf) => { req.rawBody = buf } }).',
    );
  }
  return readStream(req, limit);
}

function isRaw(value: unknown): value is RawBody {
  return typeof value === 'string' || value instanceof Uint8Array;
}

function readStream(req: IncomingMessage, limit: number): Promise<Uint8Array | typeof TOO_LARGE> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size <= limit) return void chunks.push(chunk);
      // Keep draining without buffering so the 413 can still be written on this connection.
      req.off('data', onData).resume();
      resolve(TOO_LARGE);
    };
    req.on('data', onData);
    req.once('end', () => resolve(Buffer.concat(chunks)));
    req.once('error', reject);
  });
}

function send(res: ServerResponse, status: number, body?: unknown): void {
  res.statusCode = status;
  if (body === undefined) return void res.end();
  res.setHeader('Content-Type', 'application/json');
  res.end(JSON.stringify(body));
}
