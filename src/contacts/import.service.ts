import { and, arrayOverlaps, asc, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Actor } from '../core/actor';
import { recordAudit, users } from '../accounts';
import type { Clock } from '../core/clock';
import { AppError, notFound } from '../core/errors';
import { failureNote } from '../core/redact-error';
import { toJsonParam } from '../db/params';
import type { Db } from '../db/types';
import { canonicalTags } from '../tags';
import type { Logger } from '../http/logger';
import { listStages } from './contacts.service';
import {
  type ContactMapping,
  type ExistingContact,
  type ImportedContact,
  type ResolvedMapping,
  planImport,
  readCsv,
  readCsvHeader,
  resolveContactMapping,
  validateRow,
} from './import';
import { contactImports } from './import.schema';
import { contacts } from './schema';

/**
 * Importing contacts from a CSV: every row is validated first (progress is saved after each
 * batch), then all good rows are written in one transaction with a few set-based statements. Bad
 * rows are skipped and reported by line; if the write fails, nothing is imported.
 */

export type ContactImportRow = typeof contactImports.$inferSelect;

export interface ContactImportDeps {
  db: Db;
  clock: Clock;
  logger: Logger;
}

export interface ContactImportOptions {
  /** Rows validated between two progress saves. */
  batchSize: number;
  /** Rows per INSERT / UPDATE statement in the final write. */
  writeChunk: number;
  onProgress: (row: ContactImportRow) => void;
}

export const DEFAULT_CONTACT_IMPORT_OPTIONS: ContactImportOptions = {
  batchSize: 1000,
  writeChunk: 5000,
  onProgress: () => {},
};

export const MAX_CONTACT_IMPORT_CHARS = 50 * 1024 * 1024;
export const MAX_CONTACT_IMPORT_ROWS = 200_000;
// The report keeps the first errors; the count keeps them all.
const MAX_REPORTED_ERRORS = 1000;
// Progress is saved at least every few seconds while an import runs; this long without means it died.
const STALE_MS = 10 * 60_000;
const IMPORT_LOCK = 727_002;

export function publicContactImport(i: ContactImportRow, now: Date) {
  const stale = (i.status === 'queued' || i.status === 'running') && now.getTime() - i.updatedAt.getTime() > STALE_MS;
  const status = stale ? 'failed' : i.status;
  return {
    id: i.id,
    filename: i.filename,
    mapping: i.mapping,
    status,
    total: i.total,
    processed: i.processed,
    imported: i.imported,
    merged: i.merged,
    failed: i.failed,
    // Validation is the long part; the last percent is the one write at the end.
    progress: status === 'done' ? 100 : i.total ? Math.min(99, Math.floor((i.processed / i.total) * 100)) : 0,
    errors: i.errors,
    error: stale
      ? 'The import stopped before it finished (the server restarted?); nothing was imported. Upload the file again.'
      : i.error,
    createdAt: i.createdAt.toISOString(),
    finishedAt: i.finishedAt?.toISOString() ?? null,
  };
}

/** Checks the header (and the mapping against it) and queues the import; runContactImport does the rows. */
export async function createContactImport(
  db: Db,
  actor: Actor,
  input: { filename: string; content: string; mapping?: ContactMapping },
) {
  if (input.content.length > MAX_CONTACT_IMPORT_CHARS)
    throw new AppError('PAYLOAD_TOO_LARGE', 'Import files may be at most 50 MiB');
  const mapping = resolveContactMapping(readCsvHeader(input.content), input.mapping);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(contactImports)
      .values({
        workspaceId: actor.workspaceId,
        createdBy: actor.userId,
        filename: input.filename.slice(0, 200),
        mapping,
      })
      .returning();
    await recordAudit(tx, actor, {
      action: 'contacts.import_started',
      targetType: 'contact_import',
      targetId: row!.id,
      details: { filename: row!.filename, mapping },
    });
    return row!;
  });
}

export async function getContactImport(db: Db, workspaceId: string, id: string) {
  const [row] = await db
    .select()
    .from(contactImports)
    .where(and(eq(contactImports.workspaceId, workspaceId), eq(contactImports.id, id)));
  if (!row) throw notFound('Import');
  return row;
}

export async function listContactImports(db: Db, workspaceId: string) {
  return db
    .select()
    .from(contactImports)
    .where(eq(contactImports.workspaceId, workspaceId))
    .orderBy(desc(contactImports.createdAt))
    .limit(50);
}

/** Runs a queued import over the file's text. Answers null when it was not queued (already run). */
export async function runContactImport(
  deps: ContactImportDeps,
  actor: Actor,
  id: string,
  content: string,
  options: Partial<ContactImportOptions> = {},
): Promise<ContactImportRow | null> {
  const o = { ...DEFAULT_CONTACT_IMPORT_OPTIONS, ...options };
  const { db, clock } = deps;
  const [claimed] = await db
    .update(contactImports)
    .set({ status: 'running', updatedAt: clock() })
    .where(
      and(
        eq(contactImports.id, id),
        eq(contactImports.workspaceId, actor.workspaceId),
        eq(contactImports.status, 'queued'),
      ),
    )
    .returning();
  if (!claimed) return null;
  const save = async (set: Partial<ContactImportRow>) => {
    const [row] = await db
      .update(contactImports)
      .set({ ...set, updatedAt: clock() })
      .where(eq(contactImports.id, id))
      .returning();
    o.onProgress(row!);
    return row!;
  };
  try {
    const records = readCsv(content);
    if (records.length > MAX_CONTACT_IMPORT_ROWS)
      throw new AppError(
        'VALIDATION_FAILED',
        `The file has ${records.length} rows; at most ${MAX_CONTACT_IMPORT_ROWS} are imported at once`,
      );
    const stages = await listStages(db, actor.workspaceId);
    const staff = await db
      .select({ id: users.id, email: users.email })
      .from(users)
      .where(and(eq(users.workspaceId, actor.workspaceId), isNull(users.disabledAt)));
    const ctx = { stages, owners: new Map(staff.map((u) => [u.email.toLowerCase(), u.id])) };
    const mapping = claimed.mapping as ResolvedMapping;
    await save({ total: records.length });

    const good: ImportedContact[] = [];
    const errors: { line: number; message: string }[] = [];
    let failed = 0;
    for (let start = 0; start < records.length; start += o.batchSize) {
      for (const record of records.slice(start, start + o.batchSize)) {
        const r = validateRow(record, mapping, ctx);
        if (r.ok) good.push(r.contact);
        else if (++failed <= MAX_REPORTED_ERRORS) errors.push({ line: record.line, message: r.message });
      }
      await save({ processed: Math.min(start + o.batchSize, records.length), failed, errors });
      // PGlite answers without real I/O: let waiting requests (a progress poll) in between batches.
      await new Promise((resolve) => setTimeout(resolve, 0));
    }

    const defaultStage = stages.includes('subscriber') ? 'subscriber' : stages[0]!;
    const done = await db.transaction(async (tx) => {
      // Two imports into one workspace take turns, so neither misses the other's new contacts.
      await tx.execute(sql`select pg_advisory_xact_lock(${IMPORT_LOCK}, hashtext(${actor.workspaceId}))`);
      const plan = planImport(good, await existingByEmail(tx, actor.workspaceId, good), defaultStage);
      for (let i = 0; i < plan.inserts.length; i += o.writeChunk)
        await insertContacts(tx, actor.workspaceId, plan.inserts.slice(i, i + o.writeChunk));
      for (let i = 0; i < plan.updates.length; i += o.writeChunk)
        await updateContacts(tx, actor.workspaceId, plan.updates.slice(i, i + o.writeChunk), clock());
      // Imported tags join the workspace's vocabulary (rows keep the spelling they came with).
      await canonicalTags(tx, actor.workspaceId, [...new Set(good.flatMap((g) => g.tags ?? []))]);
      const [row] = await tx
        .update(contactImports)
        .set({ status: 'done', imported: plan.imported, merged: plan.merged, finishedAt: clock(), updatedAt: clock() })
        .where(eq(contactImports.id, id))
        .returning();
      await recordAudit(tx, actor, {
        action: 'contacts.imported',
        targetType: 'contact_import',
        targetId: id,
        details: { filename: claimed.filename, imported: plan.imported, merged: plan.merged, failed },
      });
      return row!;
    });
    o.onProgress(done);
    return done;
  } catch (err) {
    deps.logger.error({ err, contactImportId: id }, 'contact import failed');
    // Staff read a short sentence with the import's id as the reference; the detail stays in the log.
    // Runs in the background: a database that is gone must not become an unhandled rejection.
    return save({ status: 'failed', error: failureNote(err, 'The contact import', id), finishedAt: clock() }).catch(
      () => null,
    );
  }
}

/** Live contacts sharing an email with the rows, oldest first, locked until the import commits. */
async function existingByEmail(tx: Db, workspaceId: string, good: ImportedContact[]): Promise<ExistingContact[]> {
  const emails = [...new Set(good.flatMap((g) => g.emails))];
  if (emails.length === 0) return [];
  return tx
    .select({
      id: contacts.id,
      name: contacts.name,
      emails: contacts.emails,
      phones: contacts.phones,
      company: contacts.company,
      title: contacts.title,
      location: contacts.location,
      ownerId: contacts.ownerId,
      tags: contacts.tags,
      customFields: contacts.customFields,
    })
    .from(contacts)
    .where(
      and(eq(contacts.workspaceId, workspaceId), isNull(contacts.mergedIntoId), arrayOverlaps(contacts.emails, emails)),
    )
    .orderBy(asc(contacts.createdAt), asc(contacts.id))
    .for('update');
}

const recordsetColumns = sql`name text, emails text[], phones text[], company text, title text, location text,
  owner_id uuid, tags text[], custom_fields jsonb`;
const asRecord = (c: Omit<ExistingContact, 'id'>) => ({
  name: c.name,
  emails: c.emails,
  phones: c.phones,
  company: c.company,
  title: c.title,
  location: c.location,
  owner_id: c.ownerId,
  tags: c.tags,
  custom_fields: c.customFields,
});

async function insertContacts(tx: Db, workspaceId: string, chunk: ReturnType<typeof planImport>['inserts']) {
  const records = chunk.map((c) => ({ ...asRecord(c), lifecycle_stage: c.lifecycleStage }));
  await tx.execute(sql`
    insert into contacts (workspace_id, name, emails, phones, company, title, location, lifecycle_stage, owner_id, tags,
      custom_fields)
    select ${workspaceId}::uuid, r.name, r.emails, r.phones, r.company, r.title, r.location, r.lifecycle_stage,
      r.owner_id, r.tags, r.custom_fields
    from jsonb_to_recordset(${toJsonParam(records)}::jsonb) as r(${recordsetColumns}, lifecycle_stage text)`);
}

async function updateContacts(tx: Db, workspaceId: string, chunk: ExistingContact[], now: Date) {
  await tx.execute(sql`
    update contacts c set name = r.name, emails = r.emails, phones = r.phones, company = r.company, title = r.title,
      location = r.location, owner_id = r.owner_id, tags = r.tags, custom_fields = r.custom_fields,
      updated_at = ${now.toISOString()}::timestamptz
    from jsonb_to_recordset(${toJsonParam(chunk.map((c) => ({ id: c.id, ...asRecord(c) })))}::jsonb)
      as r(id uuid, ${recordsetColumns})
    where c.id = r.id and c.workspace_id = ${workspaceId}::uuid`);
}
