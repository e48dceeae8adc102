// The plain node:crypto snippets in docs/webhooks.md must verify every vector and refuse tampering, as the page claims.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const page = readFileSync(new URL('../../../docs/webhooks.md', import.meta.url), 'utf8');
const snippets = [...page.matchAll(/```js\n([\s\S]*?)```/g)].map((match) => match[1]!);
const vectorsPath = new URL('../../../docs/webhook-test-vectors.json', import.meta.url).pathname;

const harness = `
import { readFileSync } from 'node:fs';
const results = [];
for (const v of JSON.parse(readFileSync(${JSON.stringify(vectorsPath)}, 'utf8'))) {
  const headers = { 'webhook-id': v.id, 'webhook-timestamp': String(v.timestamp), 'webhook-signature': v.expected['webhook-signature'], 'x-real-id-signature': v.expected['X-Real-ID-Signature'] };
  const attempt = (fn) => { try { fn(); return 'ok'; } catch (error) { return error.message; } };
  Date.now = () => v.timestamp * 1000;
  process.env.REAL_ID_SIGNING_KEY = v.secrets[0];
  results.push({
    everySecret: v.secrets.map((s) => attempt(() => verifyRealIdWebhook(Buffer.from(v.body), headers, s))),
    tampered: attempt(() => verifyRealIdWebhook(Buffer.from(v.body + ' '), headers, v.secrets[0])),
    bodyOnly: verifyRealIdSignature(Buffer.from(v.body), headers),
    bodyOnlyTampered: verifyRealIdSignature(Buffer.from(v.body + ' '), headers),
    late: (Date.now = () => (v.timestamp + 301) * 1000, attempt(() => verifyRealIdWebhook(Buffer.from(v.body), headers, v.secrets[0]))),
  });
}
console.log(JSON.stringify(results));
`;

describe('docs/webhooks.md plain node:crypto snippets', () => {
  it('verify every test vector and refuse tampered or stale deliveries', () => {
    expect(snippets).toHaveLength(2);
    // Each snippet imports node:crypto itself; keep one copy of the import so both fit in one module.
    const code = snippets.join('\n').replace(/^import .*node:crypto';\n/gm, '');
    const output = execFileSync(process.execPath, ['--input-type=module'], {
      input: `import { createHmac, timingSafeEqual } from 'node:crypto';\n${code}\n${harness}`,
      encoding: 'utf8',
    });
    const results = JSON.parse(output) as Array<{ everySecret: string[] }>;
    expect(results.length).toBeGreaterThan(0);
    for (const { everySecret, ...rest } of results) {
      expect(new Set(everySecret)).toEqual(new Set(['ok']));
      expect(rest).toEqual({ tampered: 'Invalid signature', bodyOnly: true, bodyOnlyTampered: false, late: 'Timestamp outside tolerance (301 s)' });
    }
  });
});
