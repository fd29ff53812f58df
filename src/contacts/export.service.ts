import { and, asc, sql } from 'drizzle-orm';
import { allStaff } from '../accounts';
import { toCsv } from '../core/csv';
import { rows } from '../db/rows';
import type { Db } from '../db/types';
import { type ContactRow, identitiesOf } from './contacts.service';
import { type ContactFilter, filterConditions } from './filter';
import { CUSTOM_PREFIX } from './import';
import { contacts } from './schema';

/**
 * Contacts as CSV, for a list or a segment: every matching contact, read in keyset batches and
 * streamed, so a large export holds one batch in memory at a time. Custom fields become
 * `custom:<key>` columns, which the import reads back.
 */

export const EXPORT_COLUMNS = [
  'id',
  'name',
  'emails',
  'phones',
  'company',
  'title',
  'location',
  'lifecycle_stage',
  'owner_email',
  'tags',
  'score',
  'followers',
  'sentiment',
  'first_touch_channel',
  'first_touch_at',
  'last_activity_at',
  'identities',
] as const;

const BATCH = 1000;

async function customKeys(db: Db, where: ReturnType<typeof filterConditions>): Promise<string[]> {
  const found = rows<{ key: string }>(
    await db.execute(
      sql`select distinct jsonb_object_keys(${contacts.customFields}) as key from ${contacts} where ${where}`,
    ),
  );
  return found.map((r) => r.key).sort();
}

export async function* exportBatches(
  db: Db,
  workspaceId: string,
  filter: ContactFilter,
  now: Date,
): AsyncGenerator<string[][]> {
  const where = filterConditions(workspaceId, filter, now);
  const keys = await customKeys(db, where);
  yield [[...EXPORT_COLUMNS, ...keys.map((k) => `${CUSTOM_PREFIX}${k}`)]];
  const staff = await allStaff(db, workspaceId);
  const ownerEmail = new Map(staff.map((u) => [u.id, u.email]));
  let after: ContactRow | undefined;
  for (;;) {
    const batch = await db
      .select()
      .from(contacts)
      .where(
        and(
          where,
          after
            ? sql`(${contacts.createdAt}, ${contacts.id})
                > (${after.createdAt.toISOString()}::timestamptz, ${after.id}::uuid)`
            : undefined,
        ),
      )
      .orderBy(asc(contacts.createdAt), asc(contacts.id))
      .limit(BATCH);
    if (batch.length === 0) return;
    const ids = await identitiesOf(
      db,
      batch.map((c) => c.id),
    );
    yield batch.map((c) => [
      c.id,
      c.name,
      c.emails.join(';'),
      c.phones.join(';'),
      c.company ?? '',
      c.title ?? '',
      c.location ?? '',
      c.lifecycleStage,
      (c.ownerId && ownerEmail.get(c.ownerId)) ?? '',
      c.tags.join(';'),
      String(c.score),
      String(c.followers),
      c.sentiment === null ? '' : String(Math.round(c.sentiment * 1000) / 1000),
      c.firstTouchChannel ?? '',
      c.firstTouchAt?.toISOString() ?? '',
      c.lastActivityAt?.toISOString() ?? '',
      (ids.get(c.id) ?? []).map((i) => `${i.platform}:${i.handle ?? i.externalId}`).join(';'),
      ...keys.map((k) => c.customFields[k] ?? ''),
    ]);
    after = batch.at(-1);
    if (batch.length < BATCH) return;
  }
}

/** The export as a stream of CSV text, one batch per chunk (formula-looking cells guarded by toCsv). */
export function contactsCsvStream(
  db: Db,
  workspaceId: string,
  filter: ContactFilter,
  now: Date,
): ReadableStream<Uint8Array> {
  const batches = exportBatches(db, workspaceId, filter, now);
  const encoder = new TextEncoder();
  return new ReadableStream({
    async pull(controller) {
      const next = await batches.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(toCsv(next.value)));
    },
    async cancel() {
      await batches.return(undefined);
    },
  });
}
