import type { Logger } from '../http/logger';
import type { Mailer, MailMessage } from '../http/env';

/**
 * Email through SMTP (nodemailer, loaded only when SMTP_URL is set, so Workers and the laptop
 * shape never load it). Without SMTP the mailer says so and sends nothing; the community mail log
 * keeps a redacted copy.
 */
/** Connections the SMTP pool keeps, and so how many emails the mail outbox has with the mailer at once. */
export const SMTP_CONNECTIONS = 5;

export function createMailer(settings: { smtpUrl?: string | undefined; from: string }, logger: Logger): Mailer {
  const url = settings.smtpUrl;
  if (!url) {
    return {
      configured: false,
      async send(m: MailMessage) {
        // Never the body: it may hold a sign-in or reset link, and whoever reads the app log must not get one.
        logger.info({ to: m.to, subject: m.subject }, 'email not sent (SMTP_URL is not set)');
      },
    };
  }
  let transport: Promise<{ sendMail(o: Record<string, unknown>): Promise<unknown>; close(): void }> | null = null;
  return {
    configured: true,
    async send(m: MailMessage) {
      // Pooled: the mail outbox sends a few at a time over kept connections, not one handshake an email.
      transport ??= import('nodemailer').then((n) =>
        n.createTransport({ url, pool: true, maxConnections: SMTP_CONNECTIONS }),
      );
      await (await transport).sendMail({ from: settings.from, to: m.to, subject: m.subject, text: m.text });
    },
    async close() {
      if (transport) (await transport).close();
      transport = null;
    },
  };
}
