// Starts what one process runs: the HTTP API and/or the delivery worker, and stops them cleanly. Nothing is
// created before checkBeforeStart has passed; a start that fails after that undoes what it started.
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Config } from '../config/config.ts';
import { createApp } from '../http/create-app.ts';
import { checkBeforeStart } from './check-before-start.ts';
import { listenError } from './check-port.ts';
import { closeServices, createServices } from './create-services.ts';
import type { Services } from '../core/services.ts';
import { startMetricsServer } from '../metrics/metrics-server.ts';
import { extensionsFor, startBackground } from './extensions.ts';

export interface RunningService {
  services: Services;
  app?: FastifyInstance;
  url?: string;
  /** Where Prometheus scrapes, when REALID_METRICS_PORT is set. */
  metricsUrl?: string;
  stop(): Promise<void>;
}

export async function startService(config: Config, roles: { http: boolean; worker: boolean }): Promise<RunningService> {
  await checkBeforeStart(config, { services: true, ...(roles.http ? { listen: { host: config.host, port: config.port } } : {}) });
  const services = await createServices(config);
  let app: FastifyInstance | undefined;
  const background: (() => Promise<void>)[] = [];
  const stop = async () => {
    await app?.close();
    for (const stopOne of background.reverse()) await stopOne();
    await closeServices(services);
  };
  let url: string | undefined;
  let metricsUrl: string | undefined;
  try {
    if (config.metrics.port !== undefined) {
      const host = config.metrics.host ?? config.host;
      services.metrics.collectProcessMetrics();
      const server = await startMetricsServer(services.metrics, host, config.metrics.port, services.logger).catch((error: NodeJS.ErrnoException) => {
        throw listenError(error, host, config.metrics.port!, { port: 'REALID_METRICS_PORT', host: 'REALID_METRICS_HOST' }) ?? error;
      });
      background.push(() => server.close());
      metricsUrl = server.url;
      services.logger.info({ metrics: metricsUrl }, `Prometheus metrics at ${metricsUrl}`);
    }
    if (roles.worker) background.push(...(await startBackground(services)));
    if (roles.http) {
      app = await createApp(services, await extensionsFor(services));
      await app.listen({ port: config.port, host: config.host }).catch((error: NodeJS.ErrnoException) => {
        throw listenError(error, config.host, config.port) ?? error;
      });
      url = config.publicUrl;
      const where = services.store.driver.dialect.name === 'sqlite' ? `SQLite under ${path.resolve(config.dataDir)}` : 'PostgreSQL';
      services.logger.info({ url, database: services.store.driver.dialect.name, worker: roles.worker }, `realid is listening on ${url} (${where})`);
    } else {
      services.logger.info({ database: services.store.driver.dialect.name }, 'realid worker started');
    }
  } catch (error) {
    await stop();
    throw error;
  }
  return { services, ...(app ? { app } : {}), ...(url ? { url } : {}), ...(metricsUrl ? { metricsUrl } : {}), stop };
}
