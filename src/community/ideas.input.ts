import { z } from '@hono/zod-openapi';
import { LIMITS } from './ideas.service';
import { REVIEW_LIMITS } from './reviews.service';
import { IDEA_STATUSES } from './schema';

/**
 * One schema per action, shared by the JSON API (community routes) and the board's and staff pages' forms;
 * the board's own actions (a member's idea, comment, review) have no JSON route and are here all the same.
 * Messages are whole sentences: the board shows them alone.
 */

const titleRule = `A title is 3 to ${LIMITS.title} characters`;
const Title = z.string().trim().min(3, titleRule).max(LIMITS.title, titleRule);
const Body = z.string().trim().max(LIMITS.body, `Details are at most ${LIMITS.body} characters`);

/** Staff add an idea in their words from a mention that asks for it (the API, and the suggested ideas page). */
export const IdeaFromMention = z.object({
  title: Title,
  body: Body.default(''),
  categoryId: z.uuid().nullable().optional(),
  mentionId: z.uuid(),
});

export const UpdateIdea = z
  .object({
    status: z.enum(IDEA_STATUSES),
    statusNote: z.string().trim().max(2000).nullable(),
    categoryId: z.uuid().nullable(),
    pinned: z.boolean(),
    title: Title,
    body: Body,
  })
  .partial();

export const MergeIdea = z.object({ into: z.uuid({ error: 'Pick the idea to merge into' }) });

export const Moderation = z.object({
  action: z.enum(['hide', 'restore', 'delete'], { error: 'Choose hide, restore or delete' }),
  reason: z.string().trim().max(500).nullable().default(null),
});

/** Staff link a mention to an idea as its evidence (the suggested ideas page names the idea). */
export const EvidenceChoice = z.object({ ideaId: z.uuid({ error: 'Pick an idea' }) });

/** Staff answer on the board in the team's name. */
export const StaffAnswer = z.object({
  body: z.string().trim().min(1, 'Write the answer first.').max(LIMITS.comment),
});

export const BoardSettings = z.object({ enabled: z.boolean(), requireApproval: z.boolean() });

/** The service says what is wrong with a name (empty, taken) and keeps its first 60 characters. */
export const NewCategory = z.object({ name: z.string() });

/** A member's idea on the board; a category the select does not offer is none. */
export const NewIdea = z.object({ title: Title, body: Body, categoryId: z.uuid().nullable().catch(null) });

const commentRule = `A comment is 1 to ${LIMITS.comment} characters`;
export const NewComment = z.object({ body: z.string().trim().min(1, commentRule).max(LIMITS.comment, commentRule) });

const reviewRule =
  `A review needs a title (up to ${REVIEW_LIMITS.title} characters) ` + `and a text (up to ${REVIEW_LIMITS.body})`;
export const NewReview = z.object({
  topicId: z.uuid({ error: 'Pick one of the products' }),
  rating: z
    .number({ error: 'A rating is 1 to 5 stars' })
    .int('A rating is 1 to 5 stars')
    .min(1, 'A rating is 1 to 5 stars')
    .max(5, 'A rating is 1 to 5 stars'),
  title: z.string().trim().min(1, reviewRule).max(REVIEW_LIMITS.title, reviewRule),
  body: z.string().trim().min(1, reviewRule).max(REVIEW_LIMITS.body, reviewRule),
});
