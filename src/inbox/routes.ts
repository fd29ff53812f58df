import { createRoute, z } from '@hono/zod-openapi';
import { requireActor, requirePermission } from '../http/auth.middleware';
import { AUTHENTICATED, createApi, errors, IdParam, json } from '../http/openapi';
import { PLATFORMS } from '../core/platforms';
import {
  addConversationNote,
  conversationThread,
  getConversationRow,
  publicConversation,
  updateConversations,
} from './conversations.service';
import { BulkUpdate, ConversationPatch, ModerationInput, NoteInput } from './conversation.input';
import { moderateMention } from './moderation.service';
import { InboxQuery, listConversations, viewCounts } from './list';
import { listNotifications, markRead, publicNotification, unreadCount } from './notifications.service';
import { CONVERSATION_STATUSES, PRIORITIES } from './schema';

export const Conversation = z
  .object({
    id: z.string(),
    platform: z.enum(PLATFORMS),
    status: z.enum(CONVERSATION_STATUSES),
    snoozedUntil: z.string().nullable(),
    assigneeId: z.string().nullable(),
    priority: z.enum(PRIORITIES),
    priorityReason: z.string().openapi({
      description:
        'The facts that set it, e.g. "Negative (confidence 0.9), complaint, 30k followers, waiting over 4 h"',
    }),
    tags: z.array(z.string()),
    topicIds: z.array(z.string()),
    intents: z.array(z.string()),
    sentiment: z.string().nullable(),
    sentimentScore: z.number().nullable(),
    sentimentConfidence: z
      .number()
      .nullable()
      .openapi({
        description:
          "The analyzer's certainty of the latest post's label (null: corrected by staff, or not known); below the " +
          "workspace's threshold the label is uncertain and raises no priority",
      }),
    language: z.string().nullable(),
    subject: z.string(),
    author: z.object({
      name: z.string().nullable(),
      handle: z.string().nullable(),
      followers: z.number().nullable(),
      contactId: z.string().nullable(),
    }),
    mentionCount: z.number(),
    firstInboundAt: z.string(),
    lastInboundAt: z.string(),
    waitingSince: z.string().nullable(),
    firstResponseAt: z.string().nullable(),
    resolvedAt: z.string().nullable(),
    slaStartedAt: z.string().openapi({
      description: 'When the current SLA cycle began: the first post, or the post that reopened it after closing',
    }),
    firstResponseDueAt: z.string().nullable(),
    resolutionDueAt: z.string().nullable(),
    updatedAt: z.string(),
  })
  .openapi('Conversation');

const ThreadItem = z
  .object({
    kind: z.enum(['inbound', 'reply', 'note', 'event']),
    id: z.string(),
    at: z.string(),
    text: z.string().optional(),
    url: z.string().nullable().optional(),
    status: z.string().optional(),
    error: z.string().nullable().optional(),
    event: z.string().optional(),
    details: z.record(z.string(), z.unknown()).optional(),
  })
  .passthrough()
  .openapi('ThreadItem');

const toPatch = (p: z.infer<typeof ConversationPatch>) => ({
  ...p,
  snoozedUntil: p.snoozedUntil === undefined ? undefined : p.snoozedUntil === null ? null : new Date(p.snoozedUntil),
});

const tags = ['inbox'];
const read = [requirePermission('inbox:read')];
const write = [requirePermission('inbox:write')];

export const inboxApi = createApi()
  .openapi(
    createRoute({
      method: 'get',
      path: '/conversations',
      tags,
      summary: 'The inbox: conversations by view, filters and sort, keyset-paged',
      security: AUTHENTICATED,
      middleware: read,
      request: { query: InboxQuery },
      responses: {
        200: json(z.object({ items: z.array(Conversation), next: z.string().nullable() }), 'A page'),
        ...errors(401, 403, 422),
      },
    }),
    async (c) => {
      const actor = requireActor(c);
      const page = await listConversations(c.var.deps.db, actor.workspaceId, actor.userId, c.req.valid('query'));
      return c.json({ items: page.items.map(publicConversation), next: page.next }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/conversations/counts',
      tags,
      summary: 'Open conversations per view',
      security: AUTHENTICATED,
      middleware: read,
      responses: {
        200: json(z.object({ all: z.number(), mine: z.number(), unassigned: z.number() }), 'Counts'),
        ...errors(401, 403),
      },
    }),
    async (c) => {
      const actor = requireActor(c);
      return c.json(await viewCounts(c.var.deps.db, actor.workspaceId, actor.userId), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/conversations/bulk',
      tags,
      summary: 'Apply one change to a selection of conversations',
      security: AUTHENTICATED,
      middleware: write,
      request: {
        body: {
          content: {
            'application/json': {
              schema: BulkUpdate,
            },
          },
          required: true,
        },
      },
      responses: { 200: json(z.object({ items: z.array(Conversation) }), 'Updated'), ...errors(401, 403, 404, 422) },
    }),
    async (c) => {
      const { ids, patch } = c.req.valid('json');
      const rows = await updateConversations(c.var.deps.db, requireActor(c), ids, toPatch(patch), c.var.deps.clock());
      return c.json({ items: rows.map(publicConversation) }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/conversations/{id}',
      tags,
      summary: 'A conversation with its thread in time order',
      security: AUTHENTICATED,
      middleware: read,
      request: { params: IdParam },
      responses: {
        200: json(z.object({ conversation: Conversation, thread: z.array(ThreadItem) }), 'The conversation'),
        ...errors(401, 403, 404),
      },
    }),
    async (c) => {
      const { workspaceId } = requireActor(c);
      const { id } = c.req.valid('param');
      const conv = await getConversationRow(c.var.deps.db, workspaceId, id);
      return c.json(
        { conversation: publicConversation(conv), thread: await conversationThread(c.var.deps.db, workspaceId, id) },
        200,
      );
    },
  )
  .openapi(
    createRoute({
      method: 'patch',
      path: '/conversations/{id}',
      tags,
      summary: 'Assign, set status (snooze until a time), priority or tags',
      security: AUTHENTICATED,
      middleware: write,
      request: {
        params: IdParam,
        body: { content: { 'application/json': { schema: ConversationPatch } }, required: true },
      },
      responses: { 200: json(Conversation, 'Updated'), ...errors(401, 403, 404, 422) },
    }),
    async (c) => {
      const [row] = await updateConversations(
        c.var.deps.db,
        requireActor(c),
        [c.req.valid('param').id],
        toPatch(c.req.valid('json')),
        c.var.deps.clock(),
      );
      return c.json(publicConversation(row!), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/conversations/{id}/notes',
      tags,
      summary: 'Add an internal note (@name notifies a teammate)',
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
          z.object({
            id: z.string(),
            body: z.string(),
            authorId: z.string().nullable(),
            mentionedUserIds: z.array(z.string()),
            createdAt: z.string(),
          }),
          'Added',
        ),
        ...errors(401, 403, 404, 422),
      },
    }),
    async (c) =>
      c.json(
        await addConversationNote(c.var.deps.db, requireActor(c), c.req.valid('param').id, c.req.valid('json').body),
        201,
      ),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/conversations/{id}/mentions/{mentionId}/moderate',
      tags,
      summary: 'Hide, show again, delete or like a post of the conversation on its platform',
      description:
        'As the connected account (Facebook: all four; Instagram: hide, unhide, delete; Threads: hide, unhide). ' +
        'The platform acts first; the post and the conversation history record it after. Repeating is harmless.',
      security: AUTHENTICATED,
      middleware: write,
      request: {
        params: z.object({ id: z.uuid(), mentionId: z.uuid() }),
        body: { content: { 'application/json': { schema: ModerationInput } }, required: true },
      },
      responses: {
        200: json(z.object({ mentionId: z.string(), action: ModerationInput.shape.action }), 'Done on the platform'),
        ...errors(401, 403, 404, 409, 422),
      },
    }),
    async (c) => {
      const { id, mentionId } = c.req.valid('param');
      return c.json(await moderateMention(c.var.deps, requireActor(c), id, mentionId, c.req.valid('json').action), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/notifications',
      tags,
      summary: 'My in-app notifications, newest first',
      security: AUTHENTICATED,
      middleware: read,
      responses: {
        200: json(
          z.object({
            items: z.array(
              z.object({
                id: z.string(),
                kind: z.string(),
                conversationId: z.string().nullable(),
                text: z.string(),
                readAt: z.string().nullable(),
                createdAt: z.string(),
              }),
            ),
            unread: z.number(),
          }),
          'Notifications',
        ),
        ...errors(401, 403),
      },
    }),
    async (c) => {
      const actor = requireActor(c);
      if (!actor.userId) return c.json({ items: [], unread: 0 }, 200);
      const [list, unread] = await Promise.all([
        listNotifications(c.var.deps.db, actor.workspaceId, actor.userId),
        unreadCount(c.var.deps.db, actor.workspaceId, actor.userId),
      ]);
      return c.json({ items: list.map(publicNotification), unread }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/notifications/read',
      tags,
      summary: 'Mark notifications read (all, or the ids given)',
      security: AUTHENTICATED,
      middleware: read,
      request: {
        body: {
          content: { 'application/json': { schema: z.object({ ids: z.array(z.uuid()).max(500).optional() }) } },
          required: true,
        },
      },
      responses: { 204: { description: 'Marked' }, ...errors(401, 403, 422) },
    }),
    async (c) => {
      const actor = requireActor(c);
      if (actor.userId)
        await markRead(c.var.deps.db, actor.workspaceId, actor.userId, c.var.deps.clock(), c.req.valid('json').ids);
      return c.body(null, 204);
    },
  );
