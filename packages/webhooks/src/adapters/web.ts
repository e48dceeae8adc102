// Fetch-API `Request` helpers for Next.js route handlers, Hono, Cloudflare Workers, Deno and Bun.
import { WebhookVerificationError } from '../errors.ts';
import { parseSecrets, type SecretsInput } from '../secrets.ts';
import { verifyWebhook, type VerifiedWebhook, type VerifyOptions } from '../verify-webhook.ts';
import { errorResponse } from './error-response.ts';

/** Reads the body as bytes and verifies it: `const { event, id } = await verifyRequest(request, secret)`. */
export async function verifyRequest(request: Request, secrets: SecretsInput, options?: VerifyOptions): Promise<VerifiedWebhook> {
  if (request.bodyUsed) {
    throw new WebhookVerificationError(
      'body_not_raw',
      'The request body was already read (request.json(), .text() or a validator). Call verifyRequest before anything else reads it, or pass request.clone().',
    );
  }
  return verifyWebhook(new Uint8Array(await request.arrayBuffer()), request.headers, secrets, options);
}

export type WebWebhookHandler = (webhook: VerifiedWebhook, request: Request) => Response | undefined | void | Promise<Response | undefined | void>;

/**
 * A complete `(request) => Promise<Response>`: Next.js `export const POST = webhookHandler(secret, handler)`,
 * Hono `app.post(path, (c) => handle(c.req.raw))`, Workers `fetch: handle`. 204 when the handler returns nothing.
 */
export function webhookHandler(secrets: SecretsInput, handler: WebWebhookHandler, options?: VerifyOptions): (request: Request) => Promise<Response> {
  parseSecrets(secrets);
  return async (request) => {
    let webhook: VerifiedWebhook;
    try {
      webhook = await verifyRequest(request, secrets, options);
    } catch (error) {
      if (!(error instanceof WebhookVerificationError)) throw error;
      const { status, body } = errorResponse(error);
      return Response.json(body, { status });
    }
    return (await handler(webhook, request)) ?? new Response(null, { status: 204 });
  };
}
