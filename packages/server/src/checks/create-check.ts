// Creating a check: store it with its unguessable customer link, record `check.delivered`, send the link.
import type { Services } from '../core/services.ts';
import { AppError } from '../errors/app-error.ts';
import { buildEvent } from '../events/event-types.ts';
import { newCheckId, newToken, sha256Hex } from '../ids.ts';
import type { Actor } from '../store/access-log-repo.ts';
import type { Account } from '../store/accounts-repo.ts';
import type { SqlExecutor } from '../store/sql-driver.ts';
import { randomInt } from 'node:crypto';
import type { CheckInput } from './check-input.ts';
import type { CheckRecord, Rules } from './check-types.ts';
import { initialSubChecks } from './verdict.ts';

export interface CreatedCheck {
  check: CheckRecord;
  link: string;
}

const DEFAULT_MAX_RETAKES = 3;

export async function createCheck(
  s: Services,
  account: Account,
  testing: boolean,
  input: CheckInput,
  actor: Actor,
  /** Runs in the creating transaction once the check is stored (an idempotency key is claimed there); throwing rolls back. */
  alsoInTransaction?: (tx: SqlExecutor, created: CreatedCheck) => Promise<void>,
): Promise<CreatedCheck> {
  const customer = input.customer;
  if (!customer.email && !customer.phone) {
    throw new AppError('validation_failed', 'The customer needs an email or a phone number.', [
      { field: 'customer.email', message: 'email or phone is required' },
      { field: 'customer.phone', message: 'email or phone is required' },
    ]);
  }
  if (input.testing !== undefined && input.testing !== testing) {
    // A key's mode decides what it can reach; a check of the other mode would be out of this key's sight.
    throw new AppError('validation_failed', `A ${testing ? 'test' : 'live'} key creates ${testing ? 'test' : 'live'} checks.`, [
      { field: 'rules.testing', message: `must be ${testing} with this key, or left out` },
    ]);
  }
  const now = s.clock.now();
  const rules: Rules = {
    signature_required: input.rules.signature_required ?? false,
    id_check_type: input.rules.id_check_type ?? 'idv',
    include_back_of_id: input.rules.include_back_of_id ?? false,
    selfie_liveness: input.rules.selfie_liveness ?? 'straight',
    minimum_age: input.rules.minimum_age ?? account.minimumAge,
    max_retakes: input.rules.max_retakes ?? DEFAULT_MAX_RETAKES,
    // Without a name there is nothing to compare the ID's with.
    name_match: Boolean(customer.first_name || customer.last_name) && (input.rules.name_match ?? account.nameMatch),
  };
  const analyzer = testing ? s.config.analyzers.test : s.config.analyzers.live;
  const check: CheckRecord = {
    id: newCheckId(),
    accountId: account.id,
    testing,
    step: 'delivered',
    verdict: 'pending',
    linkExpiresAt: now + s.config.linkTtlHours * 3600_000,
    customer,
    order: input.order,
    rules,
    subChecks: initialSubChecks(rules, analyzer),
    document: null,
    scores: {},
    content: input.content,
    analysisState: {},
    turn: rules.id_check_type === 'idv' && rules.selfie_liveness === 'turn' ? (randomInt(2) ? 'left' : 'right') : null,
    analyzer,
    retakes: 0,
    decision: null,
    version: 1,
    createdAt: now,
    updatedAt: now,
    openedAt: null,
    finishedAt: null,
    deletedAt: null,
  };
  const token = newToken();
  const link = `${s.config.publicUrl}/c/${token}`;
  await s.store.driver.transaction(async (tx) => {
    await s.store.checks.insert(tx, check, sha256Hex(token));
    await alsoInTransaction?.(tx, { check, link });
    await s.store.events.append(tx, check, [buildEvent('check.delivered', check, now)]);
    await s.store.accessLog.record(tx, account.id, [check.id], actor, 'created', now);
  });
  // The customer's photos will follow soon: have the offline analyzer's models loaded by then.
  if (analyzer === 'offline') void s.analysisPool.get().catch((error: Error) => s.logger.error({ err: { message: error.message } }, 'the analysis pool could not start'));
  await sendLink(s, account, check, link);
  return { check, link };
}

async function sendLink(s: Services, account: Account, check: CheckRecord, link: string): Promise<void> {
  const to = check.customer?.email;
  // The link is a bearer credential for the customer's check: it goes to the customer and into the API's
  // answer to the merchant, never into a log.
  const logContext = { checkId: check.id };
  if (!to) {
    s.logger.info(logContext, 'check created without an email address: send the link from the API answer to the customer by your own channel');
    return;
  }
  try {
    await s.mailer.send({
      to,
      subject: `${account.name} asks you to verify your ID`,
      text: `Hello${check.customer?.first_name ? ` ${check.customer.first_name}` : ''},\n\n${check.content?.intro_content ?? `${account.name} needs to verify your ID.`}\n\nIt takes about a minute on your phone:\n\n${link}\n\nThe link expires on ${new Date(check.linkExpiresAt).toUTCString()}.\n`,
      logContext,
    });
  } catch (error) {
    // The check exists and the merchant has the link in the API answer; a mail outage must not lose it.
    s.logger.warn({ checkId: check.id, err: { message: (error as Error).message } }, 'could not email the check link');
  }
}
