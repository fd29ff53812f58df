import { desc, eq } from 'drizzle-orm';
import type { Actor } from '../core/actor';
import { recordAudit } from '../accounts';
import type { Db } from '../db/types';
import { checkUrlText, type OutboundPolicy } from '../http/outbound';
import type { CredentialBox } from '../core/credentials';
import { topicNames } from '../topics';
import { reportError } from './errors';
import { alerts, alertSettings } from './schema';
import { DEFAULT_SPIKE_SETTINGS } from './spikes';

/** A workspace's spike thresholds and webhook; the signing secret is write-only. */
export async function getAlertSettings(db: Db, workspaceId: string) {
  const [s] = await db.select().from(alertSettings).where(eq(alertSettings.workspaceId, workspaceId));
  return {
    enabled: s?.enabled ?? true,
    ...DEFAULT_SPIKE_SETTINGS,
    ...(s ? { volumeFactor: s.volumeFactor, minVolume: s.minVolume, negativeShareRise: s.negativeShareRise } : {}),
    webhookUrl: s?.webhookUrl ?? null,
    webhookSecretSet: Boolean(s?.webhookSecretEnc),
  };
}

export interface AlertSettingsInput {
  enabled: boolean;
  volumeFactor: number;
  minVolume: number;
  negativeShareRise: number;
  webhookUrl: string | null;
  /** Set or replace the secret the webhook calls are signed with. */
  webhookSecret?: string | undefined;
}

/** `outbound`: the guard's policy, so an address it would refuse (localhost, 10.0.0.1...) is refused on save. */
export async function saveAlertSettings(
  db: Db,
  credentials: CredentialBox,
  actor: Actor,
  input: AlertSettingsInput,
  now: Date,
  outbound: OutboundPolicy,
) {
  const verdict = input.webhookUrl ? checkUrlText(outbound, input.webhookUrl) : null;
  if (verdict && !verdict.ok)
    throw reportError('ALERT_WEBHOOK_REFUSED', { reason: verdict.reason }, { field: 'webhookUrl' });
  const [current] = await db.select().from(alertSettings).where(eq(alertSettings.workspaceId, actor.workspaceId));
  const sealed = input.webhookSecret
    ? await credentials.seal(`alerts:${actor.workspaceId}`, { secret: input.webhookSecret })
    : (current?.webhookSecretEnc ?? null);
  if (input.webhookUrl && !sealed) throw reportError('ALERT_WEBHOOK_SECRET_MISSING', { field: 'webhookSecret' });
  const values = {
    enabled: input.enabled,
    volumeFactor: input.volumeFactor,
    minVolume: input.minVolume,
    negativeShareRise: input.negativeShareRise,
    webhookUrl: input.webhookUrl,
    webhookSecretEnc: input.webhookUrl ? sealed : null,
    updatedAt: now,
  };
  await db
    .insert(alertSettings)
    .values({ workspaceId: actor.workspaceId, ...values })
    .onConflictDoUpdate({ target: alertSettings.workspaceId, set: values });
  await recordAudit(db, actor, {
    action: 'alerts.settings',
    details: { ...input, webhookSecret: input.webhookSecret ? '(set)' : undefined },
  });
  return getAlertSettings(db, actor.workspaceId);
}

/** The workspace's latest alerts, each with its topic's name (a topic's alerts go when it goes: cascade). */
export async function listAlerts(db: Db, workspaceId: string, limit = 50) {
  const list = await db
    .select()
    .from(alerts)
    .where(eq(alerts.workspaceId, workspaceId))
    .orderBy(desc(alerts.createdAt))
    .limit(limit);
  const names = await topicNames(
    db,
    list.map((a) => a.topicId),
  );
  return list.flatMap((alert) => {
    const topic = names.get(alert.topicId);
    return topic === undefined ? [] : [{ alert, topic }];
  });
}
