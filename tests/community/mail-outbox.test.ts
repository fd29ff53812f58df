import { eq, sql } from 'drizzle-orm';
import { InngestTestEngine } from '@inngest/test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  holdMail,
  MAIL_MAX_ATTEMPTS,
  queueMailTo,
  releaseMailLeases,
  sendDueMail,
  sendMailNow,
} from '../../src/accounts/mail-outbox';
import { mailOutbox } from '../../src/accounts/schema';
import { ideas, ideaVotes, members } from '../../src/community/schema';
import type { DomainEvent } from '../../src/core/events';
import { transact } from '../../src/db/transact';
import type { Db } from '../../src/db/types';
import { createInngestClient, listenerFunctions } from '../../src/jobs/inngest';
import { type FakeSmtp, startFakeSmtp } from '../fakes/smtp-server';
import { createTestContext, type TestContext } from '../helpers/test-app';

let t: TestContext;
let smtp: FakeSmtp;
const clock = { now: new Date('2026-06-01T10:00:00Z') };
let boards = 0;

beforeAll(async () => {
  smtp = await startFakeSmtp();
  t = await createTestContext({ env: { SMTP_URL: smtp.url }, clock: () => clock.now });
});
afterAll(async () => {
  await t.close();
  await smtp.close();
});

/** A workspace with an idea and `voters` confirmed members who voted for it (seeded straight into the tables). */
async function ideaWithVoters(voters: number) {
  const n = ++boards;
  const ws = await t.seedWorkspace(`Outbox Co ${n}`);
  const emails = Array.from({ length: voters }, (_, i) => `voter${i}@outbox${n}.test`);
  const rows =
    voters === 0
      ? []
      : await t.db
          .insert(members)
          .values(
            emails.map((email) => ({
              workspaceId: ws.workspace.id,
              email,
              displayName: email,
              passwordHash: 'x',
              emailVerifiedAt: clock.now,
            })),
          )
          .returning();
  const [idea] = await t.db
    .insert(ideas)
    .values({ workspaceId: ws.workspace.id, title: 'Dark mode', body: 'please', voteCount: voters })
    .returning();
  if (rows.length) await t.db.insert(ideaVotes).values(rows.map((m) => ({ ideaId: idea!.id, memberId: m.id })));
  return { ws, idea: idea!, emails };
}

/** One queued email to `to`, through the outbox's own queueing (its recipients query names one address). */
const queueTo = (db: Db, workspaceId: string, to: string) =>
  queueMailTo(
    db,
    workspaceId,
    { kind: 'status', subject: 'News', text: 'hello' },
    sql`select ${to}::text as email`,
    clock.now,
  );
const mailRows = (workspaceId: string) => t.db.select().from(mailOutbox).where(eq(mailOutbox.workspaceId, workspaceId));
const receivedBy = (email: string) => smtp.received.filter((m) => m.to.includes(email)).length;

describe('the mail outbox', () => {
  it("emails an idea's voters from the outbox after the status change, each once, retrying a refusal", async () => {
    const { ws, idea, emails } = await ideaWithVoters(3);
    smtp.refuseNext(1);
    const res = await t.request('PATCH', `/api/v1/ideas/${idea.id}`, { token: ws.token, body: { status: 'planned' } });
    expect(res.status).toBe(200);
    await t.deps.events.idle();
    // The SMTP server refused the first message: two voters have their email, the third waits for a retry.
    expect(emails.map(receivedBy).sort()).toEqual([0, 1, 1]);
    const waiting = (await mailRows(ws.workspace.id)).filter((r) => r.status === 'queued');
    expect(waiting).toHaveLength(1);
    expect(waiting[0]).toMatchObject({ attempts: 1, error: expect.stringContaining('try again later') });
    expect(waiting[0]!.nextAttemptAt!.getTime()).toBeGreaterThan(clock.now.getTime());

    // Not due yet: the scheduled sender leaves it alone.
    expect(await sendDueMail(t.deps)).toEqual({ sent: 0, failed: 0, retrying: 0 });
    clock.now = new Date(waiting[0]!.nextAttemptAt!.getTime() + 1);
    expect(await sendDueMail(t.deps)).toEqual({ sent: 1, failed: 0, retrying: 0 });
    expect(emails.map(receivedBy)).toEqual([1, 1, 1]);
    expect((await mailRows(ws.workspace.id)).map((r) => [r.status, r.leaseToken])).toEqual([
      ['sent', null],
      ['sent', null],
      ['sent', null],
    ]);
    // Running again sends nothing twice.
    expect(await sendDueMail(t.deps)).toEqual({ sent: 0, failed: 0, retrying: 0 });
    expect(emails.map(receivedBy)).toEqual([1, 1, 1]);
  });

  it('queues nothing and tells nobody when the change that wrote the mail rolls back', async () => {
    const { ws } = await ideaWithVoters(0);
    const told: DomainEvent[] = [];
    const publisher = { publish: (events: readonly DomainEvent[]) => void told.push(...events) };
    await expect(
      transact({ db: t.db, events: publisher }, async (tx, emit) => {
        emit((await queueTo(tx, ws.workspace.id, 'gone@outbox.test'))!);
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await mailRows(ws.workspace.id)).toEqual([]);
    expect(told).toEqual([]);
    // The same work committed is told once, after commit.
    await transact({ db: t.db, events: publisher }, async (tx, emit) => {
      emit((await queueTo(tx, ws.workspace.id, 'kept@outbox.test'))!);
    });
    expect(told).toEqual([{ name: 'mail.queued', data: { count: 1 } }]);
    expect((await mailRows(ws.workspace.id)).map((r) => r.status)).toEqual(['queued']);
  });

  it('retries a refused email with a link from its sealed text, and keeps only the redacted copy', async () => {
    const { ws } = await ideaWithVoters(0);
    const link = 'http://board.test/verify?token=s3cret-token-123';
    smtp.refuseNext(1);
    await sendMailNow(t.deps, ws.workspace.id, {
      kind: 'verify',
      to: 'new@outbox.test',
      subject: 'Confirm',
      text: `Confirm: ${link}`,
      secrets: ['s3cret-token-123'],
    });
    const [row] = await mailRows(ws.workspace.id);
    expect(row).toMatchObject({ status: 'queued', attempts: 1 });
    expect(row!.body).not.toContain('s3cret-token-123');
    expect(row!.sealedText).not.toContain('s3cret');
    // Sealed: the whole text and its secret, bound to this row (APP_SECRET opens it, nothing else).
    expect(await t.deps.credentials.open(`mail:${row!.id}`, row!.sealedText!)).toEqual({
      text: `Confirm: ${link}`,
      secrets: ['s3cret-token-123'],
    });
    expect(row!.error).not.toContain('s3cret');
    clock.now = new Date(row!.nextAttemptAt!.getTime() + 1);
    await sendDueMail(t.deps);
    expect(smtp.lastTo('new@outbox.test')).toContain(link);
    const [sent] = await mailRows(ws.workspace.id);
    expect(sent).toMatchObject({ status: 'sent', sealedText: null, attempts: 2 });
    expect(sent!.body).not.toContain('s3cret-token-123');
  });

  it('gives up at once on a link it could not seal, rather than send the redacted text', async () => {
    const { ws } = await ideaWithVoters(0);
    smtp.refuseNext(1);
    // No credentials box: the text can be sent now, never again.
    await sendMailNow({ ...t.deps, credentials: undefined }, ws.workspace.id, {
      kind: 'verify',
      to: 'unsealed@outbox.test',
      subject: 'Confirm',
      text: 'Confirm: http://board.test/verify?token=other-secret',
      secrets: ['other-secret'],
    });
    const [row] = await mailRows(ws.workspace.id);
    expect(row).toMatchObject({ status: 'failed', sealedText: null });
    expect(receivedBy('unsealed@outbox.test')).toBe(0);
  });

  it('sends mail a dead sender held once its lease ends or it restarts, and gives up after the last try', async () => {
    const { ws } = await ideaWithVoters(0);
    const queued = async (to: string) => {
      await queueTo(t.db, ws.workspace.id, to);
      return (await t.db.select().from(mailOutbox).where(eq(mailOutbox.to, to)))[0]!.id;
    };
    const held = await queued('held@outbox.test');
    const leaseUntil = new Date(clock.now.getTime() + 60_000);
    const hold = { status: 'sending' as const, leaseUntil, leaseToken: 'dead', leaseHolder: 'node-a', attempts: 1 };
    await t.db.update(mailOutbox).set(hold).where(eq(mailOutbox.id, held));
    // Its holder died mid-send: nobody else takes it while the lease runs…
    expect(await sendDueMail(t.deps)).toEqual({ sent: 0, failed: 0, retrying: 0 });
    // …and node-a, restarting, frees it at once.
    expect(await releaseMailLeases(t.db, 'node-a', clock.now)).toBe(1);
    expect(await sendDueMail(t.deps)).toEqual({ sent: 1, failed: 0, retrying: 0 });
    expect(receivedBy('held@outbox.test')).toBe(1);

    const doomed = await queued('doomed@outbox.test');
    await t.db
      .update(mailOutbox)
      .set({ attempts: MAIL_MAX_ATTEMPTS - 1 })
      .where(eq(mailOutbox.id, doomed));
    smtp.refuseNext(1);
    expect(await sendDueMail(t.deps)).toEqual({ sent: 0, failed: 1, retrying: 0 });
    const [row] = await t.db.select().from(mailOutbox).where(eq(mailOutbox.id, doomed));
    expect(row).toMatchObject({ status: 'failed', attempts: MAIL_MAX_ATTEMPTS });
  });

  it('commits a waited-for mail with its link or not at all; sends it later if its sender died', async () => {
    const { ws } = await ideaWithVoters(0);
    const mail = (to: string) => ({
      kind: 'verify',
      to,
      subject: 'Confirm',
      text: 'Confirm: http://board.test/verify?token=held-secret',
      secrets: ['held-secret'],
    });
    // The change that makes the link rolls back: no email row either.
    await expect(
      t.db.transaction(async (tx) => {
        await holdMail({ ...t.deps, instanceId: 'node-b' }, tx, ws.workspace.id, mail('rolled@outbox.test'));
        throw new Error('the link was not made');
      }),
    ).rejects.toThrow('the link was not made');
    expect(await t.db.select().from(mailOutbox).where(eq(mailOutbox.to, 'rolled@outbox.test'))).toEqual([]);
    // It commits, and the process dies before sendHeld: held, so no one else sends it meanwhile…
    await t.db.transaction((tx) =>
      holdMail({ ...t.deps, instanceId: 'node-b' }, tx, ws.workspace.id, mail('orphan@outbox.test')),
    );
    expect(await sendDueMail(t.deps)).toEqual({ sent: 0, failed: 0, retrying: 0 });
    // …until its holder restarts (or its lease runs out): then the sender sends it, with its link, once.
    expect(await releaseMailLeases(t.db, 'node-b', clock.now)).toBe(1);
    expect(await sendDueMail(t.deps)).toEqual({ sent: 1, failed: 0, retrying: 0 });
    expect(receivedBy('orphan@outbox.test')).toBe(1);
    expect(smtp.lastTo('orphan@outbox.test')).toContain('token=held-secret');
  });

  it('runs the mail listener as its own Inngest function when an Inngest server drives the work', async () => {
    const { ws } = await ideaWithVoters(0);
    const event = (await queueTo(t.db, ws.workspace.id, 'inngest@outbox.test'))!;
    const fns = listenerFunctions(createInngestClient({ dev: true }), t.deps.events);
    const fn = fns.find((f) => f.id() === 'on-send-queued-mail')!;
    const { result } = await new InngestTestEngine({ function: fn, events: [event] }).execute();
    expect(result).toEqual({ sent: 1, failed: 0, retrying: 0 });
    expect(receivedBy('inngest@outbox.test')).toBe(1);
  });
});
