// The customer's side over real HTTP: open, photos (checked by content, encrypted at rest), verdicts,
// retakes and privacy requests, on each database.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from './support/databases.ts';
import { JPEG, NOT_AN_IMAGE, PNG, tokenOf, uploadPhoto } from './support/images.ts';
import { startTestService, type TestService } from './support/test-service.ts';

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
}

describe.each(DIALECTS)('customer flow on %s', (dialect) => {
  let t: TestService;
  let key: string;
  let liveKey: string;

  beforeAll(async () => {
    t = await startTestService(dialect);
    ({ testKey: key, liveKey } = await t.newAccount());
  });
  afterAll(() => t.close());

  async function newCheck(email: string, rules: object = {}, k = key) {
    const res = await t.api(k, 'POST', '/api/v1/checks', { customer: { email, first_name: 'Jane' }, rules });
    expect(res.status).toBe(201);
    return { id: res.body.check.id as string, token: tokenOf(res.body.check.link) };
  }
  const timeline = async (id: string, k = key) =>
    (await t.api(k, 'GET', `/api/v1/checks/${id}`)).body.check.timeline.map((e: { event: string }) => e.event);

  it('opens once, asks for a retake on a blurry photo, and completes when every sub-check passes', async () => {
    const { id, token } = await newCheck('jane+blurry@example.com');
    const opened = await t.api(undefined, 'POST', `/api/v1/customer/${token}/open`);
    expect(opened.body.check).toMatchObject({ status: 'waiting_for_photos', photos_needed: ['front', 'selfie'], merchant: 'Acme' });
    await t.api(undefined, 'POST', `/api/v1/customer/${token}/open`);

    const blurry = await uploadPhoto(t.url, token, 'front', JPEG);
    expect(blurry.status).toBe(201);
    expect(blurry.body.photo).toMatchObject({ status: 'rejected', reasons: [{ code: 'photo_blurry', retryable: true }] });
    expect(blurry.body.check.retake).toMatchObject({ kind: 'front' });

    expect((await uploadPhoto(t.url, token, 'front', JPEG)).body.photo.status).toBe('accepted');
    const last = await uploadPhoto(t.url, token, 'selfie', PNG);
    expect(last.body.check.status).toBe('verified');

    const detail = (await t.api(key, 'GET', `/api/v1/checks/${id}`)).body.check;
    expect(detail).toMatchObject({ step: 'completed', verdict: 'passed', retakes: 1, result: { document: { first_name: 'Jane', document_type: 'drivers_license', source: 'simulator' } } });
    expect(detail.sub_checks.every((s: { status: string }) => s.status === 'passed')).toBe(true);
    expect(await timeline(id)).toEqual(['check.delivered', 'check.opened', 'check.submitted-photo', 'check.submitted-photo', 'check.completed']);
    expect((await uploadPhoto(t.url, token, 'selfie', PNG)).body.error.code).toBe('invalid_transition');
  });

  it('fails the whole check at once on a final failure, even while the selfie is still expected', async () => {
    const { id, token } = await newCheck('jane+unreadable@example.com');
    const res = await uploadPhoto(t.url, token, 'front', JPEG);
    expect(res.body.check.status).toBe('not_verified');
    expect(JSON.stringify(res.body.check)).not.toContain('document_unreadable');
    const detail = (await t.api(key, 'GET', `/api/v1/checks/${id}`)).body.check;
    expect(detail).toMatchObject({ step: 'failed', verdict: 'failed' });
    expect(detail.sub_checks.find((s: { name: string }) => s.name === 'document_readable')).toMatchObject({
      status: 'failed',
      reasons: [{ code: 'document_unreadable', retryable: false }],
    });
    expect(await timeline(id)).toEqual(['check.delivered', 'check.opened', 'check.submitted-photo', 'check.failed']);
  });

  it.each([
    ['face_mismatch', 'face_match', 'face_mismatch'],
    ['expired', 'not_expired', 'document_expired'],
    ['underage', 'minimum_age', 'underage'],
    ['missing_fields', 'required_fields', 'missing_required_fields'],
  ])('simulates %s', async (scenario, subCheck, code) => {
    const { id, token } = await newCheck(`x+${scenario}@example.com`);
    await uploadPhoto(t.url, token, 'front', JPEG);
    await uploadPhoto(t.url, token, 'selfie', JPEG);
    const detail = (await t.api(key, 'GET', `/api/v1/checks/${id}`)).body.check;
    expect(detail.step).toBe('failed');
    expect(detail.sub_checks.find((s: { name: string }) => s.name === subCheck).reasons[0].code).toBe(code);
  });

  it('fails with retakes_exhausted after too many unusable photos', async () => {
    const { id, token } = await newCheck('x+always_blurry@example.com', { max_retakes: 1 });
    await uploadPhoto(t.url, token, 'front', JPEG);
    const second = await uploadPhoto(t.url, token, 'front', JPEG);
    expect(second.body.check.status).toBe('not_verified');
    expect(await timeline(id)).toEqual(['check.delivered', 'check.opened', 'check.failed']);
  });

  it('asks for what the rules say: the back, a selfie, a turned selfie, a signature', async () => {
    const asked = async (rules: object) => {
      const { token } = await newCheck('rules@example.com', rules);
      return (await t.api(undefined, 'GET', `/api/v1/customer/${token}`)).body.check;
    };
    expect((await asked({})).photos_needed).toEqual(['front', 'selfie']);
    expect((await asked({ id_check_type: 'id' })).photos_needed).toEqual(['front']);
    expect((await asked({ include_back_of_id: true })).photos_needed).toEqual(['front', 'back', 'selfie']);
    const turned = await asked({ selfie_liveness: 'turn' });
    expect(turned.photos_needed).toEqual(['front', 'selfie', 'selfie_turn']);
    expect(['left', 'right']).toContain(turned.selfie_turn);
    expect((await asked({ id_check_type: 'id', selfie_liveness: 'turn' })).photos_needed).toEqual(['front']);
    expect((await asked({ signature_required: true, id_check_type: 'id' })).photos_needed).toEqual(['front', 'signature']);
  });

  it('waits for the signature before completing, keeps it encrypted like the photos, and shows it to the merchant', async () => {
    const { id, token } = await newCheck('sign@example.com', { id_check_type: 'id', signature_required: true });
    await uploadPhoto(t.url, token, 'front', PNG);
    expect((await t.api(key, 'GET', `/api/v1/checks/${id}`)).body.check.step).toBe('submitted-photo');
    const signature = Buffer.concat([PNG, Buffer.from('SIGNATURE-PLAINTEXT-MARKER')]);
    const signed = await uploadPhoto(t.url, token, 'signature', signature, 'signature.png');
    expect(signed.status).toBe(201);
    expect(signed.body.check.status).toBe('verified');
    const detail = (await t.api(key, 'GET', `/api/v1/checks/${id}?withPhotos=true`)).body.check;
    expect(detail.sub_checks.find((sc: { name: string }) => sc.name === 'signature').status).toBe('passed');
    const stored = detail.photos.find((p: { kind: string }) => p.kind === 'signature');
    expect(Buffer.from(await (await fetch(stored.url)).arrayBuffer()).equals(signature)).toBe(true);
    for (const file of await filesUnder(path.join(t.dataDir, 'photos'))) {
      expect((await readFile(file)).includes(Buffer.from('SIGNATURE-PLAINTEXT-MARKER'))).toBe(false);
    }
  });

  it('refuses a testing rule that contradicts the key, and a theme colour that is not one', async () => {
    const contradicting = await t.api(key, 'POST', '/api/v1/checks', { customer: { email: 'x@example.com' }, rules: { testing: false } });
    expect(contradicting.status).toBe(422);
    expect(contradicting.body.error.fields[0].field).toBe('rules.testing');
    const agreeing = await t.api(key, 'POST', '/api/v1/checks', { customer: { email: 'x@example.com' }, check: { rules: { testing: true } } });
    expect(agreeing.status).toBe(201);
    const badColour = await t.api(key, 'POST', '/api/v1/checks', { customer: { email: 'x@example.com' }, check: { theme: { primary_color: 'red; background:url(x)' } } });
    expect(badColour.status).toBe(422);
    const themed = await t.api(key, 'POST', '/api/v1/checks', { customer: { email: 'x@example.com' }, check: { intro_content: 'Hi!', theme: { primary_color: '#0a7f3f' } } });
    const view = (await t.api(undefined, 'GET', `/api/v1/customer/${tokenOf(themed.body.check.link)}`)).body.check;
    expect(view).toMatchObject({ intro_content: 'Hi!', theme: { primary_color: '#0a7f3f' } });
  });

  it('checks photos by content, kind and size', async () => {
    const { token } = await newCheck('types@example.com', { id_check_type: 'id' });
    const pdf = await uploadPhoto(t.url, token, 'front', NOT_AN_IMAGE, 'photo.jpg');
    expect(pdf.status).toBe(415);
    expect(pdf.body.error.code).toBe('unsupported_media_type');
    const wrongKind = await uploadPhoto(t.url, token, 'selfie', JPEG);
    expect(wrongKind.status).toBe(422);
    expect(wrongKind.body.error.fields[0].field).toBe('kind');
    expect((await uploadPhoto(t.url, token, 'passport', JPEG)).status).toBe(422);
    const big = await uploadPhoto(t.url, token, 'front', Buffer.concat([JPEG, Buffer.alloc(t.services.config.maxPhotoBytes)]));
    expect(big.status).toBe(413);
    const json = await fetch(`${t.url}/api/v1/customer/${token}/photos`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(json.status).toBe(415);
  });

  it('keeps photos encrypted at rest and serves them only through fresh signed URLs', async () => {
    const { id, token } = await newCheck('photos@example.com', { id_check_type: 'id' });
    const marker = Buffer.concat([PNG, Buffer.from('UNIQUE-PLAINTEXT-MARKER')]);
    await uploadPhoto(t.url, token, 'front', marker);
    const files = await filesUnder(path.join(t.dataDir, 'photos'));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) expect((await readFile(file)).includes(Buffer.from('UNIQUE-PLAINTEXT-MARKER'))).toBe(false);

    const detail = (await t.api(key, 'GET', `/api/v1/checks/${id}?withPhotos=true`)).body.check;
    const url: string = detail.photos[0].url;
    const fetched = await fetch(url);
    expect(fetched.status).toBe(200);
    expect(Buffer.from(await fetched.arrayBuffer()).equals(marker)).toBe(true);
    // Another first character of the signature (replacing it with a fixed one left it unchanged 1 time in 64).
    const tampered = url.replace(/signature=(.)/, (_, first: string) => `signature=${first === 'A' ? 'B' : 'A'}`);
    expect(tampered).not.toBe(url);
    expect((await fetch(tampered)).status).toBe(403);
    t.clock.advance(10 * 60_000);
    expect((await fetch(url)).status).toBe(403);
    expect((await t.api(key, 'GET', `/api/v1/checks/${id}`)).body.check.photos).toBeUndefined();
  });

  it('files the three privacy requests as events and shows them on the check', async () => {
    const { id, token } = await newCheck('privacy@example.com');
    for (const kind of ['data_request', 'manual_review', 'data_deletion']) {
      t.clock.advance(1);
      const res = await t.api(undefined, 'POST', `/api/v1/customer/${token}/privacy-requests`, { kind, message: 'please' });
      expect(res.status).toBe(201);
    }
    expect((await t.api(undefined, 'POST', `/api/v1/customer/${token}/privacy-requests`, { kind: 'other' })).status).toBe(422);
    const detail = (await t.api(key, 'GET', `/api/v1/checks/${id}`)).body.check;
    expect(detail.privacy_requests.map((r: { kind: string }) => r.kind)).toEqual(['data_request', 'manual_review', 'data_deletion']);
    expect(detail.timeline.slice(1).map((e: { event: string }) => e.event)).toEqual([
      'customer.data_request',
      'customer.manual_review_requested',
      'customer.data_deletion_request',
    ]);
    expect(detail.step).toBe('delivered');
  });

  it('waits for the merchant under manual review (live checks)', async () => {
    const { id, token } = await newCheck('manual@example.com', { id_check_type: 'id' }, liveKey);
    await uploadPhoto(t.url, token, 'front', JPEG);
    let detail = (await t.api(liveKey, 'GET', `/api/v1/checks/${id}`)).body.check;
    expect(detail).toMatchObject({ step: 'submitted-photo', verdict: 'pending', sub_checks: [{ name: 'manual_review', status: 'pending' }] });
    detail = (await t.api(liveKey, 'POST', `/api/v1/checks/${id}/approve`)).body.check;
    expect(detail).toMatchObject({ step: 'completed', verdict: 'passed', sub_checks: [{ name: 'manual_review', status: 'passed' }] });
    expect((await t.api(liveKey, 'POST', `/api/v1/checks/${id}/simulate`, { action: 'pass' })).body.error.code).toBe('test_mode_only');
  });

  it('drives every event with simulate', async () => {
    const { id } = await newCheck('sim@example.com');
    expect((await t.api(key, 'POST', `/api/v1/checks/${id}/simulate`, { action: 'open' })).body.check.step).toBe('opened');
    expect((await t.api(key, 'POST', `/api/v1/checks/${id}/simulate`, { action: 'submit_photo' })).body.check.step).toBe('submitted-photo');
    const failed = await t.api(key, 'POST', `/api/v1/checks/${id}/simulate`, { action: 'fail', reason: 'face_mismatch' });
    expect(failed.body.check).toMatchObject({ step: 'failed', verdict: 'failed' });
    expect(await timeline(id)).toEqual(['check.delivered', 'check.opened', 'check.submitted-photo', 'check.failed']);
    const second = await newCheck('sim2@example.com');
    expect((await t.api(key, 'POST', `/api/v1/checks/${second.id}/simulate`, { action: 'fail', reason: 'photo_blurry' })).status).toBe(422);
    await t.api(key, 'POST', `/api/v1/checks/${second.id}/simulate`, { action: 'pass' });
    expect(await timeline(second.id)).toEqual(['check.delivered', 'check.opened', 'check.submitted-photo', 'check.completed']);
  });

  it('refuses unknown and expired links with clear errors', async () => {
    expect((await t.api(undefined, 'GET', `/api/v1/customer/${'x'.repeat(43)}`)).body.error.code).toBe('not_found');
    const { token } = await newCheck('expire@example.com');
    t.clock.advance((t.services.config.linkTtlHours + 1) * 3600_000);
    const res = await t.api(undefined, 'GET', `/api/v1/customer/${token}`);
    expect(res.status).toBe(410);
    expect(res.body.error.code).toBe('link_expired');
  });
});
