// A live check judged by the offline analyzer, as the merchant sees it in real Chromium: what was read from the
// ID with the match score, and the document's portrait beside the selfie for anyone reviewing the face match.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../../server/src/web/create-user.ts';
import { tokenOf, uploadPhoto } from '../../../server/test/support/images.ts';
import { checkPhotos } from '../../../server/test/support/synthetic/check-photos.ts';
import { startTestService, type TestService } from '../../../server/test/support/test-service.ts';
import { DESKTOP, browserAvailable, launchBrowser, screenshot, skipReason } from './browser.ts';
import { watchForErrors } from './page-errors.ts';

const EMAIL = 'reviewer@offline.example';
const PASSWORD = 'a passphrase for reviewing checks';

describe.skipIf(!browserAvailable)(`a live check judged offline, in Chromium${skipReason}`, { timeout: 240_000 }, () => {
  let t: TestService;
  let browser: Browser;
  let page: Page;
  let checkId: string;
  const problems: string[] = [];

  beforeAll(async () => {
    t = await startTestService('sqlite', {
      config: (c) => {
        c.analyzers.live = 'offline';
        c.analysis.taskTimeoutMs = 90_000;
      },
    });
    const { account, liveKey } = await t.newAccount('enterprise', 'Offline Review Shop');
    await createUser(t.services.store, t.clock.now(), { accountId: account.id, email: EMAIL, password: PASSWORD });
    const today = new Date().toISOString().slice(0, 10);
    const photos = await checkPhotos(4, 'genuine', today);
    const created = await t.api(liveKey, 'POST', '/api/v1/checks', { customer: { ...photos.customer, email: 'holder@example.com' }, rules: { include_back_of_id: true } });
    checkId = created.body.check.id;
    const token = tokenOf(created.body.check.link);
    for (const kind of ['front', 'back', 'selfie'] as const) {
      let res = await uploadPhoto(t.url, token, kind, photos[kind]);
      for (let attempt = 1; res.body.photo?.status === 'rejected' && attempt <= 3; attempt++) {
        res = await uploadPhoto(t.url, token, kind, (await checkPhotos(4, 'genuine', today, attempt))[kind]);
      }
    }
    browser = await launchBrowser();
    page = await (await browser.newContext(DESKTOP)).newPage();
    watchForErrors(page, problems);
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('shows what was read, the score, and the portrait beside the selfie', async () => {
    await page.goto(`${t.url}/login`);
    await page.getByLabel('Email').fill(EMAIL);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('group', { name: 'Dashboard mode' }).getByRole('button', { name: 'Live mode' }).click();
    await page.getByRole('link', { name: checkId, exact: true }).click();
    await page.locator('.badges').getByText('Completed').waitFor();

    const extracted = page.getByRole('region', { name: 'Extracted data' });
    for (const label of ['Read from', 'Date of birth', 'Expires', 'Document number', 'Face match score']) await extracted.getByText(label).waitFor();
    expect(await extracted.getByText('barcode').count()).toBe(1);

    const comparison = page.getByRole('region', { name: 'Face comparison' });
    await comparison.getByRole('img', { name: 'The portrait on the ID' }).waitFor();
    await comparison.getByRole('img', { name: 'The selfie' }).waitFor();
    await page.waitForFunction(() => [...document.querySelectorAll<HTMLImageElement>('.face-comparison img')].every((i) => i.complete && i.naturalWidth > 0));
    // The portrait is cut out of the front photo: its frame is narrower than the photo it shows.
    const crop = await comparison.locator('.photo-crop').boundingBox();
    const inside = await comparison.locator('.photo-crop img').boundingBox();
    expect(inside!.width).toBeGreaterThan(crop!.width * 1.5);
    await screenshot(page, 'check-face-comparison');
    expect(problems).toEqual([]);
  });
});
