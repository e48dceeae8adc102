// Vitest global setup: builds what is stale before any test file runs, so processes that tests start (`realid
// serve`, workers) run the compiled server as production does, and the service has a web app to serve.
import { buildAll } from './build-all.ts';

export default async function setup(): Promise<void> {
  await buildAll();
}
