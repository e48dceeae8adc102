// zxing-cpp (WebAssembly) set up for PDF417 only, its `.wasm` read from the installed zxing-wasm package:
// nothing is fetched. zxing-wasm keeps one instance per module realm, so each worker thread gets its own.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { prepareZXingModule, readBarcodes } from 'zxing-wasm/reader';
import type { ReaderOptions } from 'zxing-wasm/reader';
import type { GreyImage } from '../image/grey-image.ts';

export interface Pdf417Decoding {
  /** The symbol's bytes as Latin-1 text (AAMVA payloads are ASCII); null when it was found but not decoded. */
  text: string | null;
}

export interface Pdf417Decoder {
  /** Every PDF417 symbol found, decoded or not. */
  decode(image: GreyImage): Promise<Pdf417Decoding[]>;
}

const OPTIONS: ReaderOptions = {
  formats: ['PDF417'],
  tryHarder: true,
  tryRotate: true,
  tryInvert: false,
  tryDownscale: true,
  maxNumberOfSymbols: 1,
  // Symbols found but failing error correction come back too, so "no barcode" and "damaged barcode" differ.
  returnErrors: true,
};

/**
 * Portable greymap bytes: zxing's image loader takes them without any conversion. Measured on 40 deskewed
 * backs: the same reads as an RGBA ImageData, in a fifth of the time (5 ms against 28 ms median).
 */
function pgm(image: GreyImage): Uint8Array {
  const header = new TextEncoder().encode(`P5\n${image.width} ${image.height}\n255\n`);
  const bytes = new Uint8Array(header.length + image.data.length);
  bytes.set(header);
  bytes.set(image.data, header.length);
  return bytes;
}

export async function loadPdf417Decoder(): Promise<Pdf417Decoder> {
  const require = createRequire(import.meta.url);
  const wasm = await readFile(require.resolve('zxing-wasm/reader/zxing_reader.wasm'));
  const wasmBinary = wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength);
  await prepareZXingModule({ overrides: { wasmBinary }, fireImmediately: true });
  return {
    async decode(image) {
      const results = await readBarcodes(pgm(image), OPTIONS);
      return results.map((r) => ({ text: r.isValid ? Buffer.from(r.bytes).toString('latin1') : null }));
    },
  };
}
