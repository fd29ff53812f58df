import { and, arrayOverlaps, asc, desc, eq, isNull, sql } from 'drizzle-orm';
import { type Actor, ownerActor } from '../core/actor';
import { activeStaff, recordAudit } from '../accounts';
import type { Clock } from '../core/clock';
import { type ImportRun, importJobs, MAX_REPORTED_ERRORS, type RowError } from '../db/import-job';
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
import { contactError } from './errors';
import { contacts } from './schema';

/**
 * Importing contacts from a CSV, as an import job (db/import-job.ts): every row is validated first
 * (progress is saved after each batch), then all good rows are written in one transaction with a few
 * set-based statements, which also marks the import done. Bad rows are skipped and reported by line; if
 * the write fails, nothing is imported. A run cut short wrote nothing, so it resumes by running again.
 */

export type ContactImportRow = typeof contactImports.$inferSelect;

export interface ContactImportDeps {
  db: Db;
  clock: Clock;
  logger: Logger;
  /** This instance's stable name (INSTANCE_ID), kept with each lease it takes. */
  instanceId?: string;
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
const IMPORT_LOCK = 727_002;
// Short, with a heartbeat while the import runs: a killed runner holds its import for at most a minute.
export const CONTACT_IMPORT_LEASE_MS = 60_000;
// The file is kept until the import ends either way.
const jobs = importJobs(contactImports, { leaseMs: CONTACT_IMPORT_LEASE_MS, label: 'The contact import' });
const ENDED = { content: null };

/** An import as the API shows it. `_now` is no longer read: a run that dies is resumed, not reported stale. */
export function publicContactImport(i: ContactImportRow, _now?: Date) {
  const status = i.status;
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
    // In English, with the problem's code when it has one (rows stored before the codes have none).
    errors: i.errors.map(({ line, message, code }) => (code ? { line, message, code } : { line, message })),
    error: i.error,
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
  if (input.content.length > MAX_CONTACT_IMPORT_CHARS) throw contactError('CONTACT_IMPORT_TOO_LARGE');
  const mapping = resolveContactMapping(readCsvHeader(input.content), input.mapping);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(contactImports)
      .values({
        workspaceId: actor.workspaceId,
        createdBy: actor.userId,
        filename: input.filename.slice(0, 200),
        mapping,
        content: input.content,
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
  if (!row) throw contactError('CONTACT_IMPORT_NOT_FOUND');
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

/**
 * Runs (or resumes) a queued import over the file it keeps; answers null when it was not due (already run,
 * or another runner has it). `actor`: who the audit names (null when the resume job runs it: its creator).
 */
export async function runContactImport(
  deps: ContactImportDeps,
  actor: Actor | null,
  id: string,
  options: Partial<ContactImportOptions> = {},
): Promise<ContactImportRow | null> {
  const o = { ...DEFAULT_CONTACT_IMPORT_OPTIONS, ...options };
  const done = await jobs.run(deps, id, (job, run) => importContacts(deps, actor, job, run, o), { ended: ENDED });
  if (done?.status === 'done') o.onProgress(done);
  return done;
}

/** Validates every row, then writes the good ones and marks the import done in one transaction. */
async function importContacts(
  deps: ContactImportDeps,
  actor: Actor | null,
  job: ContactImportRow,
  run: ImportRun<Partial<ContactImportRow>>,
  o: ContactImportOptions,
) {
  const { db, clock } = deps;
  const workspaceId = job.workspaceId;
  let row = job;
  const save = async (set: Partial<ContactImportRow>) => {
    await run.save(db, set);
    row = { ...row, ...set };
    o.onProgress(row);
  };
  const records = readCsv(job.content ?? '');
  if (records.length > MAX_CONTACT_IMPORT_ROWS)
    throw contactError('CONTACT_IMPORT_TOO_MANY_ROWS', { rows: records.length, max: MAX_CONTACT_IMPORT_ROWS });
  const stages = await listStages(db, workspaceId);
  const staff = await activeStaff(db, workspaceId);
  const ctx = { stages, owners: new Map(staff.map((u) => [u.email.toLowerCase(), u.id])) };
  const mapping = job.mapping as ResolvedMapping;
  // A resumed run starts over: the one before it wrote no contact.
  await save({ total: records.length, processed: 0, failed: 0, errors: [] });

  const good: ImportedContact[] = [];
  const errors: RowError[] = [];
  let failed = 0;
  for (let start = 0; start < records.length; start += o.batchSize) {
    for (const record of records.slice(start, start + o.batchSize)) {
      const r = validateRow(record, mapping, ctx);
      if (r.ok) good.push(r.contact);
      else if (++failed <= MAX_REPORTED_ERRORS)
        errors.push({ line: record.line, message: r.message, code: r.code, values: r.values });
    }
    await save({ processed: Math.min(start + o.batchSize, records.length), failed, errors });
    // PGlite answers without real I/O: let waiting requests (a progress poll) in between batches.
    await new Promise((resolve) => setTimeout(resolve, 0));
  }

  const defaultStage = stages.includes('subscriber') ? 'subscriber' : stages[0]!;
  await db.transaction(async (tx) => {
    // Two imports into one workspace take turns, so neither misses the other's new contacts.
    await tx.execute(sql`select pg_advisory_xact_lock(${IMPORT_LOCK}, hashtext(${workspaceId}))`);
    const plan = planImport(good, await existingByEmail(tx, workspaceId, good), defaultStage);
    for (let i = 0; i < plan.inserts.length; i += o.writeChunk)
      await insertContacts(tx, workspaceId, plan.inserts.slice(i, i + o.writeChunk));
    for (let i = 0; i < plan.updates.length; i += o.writeChunk)
      await updateContacts(tx, workspaceId, plan.updates.slice(i, i + o.writeChunk), clock());
    // Imported tags join the workspace's vocabulary (rows keep the spelling they came with).
    await canonicalTags(tx, workspaceId, [...new Set(good.flatMap((g) => g.tags ?? []))]);
    // The audit names the person who asked; a resumed run names who created the import.
    await recordAudit(tx, actor ?? ownerActor({ id: workspaceId, slug: '' }, job.createdBy), {
      action: 'contacts.imported',
      targetType: 'contact_import',
      targetId: job.id,
      details: { filename: job.filename, imported: plan.imported, merged: plan.merged, failed },
    });
    // Done in the write's own transaction: a runner that lost the import rolls its write back, so the
    // rows land once.
    await run.finish(tx, { ...ENDED, imported: plan.imported, merged: plan.merged });
  });
}

/** At start: contact imports this instance was running when it stopped are free now, not in a minute. */
export const releaseContactImportLeases = (db: Db, holder: string, now: Date) => jobs.release(db, holder, now);

/** Contact imports queued, or cut short (their lease ran out): the resume job runs them. */
export const resumableContactImportIds = (db: Db, now: Date) => jobs.resumableIds(db, now);

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
