import type { Logger } from '../server/logger';
import type { Mailer, MailMessage } from '../server/env';

/**
 * Email through SMTP (nodemailer, loaded only when SMTP_URL is set, so Workers and the laptop
 * shape never load it). Without SMTP the mailer says so; the community mail log keeps the message
 * for staff to see.
 */
export function createMailer(settings: { smtpUrl?: string | undefined; from: string }, logger: Logger): Mailer {
  const url = settings.smtpUrl;
  if (!url) {
    return {
      configured: false,
      async send(m: MailMessage) {
        logger.info({ to: m.to, subject: m.subject, text: m.text }, 'email not sent (SMTP_URL is not set); kept in the community mail log');
      },
    };
  }
  let transport: Promise<{ sendMail(o: Record<string, unknown>): Promise<unknown> }> | null = null;
  return {
    configured: true,
    async send(m: MailMessage) {
      transport ??= import('nodemailer').then((n) => n.createTransport(url));
      await (await transport).sendMail({ from: settings.from, to: m.to, subject: m.subject, text: m.text });
    },
  };
}
