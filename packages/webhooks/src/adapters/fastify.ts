// Fastify plugin: one webhook route in its own encapsulated scope, whose body parser keeps the raw Buffer.
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { WebhookVerificationError } from '../errors.ts';
import type { RawBody } from '../raw-body.ts';
import { parseSecrets, type SecretsInput } from '../secrets.ts';
import { verifyWebhook, type VerifiedWebhook, type VerifyOptions } from '../verify-webhook.ts';
import { errorResponse } from './error-response.ts';

export interface FastifyWebhookOptions extends VerifyOptions {
  secrets: SecretsInput;
  /** Route path, under the registration `prefix`. Default `/`. */
  url?: string;
  /** Return a value (sent as the response), send with `reply`, or return nothing for 204. */
  handler: (webhook: VerifiedWebhook, request: FastifyRequest, reply: FastifyReply) => unknown;
}

/** `await app.register(webhookPlugin, { url: '/webhooks/realid', secrets, handler })`. */
export const webhookPlugin: FastifyPluginAsync<FastifyWebhookOptions> = async (scope, options) => {
  const { secrets, url = '/', handler, toleranceSeconds, allowBodyOnly, now } = options;
  const verifyOptions: VerifyOptions = { toleranceSeconds, allowBodyOnly, now };
  parseSecrets(secrets);
  // Without fastify-plugin's skip-override this scope is encapsulated: the app's own JSON routes keep their parser.
  scope.removeAllContentTypeParsers();
  scope.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));
  scope.post(url, async (request, reply) => {
    let webhook: VerifiedWebhook;
    try {
      webhook = await verifyWebhook(request.body as RawBody, request.headers, secrets, verifyOptions);
    } catch (error) {
      if (!(error instanceof WebhookVerificationError)) throw error;
      const { status, body } = errorResponse(error);
      return reply.code(status).send(body);
    }
    const result = await handler(webhook, request, reply);
    if (reply.sent) return reply;
    return result === undefined ? reply.code(204).send() : result;
  });
};
