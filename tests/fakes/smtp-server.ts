import type { AddressInfo } from 'node:net';
import PostalMime from 'postal-mime';
import { SMTPServer } from 'smtp-server';

/** A real SMTP server on a loopback port that keeps what it receives (no TLS, no login). */
export interface FakeSmtp {
  url: string;
  received: { from: string; to: string[]; data: string }[];
  /** The latest message to an address, its quoted-printable body decoded. */
  lastTo(address: string): string | undefined;
  /** The latest message to an address as its reader sees it: subject and text decoded (RFC 2047, charsets). */
  lastMail(address: string): Promise<{ subject: string; text: string } | undefined>;
  /** Answers the next `n` messages "451 try again later" (a transient failure), then accepts again. */
  refuseNext(n: number): void;
  close(): Promise<void>;
}

export async function startFakeSmtp(): Promise<FakeSmtp> {
  const received: FakeSmtp['received'] = [];
  let refuse = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    // A client that keeps a pooled connection open does not hold close() up for half a minute.
    closeTimeout: 200,
    onData(stream, session, done) {
      let data = '';
      stream.on('data', (chunk: Buffer) => (data += chunk.toString()));
      stream.on('end', () => {
        if (refuse > 0) {
          refuse--;
          return done(Object.assign(new Error('Mailbox busy, try again later'), { responseCode: 451 }));
        }
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          data,
        });
        done();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`,
    received,
    lastTo: (address) =>
      received
        .filter((m) => m.to.includes(address))
        .at(-1)
        ?.data.replace(/=\r?\n/g, '')
        .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16))),
    lastMail: async (address) => {
      const raw = received.filter((m) => m.to.includes(address)).at(-1)?.data;
      if (raw === undefined) return undefined;
      const mail = await PostalMime.parse(raw);
      return { subject: mail.subject ?? '', text: (mail.text ?? '').replace(/\r\n/g, '\n') };
    },
    refuseNext: (n) => {
      refuse = n;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
