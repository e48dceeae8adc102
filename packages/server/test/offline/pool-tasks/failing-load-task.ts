// A task kind for the pool's tests whose models cannot load: every thread that imports it dies starting.
import { defineTask } from '../../../src/analysis/offline/pool/task-definition.ts';

export default defineTask<unknown, never>({
  async load() {
    throw new Error('model file missing');
  },
  async run() {
    throw new Error('unreachable: load failed');
  },
});
