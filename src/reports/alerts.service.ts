import { desc, eq } from 'drizzle-orm';
import type { Actor } from '../core/actor';
import { recordAudit } from '../accounts';
import { AppError } from '../core/errors';
import type { Db } from '../db/types';
import { checkUrlText, type OutboundPolicy } from '../http/outbound';
import type { CredentialBox } from '../core/credentials';
import { topics } from '../topics';
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
    throw new AppError('VALIDATION_FAILED', `webhookUrl: ${verdict.reason}`, { field: 'webhookUrl' });
  const [current] = await db.select().from(alertSettings).where(eq(alertSettings.workspaceId, actor.workspaceId));
  const sealed = input.webhookSecret
    ? await credentials.seal(`alerts:${actor.workspaceId}`, { secret: input.webhookSecret })
    : (current?.webhookSecretEnc ?? null);
  if (input.webhookUrl && !sealed)
    throw new AppError(
      'VALIDATION_FAILED',
      'A webhook needs a secret to sign its calls with (webhookSecret, at least 16 characters)',
      { field: 'webhookSecret' },
    );
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

export async function listAlerts(db: Db, workspaceId: string, limit = 50) {
  return db
    .select({ alert: alerts, topic: topics.name })
    .from(alerts)
    .innerJoin(topics, eq(topics.id, alerts.topicId))
    .where(eq(alerts.workspaceId, workspaceId))
    .orderBy(desc(alerts.createdAt))
    .limit(limit);
}
