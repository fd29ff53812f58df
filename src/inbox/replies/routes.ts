import { createRoute, z } from '@hono/zod-openapi';
import { requireActor, requirePermission } from '../../http/auth.middleware';
import { runInBackground } from '../../http/background';
import { AUTHENTICATED, createApi, errors, IdParam, json } from '../../http/openapi';
import { PLATFORMS } from '../../core/platforms';
import { getConversationRow } from '../conversations.service';
import { checkReply } from './length';
import { getReply, publicReply, queueReply, retryReply, sendReply } from './outbox';
import { retractReply } from './retract';
import { IdempotencyKey, NewSavedReply, ReplyInput, SavedReplyInput } from './reply.input';
import {
  createSavedReply,
  deleteSavedReply,
  listSavedReplies,
  publicSavedReply,
  renderSavedReply,
  updateSavedReply,
} from './saved.service';
import { REPLY_STATUSES } from './schema';
import { TEMPLATE_VARIABLES } from './template';

export const Reply = z
  .object({
    id: z.string(),
    conversationId: z.string(),
    inReplyToMentionId: z.string(),
    platform: z.enum(PLATFORMS),
    text: z.string(),
    status: z.enum(REPLY_STATUSES),
    attempts: z.number(),
    error: z.string().nullable().openapi({ description: 'The platform’s reason, when it refused or while retrying' }),
    nextAttemptAt: z.string().nullable(),
    platformPostId: z.string().nullable(),
    url: z.string().nullable().openapi({ description: 'The reply on the platform, once sent' }),
    uncertain: z.boolean().openapi({
      description: 'An attempt may have reached the platform unanswered: it is checked there before any new attempt',
    }),
    createdBy: z.string().nullable(),
    createdAt: z.string(),
    sentAt: z.string().nullable(),
    retractedAt: z.string().nullable().openapi({ description: 'When the response was taken down again' }),
  })
  .openapi('Reply');

const SavedReply = z
  .object({
    id: z.string(),
    name: z.string(),
    body: z.string(),
    shared: z.boolean(),
    ownerId: z.string().nullable(),
    updatedAt: z.string(),
  })
  .openapi('SavedReply');

const tags = ['inbox'];
const write = [requirePermission('inbox:write')];

/** Without an Idempotency-Key header, the same person sending the same text to the same post is one reply. */
async function defaultKey(parts: string[]): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(parts.join('\u0000')));
  return `auto:${Buffer.from(digest).toString('base64url')}`;
}

export const repliesApi = createApi()
  .openapi(
    createRoute({
      method: 'post',
      path: '/conversations/{id}/replies',
      tags,
      summary: 'Reply on the platform (queued; sent by the outbox)',
      description:
        'Answers 202 with the reply and its status. Send an `Idempotency-Key` header so a retried request never ' +
        'posts twice; without one, the same text from the same person to the same post counts as the same reply.',
      security: AUTHENTICATED,
      middleware: write,
      request: {
        params: IdParam,
        headers: z.object({ 'idempotency-key': IdempotencyKey.optional() }),
        body: {
          content: {
            'application/json': { schema: ReplyInput },
          },
          required: true,
        },
      },
      responses: {
        202: json(Reply, 'Queued (or the reply this key already made)'),
        ...errors(401, 403, 404, 409, 422),
      },
    }),
    async (c) => {
      const actor = requireActor(c);
      const { id } = c.req.valid('param');
      const body = c.req.valid('json');
      const key =
        c.req.valid('header')['idempotency-key'] ??
        (await defaultKey([actor.userId ?? actor.apiKeyId ?? '', id, body.inReplyTo ?? '', body.text]));
      const { reply, created } = await queueReply(
        c.var.deps.db,
        actor,
        id,
        { ...body, idempotencyKey: key },
        c.var.deps.clock(),
      );
      // Sent right away; if this process stops first, the send-due-replies job sends it.
      if (created)
        runInBackground(
          c,
          sendReply(c.var.deps, reply.id).catch((err) =>
            c.var.deps.logger.error({ err, replyId: reply.id }, 'reply send crashed'),
          ),
        );
      return c.json(publicReply(reply), 202);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/conversations/{id}/replies/check',
      tags,
      summary: 'Count a draft reply as the platform will (X: weighted, links as 23), without sending it',
      security: AUTHENTICATED,
      middleware: [requirePermission('inbox:read')],
      request: {
        params: IdParam,
        body: {
          content: { 'application/json': { schema: z.object({ text: z.string().max(20_000) }) } },
          required: true,
        },
      },
      responses: {
        200: json(
          z.object({ ok: z.boolean(), length: z.number(), limit: z.number(), message: z.string().nullable() }),
          'The count and whether it may be sent',
        ),
        ...errors(401, 403, 404, 422),
      },
    }),
    async (c) => {
      const conv = await getConversationRow(c.var.deps.db, requireActor(c).workspaceId, c.req.valid('param').id);
      return c.json(checkReply(conv.platform, c.req.valid('json').text), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/replies/{id}',
      tags,
      summary: 'A reply and its status',
      security: AUTHENTICATED,
      middleware: [requirePermission('inbox:read')],
      request: { params: IdParam },
      responses: { 200: json(Reply, 'The reply'), ...errors(401, 403, 404) },
    }),
    async (c) =>
      c.json(publicReply(await getReply(c.var.deps.db, requireActor(c).workspaceId, c.req.valid('param').id)), 200),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/replies/{id}/retry',
      tags,
      summary: 'Try a failed reply again',
      security: AUTHENTICATED,
      middleware: write,
      request: { params: IdParam },
      responses: { 202: json(Reply, 'Queued again'), ...errors(401, 403, 404, 409) },
    }),
    async (c) => {
      const reply = await retryReply(c.var.deps.db, requireActor(c), c.req.valid('param').id, c.var.deps.clock());
      runInBackground(
        c,
        sendReply(c.var.deps, reply.id).catch((err) =>
          c.var.deps.logger.error({ err, replyId: reply.id }, 'reply send crashed'),
        ),
      );
      return c.json(publicReply(reply), 202);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/replies/{id}/retract',
      tags,
      summary: 'Take a sent review response down again on its platform (Google reviews, App Store)',
      security: AUTHENTICATED,
      middleware: write,
      request: { params: IdParam },
      responses: { 200: json(Reply, 'Taken down'), ...errors(401, 403, 404, 409, 422) },
    }),
    async (c) => c.json(publicReply(await retractReply(c.var.deps, requireActor(c), c.req.valid('param').id)), 200),
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/saved-replies',
      tags,
      summary: 'Saved replies: the shared ones and my own',
      security: AUTHENTICATED,
      middleware: [requirePermission('inbox:read')],
      responses: {
        200: json(z.object({ items: z.array(SavedReply), variables: z.array(z.string()) }), 'Saved replies'),
        ...errors(401, 403),
      },
    }),
    async (c) =>
      c.json(
        {
          items: (await listSavedReplies(c.var.deps.db, requireActor(c))).map(publicSavedReply),
          variables: [...TEMPLATE_VARIABLES],
        },
        200,
      ),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/saved-replies',
      tags,
      summary: 'Save a reply (shared needs settings:manage)',
      security: AUTHENTICATED,
      middleware: write,
      request: {
        body: {
          content: { 'application/json': { schema: NewSavedReply } },
          required: true,
        },
      },
      responses: { 201: json(SavedReply, 'Saved'), ...errors(401, 403, 422) },
    }),
    async (c) =>
      c.json(publicSavedReply(await createSavedReply(c.var.deps.db, requireActor(c), c.req.valid('json'))), 201),
  )
  .openapi(
    createRoute({
      method: 'patch',
      path: '/saved-replies/{id}',
      tags,
      summary: 'Change a saved reply',
      security: AUTHENTICATED,
      middleware: write,
      request: {
        params: IdParam,
        body: { content: { 'application/json': { schema: SavedReplyInput.partial() } }, required: true },
      },
      responses: { 200: json(SavedReply, 'Changed'), ...errors(401, 403, 404, 422) },
    }),
    async (c) =>
      c.json(
        publicSavedReply(
          await updateSavedReply(
            c.var.deps.db,
            requireActor(c),
            c.req.valid('param').id,
            c.req.valid('json'),
            c.var.deps.clock(),
          ),
        ),
        200,
      ),
  )
  .openapi(
    createRoute({
      method: 'delete',
      path: '/saved-replies/{id}',
      tags,
      summary: 'Delete a saved reply',
      security: AUTHENTICATED,
      middleware: write,
      request: { params: IdParam },
      responses: { 204: { description: 'Deleted' }, ...errors(401, 403, 404) },
    }),
    async (c) => {
      await deleteSavedReply(c.var.deps.db, requireActor(c), c.req.valid('param').id);
      return c.body(null, 204);
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/saved-replies/{id}/render',
      tags,
      summary: 'Fill a saved reply in for a conversation',
      security: AUTHENTICATED,
      middleware: write,
      request: {
        params: IdParam,
        body: { content: { 'application/json': { schema: z.object({ conversationId: z.uuid() }) } }, required: true },
      },
      responses: { 200: json(z.object({ text: z.string() }), 'The text to send'), ...errors(401, 403, 404, 422) },
    }),
    async (c) =>
      c.json(
        {
          text: await renderSavedReply(
            c.var.deps.db,
            requireActor(c),
            c.req.valid('param').id,
            c.req.valid('json').conversationId,
          ),
        },
        200,
      ),
  );
