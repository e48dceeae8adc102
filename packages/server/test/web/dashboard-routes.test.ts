// The service serves the built web app itself: pages for client routes with strict headers, hashed assets
// with long caching, and the API's JSON 404 everywhere else.
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DASHBOARD_DIST } from '../../src/web/dashboard-routes.ts';
import { startTestService, type TestService } from '../support/test-service.ts';

describe('web app serving', () => {
  let t: TestService;

  beforeAll(async () => {
    t = await startTestService('sqlite');
  });
  afterAll(() => t.close());

  it.each(['/', '/login', '/setup', '/checks/ABCDEF-1234', '/settings/devtools', '/c/some-customer-token-0123456789'])('serves the app at %s', async (url) => {
    const res = await fetch(`${t.url}${url}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(await res.text()).toContain('<div id="app">');
  });

  it('serves hashed assets with long-lived caching', async () => {
    const [asset] = (await readdir(path.join(DASHBOARD_DIST, 'assets'))).filter((f) => f.endsWith('.js'));
    const res = await fetch(`${t.url}/assets/${asset}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/javascript/);
    expect(res.headers.get('cache-control')).toMatch(/immutable/);
  });

  it('keeps the API’s JSON 404 for everything else', async () => {
    for (const url of ['/api/v1/nothing-here', '/nothing-here', '/assets/missing.js']) {
      const res = await fetch(`${t.url}${url}`);
      expect(res.status).toBe(404);
      expect((await res.json()).error.code).toBe('not_found');
    }
  });
});
