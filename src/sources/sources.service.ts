import { and, asc, eq } from 'drizzle-orm';
import type { Actor } from '../core/actor';
import { recordAudit } from '../accounts';
import type { ConnectorRegistry } from '../connectors';
import { ConnectorError, type Connector, type VerifyResult } from '../connectors';
import type { Db } from '../db/types';
import { checkUrlText, type OutboundHttp, type OutboundPolicy } from '../http/outbound';
import { MAX_BACKFILL_DAYS, startBackfill } from './backfill';
import { webhooksLive } from './backoff';
import { sourceError } from './errors';
import type { CredentialBox } from '../core/credentials';
import { sources } from './schema';
import type { Platform } from '../core/platforms';
import { movedUrlFields, urlFields } from './url-fields';
import { topicsOfKinds } from '../topics';
import { currentTranslator } from '../http/i18n.middleware';
import { offerWords } from './messages';

export type SourceRow = typeof sources.$inferSelect;

/** What the API and pages show of a source: never its credentials. */
/** `now` tells a poll that is running (its lease held) from one that died with its process. */
export const publicSource = (s: SourceRow, now: Date) => ({
  id: s.id,
  platform: s.platform,
  name: s.name,
  config: s.config,
  hasCredentials: s.credentialsEnc !== null,
  /** A change of host removed the credentials: they must be entered again for the new host. */
  credentialsCleared: s.credentialsClearedAt !== null,
  status: s.status,
  paused: s.paused,
  pollIntervalSeconds: s.pollIntervalSeconds,
  nextPollAt: s.nextPollAt.toISOString(),
  polling: s.leaseUntil !== null && s.leaseUntil > now,
  lastPolledAt: s.lastPolledAt?.toISOString() ?? null,
  lastSuccessAt: s.lastSuccessAt?.toISOString() ?? null,
  lastError: s.lastError,
  lastErrorAt: s.lastErrorAt?.toISOString() ?? null,
  consecutiveFailures: s.consecutiveFailures,
  backfill: s.backfill ? { ...s.backfill, cursor: undefined } : null,
  lastWebhookAt: s.webhookAt?.toISOString() ?? null,
  /** Pushed to within the last day: polling is the safety net (backoff.ts pollIntervalMs). */
  webhooksLive: webhooksLive(s.webhookAt, now),
  token:
    s.tokenExpiresAt || s.tokenScopes
      ? { expiresAt: s.tokenExpiresAt?.toISOString() ?? null, scopes: s.tokenScopes ?? null }
      : null,
  createdAt: s.createdAt.toISOString(),
});

export interface SourceDeps {
  db: Db;
  connectors: ConnectorRegistry;
  credentials: CredentialBox;
  outbound: OutboundHttp;
}

export function connectorFor(connectors: ConnectorRegistry, platform: Platform): Connector {
  const c = connectors[platform];
  if (!c) throw sourceError('CONNECTOR_UNAVAILABLE', { platform }, { field: 'platform' });
  return c;
}

/** Validates a connector's config or credentials with its own zod schema, naming the bad field. */
function validate<T>(
  schema: {
    safeParse(
      v: unknown,
    ): { success: true; data: T } | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } };
  },
  value: unknown,
  what: 'config' | 'credentials',
): T {
  const r = schema.safeParse(value ?? {});
  if (r.success) return r.data;
  const issue = r.error.issues[0]!;
  const params = { path: issue.path.map(String).join('.'), problem: issue.message };
  throw what === 'config'
    ? sourceError('SOURCE_CONFIG_INVALID', params, r.error.issues)
    : sourceError('SOURCE_CREDENTIALS_INVALID', params, r.error.issues);
}

/**
 * Refuses, when it is saved, an address the outbound guard would refuse anyway (file:, localhost,
 * 127.0.0.1, metadata...), so the mistake shows on the form and not as a failing poll later.
 */
function assertReachable(policy: OutboundPolicy, config: Record<string, unknown>) {
  for (const [key, url] of urlFields(config)) {
    const verdict = checkUrlText(policy, url);
    if (!verdict.ok)
      throw sourceError('SOURCE_ADDRESS_REFUSED', { key, reason: verdict.reason }, { field: `config.${key}` });
  }
}

export async function listSources(db: Db, workspaceId: string) {
  return db.select().from(sources).where(eq(sources.workspaceId, workspaceId)).orderBy(asc(sources.createdAt));
}

export async function getSource(db: Db, workspaceId: string, id: string): Promise<SourceRow> {
  const [s] = await db
    .select()
    .from(sources)
    .where(and(eq(sources.workspaceId, workspaceId), eq(sources.id, id)));
  if (!s) throw sourceError('SOURCE_NOT_FOUND');
  return s;
}

export interface CreateSourceInput {
  platform: Platform;
  name: string;
  config?: Record<string, unknown>;
  credentials?: Record<string, unknown>;
  pollIntervalSeconds?: number;
}

export async function createSource(deps: SourceDeps, actor: Actor, input: CreateSourceInput, now: Date) {
  const connector = connectorFor(deps.connectors, input.platform);
  const config = validate(connector.configSchema, input.config, 'config') as Record<string, unknown>;
  assertReachable(deps.outbound.policy, config);
  const credentials = validate(connector.credentialsSchema, input.credentials, 'credentials') as Record<
    string,
    unknown
  >;
  await checkKeyOnSave(deps, connector, config, credentials);
  const id = crypto.randomUUID();
  const credentialsEnc = Object.keys(credentials).length ? await deps.credentials.seal(id, credentials) : null;
  return deps.db.transaction(async (tx) => {
    const [s] = await tx
      .insert(sources)
      .values({
        id,
        workspaceId: actor.workspaceId,
        platform: input.platform,
        name: input.name,
        config,
        credentialsEnc,
        pollIntervalSeconds: input.pollIntervalSeconds ?? 300,
        nextPollAt: now,
      })
      .returning();
    await recordAudit(tx, actor, {
      action: 'source.created',
      targetType: 'source',
      targetId: id,
      details: { platform: input.platform, name: input.name },
    });
    return s!;
  });
}

/** For connectors that ask for it (uploaded keys): one call with the new credentials, refused when it fails. */
async function checkKeyOnSave(
  deps: SourceDeps,
  connector: Connector,
  config: Record<string, unknown>,
  credentials: Record<string, unknown>,
) {
  if (!connector.verifyOnSave) return;
  const r = await connector.verify({ config, credentials, http: deps.outbound });
  if (!r.ok) throw sourceError('SOURCE_KEY_REFUSED', { platform: connector.label, reason: r.message });
}

/**
 * Tries credentials with the platform before a settings form keeps them, so a wrong or under-privileged token
 * is refused on the form (with the platform's reason) instead of showing "healthy" until the first poll.
 * Nothing to try without credentials; connectors that check on every save (`verifyOnSave`) do it there.
 */
export async function checkCredentials(
  deps: SourceDeps,
  platform: Platform,
  config: Record<string, unknown> | undefined,
  credentials: Record<string, unknown> | undefined,
): Promise<VerifyResult | null> {
  if (!credentials || Object.keys(credentials).length === 0) return null;
  const connector = connectorFor(deps.connectors, platform);
  if (connector.verifyOnSave) return null;
  const cfg = validate(connector.configSchema, config, 'config') as Record<string, unknown>;
  assertReachable(deps.outbound.policy, cfg);
  const creds = validate(connector.credentialsSchema, credentials, 'credentials') as Record<string, unknown>;
  const r = await connector.verify({ config: cfg, credentials: creds, http: deps.outbound });
  if (!r.ok) throw sourceError('SOURCE_KEY_REFUSED', { platform: connector.label, reason: r.message });
  return r;
}

export interface UpdateSourceInput {
  name?: string;
  config?: Record<string, unknown>;
  credentials?: Record<string, unknown>;
  pollIntervalSeconds?: number;
  paused?: boolean;
  /** Places to map (to a brand or product topic of the workspace) or unmap (null); others stay. */
  placeTopics?: Record<string, string | null>;
}

/**
 * Renames, reconfigures, replaces credentials, pauses or resumes. Credentials belong to the host
 * they were entered for: a config whose address moves to another scheme, host or port loses them
 * (`credentialsCleared`), unless new ones come in the same request.
 */
export async function updateSource(deps: SourceDeps, actor: Actor, id: string, input: UpdateSourceInput, now: Date) {
  const current = await getSource(deps.db, actor.workspaceId, id);
  const connector = connectorFor(deps.connectors, current.platform);
  const changes: Partial<typeof sources.$inferInsert> = { updatedAt: now };
  if (input.name !== undefined) changes.name = input.name;
  if (input.pollIntervalSeconds !== undefined) changes.pollIntervalSeconds = input.pollIntervalSeconds;
  let moved: string[] = [];
  if (input.config !== undefined) {
    const config = validate(connector.configSchema, { ...current.config, ...input.config }, 'config') as Record<
      string,
      unknown
    >;
    assertReachable(deps.outbound.policy, config);
    changes.config = config;
    moved = movedUrlFields(current.config, config);
  }
  if (input.credentials !== undefined) {
    const creds = validate(connector.credentialsSchema, input.credentials, 'credentials') as Record<string, unknown>;
    await checkKeyOnSave(deps, connector, (changes.config ?? current.config) as Record<string, unknown>, creds);
    changes.credentialsEnc = await deps.credentials.seal(id, creds);
    changes.credentialsClearedAt = null;
  } else if (moved.length > 0 && current.credentialsEnc !== null) {
    changes.credentialsEnc = null;
    changes.credentialsClearedAt = now;
  }
  if (input.paused !== undefined) changes.paused = input.paused;
  if (input.placeTopics !== undefined)
    changes.placeTopics = await mergedPlaceTopics(deps.db, actor.workspaceId, current.placeTopics, input.placeTopics);
  // New credentials or a resumed source deserve a prompt try, not the rest of a long backoff.
  if (input.credentials !== undefined || input.paused === false || input.config !== undefined) {
    Object.assign(changes, { nextPollAt: now, consecutiveFailures: 0, status: 'ok' as const });
  }
  return deps.db.transaction(async (tx) => {
    const [s] = await tx
      .update(sources)
      .set(changes)
      .where(and(eq(sources.id, id), eq(sources.workspaceId, actor.workspaceId)))
      .returning();
    await recordAudit(tx, actor, {
      action: 'source.updated',
      targetType: 'source',
      targetId: id,
      details: {
        ...input,
        credentials: input.credentials
          ? '(replaced)'
          : changes.credentialsClearedAt
            ? '(cleared: the host changed)'
            : undefined,
        ...(moved.length ? { hostChanged: moved } : {}),
      },
    });
    return s!;
  });
}

/** The mapping after a change: each topic must be one of the workspace's brands or products. */
async function mergedPlaceTopics(
  db: Db,
  workspaceId: string,
  current: Record<string, string>,
  change: Record<string, string | null>,
): Promise<Record<string, string>> {
  const products = new Set((await topicsOfKinds(db, workspaceId, ['brand', 'product'])).map((t) => t.id));
  const next = { ...current };
  for (const [place, topicId] of Object.entries(change)) {
    if (topicId === null) delete next[place];
    else if (!products.has(topicId))
      throw sourceError('SOURCE_CONFIG_INVALID', {
        path: `placeTopics.${place}`,
        problem: currentTranslator().t(offerWords.notAProduct),
      });
    else next[place] = topicId;
  }
  return next;
}

export async function deleteSource(db: Db, actor: Actor, id: string) {
  await db.transaction(async (tx) => {
    const s = await getSource(tx, actor.workspaceId, id);
    await tx.delete(sources).where(and(eq(sources.id, id), eq(sources.workspaceId, actor.workspaceId)));
    await recordAudit(tx, actor, {
      action: 'source.deleted',
      targetType: 'source',
      targetId: id,
      details: { name: s.name, platform: s.platform },
    });
  });
}

/** Decrypts and validates what a connector needs to run for this source. */
export async function connectorInputs(deps: Pick<SourceDeps, 'connectors' | 'credentials'>, source: SourceRow) {
  const connector = connectorFor(deps.connectors, source.platform);
  const config = validate(connector.configSchema, source.config, 'config');
  const raw = source.credentialsEnc ? await deps.credentials.open(source.id, source.credentialsEnc) : {};
  if (source.credentialsClearedAt && !connector.credentialsSchema.safeParse(raw).success) {
    throw new ConnectorError(
      'auth',
      'The address of this source moved to another host, so its credentials were removed: enter them again.',
    );
  }
  const credentials = validate(connector.credentialsSchema, raw, 'credentials');
  return { connector, config, credentials };
}

/** Starts a sweep over the last N days beside regular polling; progress shows on the source. */
export async function startSourceBackfill(db: Db, actor: Actor, id: string, days: number, now: Date) {
  if (!Number.isInteger(days) || days < 1 || days > MAX_BACKFILL_DAYS)
    throw sourceError('BACKFILL_DAYS_OUT_OF_RANGE', { max: MAX_BACKFILL_DAYS }, { field: 'days' });
  return db.transaction(async (tx) => {
    const current = await getSource(tx, actor.workspaceId, id);
    if (current.backfill?.status === 'running') throw sourceError('BACKFILL_RUNNING');
    const [s] = await tx
      .update(sources)
      .set({ backfill: startBackfill(days, now), nextPollAt: now, updatedAt: now })
      .where(and(eq(sources.id, id), eq(sources.workspaceId, actor.workspaceId)))
      .returning();
    await recordAudit(tx, actor, {
      action: 'source.backfill_started',
      targetType: 'source',
      targetId: id,
      details: { days },
    });
    return s!;
  });
}

export async function verifySource(deps: SourceDeps, workspaceId: string, id: string): Promise<VerifyResult> {
  const source = await getSource(deps.db, workspaceId, id);
  let inputs: Awaited<ReturnType<typeof connectorInputs>>;
  try {
    inputs = await connectorInputs(deps, source);
  } catch (err) {
    if (err instanceof ConnectorError) return { ok: false, account: null, message: err.message };
    throw err;
  }
  return inputs.connector.verify({ config: inputs.config, credentials: inputs.credentials, http: deps.outbound });
}
