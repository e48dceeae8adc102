// Runs the offline analyzer on one generated genuine check and prints what it concluded, as JSON: the no-network
// test runs this in a network namespace with no interfaces, where any download or lookup would fail.
import { connect } from 'node:net';
import { LazyPool } from '../../src/analysis/offline/lazy-pool.ts';
import { OfflineAnalyzer } from '../../src/analysis/offline/offline-analyzer.ts';
import { runOfflineCheck } from './synthetic/offline-check-run.ts';

const network = await new Promise<string>((resolve) => {
  const socket = connect({ host: '1.1.1.1', port: 443, timeout: 3000 });
  socket.on('connect', () => resolve('connected'));
  socket.on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'));
  socket.on('timeout', () => resolve('timeout'));
});

const pool = new LazyPool({ size: 1, taskTimeoutMs: 120_000 });
const analyzer = new OfflineAnalyzer(pool);
const run = await runOfflineCheck(analyzer, 4, 'genuine');
const results = Object.fromEntries(
  Object.entries(run.analyses).map(([kind, a]) => [kind, { accepted: a.accepted, subChecks: a.subChecks.map((s) => `${s.name}:${s.status}`), scores: a.scores ?? {} }]),
);
await pool.close();
console.log(JSON.stringify({ network, document: run.check.document?.source, results }));
