/**
 * An idea with 5,000 voters changes status: how long the staff click waits (the change, 5,000 in-app
 * notifications and 5,000 queued emails, one transaction), and how long the mail outbox then takes to
 * hand them all to the mailer (a no-op mailer: the outbox's own cost, not an SMTP server's).
 */
import { createWorkspaceWithOwner, sendDueMail, MAIL_QUEUED } from '../../src/accounts';
import { ideas, ideaVotes, members } from '../../src/community/schema';
import { updateIdea } from '../../src/community/ideas.staff';
import { type Actor, ownerActor } from '../../src/core/actor';
import { EventBus } from '../../src/core/events';
import { runMigrations } from '../../src/db/migrate';
import { openPglite } from '../../src/db/pglite';
import type { DatabaseHandle } from '../../src/db/types';
import { createLogger } from '../../src/http/logger';
import { withTempPostgres } from './temp-postgres';

const VOTERS = Number(process.env.BENCH_VOTERS ?? 5_000);
const step = (m: string) => process.stderr.write(`· ${m}\n`);

async function run(handle: DatabaseHandle, label: string): Promise<[string, string][]> {
  const db = handle.db;
  const { workspace, user } = await createWorkspaceWithOwner(
    db,
    { workspaceName: `Bench ideas ${label}`, email: `ideas-${label}@bench.test`, password: 'bench-password-123' },
    { m: 64, t: 1, p: 1 },
  );
  const actor: Actor = ownerActor(workspace, user.id);
  const [idea] = await db.insert(ideas).values({ workspaceId: workspace.id, title: 'Dark mode', body: '' }).returning();
  for (let i = 0; i < VOTERS; i += 1_000) {
    const batch = Array.from({ length: Math.min(1_000, VOTERS - i) }, (_, j) => ({
      workspaceId: workspace.id,
      email: `voter${i + j}@bench.test`,
      displayName: `Voter ${i + j}`,
      passwordHash: 'x',
    }));
    const rows = await db.insert(members).values(batch).returning({ id: members.id });
    await db.insert(ideaVotes).values(rows.map((m) => ({ ideaId: idea!.id, memberId: m.id })));
  }
  let sent = 0;
  const logger = createLogger('silent');
  const mailer = { configured: true, send: async () => void sent++ };
  const failures: unknown[] = [];
  const events = new EventBus((err) => failures.push(err));
  events.on(MAIL_QUEUED, 'send-queued-mail', () => sendDueMail({ db, mailer, logger, clock: () => new Date() }));
  // Three changes in a row (under review, planned, in progress): each tells all voters; the median is reported.
  const clicks: number[] = [];
  const drains: number[] = [];
  for (const status of ['under_review', 'planned', 'in_progress'] as const) {
    const t0 = performance.now();
    await updateIdea(
      { db, mailer, logger, events },
      actor,
      idea!.id,
      { status },
      {
        now: new Date(),
        baseUrl: 'http://localhost',
      },
    );
    clicks.push(performance.now() - t0);
    await events.idle();
    drains.push(performance.now() - t0);
  }
  if (failures.length) throw new Error(`the mail sender failed: ${String(failures[0])}`);
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[1]!;
  const all = clicks.map((c) => c.toFixed(0)).join(', ');
  return [
    [
      `idea status change, ${VOTERS.toLocaleString('en')} voters, ${label}`,
      `median ${median(clicks).toFixed(0)} ms of 3 (${all}) (target < 300 ms)`,
    ],
    [
      `  mail outbox sends them all, ${label}`,
      `${(median(drains) / 1000).toFixed(1)} s after the click; ` +
        `${sent.toLocaleString('en')} emails for 3 changes, each once`,
    ],
  ];
}

export async function benchIdeaStatus(): Promise<[string, string][]> {
  step(`idea status: ${VOTERS} voters, PGlite`);
  const pglite = await openPglite();
  await runMigrations(pglite);
  const rows: [string, string][] = [];
  try {
    rows.push(...(await run(pglite, 'PGlite')));
  } finally {
    await pglite.close();
  }
  step(`idea status: ${VOTERS} voters, PostgreSQL`);
  rows.push(...(await withTempPostgres('bench_ideas', 'idea status, PostgreSQL', (pg) => run(pg, 'PostgreSQL'))));
  return rows;
}
