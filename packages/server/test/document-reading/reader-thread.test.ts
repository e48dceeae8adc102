// The readers run inside a worker thread, are reused there across photos, and let the thread end when closed.
import { once } from 'node:events';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { licenceBackSample, mrzSample } from '../support/synthetic/document-samples.ts';
import { ocrBAvailable } from '../support/synthetic/ocr-b-font.ts';

describe('document readers in a worker thread', () => {
  it.skipIf(!ocrBAvailable)('read a licence back and a passport page, then let the thread exit', async () => {
    const worker = new Worker(new URL('../support/document-reader-boot.mjs', import.meta.url));
    const [ready] = await once(worker, 'message');
    expect(ready).toBe('ready');
    const back = await licenceBackSample(21);
    const page = await mrzSample(21, 'passport-td3');
    const read = async (kind: 'barcode' | 'mrz', photo: Buffer) => {
      worker.postMessage({ kind, photo });
      const [result] = await once(worker, 'message');
      return result as { ok: boolean; data?: { documentNumber: string } };
    };
    expect((await read('barcode', back.photo)).data?.documentNumber).toBe(back.fields.documentNumber);
    expect((await read('mrz', page.photo)).data?.documentNumber).toBe(page.fields.documentNumber);
    worker.postMessage({ kind: 'close' });
    const [code] = await once(worker, 'exit');
    expect(code).toBe(0);
  }, 60_000);
});
