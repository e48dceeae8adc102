// A worker thread that loads both document readers once and answers read requests, as the offline analyzer's
// pool will: proof that the readers need nothing from the main thread.
import { parentPort } from 'node:worker_threads';
import { loadBarcodeReader, loadMrzReader } from '../../src/analysis/offline/document/index.ts';

export interface ReadRequest {
  kind: 'barcode' | 'mrz' | 'close';
  photo?: Uint8Array;
}

const barcode = await loadBarcodeReader();
const mrz = await loadMrzReader({ now: () => new Date('2026-11-30T12:00:00Z') });
const port = parentPort!;

port.on('message', (request: ReadRequest) => {
  void (async () => {
    if (request.kind === 'close') {
      await mrz.close();
      port.close();
      return;
    }
    const result = request.kind === 'barcode' ? await barcode.readAamvaBarcode(request.photo!) : await mrz.readMrz(request.photo!);
    port.postMessage(result);
  })();
});
port.postMessage('ready');
