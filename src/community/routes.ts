import { createRoute, z } from '@hono/zod-openapi';
import { requireActor, requirePermission } from '../http/auth.middleware';
import type { AppContext } from '../http/env';
import { AUTHENTICATED, createApi, errors, IdParam, json } from '../http/openapi';
import {
  addEvidence,
  createIdeaFromMention,
  dismissSuggestion,
  ideaEvidenceSummary,
  suggestedIdeas,
} from './evidence.service';
import { IdeaFromMention, MergeIdea, Moderation, UpdateIdea } from './ideas.input';
import { getIdea } from './ideas.service';
import { mergeIdea, moderate, moderationQueue, staffIdeas, updateIdea } from './ideas.staff';
import { baseUrl } from '../http/request-origin';
import { listAllReviews, MAX_REVIEW_OFFSET, REVIEW_LIST_PLATFORMS } from './all-reviews';
import { REVIEW_SORTS } from './reviews.service';
import { IDEA_STATUSES, type ideas } from './schema';

type IdeaRow = typeof ideas.$inferSelect;

const Idea = z
  .object({
    id: z.string(),
    title: z.string(),
    body: z.string(),
    status: z.enum(IDEA_STATUSES),
    statusNote: z.string().nullable(),
    categoryId: z.string().nullable(),
    pinned: z.boolean(),
    voteCount: z.number(),
    commentCount: z.number(),
    mergedIntoId: z.string().nullable(),
    visibility: z.string(),
    flags: z.array(z.string()),
    memberId: z.string().nullable(),
    sentiment: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Idea');

const publicIdea = (i: IdeaRow) => ({
  id: i.id,
  title: i.title,
  body: i.body,
  status: i.status,
  statusNote: i.statusNote,
  categoryId: i.categoryId,
  pinned: i.pinned,
  voteCount: i.voteCount,
  commentCount: i.commentCount,
  mergedIntoId: i.mergedIntoId,
  visibility: i.visibility,
  flags: i.flags,
  memberId: i.memberId,
  sentiment: i.sentimentLabel,
  createdAt: i.createdAt.toISOString(),
  updatedAt: i.updatedAt.toISOString(),
});

const staffDeps = (c: AppContext) => ({
  db: c.var.deps.db,
  mailer: c.var.deps.mailer,
  logger: c.var.deps.logger,
  events: c.var.deps.events,
});
const tags = ['community'];
const read = [requirePermission('inbox:read')];
const write = [requirePermission('community:moderate')];
const Paging = {
  limit: z.coerce.number().int().min(1).max(100).default(25),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
};

export const communityApi = createApi()
  .openapi(
    createRoute({
      method: 'get',
      path: '/ideas',
      tags,
      summary: 'Ideas, most voted first (merged duplicates left out)',
      security: AUTHENTICATED,
      middleware: read,
      request: {
        query: z.object({
          status: z.enum(IDEA_STATUSES).optional(),
          q: z.string().trim().min(1).max(200).optional(),
          ...Paging,
        }),
      },
      responses: { 200: json(z.object({ items: z.array(Idea) }), 'Ideas'), ...errors(401, 403, 422) },
    }),
    async (c) => {
      const q = c.req.valid('query');
      return c.json(
        {
          items: (
            await staffIdeas(c.var.deps.db, requireActor(c).workspaceId, {
              ...q,
              ...(q.status ? { status: q.status } : {}),
              ...(q.q ? { q: q.q } : {}),
            })
          ).map(publicIdea),
        },
        200,
      );
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/ideas',
      tags,
      summary: 'Add an idea in staff’s words, optionally from a mention that asks for it (which becomes its evidence)',
      security: AUTHENTICATED,
      middleware: write,
      request: {
        body: {
          content: {
            'application/json': {
              schema: IdeaFromMention,
            },
          },
          required: true,
        },
      },
      responses: { 201: json(Idea, 'Added'), ...errors(401, 403, 422) },
    }),
    async (c) => {
      const { mentionId, ...input } = c.req.valid('json');
      return c.json(
        publicIdea(await createIdeaFromMention(c.var.deps.db, requireActor(c), mentionId, input, c.var.deps.clock())),
        201,
      );
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/ideas/suggested',
      tags,
      summary: 'Mentions that ask for a feature and are not yet linked to an idea (the harvesting queue)',
      security: AUTHENTICATED,
      middleware: read,
      request: { query: z.object(Paging) },
      responses: {
        200: json(
          z.object({
            items: z.array(
              z.object({
                id: z.string(),
                platform: z.string(),
                text: z.string(),
                url: z.string().nullable(),
                postedAt: z.string(),
                authorName: z.string().nullable(),
                authorHandle: z.string().nullable(),
                authorFollowers: z.number().nullable(),
                contactId: z.string().nullable(),
                keyTerms: z.array(z.string()).openapi({ description: 'What the post is about (the analyzer’s)' }),
                reason: z
                  .enum(['analyzer', 'staff'])
                  .openapi({ description: 'Why it is suggested: the analyzer’s intent model, or a teammate’s tag' }),
              }),
            ),
            total: z.number(),
          }),
          'Suggestions',
        ),
        ...errors(401, 403),
      },
    }),
    async (c) => {
      const page = await suggestedIdeas(c.var.deps.db, requireActor(c).workspaceId, c.req.valid('query'));
      return c.json(
        { items: page.items.map((s) => ({ ...s, postedAt: s.postedAt.toISOString() })), total: page.total },
        200,
      );
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/ideas/suggested/{id}/dismiss',
      tags,
      summary: 'Set a suggested mention aside (it leaves the queue)',
      security: AUTHENTICATED,
      middleware: write,
      request: { params: IdParam },
      responses: { 204: { description: 'Dismissed' }, ...errors(401, 403, 404) },
    }),
    async (c) => {
      await dismissSuggestion(c.var.deps.db, requireActor(c), c.req.valid('param').id);
      return c.body(null, 204);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/ideas/{id}',
      tags,
      summary:
        'An idea with its comments, merged duplicates and evidence (mentions, supporters, reach, stages, sentiment)',
      security: AUTHENTICATED,
      middleware: read,
      request: { params: IdParam },
      responses: {
        200: json(
          z.object({
            idea: Idea,
            comments: z.array(
              z.object({
                id: z.string(),
                body: z.string(),
                memberName: z.string().nullable(),
                visibility: z.string(),
                createdAt: z.string(),
              }),
            ),
            merged: z.array(z.object({ id: z.string(), title: z.string(), voteCount: z.number() })),
            evidence: z.object({
              mentions: z.array(
                z.object({
                  id: z.string(),
                  platform: z.string(),
                  text: z.string(),
                  url: z.string().nullable(),
                  postedAt: z.string(),
                  authorName: z.string().nullable(),
                  authorHandle: z.string().nullable(),
                  contactId: z.string().nullable(),
                  sentiment: z.string().nullable(),
                }),
              ),
              supporters: z.number(),
              reach: z.number(),
              stages: z.record(z.string(), z.number()),
              sentiment: z.object({
                mean: z.number().nullable(),
                positive: z.number(),
                neutral: z.number(),
                negative: z.number(),
              }),
            }),
          }),
          'The idea',
        ),
        ...errors(401, 403, 404),
      },
    }),
    async (c) => {
      const { workspaceId } = requireActor(c);
      const id = c.req.valid('param').id;
      const [idea, evidence] = await Promise.all([
        getIdea(c.var.deps.db, workspaceId, id, { staff: true }),
        ideaEvidenceSummary(c.var.deps.db, workspaceId, id),
      ]);
      return c.json(
        {
          idea: publicIdea(idea),
          comments: idea.comments.map((x) => ({
            id: x.id,
            body: x.body,
            memberName: x.memberName,
            visibility: x.visibility,
            createdAt: x.createdAt.toISOString(),
          })),
          merged: idea.merged,
          evidence: {
            ...evidence,
            mentions: evidence.mentions.map((m) => ({ ...m, postedAt: m.postedAt.toISOString() })),
          },
        },
        200,
      );
    },
  )
  .openapi(
    createRoute({
      method: 'patch',
      path: '/ideas/{id}',
      tags,
      summary: 'Change status (with a public note; voters are notified), category, pin, title or text',
      security: AUTHENTICATED,
      middleware: write,
      request: {
        params: IdParam,
        body: {
          content: {
            'application/json': {
              schema: UpdateIdea,
            },
          },
          required: true,
        },
      },
      responses: { 200: json(Idea, 'Changed'), ...errors(401, 403, 404, 422) },
    }),
    async (c) =>
      c.json(
        publicIdea(
          await updateIdea(staffDeps(c), requireActor(c), c.req.valid('param').id, c.req.valid('json'), {
            now: c.var.deps.clock(),
            baseUrl: baseUrl(c),
          }),
        ),
        200,
      ),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/ideas/{id}/merge',
      tags,
      summary:
        'Merge this idea into another (votes, comments and evidence move; a member who voted for both counts once)',
      security: AUTHENTICATED,
      middleware: write,
      request: {
        params: IdParam,
        body: { content: { 'application/json': { schema: MergeIdea } }, required: true },
      },
      responses: { 200: json(Idea, 'The idea merged into'), ...errors(401, 403, 404, 409, 422) },
    }),
    async (c) =>
      c.json(
        publicIdea(
          await mergeIdea(
            c.var.deps.db,
            requireActor(c),
            c.req.valid('param').id,
            c.req.valid('json').into,
            c.var.deps.clock(),
          ),
        ),
        200,
      ),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/ideas/{id}/evidence',
      tags,
      summary: 'Link a mention to the idea as evidence (its author becomes a supporter)',
      security: AUTHENTICATED,
      middleware: write,
      request: {
        params: IdParam,
        body: { content: { 'application/json': { schema: z.object({ mentionId: z.uuid() }) } }, required: true },
      },
      responses: {
        201: json(z.object({ id: z.string(), ideaId: z.string(), mentionId: z.string() }), 'Linked'),
        ...errors(401, 403, 404, 409, 422),
      },
    }),
    async (c) => {
      const e = await addEvidence(
        c.var.deps.db,
        requireActor(c),
        c.req.valid('param').id,
        c.req.valid('json').mentionId,
        c.var.deps.clock(),
      );
      return c.json({ id: e!.id, ideaId: e!.ideaId, mentionId: e!.mentionId }, 201);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/reviews',
      tags,
      summary: "Reviews everywhere (the board's, Google's, the app stores', Facebook's) with average and spread",
      security: AUTHENTICATED,
      middleware: read,
      request: {
        query: z.object({
          platform: z.enum(REVIEW_LIST_PLATFORMS).optional(),
          topic: z.uuid().optional(),
          place: z.string().trim().min(1).max(200).optional(),
          sort: z.enum(REVIEW_SORTS).default('newest'),
          ...Paging,
          // Two lists are merged a page at a time (offset + limit of each is read): deep pages are refused.
          offset: z.coerce.number().int().min(0).max(MAX_REVIEW_OFFSET).default(0),
        }),
      },
      responses: {
        200: json(
          z.object({
            items: z.array(
              z.object({
                id: z.string(),
                platform: z.string(),
                product: z.string(),
                place: z.string().nullable(),
                rating: z.number(),
                title: z.string(),
                body: z.string(),
                memberName: z.string(),
                visibility: z.string(),
                sentiment: z.string().nullable(),
                replied: z.boolean(),
                url: z.string().nullable(),
                conversationId: z.string().nullable(),
                editedAt: z.string().nullable(),
                createdAt: z.string(),
              }),
            ),
            total: z.number(),
            average: z.number().nullable(),
            distribution: z.record(z.string(), z.number()),
          }),
          'Reviews',
        ),
        ...errors(401, 403, 422),
      },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const r = await listAllReviews(c.var.deps.db, requireActor(c).workspaceId, {
        sort: q.sort,
        limit: q.limit,
        offset: q.offset,
        platform: q.platform,
        topicId: q.topic,
        placeId: q.place,
      });
      return c.json(
        {
          ...r,
          items: r.items.map((x) => ({
            id: x.id,
            platform: x.platform,
            product: x.product,
            place: x.placeId,
            rating: x.rating,
            title: x.title,
            body: x.body,
            memberName: x.author,
            visibility: x.visibility,
            sentiment: x.sentiment,
            replied: x.replied,
            url: x.url,
            conversationId: x.conversationId,
            editedAt: x.editedAt?.toISOString() ?? null,
            createdAt: x.createdAt.toISOString(),
          })),
        },
        200,
      );
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/community/moderation',
      tags,
      summary: 'Posts held for a moderator, oldest first',
      security: AUTHENTICATED,
      middleware: write,
      responses: {
        200: json(
          z.object({
            items: z.array(
              z.object({
                kind: z.enum(['idea', 'comment', 'review']),
                id: z.string(),
                title: z.string().nullable(),
                text: z.string(),
                flags: z.array(z.string()),
                memberName: z.string().nullable(),
                createdAt: z.string(),
              }),
            ),
          }),
          'Held posts',
        ),
        ...errors(401, 403),
      },
    }),
    async (c) =>
      c.json(
        {
          items: (await moderationQueue(c.var.deps.db, requireActor(c).workspaceId)).map((x) => ({
            ...x,
            createdAt: x.createdAt.toISOString(),
          })),
        },
        200,
      ),
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/community/moderation/{kind}/{id}',
      tags,
      summary: 'Hide, restore (approve) or delete a post, with a reason',
      security: AUTHENTICATED,
      middleware: write,
      request: {
        params: z.object({ kind: z.enum(['idea', 'comment', 'review']), id: z.uuid() }),
        body: {
          content: {
            'application/json': {
              schema: Moderation,
            },
          },
          required: true,
        },
      },
      responses: { 204: { description: 'Done' }, ...errors(401, 403, 404, 422) },
    }),
    async (c) => {
      const { kind, id } = c.req.valid('param');
      const { action, reason } = c.req.valid('json');
      await moderate(c.var.deps.db, requireActor(c), kind, id, action, reason);
      return c.body(null, 204);
    },
  );
