import { and, eq, gt, inArray, isNotNull, isNull, lte } from 'drizzle-orm';
import { PLATFORMS } from '../core/platforms';
import type { ConnectorRegistry } from '../connectors';
import type { CredentialBox } from '../core/credentials';
import type { EventPublisher } from '../core/events';
import type { Db } from '../db/types';
import type { Logger } from '../http/logger';
import type { OutboundHttp } from '../http/outbound';
import { SOURCE_NEEDS_PERSON, type SourceNeedsPerson } from './events';
import { sources } from './schema';
import { connectorInputs } from './sources.service';

/** How long before a token's end its admins hear of it (Meta's tokens give no warning of their own). */
export const EXPIRY_NOTICE_DAYS = 7;

const day = (d: Date) => d.toISOString().slice(0, 10);

/** Tokens the platform lets us renew are renewed this long before they end (before admins would be warned). */
export const REFRESH_DAYS = 10;

export interface TokenDeps {
  db: Db;
  events: EventPublisher;
  connectors: ConnectorRegistry;
  credentials: CredentialBox;
  outbound: OutboundHttp;
  logger: Logger;
}

/**
 * Renews, without anybody, the tokens a platform lets us renew (Threads: 60 days more) that end within
 * REFRESH_DAYS; one that cannot be renewed stays as it is, and its admins hear of it 7 days ahead.
 */
export async function refreshExpiringTokens(deps: TokenDeps, now: Date) {
  const renewable = PLATFORMS.filter((p) => deps.connectors[p]?.refreshToken);
  if (renewable.length === 0) return { refreshed: 0 };
  const soon = new Date(now.getTime() + REFRESH_DAYS * 86_400_000);
  // Still valid (an ended token cannot be renewed) and ending soon, on a platform that renews tokens.
  const due = await deps.db
    .select()
    .from(sources)
    .where(
      and(
        inArray(sources.platform, renewable),
        gt(sources.tokenExpiresAt, now),
        lte(sources.tokenExpiresAt, soon),
        eq(sources.paused, false),
      ),
    );
  let refreshed = 0;
  for (const source of due) {
    const connector = deps.connectors[source.platform];
    if (!connector?.refreshToken) continue;
    try {
      const { config, credentials } = await connectorInputs(deps, source);
      const fresh = await connector.refreshToken({ config, credentials, http: deps.outbound, now });
      const credentialsEnc = await deps.credentials.seal(source.id, fresh.credentials as Record<string, unknown>);
      await deps.db
        .update(sources)
        .set({ credentialsEnc, tokenExpiresAt: fresh.expiresAt, expiryWarnedAt: null, updatedAt: now })
        .where(eq(sources.id, source.id));
      refreshed++;
    } catch (err) {
      deps.logger.warn({ sourceId: source.id, err }, 'token refresh failed; admins are warned before it ends');
    }
  }
  return { refreshed };
}

/** The hourly round: renew what can be renewed, then tell admins of what still ends soon. */
export async function tendTokens(deps: TokenDeps, now: Date) {
  const { refreshed } = await refreshExpiringTokens(deps, now);
  const { warned } = await warnExpiringTokens(deps, now);
  return { refreshed, warned };
}

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
        expiresAt: s.tokenExpiresAt!.toISOString(),
      };
      return { name: SOURCE_NEEDS_PERSON, data };
    }),
  );
  return { warned: due.length };
}
