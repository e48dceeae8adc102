// The offline analyzer's verdicts on whole generated checks — a genuine adult, an expired licence, an under-age
// holder, someone else's face, another name — each photo retaken as a customer would when asked (up to the
// check's three retakes). Prints the confusion table of expected against reached outcomes and the time per check.
//
//   node --import tsx bench/eval-verdicts.ts [--per-scenario 20] [--first 1]
import { parseArgs } from 'node:util';
import { LazyPool } from '../packages/server/src/analysis/offline/lazy-pool.ts';
import { OfflineAnalyzer } from '../packages/server/src/analysis/offline/offline-analyzer.ts';
import { CHECK_SCENARIOS, type CheckScenario } from '../packages/server/test/support/synthetic/check-photos.ts';
import { runOfflineCheck } from '../packages/server/test/support/synthetic/offline-check-run.ts';
import { median, percentile } from './median.ts';

const { values } = parseArgs({ options: { 'per-scenario': { type: 'string', default: '20' }, first: { type: 'string', default: '1' } } });
const perScenario = Number(values['per-scenario']);
const first = Number(values.first);
const today = new Date().toISOString().slice(0, 10);

const pool = new LazyPool();
const analyzer = new OfflineAnalyzer(pool);
await pool.get();

const EXPECTED: Record<CheckScenario, string> = {
  genuine: 'completed', expired: 'failed: document_expired', underage: 'failed: underage', wrong_face: 'failed: face_mismatch', wrong_name: 'failed: name_mismatch',
};
const times: number[] = [];
let right = 0;
console.log(`# offline verdicts: ${perScenario} checks per scenario (front, back with PDF417, selfie), seeds ${first}–${first + perScenario - 1}`);
for (const scenario of CHECK_SCENARIOS) {
  const outcomes = new Map<string, number>();
  let scenarioRetakes = 0;
  for (let seed = first; seed < first + perScenario; seed++) {
    const { outcome, ms, retakes } = await runOfflineCheck(analyzer, seed, scenario, { today });
    outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
    if (outcome === EXPECTED[scenario]) right++;
    scenarioRetakes += retakes;
    times.push(ms);
  }
  const cells = [...outcomes].sort((a, b) => b[1] - a[1]).map(([o, n]) => `${o} ${n}`).join(' · ');
  console.log(`${scenario.padEnd(11)} expected "${EXPECTED[scenario]}": ${cells}  (retakes asked: ${scenarioRetakes})`);
}
const total = perScenario * CHECK_SCENARIOS.length;
console.log(`right verdicts: ${right} of ${total} (${((100 * right) / total).toFixed(1)} %); wrong passes are counted in the genuine row only if another scenario reached "completed"`);
console.log(`analysis time per check (front + back + selfie, retakes included): median ${(median(times) / 1000).toFixed(2)} s, p95 ${(percentile(times, 95) / 1000).toFixed(2)} s`);
await pool.close();
