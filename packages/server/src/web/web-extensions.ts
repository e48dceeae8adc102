// Everything the web app adds to the HTTP service, in the shape `extensionsFor` plugs in.
import type { FastifyPluginAsync } from 'fastify';
import type { Services } from '../core/services.ts';
import type { SessionAuthenticator } from '../http/authenticate.ts';
import { apiKeysRoutes } from './api-keys-routes.ts';
import { authRoutes } from './auth-routes.ts';
import { dashboardRoutes } from './dashboard-routes.ts';
import { sessionAuthenticator } from './session-authenticator.ts';
import { setupRoutes } from './setup-routes.ts';

export interface WebExtensions {
  publicRoutes: FastifyPluginAsync[];
  merchantRoutes: FastifyPluginAsync[];
  session: SessionAuthenticator;
}

export function webExtensions(s: Services): WebExtensions {
  return {
    publicRoutes: [authRoutes(s), setupRoutes(s), dashboardRoutes()],
    merchantRoutes: [apiKeysRoutes(s)],
    session: sessionAuthenticator(s),
  };
}
