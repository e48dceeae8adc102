// Vitest global setup: the service serves packages/dashboard/dist, so build it when missing or stale.
import { buildDashboard } from '../bin/build-dashboard.ts';

export default async function setup(): Promise<void> {
  await buildDashboard();
}
