import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../server/logger';
import { createMailer } from './mailer';

let server: SMTPServer;
let port: number;
const received: { from: string; to: string[]; data: string }[] = [];

beforeAll(async () => {
  server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, done) {
      let data = '';
      stream.on('data', (chunk: Buffer) => (data += chunk.toString()));
      stream.on('end', () => {
        received.push({ from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '', to: session.envelope.rcptTo.map((r) => r.address), data });
        done();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('community mailer', () => {
  it('sends through the SMTP server named by SMTP_URL', async () => {
    const mailer = createMailer({ smtpUrl: `smtp://127.0.0.1:${port}`, from: 'Acme Community <community@acme.test>' }, createLogger('silent'));
    expect(mailer.configured).toBe(true);
    await mailer.send({ to: 'mia@example.com', subject: 'Confirm your email', text: 'Open https://acme.test/c/acme/verify?token=abc' });
    expect(received).toHaveLength(1);
    expect(received[0]).toMatchObject({ from: 'community@acme.test', to: ['mia@example.com'] });
    expect(received[0]!.data).toContain('Subject: Confirm your email');
    expect(received[0]!.data).toContain('verify?token=abc');
  });

  it('without SMTP_URL says it is not configured and sends nothing', async () => {
    const mailer = createMailer({ from: 'x <x@x.test>' }, createLogger('silent'));
    expect(mailer.configured).toBe(false);
    await mailer.send({ to: 'a@b.test', subject: 's', text: 't' });
    expect(received).toHaveLength(1);
  });
});
