// A task kind for the pool's tests: answers its input with the thread it ran on and how often this
// thread loaded the kind.
import { threadId } from 'node:worker_threads';
import { defineTask } from '../../../src/analysis/offline/pool/task-definition.ts';

let loads = 0;

export default defineTask<{ text: string }, { text: string; threadId: number; loads: number }>({
  async load() {
    loads++;
  },
  async run(input) {
    return { text: input.text.toUpperCase(), threadId, loads };
  },
});
