// Builds the HTTP app from injected services, so tests run it in-process or on a real port alike.
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance, type FastifyPluginAsync } from 'fastify';
import multipart from '@fastify/multipart';
import swagger from '@fastify/swagger';
import type { Services } from '../core/services.ts';
import { connectionLimitOptions, limitConnections } from './connection-limits.ts';
import { answerFrameworkError, installErrorHandling } from './error-handler.ts';
import { rejectNul } from './reject-nul.ts';
import { answerWithRequestId, requestIdFor } from './request-id.ts';
import { measureRequests } from './request-metrics.ts';
import { rejectNullBody } from './reject-null-body.ts';
import { requireMerchant, type SessionAuthenticator } from './authenticate.ts';
import { validatorCompiler } from './validation.ts';
import { openapiOptions } from './openapi/openapi-options.ts';
import { referenceRoutes } from './openapi/reference-routes.ts';
import { accessLogRoutes } from './routes/access-log-routes.ts';
import { checksRoutes } from './routes/checks-routes.ts';
import { customerRoutes } from './routes/customer-routes.ts';
import { photosRoutes } from './routes/photos-routes.ts';
import { accountRoutes } from './routes/account-routes.ts';
import { healthRoutes } from './routes/health-routes.ts';
import { eventsStreamRoutes } from './routes/events-stream-routes.ts';
import { metaRoutes } from './routes/meta-routes.ts';
import { webhooksRoutes } from './routes/webhooks-routes.ts';

export interface AppExtensions {
  /** More merchant routes under /api/v1 (they get the same authentication). */
  merchantRoutes?: FastifyPluginAsync[];
  /** Routes outside /api/v1 (web pages, session login). */
  publicRoutes?: FastifyPluginAsync[];
  session?: SessionAuthenticator;
}

/** Request logs never carry customer link tokens, photo signatures or other query strings. */
const redactUrl = (url: string): string =>
  url.split('?')[0]!.replace(/\/(customer|c)\/[^/]+/, '/$1/[token]');

/**
 * Real ID's clients send `Content-Type: application/json` on every request, bodiless `DELETE`s and `POST`s
 * included; an empty body is no body. A body that is present is parsed as Fastify does (prototype-poisoning
 * checks included) and answers `invalid_json` when broken.
 */
function acceptBodilessJson(app: FastifyInstance): void {
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const text = body.toString();
    if (text === '') return done(null, undefined);
    void parseJson(request, text, done);
  });
}

export async function createApp(s: Services, ext: AppExtensions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: s.logger.child({}, {
      serializers: {
        req: (req: { method: string; url: string }) => ({ method: req.method, url: redactUrl(req.url) }),
      },
    }) as FastifyBaseLogger,
    bodyLimit: 1024 * 1024,
    ...connectionLimitOptions(s.config.http),
    frameworkErrors: answerFrameworkError,
    genReqId: requestIdFor,
    // Only behind a proxy the operator vouches for; otherwise anyone could choose their own X-Forwarded-For.
    trustProxy: s.config.trustProxy,
    // Per-request lines only when debugging: at volume they cost more than they tell.
    logController: new LogController({ disableRequestLogging: s.config.logLevel !== 'debug' && s.config.logLevel !== 'trace' }),
  });
  limitConnections(app.server, s.config.http);
  app.setValidatorCompiler(validatorCompiler);
  answerWithRequestId(app);
  measureRequests(app, s.metrics);
  installErrorHandling(app);
  rejectNul(app);
  rejectNullBody(app);
  acceptBodilessJson(app);
  await app.register(multipart, {
    limits: { fileSize: s.config.maxPhotoBytes, files: 1, fields: 5, parts: 6, fieldSize: 1024 },
    throwFileSizeLimit: true,
  });
  await app.register(swagger, openapiOptions());
  await app.register(referenceRoutes());

  await app.register(healthRoutes(s));

  await app.register(
    async (api) => {
      api.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
      await api.register(customerRoutes(s));
      await api.register(photosRoutes(s));
      await api.register(metaRoutes(s));
      await api.register(async (merchant) => {
        merchant.addHook('preHandler', requireMerchant(s, ext.session));
        await merchant.register(checksRoutes(s));
        await merchant.register(accessLogRoutes(s));
        await merchant.register(accountRoutes(s));
        await merchant.register(webhooksRoutes(s));
        await merchant.register(eventsStreamRoutes(s));
        for (const routes of ext.merchantRoutes ?? []) await merchant.register(routes);
      });
    },
    { prefix: '/api/v1' },
  );
  for (const routes of ext.publicRoutes ?? []) await app.register(routes);
  return app;
}
