// An analysis worker thread: imports every task kind of its catalog, loads each once (models, wasm), says
// it is ready, then runs the tasks it is handed one at a time and answers each.
import { parentPort, workerData } from 'node:worker_threads';
import { runnable } from '../../../runtime/start-thread.ts';
import type { TaskDefinition } from './task-definition.ts';
import type { TaskMessage, WorkerMessage } from './task-outcome.ts';

const port = parentPort!;
const { catalog } = workerData as { catalog: Record<string, string> };
const tasks = new Map<string, TaskDefinition<unknown, unknown>>();

for (const [kind, url] of Object.entries(catalog)) {
  const task = ((await import(runnable(url))) as { default: TaskDefinition<unknown, unknown> }).default;
  await task.load?.();
  tasks.set(kind, task);
}

async function runTask({ id, kind, input }: TaskMessage): Promise<WorkerMessage> {
  const started = performance.now();
  try {
    const task = tasks.get(kind);
    if (!task) throw new Error(`unknown task kind ${kind}`);
    const value = await task.run(input);
    return { type: 'done', id, value, ms: performance.now() - started };
  } catch (error) {
    return { type: 'error', id, message: error instanceof Error ? error.message : String(error), ms: performance.now() - started };
  }
}

port.on('message', (task: TaskMessage) => {
  void runTask(task).then((reply) => port.postMessage(reply));
});
port.postMessage({ type: 'ready' } satisfies WorkerMessage);
