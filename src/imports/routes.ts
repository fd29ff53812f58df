import { createRoute, z } from '@hono/zod-openapi';
import { requireActor, requirePermission } from '../http/auth.middleware';
import { runInBackground } from '../http/background';
import { AUTHENTICATED, createApi, errors, IdParam, json } from '../http/openapi';
import { importError } from './errors';
import { Flag, ImportForm } from './import.input';
import { createImport, getImport, listImports, publicImport, runImport } from './import.service';
import { formatFromFilename, IMPORT_FIELDS } from './parse';

const Import = z
  .object({
    id: z.string(),
    filename: z.string(),
    format: z.enum(['csv', 'jsonl']),
    mapping: z.record(z.string(), z.string()),
    openConversations: z.boolean().openapi({ description: 'Imported mentions open inbox conversations' }),
    status: z.enum(['queued', 'running', 'done', 'failed']),
    total: z.number(),
    processed: z.number(),
    inserted: z.number(),
    duplicates: z.number(),
    failed: z.number(),
    progress: z.number().openapi({ description: 'Percent of rows processed' }),
    errors: z
      .array(z.object({ line: z.number(), message: z.string() }))
      .openapi({ description: 'Bad rows by line (first 1000)' }),
    error: z.string().nullable(),
    createdAt: z.string(),
    finishedAt: z.string().nullable(),
  })
  .openapi('Import');

const Mapping = z.partialRecord(z.enum(IMPORT_FIELDS), z.string().min(1).max(200));

/** A file sent as the body itself (curl --data-binary @export.csv): streamed into storage as it arrives. */
const RawFileQuery = z.object({
  inbox: Flag,
  filename: z.string().max(200).optional().openapi({ description: 'Names the import; its ending can tell the format' }),
  format: z.enum(['csv', 'jsonl']).optional(),
  mapping: z.string().max(5000).optional().openapi({ description: 'As in the form: JSON object, field to column' }),
});

const RAW_TYPES = ['text/csv', 'application/x-ndjson', 'application/jsonl'] as const;
const RAW_FORMAT: Record<(typeof RAW_TYPES)[number], 'csv' | 'jsonl'> = {
  'text/csv': 'csv',
  'application/x-ndjson': 'jsonl',
  'application/jsonl': 'jsonl',
};
export const rawTypeOf = (header: string | undefined) =>
  RAW_TYPES.find((t) => header?.toLowerCase().split(';')[0]?.trim() === t);

function parseMapping(text: string | undefined) {
  if (!text) return {};
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw importError('IMPORT_MAPPING_NOT_JSON', { field: 'mapping' });
  }
  const parsed = Mapping.safeParse(raw);
  if (!parsed.success) throw importError('IMPORT_MAPPING_UNKNOWN_FIELD', parsed.error.issues);
  return parsed.data;
}

const tags = ['imports'];

export const importsApi = createApi()
  .openapi(
    createRoute({
      method: 'post',
      path: '/imports',
      tags,
      summary: 'Import a file of exported mentions (runs in the background; poll GET /imports/{id} for progress)',
      description:
        'Send the file as a multipart form, or as the body itself (text/csv or application/x-ndjson, with ' +
        'filename, format and mapping in the query): a raw body is stored as it arrives, never held whole.',
      security: AUTHENTICATED,
      middleware: [requirePermission('settings:manage')],
      request: {
        query: RawFileQuery,
        body: {
          content: {
            'multipart/form-data': { schema: ImportForm },
            ...Object.fromEntries(RAW_TYPES.map((t) => [t, { schema: z.string().openapi({ format: 'binary' }) }])),
          },
          required: false,
        },
      },
      responses: { 202: json(Import, 'Accepted and queued'), ...errors(401, 403, 413, 422) },
    }),
    async (c) => {
      const rawType = rawTypeOf(c.req.header('content-type'));
      const query = c.req.valid('query');
      const form = rawType ? null : (c.req.valid('form') as Partial<z.infer<typeof ImportForm>>);
      if (!rawType && !(form?.file instanceof File)) throw importError('IMPORT_FILE_MISSING', { field: 'file' });
      const filename = (form?.file?.name || query.filename || 'upload').slice(0, 200);
      const format = form?.format ?? query.format ?? (rawType && RAW_FORMAT[rawType]) ?? formatFromFilename(filename);
      if (!format) throw importError('IMPORT_FORMAT_UNKNOWN', { field: 'format' });
      const mapping = parseMapping(form?.mapping ?? query.mapping);
      const body = rawType ? c.req.raw.body : form!.file!.stream();
      if (!body) throw importError('IMPORT_BODY_EMPTY', { field: 'file' });
      const row = await createImport(
        c.var.deps.db,
        requireActor(c),
        {
          filename,
          format,
          mapping,
          content: body as unknown as AsyncIterable<Uint8Array>,
          openConversations: (form?.inbox ?? query.inbox) === 'true',
        },
        c.var.deps,
      );
      runInBackground(c, runImport(c.var.deps, row.id));
      return c.json(publicImport(row), 202);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/imports',
      tags,
      summary: 'Recent imports',
      security: AUTHENTICATED,
      middleware: [requirePermission('settings:manage')],
      responses: { 200: json(z.object({ items: z.array(Import) }), 'Imports'), ...errors(401, 403) },
    }),
    async (c) =>
      c.json({ items: (await listImports(c.var.deps.db, requireActor(c).workspaceId)).map(publicImport) }, 200),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/imports/{id}',
      tags,
      summary: 'Progress and per-row error report of an import',
      security: AUTHENTICATED,
      middleware: [requirePermission('settings:manage')],
      request: { params: IdParam },
      responses: { 200: json(Import, 'The import'), ...errors(401, 403, 404) },
    }),
    async (c) =>
      c.json(publicImport(await getImport(c.var.deps.db, requireActor(c).workspaceId, c.req.valid('param').id)), 200),
  );
