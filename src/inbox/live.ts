import { sql } from 'drizzle-orm';
import type { LiveEvent } from '../core/live-events';
import { toJsonParam } from '../db/params';
import type { Db, DatabaseHandle } from '../db/types';

/**
 * The live inbox. Changes are announced with pg_notify inside the transaction that makes them, so
 * an event leaves only once its change is committed, and reaches every instance listening (PGlite
 * and PostgreSQL alike). Each process holds one LISTEN and fans events out to its SSE clients by
 * workspace. Events are small (ids and kinds): clients fetch what they show.
 */
export const LIVE_CHANNEL = 'inbox_live';

export type { LiveEvent } from '../core/live-events';

/** Announces events for one workspace; call it with the transaction making the change. */
export async function publish(db: Db, workspaceId: string, events: LiveEvent[]): Promise<void> {
  if (events.length === 0) return;
  // NOTIFY payloads stop at 8,000 bytes: large batches go in pieces, all in one statement (after a commit
  // each statement is a transaction of its own: three of them cost a PGlite ingest ~2.6 s per 100,000 posts).
  const payloads: string[] = [];
  for (let i = 0; i < events.length; i += 40)
    payloads.push(JSON.stringify({ w: workspaceId, e: events.slice(i, i + 40) }));
  await db.execute(
    sql`select pg_notify(${LIVE_CHANNEL}, p) from jsonb_array_elements_text(${toJsonParam(payloads)}::jsonb) as p`,
  );
}

type Listener = (event: LiveEvent) => void;

/** One per process: the LISTEN connection and the SSE clients of each workspace. */
export class LiveHub {
  private readonly byWorkspace = new Map<string, Set<Listener>>();
  private started: Promise<void> | null = null;

  constructor(private readonly handle: Pick<DatabaseHandle, 'listen'>) {}

  get available() {
    return Boolean(this.handle.listen);
  }

  /** Subscribes to a workspace's events; returns the way to stop. */
  async subscribe(workspaceId: string, listener: Listener): Promise<() => void> {
    await this.start();
    const set = this.byWorkspace.get(workspaceId) ?? new Set<Listener>();
    set.add(listener);
    this.byWorkspace.set(workspaceId, set);
    return () => {
      set.delete(listener);
      if (set.size === 0) this.byWorkspace.delete(workspaceId);
    };
  }

  /** How many live clients of a workspace this process serves now. */
  clients(workspaceId: string): number {
    return this.byWorkspace.get(workspaceId)?.size ?? 0;
  }

  private start() {
    this.started ??= (async () => {
      if (!this.handle.listen) throw new Error('This runtime cannot listen for live events');
      await this.handle.listen(LIVE_CHANNEL, (payload) => this.dispatch(payload));
    })();
    return this.started;
  }

  private dispatch(payload: string) {
    let msg: { w: string; e: LiveEvent[] };
    try {
      msg = JSON.parse(payload);
    } catch {
      return;
    }
    const listeners = this.byWorkspace.get(msg.w);
    if (!listeners) return;
    for (const e of msg.e) for (const l of listeners) l(e);
  }
}

declare module '../http/env' {
  interface AppDeps {
    /** Live inbox events (LISTEN/NOTIFY) for the SSE stream. */
    live: LiveHub;
  }
}
