import { createRoute, z } from '@hono/zod-openapi';
import { requireActor, requirePermission } from '../http/auth.middleware';
import { AUTHENTICATED, createApi, errors, IdParam, json } from '../http/openapi';
import { LexiconEntryInput } from './lexicon.input';
import { addLexiconEntry, listLexicon, publicEntry, removeLexiconEntry } from './lexicon.service';
import { previewLexiconEntry } from './preview';

const LexiconEntry = z
  .object({
    id: z.string(),
    term: z.string(),
    language: z.string().nullable(),
    weight: z.number(),
    createdAt: z.string(),
  })
  .openapi('LexiconEntry');

const Preview = z
  .object({
    examined: z.number().int().openapi({ description: "Past mentions with the term's words, analysed both ways" }),
    capped: z.boolean().openapi({ description: 'More mentions have the words; the latest were examined' }),
    changed: z.number().int(),
    changes: z.array(z.object({ from: z.string(), to: z.string(), count: z.number().int() })),
    corrected: z.number().int().openapi({ description: 'Would change, but staff corrected them: they keep it' }),
    examples: z.array(z.object({ id: z.string(), text: z.string(), from: z.string(), to: z.string() })),
  })
  .openapi('LexiconPreview');

const tags = ['analysis'];
const read = [requirePermission('inbox:read')];
// The vocabulary decides labels for everyone in the workspace, as topics decide what is heard.
const write = [requirePermission('settings:manage')];
const body = { content: { 'application/json': { schema: LexiconEntryInput } }, required: true };

/** The workspace's vocabulary: its own terms for the analyzer, a preview of a change, and removal. */
export const vocabularyApi = createApi()
  .openapi(
    createRoute({
      method: 'get',
      path: '/analysis/lexicon',
      tags,
      summary: "The workspace's vocabulary, and how many mentions still wait to be re-scored after a change",
      security: AUTHENTICATED,
      middleware: read,
      responses: {
        200: json(z.object({ items: z.array(LexiconEntry), pending: z.number().int() }), 'The vocabulary'),
        ...errors(401, 403),
      },
    }),
    async (c) => c.json(await listLexicon(c.var.deps.db, requireActor(c).workspaceId), 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/analysis/lexicon',
      tags,
      summary: 'Add a term or phrase with its weight; the mentions with it are re-scored in the background',
      security: AUTHENTICATED,
      middleware: write,
      request: { body },
      responses: {
        201: json(
          z.object({
            entry: LexiconEntry,
            marked: z.number().int().openapi({ description: 'Mentions with the words, queued for re-scoring' }),
          }),
          'Added',
        ),
        ...errors(401, 403, 409, 422),
      },
    }),
    async (c) => {
      const r = await addLexiconEntry(c.var.deps, requireActor(c), c.req.valid('json'));
      return c.json({ entry: publicEntry(r.entry), marked: r.marked }, 201);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/analysis/lexicon/preview',
      tags,
      summary: "What adding an entry would change: the workspace's latest 5,000 mentions with it, analysed both ways",
      security: AUTHENTICATED,
      middleware: write,
      request: { body },
      responses: { 200: json(Preview, 'Label changes, nothing saved'), ...errors(401, 403, 409, 422) },
    }),
    async (c) =>
      c.json(await previewLexiconEntry(c.var.deps.db, requireActor(c).workspaceId, c.req.valid('json')), 200),
  )
  .openapi(
    createRoute({
      method: 'delete',
      path: '/analysis/lexicon/{id}',
      tags,
      summary: 'Remove an entry; the mentions with it are re-scored in the background',
      security: AUTHENTICATED,
      middleware: write,
      request: { params: IdParam },
      responses: { 204: { description: 'Removed' }, ...errors(401, 403, 404) },
    }),
    async (c) => {
      await removeLexiconEntry(c.var.deps, requireActor(c), c.req.valid('param').id);
      return c.body(null, 204);
    },
  );
