import { sql } from 'drizzle-orm';
import { rows } from '../db/rows';
import type { Db } from '../db/types';
import { type LiveEvent, publish } from './live';
import { WAIT_DAY_MINUTES, WAIT_LONG_MINUTES } from './priority';
import { PRIORITY_FACT_COLUMNS, type PriorityFacts, reprioritised, savePriorities } from './priority-columns';
import { reasonHas } from './priority-reason';

/**
 * The inbox's clock work, run every minute: snoozed conversations whose time came are open again
 * (with a line in their history), and conversations whose author has waited past 4 hours or a day
 * are re-prioritised once per threshold crossed (not every minute), unless staff set their priority.
 */
export interface SweepResult {
  woken: number;
  reprioritised: number;
}

const BATCH = 1000;

export async function sweepInbox(db: Db, now: Date): Promise<SweepResult> {
  const at = now.toISOString();
  const woken = await db.transaction(async (tx) => {
    const list = rows<{ id: string; workspace_id: string }>(
      await tx.execute(sql`
        with woken as (
          update conversations set status = 'open', snoozed_until = null, updated_at = ${at}::timestamptz
          where id in (
            select id from conversations where status = 'snoozed' and snoozed_until <= ${at}::timestamptz
            limit ${BATCH} for update skip locked
          )
          returning id, workspace_id
        ),
        logged as (
          insert into conversation_events (workspace_id, conversation_id, kind, details)
          select workspace_id, id, 'status', '{"from":"snoozed","to":"open","reason":"snooze ended"}'::jsonb from woken
        )
        select id, workspace_id from woken`),
    );
    await publishByWorkspace(
      tx,
      list.map((r) => ({ workspaceId: r.workspace_id, event: { type: 'conversation', id: r.id, change: 'updated' } })),
    );
    return list.length;
  });

  const long = new Date(now.getTime() - WAIT_LONG_MINUTES * 60_000).toISOString();
  const day = new Date(now.getTime() - WAIT_DAY_MINUTES * 60_000).toISOString();
  const waiting = rows<PriorityFacts & { workspace_id: string }>(
    await db.execute(sql`
      select c.workspace_id, ${PRIORITY_FACT_COLUMNS}
      from conversations c
      where status in ('open', 'pending') and not priority_pinned and waiting_since <= ${long}::timestamptz
        and ((waiting_since <= ${day}::timestamptz and not ${reasonHas('waiting_day')})
          or (waiting_since > ${day}::timestamptz and not ${reasonHas('waiting_long')}))
      limit ${BATCH}`),
  );
  if (waiting.length) {
    await db.transaction(async (tx) => {
      await savePriorities(
        tx,
        waiting.map((c) => reprioritised(c, now)),
      );
      await publishByWorkspace(
        tx,
        waiting.map((c) => ({
          workspaceId: c.workspace_id,
          event: { type: 'conversation', id: c.id, change: 'updated' },
        })),
      );
    });
  }
  return { woken, reprioritised: waiting.length };
}

async function publishByWorkspace(db: Db, items: { workspaceId: string; event: LiveEvent }[]) {
  const by = new Map<string, LiveEvent[]>();
  for (const i of items) by.set(i.workspaceId, [...(by.get(i.workspaceId) ?? []), i.event]);
  for (const [workspaceId, events] of by) await publish(db, workspaceId, events);
}
