// A task kind for the pool's tests: misbehaves on request, as a stuck model, a native crash, a heap that
// grows without end, or a plain exception would.
import { defineTask } from '../../../src/analysis/offline/pool/task-definition.ts';

export type Misbehaviour = 'hang' | 'exit' | 'exhaust_heap' | 'throw';

export default defineTask<{ how: Misbehaviour }, never>({
  async run({ how }) {
    if (how === 'exit') process.exit(7);
    if (how === 'throw') throw new Error('the image could not be decoded');
    const hoard: number[][] = [];
    for (;;) if (how === 'exhaust_heap') hoard.push(Array.from({ length: 100_000 }, (_, i) => i));
  },
});
