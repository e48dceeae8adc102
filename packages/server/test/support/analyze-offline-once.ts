// Runs the offline analyzer on one generated genuine check and prints what it concluded, as JSON: the no-network
// test runs this in a network namespace with no interfaces, where any download or lookup would fail.
import { connect } from 'node:net';
import { LazyPool } from '../../src/analysis/offline/lazy-pool.ts';
import { OfflineAnalyzer } from '../../src/analysis/offline/offline-analyzer.ts';
import type { CheckRecord, PhotoKind } from '../../src/checks/check-types.ts';
import { checkPhotos } from './synthetic/check-photos.ts';

const network = await new Promise<string>((resolve) => {
  const socket = connect({ host: '1.1.1.1', port: 443, timeout: 3000 });
  socket.on('connect', () => resolve('connected'));
  socket.on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'));
  socket.on('timeout', () => resolve('timeout'));
});

const pool = new LazyPool({ size: 1, taskTimeoutMs: 120_000 });
const analyzer = new OfflineAnalyzer(pool);
const photos = await checkPhotos(4, 'genuine', new Date().toISOString().slice(0, 10));

let check = {
  customer: photos.customer,
  rules: { minimum_age: 18, name_match: true, include_back_of_id: true, id_check_type: 'idv', selfie_liveness: 'straight' },
  analysisState: {},
  document: null,
  turn: null,
} as unknown as CheckRecord;
const results: Record<string, unknown> = {};
const today = new Date().toISOString().slice(0, 10);
for (const kind of ['front', 'back', 'selfie'] as PhotoKind[]) {
  let a = await analyzer.analyze({ kind, bytes: photos[kind as 'front'], contentType: 'image/jpeg' }, { check, previousOfKind: 0, now: Date.now() });
  // Retaken as the customer would be asked to: another photo of the same card or face.
  for (let attempt = 1; !a.accepted && attempt <= 3; attempt++) {
    const again = (await checkPhotos(4, 'genuine', today, attempt))[kind as 'front'];
    a = await analyzer.analyze({ kind, bytes: again, contentType: 'image/jpeg' }, { check, previousOfKind: attempt, now: Date.now() });
  }
  check = { ...check, document: a.document ?? check.document, analysisState: { ...check.analysisState, ...a.state } };
  results[kind] = { accepted: a.accepted, subChecks: a.subChecks.map((s) => `${s.name}:${s.status}`), scores: a.scores ?? {} };
}
await pool.close();
console.log(JSON.stringify({ network, document: check.document?.source, results }));
