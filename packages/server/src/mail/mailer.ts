// Outgoing email: through SMTP (nodemailer) when SMTP_URL is set; otherwise one log line says a mail was not
// sent (its subject and ids). Recipients and bodies are never logged: a body may hold a customer's link.
import nodemailer from 'nodemailer';
import type { Logger } from 'pino';

export interface Mail {
  to: string;
  subject: string;
  text: string;
  /** Safe to log: ids only, never personal data or links (a customer link is a bearer credential). */
  logContext?: Record<string, unknown>;
}

export interface Mailer {
  send(mail: Mail): Promise<void>;
  close(): void;
}

export function createMailer(smtpUrl: string | undefined, from: string, logger: Logger): Mailer {
  if (!smtpUrl) {
    return {
      async send(mail) {
        logger.info({ ...mail.logContext, subject: mail.subject }, 'email not sent (SMTP_URL is not set)');
      },
      close() {},
    };
  }
  const transport = nodemailer.createTransport(smtpUrl);
  return {
    async send(mail) {
      await transport.sendMail({ from, to: mail.to, subject: mail.subject, text: mail.text });
    },
    close() {
      transport.close();
    },
  };
}
