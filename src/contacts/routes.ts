import { createRoute, z } from '@hono/zod-openapi';
import type { Db } from '../db/types';
import { requireActor, requirePermission } from '../http/auth.middleware';
import { AUTHENTICATED, createApi, errors, IdParam, json } from '../http/openapi';
import { PLATFORMS } from '../core/platforms';
import {
  addNote,
  createContact,
  deleteContact,
  getContact,
  listContacts,
  listStages,
  setStages,
  updateContact,
} from './contacts.service';
import { ContactInput, MergeInput, NoteInput, SegmentInput } from './contact.input';
import { dismissSuggestion, findSimilar, listSuggestions } from './duplicates.service';
import { CONTACT_SORTS, ContactFilter } from './filter';
import { listMerges, mergeContacts, undoMerge } from './merge.service';
import { createSegment, deleteSegment, listSegments, segmentFilter } from './segments';
import { contactTimeline, sentimentHistory } from './timeline';

const Identity = z
  .object({
    id: z.string(),
    platform: z.enum(PLATFORMS),
    externalId: z.string(),
    handle: z.string().nullable(),
    displayName: z.string().nullable(),
    bio: z.string().nullable(),
    url: z.string().nullable(),
    avatarUrl: z.string().nullable(),
    followers: z.number().nullable(),
    verified: z.boolean(),
    firstSeenAt: z.string(),
    lastSeenAt: z.string(),
  })
  .openapi('Identity');

export const Contact = z
  .object({
    id: z.string(),
    name: z.string(),
    emails: z.array(z.string()),
    phones: z.array(z.string()),
    company: z.string().nullable(),
    title: z.string().nullable(),
    location: z.string().nullable(),
    lifecycleStage: z.string(),
    ownerId: z.string().nullable(),
    tags: z.array(z.string()),
    customFields: z.record(z.string(), z.string()),
    followers: z.number().openapi({ description: 'Largest audience among their identities' }),
    sentiment: z.number().nullable().openapi({ description: 'Mean sentiment of their mentions, -1..1' }),
    mentionCount: z.number(),
    score: z.number().openapi({ description: 'Engagement / lead score 0..100; scoreReasons explain it' }),
    scoreReasons: z.array(z.object({ reason: z.string(), points: z.number() })),
    firstTouchAt: z.string().nullable(),
    firstTouchChannel: z.string().nullable(),
    lastActivityAt: z.string().nullable(),
    mergedIntoId: z.string().nullable().openapi({ description: 'Set when this contact was merged into another' }),
    identities: z.array(Identity),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Contact');

export const ListQuery = z.object({
  q: z.string().trim().max(200).optional(),
  stage: z.string().trim().max(40).optional(),
  tag: z.string().trim().max(60).optional(),
  ownerId: z.uuid().optional(),
  platform: z.enum(PLATFORMS).optional(),
  minFollowers: z.coerce.number().int().min(0).optional(),
  sentiment: z.enum(['positive', 'neutral', 'negative']).optional(),
  activeWithinDays: z.coerce.number().int().min(1).max(3650).optional(),
  segment: z.uuid().optional().openapi({ description: 'A saved segment; other filters narrow it further' }),
  sort: z.enum(CONTACT_SORTS).default('recent'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

export type ListQuery = z.infer<typeof ListQuery>;

const Segment = z
  .object({ id: z.string(), name: z.string(), filter: ContactFilter, createdAt: z.string() })
  .openapi('Segment');
const Suggestion = z
  .object({
    id: z.string(),
    confidence: z.number(),
    reasons: z.array(z.object({ code: z.string(), detail: z.string() })),
    contacts: z.array(Contact),
    createdAt: z.string(),
  })
  .openapi('DuplicateSuggestion');
const TimelineItem = z.object({
  kind: z.enum(['mention', 'note']),
  id: z.string(),
  at: z.string(),
  platform: z.string().nullable(),
  text: z.string(),
  url: z.string().nullable(),
  handle: z.string().nullable(),
  sentiment: z.string().nullable(),
  intents: z.array(z.string()),
  authorId: z.string().nullable(),
  conversationId: z.string().nullable().openapi({ description: 'The inbox conversation the post joined' }),
  ideaId: z.string().nullable().openapi({ description: 'The board idea a community idea or comment belongs to' }),
});

const tags = ['contacts'];
const read = [requirePermission('contacts:read')];
const write = [requirePermission('contacts:write')];

/** The query string's filters, merged over a saved segment's. */
export async function filterFromQuery(db: Db, workspaceId: string, q: ListQuery): Promise<ContactFilter> {
  const base: ContactFilter = q.segment ? await segmentFilter(db, workspaceId, q.segment) : {};
  return {
    ...base,
    ...(q.q ? { q: q.q } : {}),
    ...(q.stage ? { stages: [q.stage] } : {}),
    ...(q.tag ? { tags: [q.tag] } : {}),
    ...(q.ownerId ? { ownerId: q.ownerId } : {}),
    ...(q.platform ? { platform: q.platform } : {}),
    ...(q.minFollowers !== undefined ? { minFollowers: q.minFollowers } : {}),
    ...(q.sentiment ? { sentiment: q.sentiment } : {}),
    ...(q.activeWithinDays !== undefined ? { activeWithinDays: q.activeWithinDays } : {}),
  };
}

export const contactsApi = createApi()
  .openapi(
    createRoute({
      method: 'get',
      path: '/contacts',
      tags,
      summary: 'Contacts, filtered, sorted and paged',
      security: AUTHENTICATED,
      middleware: read,
      request: { query: ListQuery },
      responses: {
        200: json(z.object({ items: z.array(Contact), total: z.number() }), 'A page of contacts'),
        ...errors(401, 403, 422),
      },
    }),
    async (c) => {
      const { workspaceId } = requireActor(c);
      const q = c.req.valid('query');
      const filter = await filterFromQuery(c.var.deps.db, workspaceId, q);
      return c.json(
        await listContacts(c.var.deps.db, workspaceId, {
          filter,
          sort: q.sort,
          limit: q.limit,
          offset: q.offset,
          now: c.var.deps.clock(),
        }),
        200,
      );
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/contacts',
      tags,
      summary: 'Add a contact by hand',
      security: AUTHENTICATED,
      middleware: write,
      request: { body: { content: { 'application/json': { schema: ContactInput } }, required: true } },
      responses: { 201: json(Contact, 'Created'), ...errors(401, 403, 422) },
    }),
    async (c) => c.json(await createContact(c.var.deps.db, requireActor(c), c.req.valid('json')), 201),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/contacts/stages',
      tags,
      summary: 'Lifecycle stages, in order',
      security: AUTHENTICATED,
      middleware: read,
      responses: { 200: json(z.object({ stages: z.array(z.string()) }), 'Stages'), ...errors(401, 403) },
    }),
    async (c) => c.json({ stages: await listStages(c.var.deps.db, requireActor(c).workspaceId) }, 200),
  )
  .openapi(
    createRoute({
      method: 'put',
      path: '/contacts/stages',
      tags,
      summary: 'Edit the lifecycle stage list',
      security: AUTHENTICATED,
      middleware: [requirePermission('settings:manage')],
      request: {
        body: {
          content: {
            'application/json': {
              schema: z.object({ stages: z.array(z.string().trim().min(1).max(40)).min(1).max(30) }),
            },
          },
          required: true,
        },
      },
      responses: { 200: json(z.object({ stages: z.array(z.string()) }), 'Stages'), ...errors(401, 403, 422) },
    }),
    async (c) => c.json({ stages: await setStages(c.var.deps.db, requireActor(c), c.req.valid('json').stages) }, 200),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/contacts/duplicates',
      tags,
      summary: 'Duplicate suggestions to review, most likely first',
      security: AUTHENTICATED,
      middleware: read,
      request: {
        query: z.object({
          limit: z.coerce.number().int().min(1).max(100).default(25),
          offset: z.coerce.number().int().min(0).default(0),
        }),
      },
      responses: {
        200: json(z.object({ items: z.array(Suggestion), total: z.number() }), 'Open suggestions'),
        ...errors(401, 403),
      },
    }),
    // The API lists every open suggestion with its confidence (the page hides the weak ones by default).
    async (c) => {
      const { items, total } = await listSuggestions(c.var.deps.db, requireActor(c).workspaceId, {
        ...c.req.valid('query'),
        weak: true,
      });
      return c.json({ items, total }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/contacts/duplicates/{id}/dismiss',
      tags,
      summary: 'Not the same person: dismiss the suggestion',
      security: AUTHENTICATED,
      middleware: write,
      request: { params: IdParam },
      responses: { 204: { description: 'Dismissed' }, ...errors(401, 403, 404, 409) },
    }),
    async (c) => {
      await dismissSuggestion(c.var.deps.db, requireActor(c), c.req.valid('param').id, c.var.deps.clock());
      return c.body(null, 204);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/contacts/merge',
      tags,
      summary: 'Merge contacts into one',
      description:
        'Identities, mentions, notes, tags, emails and custom fields move to `into`. `fields` picks, per ' +
        'single-value field, the contact whose value is kept. Undo with POST /contacts/merges/{mergeId}/undo.',
      security: AUTHENTICATED,
      middleware: write,
      request: {
        body: {
          content: {
            'application/json': {
              schema: MergeInput,
            },
          },
          required: true,
        },
      },
      responses: {
        200: json(z.object({ mergeId: z.string(), contact: Contact }), 'Merged'),
        ...errors(401, 403, 404, 409, 422),
      },
    }),
    async (c) =>
      c.json(await mergeContacts(c.var.deps.db, requireActor(c), c.req.valid('json'), c.var.deps.clock()), 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/contacts/merges/{id}/undo',
      tags,
      summary: 'Undo a merge',
      security: AUTHENTICATED,
      middleware: write,
      request: { params: IdParam },
      responses: {
        200: json(z.object({ contacts: z.array(Contact) }), 'The contacts as they were'),
        ...errors(401, 403, 404, 409),
      },
    }),
    async (c) =>
      c.json(await undoMerge(c.var.deps.db, requireActor(c), c.req.valid('param').id, c.var.deps.clock()), 200),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/contacts/{id}',
      tags,
      summary: 'One contact with identities and score reasons',
      security: AUTHENTICATED,
      middleware: read,
      request: { params: IdParam },
      responses: { 200: json(Contact, 'The contact'), ...errors(401, 403, 404) },
    }),
    async (c) => c.json(await getContact(c.var.deps.db, requireActor(c).workspaceId, c.req.valid('param').id), 200),
  )
  .openapi(
    createRoute({
      method: 'patch',
      path: '/contacts/{id}',
      tags,
      summary: 'Change a contact',
      security: AUTHENTICATED,
      middleware: write,
      request: { params: IdParam, body: { content: { 'application/json': { schema: ContactInput } }, required: true } },
      responses: { 200: json(Contact, 'Updated'), ...errors(401, 403, 404, 409, 422) },
    }),
    async (c) =>
      c.json(
        await updateContact(
          c.var.deps.db,
          requireActor(c),
          c.req.valid('param').id,
          c.req.valid('json'),
          c.var.deps.clock(),
        ),
        200,
      ),
  )
  .openapi(
    createRoute({
      method: 'delete',
      path: '/contacts/{id}',
      tags,
      summary: 'Forget a contact (identities too; mentions stay, unlinked)',
      security: AUTHENTICATED,
      middleware: write,
      request: { params: IdParam },
      responses: { 204: { description: 'Deleted' }, ...errors(401, 403, 404) },
    }),
    async (c) => {
      await deleteContact(c.var.deps.db, requireActor(c), c.req.valid('param').id);
      return c.body(null, 204);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/contacts/{id}/timeline',
      tags,
      summary: 'Every interaction, newest first, with the sentiment history and attribution',
      security: AUTHENTICATED,
      middleware: read,
      request: {
        params: IdParam,
        query: z.object({
          limit: z.coerce.number().int().min(1).max(200).default(50),
          cursor: z.string().max(200).optional(),
        }),
      },
      responses: {
        200: json(
          z.object({
            items: z.array(TimelineItem),
            next: z.string().nullable(),
            attribution: z.object({ firstTouchChannel: z.string().nullable(), firstTouchAt: z.string().nullable() }),
            lastActivityAt: z.string().nullable(),
            sentimentHistory: z.array(z.object({ week: z.string(), mean: z.number(), count: z.number() })),
          }),
          'Timeline',
        ),
        ...errors(401, 403, 404, 422),
      },
    }),
    async (c) => {
      const { workspaceId } = requireActor(c);
      const { id } = c.req.valid('param');
      const timeline = await contactTimeline(c.var.deps.db, workspaceId, id, c.req.valid('query'));
      return c.json({ ...timeline, sentimentHistory: await sentimentHistory(c.var.deps.db, workspaceId, id) }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/contacts/{id}/notes',
      tags,
      summary: 'Add a note to a contact',
      security: AUTHENTICATED,
      middleware: write,
      request: {
        params: IdParam,
        body: {
          content: { 'application/json': { schema: NoteInput } },
          required: true,
        },
      },
      responses: {
        201: json(
          z.object({ id: z.string(), body: z.string(), authorId: z.string().nullable(), createdAt: z.string() }),
          'Added',
        ),
        ...errors(401, 403, 404, 409, 422),
      },
    }),
    async (c) =>
      c.json(await addNote(c.var.deps.db, requireActor(c), c.req.valid('param').id, c.req.valid('json').body), 201),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/contacts/{id}/similar',
      tags,
      summary: 'Contacts that may be the same person (searched now)',
      security: AUTHENTICATED,
      middleware: read,
      request: { params: IdParam },
      responses: {
        200: json(
          z.object({
            items: z.array(
              z.object({
                contact: Contact,
                reasons: z.array(z.object({ code: z.string(), detail: z.string() })),
                confidence: z.number(),
              }),
            ),
          }),
          'Candidates',
        ),
        ...errors(401, 403, 404),
      },
    }),
    async (c) =>
      c.json({ items: await findSimilar(c.var.deps.db, requireActor(c).workspaceId, c.req.valid('param').id) }, 200),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/contacts/{id}/merges',
      tags,
      summary: 'Merges into this contact (to undo one)',
      security: AUTHENTICATED,
      middleware: read,
      request: { params: IdParam },
      responses: {
        200: json(
          z.object({
            items: z.array(
              z.object({
                id: z.string(),
                intoId: z.string(),
                fromIds: z.array(z.string()),
                createdBy: z.string().nullable(),
                createdAt: z.string(),
                undoneAt: z.string().nullable(),
              }),
            ),
          }),
          'Merges',
        ),
        ...errors(401, 403, 404),
      },
    }),
    async (c) => {
      const { workspaceId } = requireActor(c);
      await getContact(c.var.deps.db, workspaceId, c.req.valid('param').id);
      return c.json({ items: await listMerges(c.var.deps.db, workspaceId, c.req.valid('param').id) }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/segments',
      tags,
      summary: 'Saved contact segments',
      security: AUTHENTICATED,
      middleware: read,
      responses: { 200: json(z.object({ items: z.array(Segment) }), 'Segments'), ...errors(401, 403) },
    }),
    async (c) => c.json({ items: await listSegments(c.var.deps.db, requireActor(c).workspaceId) }, 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/segments',
      tags,
      summary: 'Save a filter as a segment',
      security: AUTHENTICATED,
      middleware: write,
      request: {
        body: {
          content: {
            'application/json': { schema: SegmentInput },
          },
          required: true,
        },
      },
      responses: { 201: json(Segment, 'Saved'), ...errors(401, 403, 409, 422) },
    }),
    async (c) => c.json(await createSegment(c.var.deps.db, requireActor(c), c.req.valid('json')), 201),
  )
  .openapi(
    createRoute({
      method: 'delete',
      path: '/segments/{id}',
      tags,
      summary: 'Delete a segment',
      security: AUTHENTICATED,
      middleware: write,
      request: { params: IdParam },
      responses: { 204: { description: 'Deleted' }, ...errors(401, 403, 404) },
    }),
    async (c) => {
      await deleteSegment(c.var.deps.db, requireActor(c), c.req.valid('param').id);
      return c.body(null, 204);
    },
  );
