import { and, isNotNull, isNull, lte } from 'drizzle-orm';
import type { EventPublisher } from '../core/events';
import type { Db } from '../db/types';
import { SOURCE_NEEDS_PERSON, type SourceNeedsPerson } from './events';
import { sources } from './schema';

/** How long before a token's end its admins hear of it (Meta's tokens give no warning of their own). */
export const EXPIRY_NOTICE_DAYS = 7;

const day = (d: Date) => d.toISOString().slice(0, 10);

/**
 * Tells admins once about each token that ends within EXPIRY_NOTICE_DAYS (or has ended): the mark is
 * set in the same statement that finds the source, so two instances never both tell, and a reconnect
 * clears it for the next token.
 */
export async function warnExpiringTokens(deps: { db: Db; events: EventPublisher }, now: Date) {
  const soon = new Date(now.getTime() + EXPIRY_NOTICE_DAYS * 86_400_000);
  const due = await deps.db
    .update(sources)
    .set({ expiryWarnedAt: now })
    .where(and(isNotNull(sources.tokenExpiresAt), lte(sources.tokenExpiresAt, soon), isNull(sources.expiryWarnedAt)))
    .returning({
      id: sources.id,
      workspaceId: sources.workspaceId,
      name: sources.name,
      platform: sources.platform,
      tokenExpiresAt: sources.tokenExpiresAt,
    });
  deps.events.publish(
    due.map((s) => {
      const ended = s.tokenExpiresAt! <= now;
      const data: SourceNeedsPerson = {
        workspaceId: s.workspaceId,
        sourceId: s.id,
        name: s.name,
        platform: s.platform,
        reason: `its access ${ended ? 'ended' : 'ends'} on ${day(s.tokenExpiresAt!)}: reconnect it to keep listening`,
        soon: !ended,
      };
      return { name: SOURCE_NEEDS_PERSON, data };
    }),
  );
  return { warned: due.length };
}
