// Accepts only the raw request bytes, and explains how to get them when handed a parsed body instead.
import { WebhookVerificationError } from './errors.ts';

export type RawBody = string | Uint8Array | ArrayBuffer;

const HOW_TO =
  'Pass the exact bytes received (a Buffer, Uint8Array, ArrayBuffer or string). ' +
  "Express: use express.raw({ type: 'application/json' }) on this route and pass req.body, or use @realid/webhooks/express, which reads the body itself. " +
  'Next.js App Router / Hono / Workers: pass await request.text(), or use verifyRequest from @realid/webhooks/web. ' +
  'Next.js Pages Router: export const config = { api: { bodyParser: false } } and read the stream. ' +
  'Fastify: use @realid/webhooks/fastify.';

export function rawBytesOf(body: unknown): string | Uint8Array {
  if (typeof body === 'string' || body instanceof Uint8Array) return body;
  if (ArrayBuffer.isView(body)) return new Uint8Array(body.buffer, body.byteOffset, body.byteLength);
  if (Object.prototype.toString.call(body) === '[object ArrayBuffer]') return new Uint8Array(body as ArrayBuffer);
  throw new WebhookVerificationError('body_not_raw', `${describe(body)} ${HOW_TO}`);
}

function describe(body: unknown): string {
  if (body === undefined || body === null) {
    return `The raw body is ${String(body)}: it was not captured (or a body parser already consumed the request stream).`;
  }
  if (typeof body === 'object') {
    return (
      'The body is an already-parsed object, not the raw request body. The signature covers the exact bytes ' +
      'sent, and JSON.stringify of the parsed value does not reproduce them (spacing, key order, unicode escapes).'
    );
  }
  return `The body is a ${typeof body}, not the raw request body.`;
}
