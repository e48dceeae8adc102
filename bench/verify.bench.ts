// SDK verification (Standard Webhooks headers) against a bare node:crypto HMAC + timingSafeEqual over the same inputs,
// interleaved round by round: verifySignature (the documented fastest path: headers, HMAC, compare, tolerance) and
// constructEvent (which also parses and checks the payload). Then signPayload against the two bare HMACs it replaces.
// The SDK can beat the bare loop: it compares base64 encodings (digest('base64') + a constant-time loop) instead of
// decoding the received signature into a Buffer for crypto.timingSafeEqual.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { constructEvent, signPayload, verifySignature } from '@realid/webhooks';
import { median } from './median.ts';
import type { BenchRow } from './run.ts';

const ROUNDS = 15;
const BATCH = 20_000;
const SECRET = 'whsec_dfAV7w8VzpKGF7UP5gQuIb7QWzmK3KzZCD25AC6N+2Y=';
const KEY = Buffer.from(SECRET.slice('whsec_'.length), 'base64');
const BODY = Buffer.from('{"event":"check.completed","created_at":"2022-12-09T15:20:35.136Z","check":{"id":"7TWFOC-auPI","step":"completed","testing":true}}');

function incomingHeaders(): Record<string, string> {
  const signed = signPayload({ body: BODY, secrets: SECRET, id: 'evt_01HF3K8Z5Q2W7X9Y4N6M1P0R3T', timestamp: Math.floor(Date.now() / 1000) });
  // As node:http hands them over: lowercase names.
  return Object.fromEntries(Object.entries(signed).map(([name, value]) => [name.toLowerCase(), value]));
}

function bareVerify(body: Buffer, headers: Record<string, string>): boolean {
  const expected = createHmac('sha256', KEY).update(`${headers['webhook-id']}.${headers['webhook-timestamp']}.`).update(body).digest();
  const given = Buffer.from(headers['webhook-signature']!.slice(3), 'base64');
  return given.length === expected.length && timingSafeEqual(expected, given);
}

function bareSign(): string {
  const hex = createHmac('sha256', SECRET).update(BODY).digest('hex');
  return hex + createHmac('sha256', KEY).update('evt_1.1700000000.').update(BODY).digest('base64');
}

type Runner = () => Promise<number>;

// The bare reference runs in a plain loop: awaiting it would charge it the SDK's promise overhead.
const syncLoop = (run: () => unknown): Runner => async () => {
  const start = process.hrtime.bigint();
  for (let i = 0; i < BATCH; i++) run();
  return BATCH / (Number(process.hrtime.bigint() - start) / 1e9);
};

const asyncLoop = (run: () => Promise<unknown>): Runner => async () => {
  const start = process.hrtime.bigint();
  for (let i = 0; i < BATCH; i++) await run();
  return BATCH / (Number(process.hrtime.bigint() - start) / 1e9);
};

async function compare(reference: Runner, subject: Runner): Promise<[number, number, number]> {
  await reference();
  await subject();
  const refs: number[] = [];
  const subs: number[] = [];
  const ratios: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    // Alternate which side goes first so drift (GC, CPU boost, neighbours) favours neither.
    const first = round % 2 ? subject : reference;
    const second = round % 2 ? reference : subject;
    const a = await first();
    const b = await second();
    const [ref, sub] = round % 2 ? [b, a] : [a, b];
    refs.push(ref);
    subs.push(sub);
    ratios.push(sub / ref);
  }
  return [median(refs), median(subs), median(ratios)];
}

export default async function (): Promise<BenchRow[]> {
  const headers = incomingHeaders();
  if (!bareVerify(BODY, headers)) throw new Error('reference verifier rejected its own input');
  await constructEvent(BODY, headers, SECRET);
  const bareRunner = syncLoop(() => bareVerify(BODY, headers));
  const [bare, sdk, ratio] = await compare(bareRunner, asyncLoop(() => verifySignature(BODY, headers, SECRET)));
  const [bareAgain, parsed, parsedRatio] = await compare(bareRunner, asyncLoop(() => constructEvent(BODY, headers, SECRET)));
  const signInput = { body: BODY, secrets: SECRET, id: 'evt_1', timestamp: 1_700_000_000, event: 'check.completed' as const };
  const [bareSigns, sdkSigns, signRatio] = await compare(syncLoop(bareSign), syncLoop(() => signPayload(signInput)));
  const note = `median of ${ROUNDS} interleaved rounds x ${BATCH.toLocaleString('en')} calls, ${BODY.length}-byte body`;
  return [
    { name: 'verify: bare node:crypto createHmac + timingSafeEqual', value: bare, unit: 'ops/s', note },
    { name: 'verify: SDK verifySignature (webhook-* headers)', value: sdk, unit: 'ops/s' },
    { name: 'verify: SDK verifySignature / bare', value: ratio, unit: 'x', note: 'target >= 0.8' },
    { name: 'verify: bare, second series', value: bareAgain, unit: 'ops/s' },
    { name: 'verify: SDK constructEvent (+ JSON.parse, shape check)', value: parsed, unit: 'ops/s' },
    { name: 'verify: SDK constructEvent / bare', value: parsedRatio, unit: 'x', note: 'also parses; the bare loop does not' },
    { name: 'sign: bare createHmac x2 (hex body + base64 standard)', value: bareSigns, unit: 'ops/s' },
    { name: 'sign: SDK signPayload (all headers, one secret)', value: sdkSigns, unit: 'ops/s' },
    { name: 'sign: SDK / bare', value: signRatio, unit: 'x' },
  ];
}
