// Starts what one process runs: the HTTP API and/or the delivery worker, and stops them cleanly.
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Config } from '../config/config.ts';
import { createApp } from '../http/create-app.ts';
import { closeServices, createServices } from './create-services.ts';
import type { Services } from './services.ts';
import { extensionsFor, startBackground } from './extensions.ts';

export interface RunningService {
  services: Services;
  app?: FastifyInstance;
  url?: string;
  stop(): Promise<void>;
}

export async function startService(config: Config, roles: { http: boolean; worker: boolean }): Promise<RunningService> {
  const services = await createServices(config);
  const background = roles.worker ? await startBackground(services) : [];
  let app: FastifyInstance | undefined;
  let url: string | undefined;
  if (roles.http) {
    app = await createApp(services, await extensionsFor(services));
    await app.listen({ port: config.port, host: config.host });
    url = config.publicUrl;
    const where = services.store.driver.dialect.name === 'sqlite' ? `SQLite under ${path.resolve(config.dataDir)}` : 'PostgreSQL';
    services.logger.info({ url, database: services.store.driver.dialect.name, worker: roles.worker }, `realid is listening on ${url} (${where})`);
  } else {
    services.logger.info({ database: services.store.driver.dialect.name }, 'realid worker started');
  }
  return {
    services,
    ...(app ? { app } : {}),
    ...(url ? { url } : {}),
    async stop() {
      await app?.close();
      for (const stop of background.reverse()) await stop();
      await closeServices(services);
    },
  };
}
