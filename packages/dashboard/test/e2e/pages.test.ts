// The rest of the web app in real Chromium: first-run setup, API keys, filters, a manual decision, the page
// an account without webhooks sees, link problems, and phone-sized screens.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../../server/src/web/create-user.ts';
import { tokenOf } from '../../../server/test/support/images.ts';
import { startTestService, type TestService } from '../../../server/test/support/test-service.ts';
import { DESKTOP, PHONE, browserAvailable, launchBrowser, screenshot, skipReason } from './browser.ts';

const PASSWORD = 'another long passphrase';

/** Every form control has a name a screen reader can announce. */
async function expectLabelled(page: Page): Promise<void> {
  const unnamed = await page.evaluate(() =>
    [...document.querySelectorAll<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>('input, select, textarea')]
      .filter((el) => !(el.labels?.length || el.getAttribute('aria-label') || el.getAttribute('aria-labelledby')))
      .map((el) => el.outerHTML),
  );
  expect(unnamed).toEqual([]);
}

async function signIn(page: Page, url: string, email: string): Promise<void> {
  await page.goto(`${url}/login`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'ID checks' }).waitFor();
}

describe.skipIf(!browserAvailable)(`web app pages, in Chromium${skipReason}`, () => {
  let t: TestService;
  let browser: Browser;
  let page: Page;
  let testKey: string;
  let liveKey: string;

  beforeAll(async () => {
    t = await startTestService('sqlite');
    browser = await launchBrowser();
    page = await (await browser.newContext(DESKTOP)).newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('offers first-run setup while there are no users, then shows the new keys once', async () => {
    await page.goto(`${t.url}/`);
    await page.getByText('This service has no users yet').waitFor();
    await page.getByRole('link', { name: 'Set it up' }).click();
    await page.getByRole('heading', { name: 'Set up realid' }).waitFor();
    await expectLabelled(page);
    await page.getByLabel('Business name').fill('Harbour Books');
    await page.getByLabel('Your email').fill('owner@harbour.example');
    await page.getByLabel('Password').fill(PASSWORD);
    await screenshot(page, 'setup');
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByRole('heading', { name: 'Your account is ready' }).waitFor();
    testKey = (await page.locator('code.secret').first().textContent())!;
    liveKey = (await page.locator('code.secret').nth(1).textContent())!;
    expect(testKey).toMatch(/^sk_test_/);
    await page.getByRole('button', { name: 'Continue to the dashboard' }).click();
    await page.getByRole('heading', { name: 'ID checks' }).waitFor();
    expect((await t.api(testKey, 'GET', '/api/v1/account')).body.account.name).toBe('Harbour Books');
  });

  it('creates an API key shown once, and revokes it', async () => {
    await page.getByRole('link', { name: 'API keys' }).click();
    await page.getByLabel('Label').fill('shop backend');
    await page.getByLabel('Key mode').selectOption('live');
    await page.getByRole('button', { name: 'Create key' }).click();
    const key = (await page.getByTestId('new-api-key').textContent())!;
    expect(key).toMatch(/^sk_live_/);
    expect((await t.api(key, 'GET', '/api/v1/account')).body.mode).toBe('live');
    await expectLabelled(page);
    await screenshot(page, 'api-keys');
    await page.getByRole('button', { name: 'Revoke shop backend' }).click();
    await page.getByRole('button', { name: 'Revoke now' }).click();
    await page.getByText(/^Revoked /).waitFor();
    expect((await t.api(key, 'GET', '/api/v1/account')).status).toBe(401);
  });

  it('searches and filters the checks list, and keeps the filters in the address', async () => {
    for (const [email, first] of [['ann@example.com', 'Ann'], ['bob@example.com', 'Bob']]) {
      await t.api(testKey, 'POST', '/api/v1/checks', { customer: { email, first_name: first } });
    }
    const bob = (await t.api(testKey, 'GET', '/api/v1/checks?q=bob')).body.checks[0];
    await t.api(testKey, 'POST', `/api/v1/checks/${bob.id}/simulate`, { action: 'fail', reason: 'document_expired' });

    await page.getByRole('link', { name: 'ID checks' }).click();
    await page.getByRole('searchbox', { name: 'Search' }).fill('ann');
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.waitForURL(/q=ann/);
    await page.locator('tbody tr').filter({ hasText: 'Ann' }).waitFor();
    // The previous list stays on screen until the filtered one arrives.
    await expect.poll(() => page.locator('tbody tr').count()).toBe(1);

    await page.getByRole('button', { name: 'Clear' }).click();
    await page.getByLabel('Verdict').selectOption('failed');
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.waitForURL(/verdict=failed/);
    await page.locator('tbody tr').filter({ hasText: 'Bob' }).waitFor();
    // The previous list stays on screen until the filtered one arrives.
    await expect.poll(() => page.locator('tbody tr').count()).toBe(1);
    // Each cell carries its column's name, which narrow screens show beside the value.
    const headers = await page.locator('thead th').allTextContents();
    expect(headers).toEqual(['Check', 'Customer', 'Step', 'Verdict', 'Created']);
    expect(await page.locator('tbody tr td').evaluateAll((cells) => cells.map((c) => c.getAttribute('data-label')))).toEqual(headers);
    await page.reload();
    expect(await page.getByLabel('Verdict').inputValue()).toBe('failed');
    await expectLabelled(page);
  });

  it('switches the whole dashboard between test and live mode, with a banner in test mode', async () => {
    await t.api(liveKey, 'POST', '/api/v1/checks', { customer: { email: 'carol@example.com', first_name: 'Carol' } });
    await page.getByRole('link', { name: 'ID checks' }).click();
    await page.getByRole('status').filter({ hasText: 'Test mode' }).waitFor();
    await page.locator('tbody tr').filter({ hasText: 'Ann' }).waitFor();
    await page.getByRole('group', { name: 'Dashboard mode' }).getByRole('button', { name: 'Live mode' }).click();
    await page.locator('tbody tr').filter({ hasText: 'Carol' }).waitFor();
    expect(await page.locator('tbody tr').count()).toBe(1);
    expect(await page.getByText(/^Test mode:/).count()).toBe(0);
    await page.reload();
    await page.locator('tbody tr').filter({ hasText: 'Carol' }).waitFor();
    await page.getByRole('group', { name: 'Dashboard mode' }).getByRole('button', { name: 'Test mode' }).click();
    await page.locator('tbody tr').filter({ hasText: 'Ann' }).waitFor();
    expect(await page.locator('tbody tr').filter({ hasText: 'Carol' }).count()).toBe(0);
  });

  it('lets the merchant overturn a failed check with a reason', async () => {
    await page.locator('tbody tr').filter({ hasText: 'Bob' }).getByRole('link').click();
    await page.getByRole('cell', { name: 'Document not expired' }).waitFor();
    await page.getByText('document_expired').waitFor();
    expect(await page.getByRole('button', { name: 'Reject' }).count()).toBe(0);
    await page.getByLabel('Reason for your decision').fill('Checked the renewed licence in the shop');
    await page.getByRole('button', { name: 'Approve' }).click();
    await page.locator('.badges').getByText('Completed').waitFor();
    await page.getByText(/Approved by merchant: “Checked the renewed licence in the shop”/).waitFor();
  });

  it('shows who opened a check and when its data goes, and sets the retention period', async () => {
    await page.getByRole('heading', { name: /^Check / }).waitFor();
    const access = page.getByRole('region', { name: 'Access log' });
    await access.getByRole('cell', { name: 'Approved' }).waitFor();
    await access.getByRole('cell', { name: 'Viewed with photos' }).first().waitFor();
    await page.getByText(/will be deleted automatically on/).waitFor();

    await page.getByRole('link', { name: 'Privacy' }).click();
    const days = page.getByLabel(/Keep personal data for/);
    expect(await days.inputValue()).toBe('90');
    await days.fill('30');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText(/^Saved\./).waitFor();
    expect((await t.api(testKey, 'GET', '/api/v1/account')).body.account.retention_days).toBe(30);
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: /Download the test access log/ }).click();
    expect((await download).suggestedFilename()).toBe('realid-access-log-test.csv');
    await expectLabelled(page);
  });

  it('shows an account without the Enterprise plan what webhooks give and how to get them', async () => {
    const pro = await t.newAccount('pro', 'Small Shop');
    await createUser(t.services.store, t.clock.now(), { accountId: pro.account.id, email: 'owner@small.example', password: PASSWORD });
    const other = await (await browser.newContext(DESKTOP)).newPage();
    await signIn(other, t.url, 'owner@small.example');
    await other.getByRole('link', { name: 'DevTools' }).click();
    await other.getByRole('heading', { name: 'Webhooks come with the Enterprise plan' }).waitFor();
    await other.getByText(`realid accounts set-plan --id ${pro.account.id} --plan enterprise`).waitFor();
    await screenshot(other, 'devtools-plan-required');
    await other.context().close();
  });

  it('fits a phone: the dashboard without sideways scrolling', async () => {
    const phone = await (await browser.newContext(PHONE)).newPage();
    await signIn(phone, t.url, 'owner@harbour.example');
    await phone.locator('tbody tr').first().waitFor();
    expect(await phone.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await screenshot(phone, 'checks-phone');
    await phone.context().close();
  });

  it('explains unknown and expired links plainly', async () => {
    const phone = await (await browser.newContext(PHONE)).newPage();
    await phone.goto(`${t.url}/c/this-link-was-never-issued-0000`);
    await phone.getByRole('heading', { name: 'This link is not valid' }).waitFor();
    await screenshot(phone, 'customer-link-invalid');

    const created = await t.api(testKey, 'POST', '/api/v1/checks', { customer: { email: 'late@example.com' } });
    t.clock.advance(8 * 24 * 3600 * 1000);
    await phone.goto(`${t.url}/c/${tokenOf(created.body.check.link)}`);
    await phone.getByRole('heading', { name: 'This link has expired' }).waitFor();
    expect(await phone.locator('body').textContent()).not.toMatch(/error|stack|exception/i);
    await phone.context().close();
  });
});
