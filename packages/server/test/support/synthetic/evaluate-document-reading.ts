// Reads generated documents with the real readers and counts: read, read right, read wrong, failures by
// reason, and milliseconds per read. bench/eval-documents.ts prints it; the read tests assert on it.
import type { BarcodeReader } from '../../../src/analysis/offline/document/barcode/barcode-reader.ts';
import type { MrzReader } from '../../../src/analysis/offline/document/mrz/mrz-reader.ts';
import type { ReadFailureReason } from '../../../src/analysis/offline/document/read-result.ts';
import { documentSample } from './document-samples.ts';
import type { DocumentKind, DocumentSample, SampleOptions } from './document-samples.ts';
import { aamvaMismatches, mrzMismatches } from './read-expectations.ts';

export interface EvaluationOptions extends SampleOptions {
  seeds: readonly number[];
  kinds: readonly DocumentKind[];
  barcodeReader?: BarcodeReader;
  mrzReader?: MrzReader;
}

export interface Miss {
  seed: number;
  conditions: string;
  /** A failure reason, or `wrong: <fields>` for a read whose fields differ from the document's. */
  outcome: string;
}

export interface KindEvaluation {
  kind: DocumentKind;
  documents: number;
  /** Reads that succeeded (all check digits valid, or a decoded barcode with every required field). */
  read: number;
  /** Successful reads whose every field equals the document's. */
  correct: number;
  /** Successful reads with a field that differs: the reader was confidently wrong. */
  wrong: number;
  failures: Partial<Record<ReadFailureReason, number>>;
  /** Per read, in the order read. */
  millis: number[];
  misses: Miss[];
}

async function readOne(sample: DocumentSample, options: EvaluationOptions): Promise<{ ms: number; outcome: string }> {
  const started = performance.now();
  if (sample.kind === 'licence-back') {
    if (!options.barcodeReader) throw new Error('licence backs need a barcodeReader');
    const result = await options.barcodeReader.readAamvaBarcode(sample.photo);
    const ms = performance.now() - started;
    if (!result.ok) return { ms, outcome: result.reason };
    const wrong = aamvaMismatches(result.data, sample.fields);
    return { ms, outcome: wrong.length ? `wrong: ${wrong.join(',')}` : 'correct' };
  }
  if (!options.mrzReader) throw new Error('MRZ documents need an mrzReader');
  const result = await options.mrzReader.readMrz(sample.photo);
  const ms = performance.now() - started;
  if (!result.ok) return { ms, outcome: result.reason };
  const wrong = mrzMismatches(result.data, sample.fields, sample.lines);
  return { ms, outcome: wrong.length ? `wrong: ${wrong.join(',')}` : 'correct' };
}

export async function evaluateDocumentReading(options: EvaluationOptions): Promise<KindEvaluation[]> {
  const report: KindEvaluation[] = [];
  for (const kind of options.kinds) {
    const entry: KindEvaluation = { kind, documents: 0, read: 0, correct: 0, wrong: 0, failures: {}, millis: [], misses: [] };
    for (const seed of options.seeds) {
      const sample = await documentSample(seed, kind, options);
      const { ms, outcome } = await readOne(sample, options);
      entry.documents++;
      entry.millis.push(ms);
      if (outcome === 'correct') {
        entry.read++;
        entry.correct++;
        continue;
      }
      if (outcome.startsWith('wrong')) {
        entry.read++;
        entry.wrong++;
      } else entry.failures[outcome as ReadFailureReason] = (entry.failures[outcome as ReadFailureReason] ?? 0) + 1;
      entry.misses.push({ seed, conditions: sample.conditions.label, outcome });
    }
    report.push(entry);
  }
  return report;
}

