// Creating a check: store it with its unguessable customer link, record `check.delivered`, send the link.
import type { Services } from '../app/services.ts';
import { AppError } from '../errors/app-error.ts';
import { buildEvent } from '../events/event-types.ts';
import { newCheckId, newToken, sha256Hex } from '../ids.ts';
import type { Account } from '../store/accounts-repo.ts';
import type { CheckRecord, Customer, Order, Rules } from './check-types.ts';
import { initialSubChecks } from './verdict.ts';

export interface CreateCheckInput {
  customer: Customer;
  order?: Order;
  rules?: Partial<Rules>;
}

export interface CreatedCheck {
  check: CheckRecord;
  link: string;
}

const DEFAULT_MAX_RETAKES = 3;

export async function createCheck(
  s: Services,
  account: Account,
  testing: boolean,
  input: CreateCheckInput,
): Promise<CreatedCheck> {
  const customer = input.customer;
  if (!customer.email && !customer.phone) {
    throw new AppError('validation_failed', 'The customer needs an email or a phone number.', [
      { field: 'customer.email', message: 'email or phone is required' },
      { field: 'customer.phone', message: 'email or phone is required' },
    ]);
  }
  const now = s.clock.now();
  const rules: Rules = {
    minimum_age: input.rules?.minimum_age ?? account.minimumAge,
    id_type: input.rules?.id_type ?? 'id_and_selfie',
    back_required: input.rules?.back_required ?? false,
    max_retakes: input.rules?.max_retakes ?? DEFAULT_MAX_RETAKES,
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
    order: input.order ?? null,
    rules,
    subChecks: initialSubChecks(rules, analyzer),
    document: null,
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
  await s.store.driver.transaction(async (tx) => {
    await s.store.checks.insert(tx, check, sha256Hex(token));
    await s.store.events.append(tx, check, [buildEvent('check.delivered', check, now)]);
  });
  const link = `${s.config.publicUrl}/c/${token}`;
  await sendLink(s, account, check, link);
  return { check, link };
}

async function sendLink(s: Services, account: Account, check: CheckRecord, link: string): Promise<void> {
  const to = check.customer?.email;
  const logContext = { checkId: check.id, link };
  if (!to) {
    s.logger.info(logContext, 'check link ready (no email address; deliver it to the customer by your own channel)');
    return;
  }
  try {
    await s.mailer.send({
      to,
      subject: `${account.name} asks you to verify your ID`,
      text: `Hello${check.customer?.first_name ? ` ${check.customer.first_name}` : ''},\n\n${account.name} needs to verify your ID. It takes about a minute on your phone:\n\n${link}\n\nThe link expires on ${new Date(check.linkExpiresAt).toUTCString()}.\n`,
      logContext,
    });
  } catch (error) {
    // The check exists and the merchant has the link in the API answer; a mail outage must not lose it.
    s.logger.warn({ checkId: check.id, err: { message: (error as Error).message } }, 'could not email the check link');
  }
}
