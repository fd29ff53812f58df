import { type DomainEvent, EventLog, type EventPublisher } from '../core/events';
import type { Db } from './types';

export type Emit = (event: DomainEvent) => void;

/**
 * A transaction whose events (`emit`) are delivered after it commits (core/events.ts). If the work
 * throws, the transaction rolls back and its events are dropped: nobody hears of a change that did not
 * happen.
 */
export async function transact<T>(
  deps: { db: Db; events: EventPublisher },
  work: (tx: Db, emit: Emit) => Promise<T>,
): Promise<T> {
  const log = new EventLog();
  const out = await deps.db.transaction(async (tx) => {
    log.reset();
    return work(tx, log.emit);
  });
  log.flush(deps.events);
  return out;
}
