// The storage port: repositories written once over the SQL port, on SQLite (default) or PostgreSQL.
import path from 'node:path';
import { CheckCipher } from '../keys/check-cipher.ts';
import { AccessLogRepo } from './access-log-repo.ts';
import type { MasterKeys } from '../keys/master-keys.ts';
import { migrate } from './migrations.ts';
import { PrivacyRequestsRepo } from './privacy-requests-repo.ts';
import { serviceKey } from './service-keys-repo.ts';
import type { SqlDriver } from './sql-driver.ts';
import { SqliteDriver } from './sqlite/sqlite-driver.ts';
import { PostgresDriver } from './postgres/postgres-driver.ts';
import { checkPostgres } from './postgres/check-postgres.ts';
import { checkFileUsable, checkFolderUsable } from '../files/private-files.ts';
import { AccountsRepo } from './accounts-repo.ts';
import { ChecksRepo } from './checks-repo.ts';
import { EventsRepo, type RecipientsPort } from './events-repo.ts';
import { EndpointsRepo } from './endpoints-repo.ts';
import { DeliveriesRepo } from './deliveries-repo.ts';
import { UsersRepo } from './users-repo.ts';
import { ServiceStatsRepo } from './service-stats-repo.ts';
import { RateLimitsRepo } from './rate-limits-repo.ts';
import { IdempotencyRepo } from './idempotency-repo.ts';

export class Store {
  readonly accounts: AccountsRepo;
  readonly checks: ChecksRepo;
  readonly privacyRequests: PrivacyRequestsRepo;
  readonly accessLog: AccessLogRepo;
  readonly events: EventsRepo;
  readonly endpoints: EndpointsRepo;
  readonly deliveries: DeliveriesRepo;
  readonly users: UsersRepo;
  /** Counts for the metrics endpoint. */
  readonly stats: ServiceStatsRepo;
  readonly rateLimits: RateLimitsRepo;
  readonly idempotency: IdempotencyRepo;

  constructor(
    readonly driver: SqlDriver,
    readonly cipher: CheckCipher,
    recipients: RecipientsPort,
  ) {
    this.events = new EventsRepo(driver, recipients);
    const subscriptionsChanged = () => recipients.forget();
    this.accounts = new AccountsRepo(driver, subscriptionsChanged);
    this.checks = new ChecksRepo(driver, cipher);
    this.privacyRequests = new PrivacyRequestsRepo(driver, this.checks, cipher);
    this.accessLog = new AccessLogRepo(driver);
    this.endpoints = new EndpointsRepo(driver, subscriptionsChanged);
    this.deliveries = new DeliveriesRepo(driver);
    this.users = new UsersRepo(driver);
    this.stats = new ServiceStatsRepo(driver);
    this.rateLimits = new RateLimitsRepo(driver);
    this.idempotency = new IdempotencyRepo(driver, cipher);
  }

  close(): Promise<void> {
    return this.driver.close();
  }
}

export interface StoreLocation {
  /** `postgres://…` selects PostgreSQL; otherwise SQLite under `dataDir`. */
  databaseUrl?: string | undefined;
  dataDir: string;
  /** Postgres only: a schema of its own (used by tests). */
  schema?: string;
  /** Postgres only: named prepared statements (default true; see PostgresDriverOptions). */
  preparedStatements?: boolean;
  /** Postgres only: connections for the delivery worker's reads (default 3; see SqlDriver.workerReads). */
  workerConnections?: number;
}

const isPostgres = (location: StoreLocation): boolean => /^postgres(ql)?:\/\//.test(location.databaseUrl ?? '');

/** The SQLite file: `sqlite:/path` from DATABASE_URL, or realid.sqlite in the data folder. */
const sqliteFile = (location: StoreLocation): string =>
  location.databaseUrl?.startsWith('sqlite:') ? location.databaseUrl.slice('sqlite:'.length) : path.join(location.dataDir, 'realid.sqlite');

/** Throws a StartupError if the database cannot be used; creates nothing (see check-before-start.ts). */
export async function checkStoreLocation(location: StoreLocation): Promise<void> {
  if (isPostgres(location)) return checkPostgres(location.databaseUrl!);
  const file = sqliteFile(location);
  checkFolderUsable(path.dirname(file), 'The folder of the SQLite database');
  for (const suffix of ['', '-wal', '-shm']) checkFileUsable(file + suffix, 'The SQLite database file');
}

export function openDriver(location: StoreLocation): SqlDriver {
  const url = location.databaseUrl;
  if (url && isPostgres(location)) {
    return new PostgresDriver({
      url,
      ...(location.schema ? { schema: location.schema } : {}),
      ...(location.preparedStatements === false ? { preparedStatements: false } : {}),
      ...(location.workerConnections !== undefined ? { workerPoolSize: location.workerConnections } : {}),
    });
  }
  return new SqliteDriver(sqliteFile(location));
}

/**
 * Opens, migrates, and loads the keys the repositories need; `masterKeys` seal and unseal personal data,
 * `recipients` decides which endpoints an event is queued for.
 */
export async function openStore(location: StoreLocation, masterKeys: MasterKeys, recipients: RecipientsPort): Promise<Store> {
  const driver = openDriver(location);
  try {
    const now = Date.now();
    await migrate(driver, { now, masterKeys });
    return new Store(driver, new CheckCipher(masterKeys, await serviceKey(driver, masterKeys, 'search-index', now)), recipients);
  } catch (error) {
    await driver.close();
    throw error;
  }
}
