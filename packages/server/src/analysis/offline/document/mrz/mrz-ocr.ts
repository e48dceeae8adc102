// Tesseract (tesseract.js, WebAssembly) set up twice for MRZ text: the legacy engine and the LSTM, each in the
// worker thread tesseract.js starts for it. Everything comes from installed packages: the cores' `.wasm` from
// tesseract.js-core (tesseract.js requires them from disk under Node), the traineddata from
// @tesseract.js-data/eng through `langPath` as a local directory, with the cache off so nothing is fetched or
// written. `close()` ends both threads.
import { createRequire } from 'node:module';
import path from 'node:path';
import { createWorker, OEM, PSM } from 'tesseract.js';
import type { Worker } from 'tesseract.js';

export interface OcrText {
  text: string;
  /** Tesseract's mean word confidence, 0–100. */
  confidence: number;
}

export interface MrzOcr {
  /**
   * Legacy engine: reads runs of `<` right (the LSTM turns them into K, L and C), confuses W/N, O/0, B/8, Z/2.
   * `image`: PNG of the MRZ.
   */
  readLegacy(image: Buffer): Promise<OcrText>;
  /** LSTM: better at OCR-B letters and digits; given the MRZ with its fillers erased. */
  readLstm(image: Buffer): Promise<OcrText>;
  close(): Promise<void>;
}

export const MRZ_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<';

/** `4.0.0` holds the legacy model and an LSTM; `4.0.0_best_int` only the (better) LSTM. */
function traineddata(version: '4.0.0' | '4.0.0_best_int'): string {
  const require = createRequire(import.meta.url);
  return path.join(path.dirname(require.resolve('@tesseract.js-data/eng/package.json')), version);
}

async function startWorker(legacy: boolean): Promise<Worker> {
  const worker = await createWorker(
    'eng',
    legacy ? OEM.TESSERACT_ONLY : OEM.LSTM_ONLY,
    { langPath: traineddata(legacy ? '4.0.0' : '4.0.0_best_int'), cacheMethod: 'none', gzip: true, legacyCore: legacy, legacyLang: legacy },
    // Dictionaries only pull an MRZ towards English words. The legacy classifier would otherwise adapt to
    // every page it reads, so a reader's results would depend on the documents it read before.
    { load_system_dawg: '0', load_freq_dawg: '0', ...(legacy ? { classify_enable_learning: '0' } : {}) },
  );
  // Crops are scaled to a known line height; a stated resolution keeps Tesseract from guessing one. The LSTM
  // gets no whitelist: it reads OCR-B's S as `$`, which a whitelist would silently drop (combine-readings maps it).
  await worker.setParameters({
    tessedit_char_whitelist: legacy ? MRZ_ALPHABET : '',
    tessedit_pageseg_mode: PSM.SINGLE_BLOCK,
    user_defined_dpi: '300',
  });
  return worker;
}

const recognize = async (worker: Worker, image: Buffer): Promise<OcrText> => {
  const { data } = await worker.recognize(image);
  return { text: data.text, confidence: data.confidence };
};

export async function loadMrzOcr(): Promise<MrzOcr> {
  const [legacy, lstm] = await Promise.all([startWorker(true), startWorker(false)]);
  return {
    readLegacy: (image) => recognize(legacy, image),
    readLstm: (image) => recognize(lstm, image),
    async close() {
      await Promise.all([legacy.terminate(), lstm.terminate()]);
    },
  };
}
