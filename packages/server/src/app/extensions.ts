// What a process runs beyond the API that createApp serves: the web app (sessions, its pages, the API key
// routes) and, in the background, the delivery worker and the retention sweep.
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
