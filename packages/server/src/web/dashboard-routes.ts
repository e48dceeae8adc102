// Serves the built web app (packages/dashboard/dist) from the service itself: hashed assets with long
// caching, and index.html for every client-side route so reloads and shared links work.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';

export const DASHBOARD_DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../dashboard/dist');

/** Paths the web app's router owns; everything else keeps the API's JSON 404. */
const CLIENT_ROUTES = ['/', '/login', '/setup', '/checks', '/checks/*', '/settings', '/settings/*', '/c/*'];

const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "img-src 'self' data: blob:",
  "style-src 'self'",
  "script-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const NOT_BUILT = `<!doctype html><html lang="en"><meta charset="utf-8"><title>realid</title>
<body><h1>The web app is not built yet</h1><p>Run <code>npm run build -w @realid/dashboard</code> (or <code>npm start</code>, which builds it first), then reload.</p></body></html>`;

function pageHeaders(reply: FastifyReply): FastifyReply {
  return reply
    .header('content-type', 'text/html; charset=utf-8')
    .header('cache-control', 'no-store')
    .header('content-security-policy', CONTENT_SECURITY_POLICY)
    .header('x-frame-options', 'DENY')
    .header('x-content-type-options', 'nosniff')
    // Customer links carry their token in the path: never hand it to another site.
    .header('referrer-policy', 'no-referrer');
}

export function dashboardRoutes(distDir = DASHBOARD_DIST) {
  return async (app: FastifyInstance): Promise<void> => {
    await app.register(fastifyStatic, {
      root: path.join(distDir, 'assets'),
      prefix: '/assets/',
      immutable: true,
      maxAge: '365d',
      index: false,
      // The directory may not exist until the first build; files are looked up per request.
      suppressWarning: true,
    });
    const indexPage = async (_request: unknown, reply: FastifyReply) => {
      // Read per request: a rebuild while the service runs is picked up without a restart.
      const html = await readFile(path.join(distDir, 'index.html'), 'utf8').catch(() => undefined);
      return pageHeaders(reply).status(html ? 200 : 503).send(html ?? NOT_BUILT);
    };
    for (const url of CLIENT_ROUTES) app.get(url, { schema: { hide: true } }, indexPage);
  };
}
