import { createRoute, z } from '@hono/zod-openapi';
import { recordAudit } from '../accounts';
import { requireActor, requirePermission } from '../http/auth.middleware';
import { runInBackground } from '../http/background';
import { AUTHENTICATED, createApi, errors, IdParam, json } from '../http/openapi';
import { contactsCsvStream, EXPORT_COLUMNS } from './export.service';
import { CONTACT_IMPORT_FIELDS, ContactMapping, CUSTOM_PREFIX } from './import';
import { CONTACT_IMPORT_STATUSES } from './import.schema';
import {
  createContactImport,
  getContactImport,
  listContactImports,
  publicContactImport,
  runContactImport,
} from './import.service';
import { filterFromQuery, ListQuery } from './routes';

/**
 * Contacts in and out as CSV. Mounted before the contacts router, whose /contacts/{id} would
 * otherwise answer /contacts/export and /contacts/imports.
 */

const ContactImport = z
  .object({
    id: z.string(),
    filename: z.string(),
    mapping: z
      .record(z.string(), z.string())
      .openapi({ description: 'The column each field is read from (after guessing)' }),
    status: z.enum(CONTACT_IMPORT_STATUSES),
    total: z.number().openapi({ description: 'Rows in the file (header not counted)' }),
    processed: z.number().openapi({ description: 'Rows validated so far' }),
    imported: z.number().openapi({ description: 'New contacts made' }),
    merged: z
      .number()
      .openapi({ description: 'Rows that went into an existing contact, or into an earlier row, with the same email' }),
    failed: z.number().openapi({ description: 'Bad rows (skipped)' }),
    progress: z.number().openapi({ description: 'Percent done' }),
    errors: z
      .array(
        z.object({
          line: z.number(),
          message: z.string().openapi({ description: 'What is wrong with the row, in English' }),
          code: z.string().optional().openapi({ description: 'The problem, as a code (not_email, unknown_stage …)' }),
        }),
      )
      .openapi({ description: 'Bad rows by line of the file, header = line 1 (first 1000)' }),
    error: z.string().nullable().openapi({ description: 'Why the import failed (then nothing was imported)' }),
    createdAt: z.string(),
    finishedAt: z.string().nullable(),
  })
  .openapi('ContactImport');

const ImportBody = z
  .object({
    filename: z.string().trim().min(1).max(200),
    content: z.string().min(1).openapi({ description: 'The CSV text, header first; at most 50 MiB' }),
    mapping: ContactMapping.optional().openapi({
      description:
        `Field (${CONTACT_IMPORT_FIELDS.join(', ')}, or ${CUSTOM_PREFIX}<key> for a custom field) to column name; ` +
        'null skips a guessed column. Common HubSpot and Salesforce column names are guessed.',
      example: { email: 'E-mail', company: 'Organisation', [`${CUSTOM_PREFIX}plan`]: 'Plan' },
    }),
  })
  .strict()
  .openapi('ContactImportRequest');

// The contacts list's filters (see GET /contacts); an export takes every matching contact, oldest first.
const ExportQuery = ListQuery.omit({ sort: true, limit: true, offset: true });

const tags = ['contacts'];
const write = [requirePermission('contacts:write')];

export const contactsTransferApi = createApi()
  .openapi(
    createRoute({
      method: 'post',
      path: '/contacts/import',
      tags,
      summary: 'Import contacts from a CSV (runs in the background; poll GET /contacts/imports/{id})',
      description:
        'Rows are validated first, then all good rows are written in one transaction: bad rows are skipped and ' +
        'reported by line; if the write fails, nothing is imported. A row whose email an existing contact has ' +
        "fills that contact's empty fields and adds its emails, phones, tags and custom fields (counted as " +
        'merged); rows sharing an email become one contact.',
      security: AUTHENTICATED,
      middleware: write,
      request: { body: { content: { 'application/json': { schema: ImportBody } }, required: true } },
      responses: { 202: json(ContactImport, 'Accepted and queued'), ...errors(401, 403, 413, 422) },
    }),
    async (c) => {
      const actor = requireActor(c);
      const body = c.req.valid('json');
      const row = await createContactImport(c.var.deps.db, actor, body);
      runInBackground(c, runContactImport(c.var.deps, actor, row.id));
      return c.json(publicContactImport(row, c.var.deps.clock()), 202);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/contacts/imports',
      tags,
      summary: 'Recent contact imports',
      security: AUTHENTICATED,
      middleware: write,
      responses: { 200: json(z.object({ items: z.array(ContactImport) }), 'Imports'), ...errors(401, 403) },
    }),
    async (c) => {
      const now = c.var.deps.clock();
      return c.json(
        {
          items: (await listContactImports(c.var.deps.db, requireActor(c).workspaceId)).map((i) =>
            publicContactImport(i, now),
          ),
        },
        200,
      );
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/contacts/imports/{id}',
      tags,
      summary: 'Progress and per-row error report of a contact import',
      security: AUTHENTICATED,
      middleware: write,
      request: { params: IdParam },
      responses: { 200: json(ContactImport, 'The import'), ...errors(401, 403, 404) },
    }),
    async (c) =>
      c.json(
        publicContactImport(
          await getContactImport(c.var.deps.db, requireActor(c).workspaceId, c.req.valid('param').id),
          c.var.deps.clock(),
        ),
        200,
      ),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/contacts/export',
      tags,
      summary: 'Contacts as CSV: everyone the list filters or a segment match',
      description:
        `Columns: ${EXPORT_COLUMNS.join(', ')}, then ${CUSTOM_PREFIX}<key> per custom field. Lists are joined with ` +
        '";". Cells a spreadsheet would read as a formula start with an apostrophe.',
      security: AUTHENTICATED,
      middleware: write,
      request: { query: ExportQuery },
      responses: {
        200: { description: 'CSV', content: { 'text/csv': { schema: z.string() } } },
        ...errors(401, 403, 422),
      },
    }),
    async (c) => {
      const actor = requireActor(c);
      const { db, clock } = c.var.deps;
      const now = clock();
      // Paging fields mean nothing to an export; filterFromQuery reads only the filters.
      const filter = await filterFromQuery(db, actor.workspaceId, {
        ...c.req.valid('query'),
        sort: 'created',
        limit: 1,
        offset: 0,
      });
      await recordAudit(db, actor, { action: 'contacts.exported', details: { filter } });
      c.header('Content-Disposition', `attachment; filename="contacts-${now.toISOString().slice(0, 10)}.csv"`);
      return c.body(contactsCsvStream(db, actor.workspaceId, filter, now), 200, {
        'Content-Type': 'text/csv; charset=utf-8',
      });
    },
  );
