// `npm run eval`: the offline analyzer's accuracy on generated documents, faces and whole checks, in that order,
// each part in a process of its own. Figures, commands and what a synthetic set cannot prove: docs/ACCURACY.md.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const PARTS: [string, string[]][] = [
  ['eval-documents.ts', ['--count', process.env.EVAL_DOCUMENTS ?? '75']],
  ['eval-faces.ts', ['2', '2', '3']],
  ['eval-verdicts.ts', ['--per-scenario', process.env.EVAL_CHECKS ?? '20']],
];

for (const [script, args] of PARTS) {
  const run = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(new URL(script, import.meta.url)), ...args], { stdio: 'inherit' });
  if (run.status !== 0) process.exit(run.status ?? 1);
}
