// The readable API reference at /api/reference: Redoc's standalone build, served from its npm package (no CDN,
// so the page works on a machine with no internet), rendering this service's own OpenAPI document.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { FastifyInstance } from 'fastify';

export const REFERENCE_PATH = '/api/reference';
const SCRIPT_PATH = `${REFERENCE_PATH}/redoc.standalone.js`;
const SPEC_PATH = '/api/v1/openapi.json';

const PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>realid API reference</title>
</head>
<body>
<redoc spec-url="${SPEC_PATH}" expand-responses="200,201"></redoc>
<script src="${SCRIPT_PATH}"></script>
</body>
</html>
`;

// Redoc injects its styles at run time and searches in a worker made from a blob; nothing leaves the origin.
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "worker-src 'self' blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

const scriptFile = createRequire(import.meta.url).resolve('redoc/bundles/redoc.standalone.js');
let script: Promise<Buffer> | undefined;

export function referenceRoutes() {
  return async (app: FastifyInstance): Promise<void> => {
    app.get(REFERENCE_PATH, { schema: { hide: true } }, async (_request, reply) =>
      reply
        .header('content-type', 'text/html; charset=utf-8')
        .header('content-security-policy', CONTENT_SECURITY_POLICY)
        .header('x-content-type-options', 'nosniff')
        .send(PAGE),
    );

    app.get(SCRIPT_PATH, { schema: { hide: true } }, async (_request, reply) => {
      // Read once, on first use: 1 MiB that most processes never serve.
      script ??= readFile(scriptFile);
      return reply
        .header('content-type', 'text/javascript; charset=utf-8')
        .header('cache-control', 'public, max-age=86400')
        .header('x-content-type-options', 'nosniff')
        .send(await script);
    });
  };
}
