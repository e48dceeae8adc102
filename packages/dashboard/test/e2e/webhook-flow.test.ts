// The proof, in real Chromium against the real service on loopback: sign in, send check.completed
// to a local receiver, create a test check, complete it on the customer pages with real image bytes, see the
// signed delivery arrive and appear in the log, resend it, rotate the secret, and file a privacy request
// that shows on the check.
import { createHmac } from 'node:crypto';
import { constructEvent } from '@realid/webhooks';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreatedAccount } from '../../../server/src/accounts/create-account.ts';
import { createUser } from '../../../server/src/web/create-user.ts';
import { startTestService, type TestService } from '../../../server/test/support/test-service.ts';
import { startWebhookReceiver, waitFor, type Delivery, type WebhookReceiver } from '../../../server/test/support/webhook-receiver.ts';
import { DESKTOP, PHONE, browserAvailable, launchBrowser, screenshot, skipReason } from './browser.ts';
import { idCardPng, selfieJpeg } from './fixture-images.ts';
import { watchForErrors } from './page-errors.ts';

const EMAIL = 'owner@corner-shop.example';
const PASSWORD = 'a long and unguessable passphrase';

describe.skipIf(!browserAvailable)(`web app with webhooks, in Chromium${skipReason}`, () => {
  let t: TestService;
  let receiver: WebhookReceiver;
  let browser: Browser;
  let merchantContext: BrowserContext;
  let customerContext: BrowserContext;
  let merchant: Page;
  let customer: Page;
  let account: CreatedAccount;
  let checkId: string;
  let link: string;
  let newSecret: string;
  const problems: string[] = [];

  const completed = (): Delivery[] => receiver.deliveries.filter((d) => d.body.event === 'check.completed');

  beforeAll(async () => {
    t = await startTestService('sqlite', { worker: true });
    receiver = await startWebhookReceiver();
    account = await t.newAccount('enterprise', 'Corner Shop');
    await createUser(t.services.store, t.clock.now(), { accountId: account.account.id, email: EMAIL, password: PASSWORD });
    browser = await launchBrowser();
    merchantContext = await browser.newContext(DESKTOP);
    customerContext = await browser.newContext(PHONE);
    merchant = await merchantContext.newPage();
    customer = await customerContext.newPage();
    watchForErrors(merchant, problems);
    watchForErrors(customer, problems);
  });
  afterAll(async () => {
    await browser?.close();
    await receiver?.close();
    await t?.close();
  });

  it('signs in with the keyboard', async () => {
    await merchant.goto(`${t.url}/`);
    await merchant.waitForURL(/\/login/);
    await merchant.getByRole('heading', { name: 'Sign in' }).waitFor();
    await screenshot(merchant, 'sign-in');
    await merchant.getByLabel('Email').fill(EMAIL);
    await merchant.keyboard.press('Tab');
    await merchant.keyboard.type(PASSWORD);
    await merchant.keyboard.press('Enter');
    await merchant.getByRole('heading', { name: 'ID checks' }).waitFor();
    expect(new URL(merchant.url()).pathname).toBe('/');
  });

  it('sets a URL for check.completed (and manual reviews) in Settings › DevTools', async () => {
    await merchant.getByRole('link', { name: 'DevTools' }).click();
    await merchant.getByRole('heading', { name: 'DevTools' }).waitFor();
    for (const event of ['check.completed', 'customer.manual_review_requested']) {
      await merchant.getByRole('button', { name: `Add a URL for ${event}` }).click();
      await merchant.getByLabel(`URL for ${event}`).fill(receiver.url);
      await merchant.getByRole('button', { name: 'Save URL' }).click();
      await merchant.locator(`li.event-url[data-event="${event}"] .receiver`).getByText(receiver.url).waitFor();
    }
    const endpoints = (await t.api(account.testKey, 'GET', '/api/v1/webhooks/endpoints')).body.endpoints;
    expect(endpoints).toHaveLength(1);
    expect(endpoints[0]).toMatchObject({ url: receiver.url, mode: 'test', enabled: true });
    expect(endpoints[0].event_types.sort()).toEqual(['check.completed', 'customer.manual_review_requested']);
    await screenshot(merchant, 'devtools');
  });

  it('creates a test-mode check and shows its link', async () => {
    await merchant.getByRole('link', { name: 'ID checks' }).click();
    await merchant.getByRole('button', { name: 'New check' }).click();
    // "blurry" makes the simulator ask for one retake of the front, so the retake prompt is seen too.
    await merchant.getByLabel('Customer email').fill('jane+blurry@example.com');
    await merchant.getByLabel('First name').fill('Jane');
    await merchant.getByLabel('Last name').fill('Doe');
    await merchant.getByLabel('Order reference').fill('#1001');
    await merchant.getByLabel('Ask for a drawn signature').check();
    await merchant.getByText(/^A test check: judged by the simulator/).waitFor();
    await merchant.getByRole('button', { name: 'Create check' }).click();
    link = (await merchant.locator('code.customer-link').textContent())!;
    expect(link).toMatch(/\/c\/[A-Za-z0-9_-]{20,}$/);
    checkId = (await merchant.getByRole('link', { name: /^Open check / }).textContent())!.replace('Open check ', '');
    await merchant.getByRole('link', { name: checkId, exact: true }).waitFor();
    await screenshot(merchant, 'checks');
  });

  it('takes the customer through consent, a retake, and the photos to a verified check', async () => {
    await customer.goto(link);
    await customer.getByRole('heading', { name: 'Verify your identity' }).waitFor();
    await screenshot(customer, 'customer-consent');
    await customer.getByRole('button', { name: 'I agree, start' }).click();

    await customer.getByRole('heading', { name: 'Front of your ID' }).waitFor();
    await customer.getByTestId('camera-front').setInputFiles({ name: 'front.png', mimeType: 'image/png', buffer: idCardPng() });
    await customer.getByRole('button', { name: 'Use this photo' }).click();
    await customer.getByText('Please take this photo again').waitFor();
    await screenshot(customer, 'customer-retake');

    await customer.getByTestId('file-front').setInputFiles({ name: 'front-again.png', mimeType: 'image/png', buffer: idCardPng(360, 220) });
    await customer.getByRole('button', { name: 'Use this photo' }).click();
    await customer.getByRole('heading', { name: 'A selfie' }).waitFor();
    expect(await customer.getByText('Photo 2 of 3').isVisible()).toBe(true);
    await customer.getByTestId('camera-selfie').setInputFiles({ name: 'selfie.jpg', mimeType: 'image/jpeg', buffer: await selfieJpeg(customer) });
    await customer.getByRole('button', { name: 'Use this photo' }).click();

    await customer.getByRole('heading', { name: 'Your signature' }).waitFor();
    const pad = (await customer.getByTestId('signature-pad').boundingBox())!;
    await customer.mouse.move(pad.x + pad.width * 0.1, pad.y + pad.height * 0.6);
    await customer.mouse.down();
    for (let i = 1; i <= 12; i++) await customer.mouse.move(pad.x + pad.width * (0.1 + i * 0.06), pad.y + pad.height * (0.6 - 0.3 * Math.sin(i)));
    await customer.mouse.up();
    await customer.getByRole('button', { name: 'Use this signature' }).click();
    await customer.getByRole('button', { name: 'Send this signature' }).click();
    await customer.getByRole('heading', { name: 'You are verified' }).waitFor();
    expect(await customer.locator('main').textContent()).not.toMatch(/photo_blurry|sub.?check|simulator/i);
    await screenshot(customer, 'customer-verified');
  });

  it('delivers check.completed signed to the receiver, and lists it in the delivery log with its attempt', async () => {
    await waitFor(() => completed().length === 1, 'check.completed at the receiver');
    const delivery = completed()[0]!;
    expect(delivery.body).toMatchObject({ event: 'check.completed', check: { id: checkId, step: 'completed', testing: true } });
    const expected = createHmac('sha256', account.signingSecrets.test).update(delivery.raw).digest('hex');
    expect(delivery.headers['x-real-id-signature']).toBe(expected);
    await constructEvent(delivery.raw, delivery.headers, account.signingSecrets.test);

    await merchant.getByRole('link', { name: 'DevTools' }).click();
    const row = merchant.locator('li.message[data-event="check.completed"][data-status="delivered"]');
    await row.first().waitFor();
    await row.first().locator('button.message-summary').click();
    await row.first().locator('table.attempts').getByText('200').waitFor();
  });

  it('resends the message', async () => {
    await merchant.getByRole('button', { name: 'Resend' }).click();
    await merchant.getByText('Queued again').waitFor();
    await waitFor(() => completed().length === 2, 'the resent check.completed');
    expect(completed()[1]!.raw.equals(completed()[0]!.raw)).toBe(true);
    await merchant.locator('li.message[data-event="check.completed"][data-status="delivered"]').nth(1).waitFor();
    await screenshot(merchant, 'delivery-log');
  });

  it('rotates the signing secret, showing the overlap', async () => {
    await merchant.getByRole('button', { name: 'Rotate secret' }).click();
    await merchant.getByRole('button', { name: 'Rotate now' }).click();
    await merchant.getByText('New secret created').waitFor();
    await merchant.getByText(/Previous secret, still signing until/).waitFor();
    newSecret = (await merchant.getByTestId('signing-secret').textContent())!;
    expect(newSecret).toMatch(/^whsec_/);
    expect(newSecret).not.toBe(account.signingSecrets.test);
    await merchant.locator('#secret').scrollIntoViewIfNeeded();
    await screenshot(merchant, 'devtools-secret-rotated');
  });

  it('files a privacy request from the customer page and shows it on the check', async () => {
    await customer.getByLabel('Ask a person to review my check').check();
    await customer.getByLabel('Message (optional)').fill('Please double-check my photos.');
    await customer.getByRole('button', { name: 'Send request' }).click();
    await customer.getByText(/Your request was sent to Corner Shop/).waitFor();
    await customer.getByText(/You asked for a manual review on/).waitFor();
    await screenshot(customer, 'customer-privacy');

    // Signed with both secrets during the overlap: the new one verifies it.
    await waitFor(() => receiver.deliveries.some((d) => d.body.event === 'customer.manual_review_requested'), 'the privacy event');
    const privacy = receiver.deliveries.find((d) => d.body.event === 'customer.manual_review_requested')!;
    await constructEvent(privacy.raw, privacy.headers, newSecret);

    await merchant.goto(`${t.url}/checks/${checkId}`);
    await merchant.getByRole('heading', { name: `Check ${checkId}` }).waitFor();
    const requests = merchant.locator('.privacy-list');
    await requests.getByText('Asked for a manual review').waitFor();
    await requests.getByText('Please double-check my photos.').waitFor();
    await merchant.locator('.timeline').getByText('customer.manual_review_requested').waitFor();
    const photos = merchant.locator('.photos img');
    expect(await photos.count()).toBeGreaterThanOrEqual(3);
    await merchant.getByRole('img', { name: /^Signature, sent/ }).waitFor();
    await merchant.waitForFunction(() => [...document.querySelectorAll<HTMLImageElement>('.photos img')].every((i) => i.complete && i.naturalWidth > 0));
    await screenshot(merchant, 'check-detail');
  });

  it('raised no uncaught errors or Content-Security-Policy violations on any page', () => {
    expect(problems).toEqual([]);
  });
});
