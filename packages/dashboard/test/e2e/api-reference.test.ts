// The API reference page in real Chromium, with every request to another origin refused: it renders the
// service's own OpenAPI document (operations and webhook events) from the script the service serves itself.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestService, type TestService } from '../../../server/test/support/test-service.ts';
import { DESKTOP, browserAvailable, launchBrowser, screenshot, skipReason } from './browser.ts';
import { watchForErrors } from './page-errors.ts';

describe.skipIf(!browserAvailable)(`the API reference, in Chromium${skipReason}`, () => {
  let t: TestService;
  let browser: Browser;
  let page: Page;
  const elsewhere: string[] = [];
  const problems: string[] = [];

  beforeAll(async () => {
    t = await startTestService('sqlite');
    browser = await launchBrowser();
    page = await (await browser.newContext(DESKTOP)).newPage();
    const origin = new URL(t.url).origin;
    // As on a machine with no internet: anything not from the service fails.
    await page.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith(origin) || url.startsWith('blob:') || url.startsWith('data:')) return route.continue();
      elsewhere.push(url);
      return route.abort();
    });
    watchForErrors(page, problems);
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('renders the operations and the webhook events with nothing from another origin', async () => {
    await page.goto(`${t.url}/api/reference`);
    await page.getByRole('heading', { name: 'realid API' }).waitFor();
    await page.getByRole('heading', { name: 'Create a check' }).waitFor();
    await page.getByRole('heading', { name: 'check.submitted-photo' }).waitFor();
    // The whole reference is tens of thousands of pixels tall: the first screen shows what it is.
    await screenshot(page, 'api-reference', { fullPage: false });
    expect(elsewhere).toEqual([]);
    // Redoc's "API docs by Redocly" badge always tries its logo from Redocly's CDN: the page's policy refuses it
    // before any request leaves, and Redoc hides the broken image. Anything else refused would be a fault.
    expect(problems.filter((p) => !p.includes('https://cdn.redoc.ly/redoc/logo-mini.svg'))).toEqual([]);
  });
});
