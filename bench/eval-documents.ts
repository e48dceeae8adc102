// Accuracy and speed of offline document reading on generated documents: licence backs (AAMVA PDF417) and
// MRZ documents (TD3 passport pages, TD2 cards, TD1 card backs), photographed at 150–300 dpi, tilted up to
// ±10°, JPEG quality 60–95, some slightly blurred. Deterministic: the same seeds give the same photos.
//
//   node --import tsx bench/eval-documents.ts [--count 150] [--first 1] [--kinds licence-back,passport-td3] [--glare]
import { parseArgs } from 'node:util';
import { loadBarcodeReader } from '../packages/server/src/analysis/offline/document/barcode/barcode-reader.ts';
import { loadMrzReader } from '../packages/server/src/analysis/offline/document/mrz/mrz-reader.ts';
import { everydayConditions } from '../packages/server/test/support/synthetic/document-photo.ts';
import type { DocumentKind } from '../packages/server/test/support/synthetic/document-samples.ts';
import { SAMPLE_TODAY } from '../packages/server/test/support/synthetic/document-samples.ts';
import { evaluateDocumentReading } from '../packages/server/test/support/synthetic/evaluate-document-reading.ts';
import type { KindEvaluation } from '../packages/server/test/support/synthetic/evaluate-document-reading.ts';
import { median, percentile } from './median.ts';

const { values } = parseArgs({
  options: {
    count: { type: 'string', default: '150' },
    first: { type: 'string', default: '1' },
    kinds: { type: 'string', default: 'licence-back,passport-td3,id-card-td2,id-card-td1' },
    glare: { type: 'boolean', default: false },
  },
});
const kinds = values.kinds.split(',') as DocumentKind[];
const first = Number(values.first);
const seeds = Array.from({ length: Number(values.count) }, (_, i) => first + i);
const percent = (n: number, of: number): string => `${((100 * n) / of).toFixed(1)} %`;

function print(entry: KindEvaluation): void {
  console.log(`\n## ${entry.kind}: ${entry.documents} documents${values.glare ? ', with glare' : ''}`);
  console.log(`read ${entry.read} (${percent(entry.read, entry.documents)}), read right ${entry.correct} (${percent(entry.correct, entry.documents)}), read wrong ${entry.wrong}`);
  console.log(`failures ${JSON.stringify(entry.failures)}`);
  console.log(`ms per read: median ${median(entry.millis).toFixed(0)}, p95 ${percentile(entry.millis, 95).toFixed(0)}, max ${Math.max(...entry.millis).toFixed(0)}`);
  for (const miss of entry.misses) console.log(`  seed ${miss.seed} (${miss.conditions}): ${miss.outcome}`);
}

const barcodeReader = kinds.includes('licence-back') ? await loadBarcodeReader() : undefined;
const mrzReader = kinds.some((k) => k !== 'licence-back') ? await loadMrzReader({ now: () => new Date(`${SAMPLE_TODAY}T12:00:00Z`) }) : undefined;
try {
  const report = await evaluateDocumentReading({
    seeds,
    kinds,
    ...(barcodeReader ? { barcodeReader } : {}),
    ...(mrzReader ? { mrzReader } : {}),
    conditions: (random) => everydayConditions(random, { glare: values.glare }),
  });
  report.forEach(print);
} finally {
  await mrzReader?.close();
}
