import { z } from '@hono/zod-openapi';
import { IMPORT_FIELDS } from './parse';

/** One schema per action, shared by the JSON API (imports routes) and Settings > Imports. */

export const Flag = z
  .enum(['true', 'false'])
  .optional()
  .openapi({ description: 'true: each imported mention opens an inbox conversation (default: listening only)' });

/** An import sent as a multipart form. */
export const ImportForm = z.object({
  inbox: Flag,
  file: z
    .instanceof(File)
    .openapi({ type: 'string', format: 'binary', description: 'CSV or JSON Lines, at most 50 MiB' }),
  format: z.enum(['csv', 'jsonl']).optional().openapi({ description: 'Taken from the file name when omitted' }),
  mapping: z
    .string()
    .max(5000)
    .optional()
    .openapi({
      description:
        `JSON object from field (${IMPORT_FIELDS.join(', ')}) to column name or JSON path; ` +
        'common column names are guessed',
    }),
});

/**
 * The page's form: the same file, the mapping typed as `field=column` pairs (parseMappingText) rather than
 * JSON, and a checkbox for opening inbox conversations.
 */
export const ImportPageForm = ImportForm.pick({ file: true }).extend({
  map: z.string().max(5000).optional(),
  inbox: z.boolean(),
});
