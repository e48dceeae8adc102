// A process stops on SIGTERM (or SIGINT, Ctrl-C): it stops taking requests and claims, lets the requests and
// webhook attempts in flight finish (an attempt takes at most its timeout), records their outcomes, and says so.
// A second signal exits at once; the attempts still in flight are then sent again when their leases expire.
import type { RunningService } from './start-service.ts';

export async function stopOnSignal(running: RunningService): Promise<void> {
  const { logger } = running.services;
  const signal = await new Promise<NodeJS.Signals>((resolve) => {
    process.once('SIGTERM', resolve);
    process.once('SIGINT', resolve);
  });
  logger.info({ signal }, 'realid is stopping: finishing the requests and webhook attempts in flight');
  const now = (again: NodeJS.Signals) => {
    logger.warn({ signal: again }, 'realid is stopping at once; attempts in flight are sent again when their leases expire');
    process.exit(1);
  };
  process.once('SIGTERM', now);
  process.once('SIGINT', now);
  await running.stop();
  logger.info('realid stopped');
}
