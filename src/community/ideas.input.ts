import { z } from '@hono/zod-openapi';
import { LIMITS } from './ideas.service';
import { REVIEW_LIMITS } from './reviews.service';
import { IDEA_STATUSES } from './schema';
import { ENGLISH } from '../core/i18n/translator';
import { board } from './board.messages';
import { said } from '../http/input-words';
import { staff } from './staff.messages';

/**
 * One schema per action, shared by the JSON API (community routes) and the board's and staff pages' forms;
 * the board's own actions (a member's idea, comment, review) have no JSON route and are here all the same.
 * Messages are whole sentences: the board shows them alone. The board's are the catalogue's English
 * (board.messages.ts), written once; the board shows them in the reader's language (formIssue).
 */

const titleRule = ENGLISH.t(board.issueTitle, { max: LIMITS.title });
const Title = z.string().trim().min(3, titleRule).max(LIMITS.title, titleRule);
const Body = z
  .string()
  .trim()
  .max(LIMITS.body, ENGLISH.t(board.issueBody, { max: LIMITS.body }));

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

export const MergeIdea = z.object({ into: z.uuid(said(staff.inputMergeInto)) });

export const Moderation = z.object({
  action: z.enum(['hide', 'restore', 'delete'], said(staff.inputModeration)),
  reason: z.string().trim().max(500).nullable().default(null),
});

/** Staff link a mention to an idea as its evidence (the suggested ideas page names the idea). */
export const EvidenceChoice = z.object({ ideaId: z.uuid(said(staff.inputPickIdea)) });

/** Staff answer on the board in the team's name. */
export const StaffAnswer = z.object({
  body: z.string().trim().min(1, said(staff.inputAnswer)).max(LIMITS.comment),
});

export const BoardSettings = z.object({ enabled: z.boolean(), requireApproval: z.boolean() });

/** The service says what is wrong with a name (empty, taken) and keeps its first 60 characters. */
export const NewCategory = z.object({ name: z.string() });

/** A member's idea on the board; a category the select does not offer is none. */
export const NewIdea = z.object({ title: Title, body: Body, categoryId: z.uuid().nullable().catch(null) });

const commentRule = ENGLISH.t(board.issueComment, { max: LIMITS.comment });
export const NewComment = z.object({ body: z.string().trim().min(1, commentRule).max(LIMITS.comment, commentRule) });

const reviewRule = ENGLISH.t(board.issueReview, { title: REVIEW_LIMITS.title, body: REVIEW_LIMITS.body });
const ratingRule = ENGLISH.t(board.issueRating);
export const NewReview = z.object({
  topicId: z.uuid({ error: ENGLISH.t(board.issueProduct) }),
  rating: z.number({ error: ratingRule }).int(ratingRule).min(1, ratingRule).max(5, ratingRule),
  title: z.string().trim().min(1, reviewRule).max(REVIEW_LIMITS.title, reviewRule),
  body: z.string().trim().min(1, reviewRule).max(REVIEW_LIMITS.body, reviewRule),
});
