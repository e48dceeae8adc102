// The parts beyond the checks API that a process runs: webhook routes and workers, the web app.
import type { AppExtensions } from '../http/create-app.ts';
import type { Services } from '../core/services.ts';
import { startRetentionSweep } from '../checks/retention.ts';
import { webExtensions } from '../web/web-extensions.ts';
import { DeliveryWorker } from '../webhooks/engine/delivery-worker.ts';
import { closeOutboundDispatchers } from '../webhooks/engine/outbound/index.ts';

export async function extensionsFor(s: Services): Promise<AppExtensions> {
  return webExtensions(s);
}

/** Starts background work (delivery workers); returns functions that stop it. */
export async function startBackground(s: Services): Promise<(() => Promise<void>)[]> {
  const worker = new DeliveryWorker(s);
  await worker.start();
  const stopRetention = startRetentionSweep(s);
  return [
    async () => {
      await worker.stop();
      await closeOutboundDispatchers();
    },
    stopRetention,
  ];
}
