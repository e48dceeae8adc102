// A task kind for the pool's tests: counts itself in, then blocks its thread until the test opens the gate,
// so a test can see how many tasks run at once without measuring time.
import { threadId } from 'node:worker_threads';
import { defineTask } from '../../../src/analysis/offline/pool/task-definition.ts';

export const STARTED = 0;
export const OPEN = 1;

export default defineTask<{ gate: Int32Array }, { threadId: number }>({
  async run({ gate }) {
    Atomics.add(gate, STARTED, 1);
    Atomics.notify(gate, STARTED);
    while (Atomics.load(gate, OPEN) === 0) Atomics.wait(gate, OPEN, 0);
    return { threadId };
  },
});
