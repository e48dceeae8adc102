// Prints the offline face and quality evaluation on a synthetic set: face-match error rates at the threshold,
// the distance distributions, quality-check confusion counts, face counting, and milliseconds per task.
// Usage: node --import tsx bench/eval-faces.ts [seed] [fronts per person] [selfies per person]
import { thresholdForFalseAccepts } from '../packages/server/src/analysis/offline/face/calibrate-threshold.ts';
import { median, percentile } from './median.ts';
import { evaluateFaces } from './face-evaluation.ts';

const [seed = 2026, fronts = 2, selfies = 3] = process.argv.slice(2).map(Number);
const result = await evaluateFaces({ seed, frontsPerPerson: fronts, selfiesPerPerson: selfies });
const pct = (x: number): string => `${(x * 100).toFixed(2)} %`;
const spread = (values: number[]): string =>
  values.length === 0 ? 'none' : [0, 1, 5, 25, 50, 75, 95, 99, 100].map((p) => `p${p} ${percentile(values, Math.max(p, 0.0001)).toFixed(3)}`).join('  ');

console.log(`# offline faces and quality, seed ${seed}, ${fronts} fronts and ${selfies} selfies per person`);
console.log(`threshold ${result.threshold}: false accepts ${pct(result.rates.falseAcceptRate)} of ${result.impostor.length}, false rejects ${pct(result.rates.falseRejectRate)} of ${result.genuine.length}`);
console.log(`threshold keeping false accepts ≤ 1 % on this set: ${thresholdForFalseAccepts(result.impostor, 0.01).toFixed(3)}`);
console.log(`same person   ${spread(result.genuine)}`);
console.log(`other person  ${spread(result.impostor)}`);
console.log(`unanswered (timeout or failure): ${result.unanswered}`);
console.log(`retaken before matching: fronts ${result.retaken.fronts}, selfies ${result.retaken.selfies}`);
console.log('quality issue          TP   FP   FN    TN');
for (const [issue, c] of Object.entries(result.quality)) {
  console.log(`${issue.padEnd(20)} ${[c.truePositive, c.falsePositive, c.falseNegative, c.trueNegative].map((n) => String(n).padStart(4)).join(' ')}`);
}
console.log(`faces expected → counted: ${JSON.stringify(result.faceCounts)}`);
for (const [kind, ms] of Object.entries(result.ms)) {
  console.log(`${kind.padEnd(14)} ms in worker: median ${median(ms).toFixed(0)}, p95 ${percentile(ms, 95).toFixed(0)} (${ms.length} photos)`);
}
