import type { Db } from '../db/types';
import { alertSettings } from './schema';

export type AlertSettingsRow = typeof alertSettings.$inferSelect;

/**
 * Every workspace's alert settings, by workspace (a workspace without a row has the defaults). The jobs
 * that go through all workspaces (spikes, the digest) list them from accounts and look their settings up here.
 */
export async function allAlertSettings(db: Db): Promise<Map<string, AlertSettingsRow>> {
  return new Map((await db.select().from(alertSettings)).map((s) => [s.workspaceId, s]));
}
