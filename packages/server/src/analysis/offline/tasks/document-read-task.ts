// Task `document.read`: the codes printed for machines on an ID — the AAMVA PDF417 of a US or Canadian licence,
// or the MRZ of a passport or ID card — in the order asked, stopping at the first that reads.
import type { AamvaReadResult, BarcodeReader, MrzReader, MrzReadResult } from '../document/index.ts';
import { loadBarcodeReader, loadMrzReader } from '../document/index.ts';
import { limitImageLibraryForPool } from '../image/image-library.ts';
import { defineTask } from '../pool/task-definition.ts';
import type { PhotoInput } from './photo-input.ts';

export interface DocumentReadInput extends PhotoInput {
  /** Which codes to look for, in order. */
  codes: ('barcode' | 'mrz')[];
}

export interface DocumentReadResult {
  barcode?: AamvaReadResult;
  mrz?: MrzReadResult;
}

let barcodeReader: BarcodeReader | undefined;
let mrzReader: MrzReader | undefined;

export default defineTask<DocumentReadInput, DocumentReadResult>({
  async load() {
    limitImageLibraryForPool();
    [barcodeReader, mrzReader] = await Promise.all([loadBarcodeReader(), loadMrzReader()]);
  },
  async run({ photo, codes }) {
    const result: DocumentReadResult = {};
    for (const code of codes) {
      if (code === 'barcode') result.barcode = await barcodeReader!.readAamvaBarcode(photo);
      else result.mrz = await mrzReader!.readMrz(photo);
      if ((result.barcode ?? result.mrz)?.ok) break;
    }
    return result;
  },
});
