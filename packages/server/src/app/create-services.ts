// Wires the real implementations from configuration: the store, photo storage, mail, analyzers and logging.
import path from 'node:path';
import { pino, type Logger } from 'pino';
import { ManualReview } from '../analysis/manual-review.ts';
import { LazyPool } from '../analysis/offline/lazy-pool.ts';
import { OfflineAnalyzer } from '../analysis/offline/offline-analyzer.ts';
import { TestSimulator } from '../analysis/test-simulator.ts';
import { EncryptedBlobStore } from '../blobs/encrypted-blob-store.ts';
import { keyFiles, loadMasterKeys } from '../keys/master-key-source.ts';
import { deriveKey, type MasterKeys } from '../keys/master-keys.ts';
import { serviceKey } from '../store/service-keys-repo.ts';
import type { Config } from '../config/config.ts';
import { createPrivateFolder, modeOf, openToOthers } from '../files/private-files.ts';
import { createMailer } from '../mail/mailer.ts';
import { registerDatabaseGauges } from '../metrics/database-gauges.ts';
import { Metrics } from '../metrics/metrics.ts';
import { openStore, type Store, type StoreLocation } from '../store/store.ts';
import { systemClock, type Clock } from '../core/clock.ts';
import type { Services } from '../core/services.ts';
import { EventRecipients } from '../webhooks/management/event-recipients.ts';

/** JSON lines on stdout, or on `destination` (tests read what would be written). */
export function createLogger(level: string, destination?: NodeJS.WritableStream): Logger {
  const options = {
    level,
    // Belt and braces: whatever a log line carries, these never reach the output.
    redact: {
      paths: ['req.headers.authorization', 'req.headers.cookie', 'link', '*.link', '*.secret', '*.password', '*.token', '*.email', '*.phone'],
      censor: '[redacted]',
    },
  };
  return destination ? pino(options, destination) : pino(options);
}

export const storeLocation = (config: Config): StoreLocation => ({
  databaseUrl: config.databaseUrl,
  dataDir: config.dataDir,
  ...(config.databaseSchema ? { schema: config.databaseSchema } : {}),
  preparedStatements: config.databasePreparedStatements,
  workerConnections: config.databaseWorkerConnections,
});

export interface ServiceOverrides {
  clock?: Clock;
  logger?: Logger;
  store?: Store;
}

/**
 * Warns, once, about files and folders of ours that other users can read: an older install created them so, or
 * someone changed them. They are left as they are (a group may have been given access on purpose).
 */
function warnIfOpenToOthers(config: Config, logger: Logger): void {
  const db = path.join(config.dataDir, 'realid.sqlite');
  const { file } = keyFiles(config);
  // An explicit REALID_KEY_FILE sits in the operator's folder: only the file itself is ours to judge.
  const keyPaths = config.keyFile ? [file] : [path.dirname(file), file];
  const candidates = [config.dataDir, path.join(config.dataDir, 'photos'), ...keyPaths];
  if (!config.databaseUrl) candidates.push(db, `${db}-wal`, `${db}-shm`);
  const open = openToOthers(candidates);
  if (open.length === 0) return;
  logger.warn(
    { paths: open.map((p) => `${p} (${modeOf(p)})`) },
    'Other users of this machine can read these realid files and folders: chmod 700 the folders and 600 the files',
  );
}

/** The configured database, with the webhooks' rule for who receives events. */
export function openConfiguredStore(config: Config, masterKeys: MasterKeys): Promise<Store> {
  return openStore(storeLocation(config), masterKeys, new EventRecipients());
}

export async function createServices(config: Config, overrides: ServiceOverrides = {}): Promise<Services> {
  const logger = overrides.logger ?? createLogger(config.logLevel);
  createPrivateFolder(config.dataDir);
  const masterKeys = loadMasterKeys(config, logger);
  const store = overrides.store ?? (await openConfiguredStore(config, masterKeys));
  warnIfOpenToOthers(config, logger);
  const metrics = new Metrics();
  const analysisPool = new LazyPool({ size: config.analysis.threads, taskTimeoutMs: config.analysis.taskTimeoutMs }, metrics.observeAnalysisTask);
  const clock = overrides.clock ?? systemClock;
  registerDatabaseGauges(metrics, store.stats, clock, logger);
  return {
    config,
    store,
    clock,
    logger,
    blobs: new EncryptedBlobStore(path.join(config.dataDir, 'photos'), () => masterKeys.all.map((k) => deriveKey(k.key, 'photos'))),
    mailer: createMailer(config.smtpUrl, config.mailFrom, logger),
    analyzers: { simulator: new TestSimulator(), manual: new ManualReview(), offline: new OfflineAnalyzer(analysisPool) },
    analysisPool,
    metrics,
    urlKey: await serviceKey(store.driver, masterKeys, 'photo-urls', Date.now()),
  };
}

export async function closeServices(s: Services): Promise<void> {
  s.mailer.close();
  await s.analysisPool.close();
  await s.store.close();
}
