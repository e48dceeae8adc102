// Wires the real implementations from configuration: the store, photo storage, mail, analyzers and logging.
import path from 'node:path';
import { pino, type Logger } from 'pino';
import { ManualReview } from '../analysis/manual-review.ts';
import { TestSimulator } from '../analysis/test-simulator.ts';
import { EncryptedBlobStore } from '../blobs/encrypted-blob-store.ts';
import { loadMasterKeys } from '../keys/master-key-source.ts';
import { deriveKey } from '../keys/master-keys.ts';
import { serviceKey } from '../store/service-keys-repo.ts';
import type { Config } from '../config/config.ts';
import { createMailer } from '../mail/mailer.ts';
import { openStore, type Store, type StoreLocation } from '../store/store.ts';
import { systemClock, type Clock } from './clock.ts';
import type { Services } from './services.ts';

export function createLogger(level: string): Logger {
  return pino({
    level,
    // Belt and braces: whatever a log line carries, these never reach the output.
    redact: { paths: ['req.headers.authorization', 'req.headers.cookie', '*.secret', '*.password', '*.token', '*.email', '*.phone'], censor: '[redacted]' },
  });
}

export const storeLocation = (config: Config): StoreLocation => ({
  databaseUrl: config.databaseUrl,
  dataDir: config.dataDir,
  ...(config.databaseSchema ? { schema: config.databaseSchema } : {}),
  preparedStatements: config.databasePreparedStatements,
});

export interface ServiceOverrides {
  clock?: Clock;
  logger?: Logger;
  store?: Store;
}

export async function createServices(config: Config, overrides: ServiceOverrides = {}): Promise<Services> {
  const logger = overrides.logger ?? createLogger(config.logLevel);
  const masterKeys = loadMasterKeys(config);
  const store = overrides.store ?? (await openStore(storeLocation(config), masterKeys));
  return {
    config,
    store,
    clock: overrides.clock ?? systemClock,
    logger,
    blobs: new EncryptedBlobStore(path.join(config.dataDir, 'photos'), () => masterKeys.all.map((k) => deriveKey(k.key, 'photos'))),
    mailer: createMailer(config.smtpUrl, config.mailFrom, logger),
    analyzers: { simulator: new TestSimulator(), manual: new ManualReview() },
    urlKey: await serviceKey(store.driver, masterKeys, 'photo-urls', Date.now()),
  };
}

export async function closeServices(s: Services): Promise<void> {
  s.mailer.close();
  await s.store.close();
}
