import { z } from 'zod';
import { sameReplyText } from '../reply-match';
import { ConnectorError, type ReplyResult } from '../types';
import { originalReviewText } from './review-map';
import { reviewPath, reviewRef } from './review-names';
import { PLATFORM, type ReviewsCallContext, reviewsApi } from './reviews-client';

/**
 * The business's one public response under a review. Google keeps at most one per review: a PUT sets it (a
 * repeat, or an edit, replaces it: harmless), a DELETE takes it away. Our reply is known by the review's
 * name plus `/reply`; whether it is there is read from the review itself (reviewReply.comment).
 */
export interface ReviewTarget {
  /** The mention's externalId: the review id. */
  externalId: string;
  /** The mention's raw: its location and resource name (review-map.ts). */
  raw: unknown;
}

const replySchema = z.object({ comment: z.string() });
/** Enough of a review to see its response (the review's own fields do not matter here). */
const answeredSchema = z.object({ reviewId: z.string().min(1), reviewReply: replySchema.optional() });

function reviewName(ctx: ReviewsCallContext, review: ReviewTarget): string {
  const ref = reviewRef(review.externalId, review.raw);
  if (!ref)
    throw new ConnectorError('invalid_request', 'This review does not say which location it belongs to.', {
      platform: PLATFORM,
    });
  return reviewPath(ctx.config.accountId, ref.locationId, ref.reviewId);
}

const replyResult = (name: string): ReplyResult => ({ externalId: `${name}/reply`, url: null });
const isNotFound = (err: unknown) => err instanceof ConnectorError && err.details.status === 404;

/** Sets the business's response to a review (posting it, or replacing the one there: an edit). */
export async function putReviewReply(
  ctx: ReviewsCallContext,
  review: ReviewTarget,
  text: string,
): Promise<ReplyResult> {
  const name = reviewName(ctx, review);
  const api = await reviewsApi(ctx);
  const stored = replySchema.safeParse(await api.put<unknown>(`v4/${name}/reply`, { comment: text }));
  // Google answers the reply it stored; without it the outcome is unknown (the outbox then looks with findReply).
  if (!stored.success)
    throw new ConnectorError('transient', 'Google Business Profile answered the reply without the stored reply.', {
      platform: PLATFORM,
    });
  return replyResult(name);
}

/** An edit of our response is the same PUT: Google keeps one response per review. */
export const editReviewReply = putReviewReply;

/** Takes the business's response off a review. Nothing there (404) is the wanted outcome already. */
export async function deleteReviewReply(ctx: ReviewsCallContext, review: ReviewTarget): Promise<void> {
  const name = reviewName(ctx, review);
  const api = await reviewsApi(ctx);
  try {
    await api.delete(`v4/${name}/reply`);
  } catch (err) {
    if (!isNotFound(err)) throw err;
  }
}

/**
 * Our response with this text under the review, when Google has it. Google may annotate a stored response
 * with its translation, so the response's original words are compared too.
 */
export async function findReviewReply(
  ctx: ReviewsCallContext,
  review: ReviewTarget,
  text: string,
): Promise<ReplyResult | null> {
  const name = reviewName(ctx, review);
  const api = await reviewsApi(ctx);
  let body: unknown;
  try {
    body = await api.get<unknown>(`v4/${name}`);
  } catch (err) {
    // The review is gone, and with it any response.
    if (isNotFound(err)) return null;
    throw err;
  }
  const found = answeredSchema.safeParse(body);
  if (!found.success)
    throw new ConnectorError('transient', 'Google Business Profile answered JSON without the review.', {
      platform: PLATFORM,
    });
  const posted = found.data.reviewReply?.comment;
  if (posted === undefined) return null;
  return sameReplyText(posted, text) || sameReplyText(originalReviewText(posted), text) ? replyResult(name) : null;
}
