// Telling a merchant about their webhooks' health: an entry in the account's event log, and an email.
import type { Services } from '../../core/services.ts';
import { newId } from '../../ids.ts';
import type { SqlExecutor } from '../../store/sql-driver.ts';

export type NoticeKind = 'endpoint_failing' | 'endpoint_disabled' | 'message_exhausted';

export interface Notice {
  accountId: string;
  kind: NoticeKind;
  message: string;
  data: Record<string, unknown>;
  at: number;
}

const SUBJECTS: Record<NoticeKind, string> = {
  endpoint_failing: 'A webhook endpoint is failing',
  endpoint_disabled: 'A webhook endpoint was disabled',
  message_exhausted: 'A webhook could not be delivered',
};

export async function logNotice(s: Services, tx: SqlExecutor, notice: Notice): Promise<void> {
  await s.store.accounts.log(tx, notice.accountId, {
    id: newId('log'),
    kind: notice.kind,
    message: notice.message,
    data: notice.data,
    createdAt: notice.at,
  });
}

/** Emails after the log entry is committed; a mail outage is logged, never retried into a storm. */
export async function emailNotices(s: Services, notices: readonly Notice[]): Promise<void> {
  for (const notice of notices) {
    const account = await s.store.accounts.get(notice.accountId);
    if (!account?.notifyEmail) continue;
    try {
      await s.mailer.send({
        to: account.notifyEmail,
        subject: `[realid] ${SUBJECTS[notice.kind]}`,
        text: `${notice.message}\n\nSee Settings > DevTools in your dashboard for the delivery log.\n`,
        logContext: { accountId: notice.accountId, notice: notice.kind },
      });
    } catch (error) {
      s.logger.warn({ accountId: notice.accountId, notice: notice.kind, err: { message: (error as Error).message } }, 'could not email a webhook notice');
    }
  }
}
