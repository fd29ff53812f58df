import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../http/logger';
import { type FakeSmtp, startFakeSmtp } from '../../tests/fakes/smtp-server';
import { createMailer } from './mailer';

let smtp: FakeSmtp;

beforeAll(async () => {
  smtp = await startFakeSmtp();
});
afterAll(() => smtp.close());

describe('community mailer', () => {
  it('sends through the SMTP server named by SMTP_URL', async () => {
    const mailer = createMailer(
      { smtpUrl: smtp.url, from: 'Acme Community <community@acme.test>' },
      createLogger('silent'),
    );
    expect(mailer.configured).toBe(true);
    await mailer.send({
      to: 'mia@example.com',
      subject: 'Confirm your email',
      text: 'Open https://acme.test/c/acme/verify?token=abc',
    });
    expect(smtp.received).toHaveLength(1);
    expect(smtp.received[0]).toMatchObject({ from: 'community@acme.test', to: ['mia@example.com'] });
    expect(smtp.received[0]!.data).toContain('Subject: Confirm your email');
    expect(smtp.received[0]!.data).toContain('verify?token=abc');
    // The transport is pooled: closing lets the connection go (else the server waits for it).
    await mailer.close?.();
  });

  it('without SMTP_URL says it is not configured and sends nothing', async () => {
    const mailer = createMailer({ from: 'x <x@x.test>' }, createLogger('silent'));
    expect(mailer.configured).toBe(false);
    await mailer.send({ to: 'a@b.test', subject: 's', text: 't' });
    expect(smtp.received).toHaveLength(1);
  });
});
