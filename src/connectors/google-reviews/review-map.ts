import { z } from 'zod';
import type { SocialPost } from '../../core/social-post';
import type { SkippedItem } from '../types';
import { isReviewId } from './review-names';

/**
 * Business Profile reviews (My Business API v4, accounts.locations.reviews) as SocialPosts. A review is
 * {name, reviewId, reviewer{displayName, profilePhotoUrl, isAnonymous}, starRating ONE..FIVE, comment,
 * createTime, updateTime, reviewReply{comment, updateTime}}. Many reviews are stars alone: they keep an
 * empty text and say their stars in the title, never words made up for them.
 */
const STARS: Record<string, number> = { ONE: 1, TWO: 2, THREE: 3, FOUR: 4, FIVE: 5 };

/** 1-5, or null for STAR_RATING_UNSPECIFIED (or anything Google adds later). */
export const starValue = (rating: string | undefined): number | null =>
  rating !== undefined ? (STARS[rating] ?? null) : null;

/** RFC 3339 with 0-9 fractional digits; milliseconds are all a Date keeps. */
export function googleTime(v: string): Date {
  return new Date(v.trim().replace(/(\.\d{3})\d+/, '$1'));
}
const timestamp = z
  .string()
  .min(1)
  .refine((v) => !Number.isNaN(googleTime(v).getTime()));

/** When a review last changed (ms), or NaN when the item does not say; read before the item is validated. */
export function updateTimeOf(item: unknown): number {
  const v = (item as { updateTime?: unknown } | null)?.updateTime;
  return typeof v === 'string' ? googleTime(v).getTime() : Number.NaN;
}

export const reviewSchema = z
  .object({
    name: z.string().optional(),
    reviewId: z.string().refine(isReviewId),
    reviewer: z.object({
      displayName: z.string().optional(),
      profilePhotoUrl: z.string().optional(),
      isAnonymous: z.boolean().optional(),
    }),
    starRating: z.string().optional(),
    comment: z.string().optional(),
    createTime: timestamp,
    updateTime: timestamp,
    reviewReply: z.object({ comment: z.string(), updateTime: z.string().optional() }).optional(),
  })
  // Neither stars nor words: there is nothing to show or answer.
  // The skipped reason names the path (starRating), never a message.
  .refine((r) => starValue(r.starRating) !== null || Boolean(r.comment?.trim()), { path: ['starRating'] });
export type GoogleReview = z.infer<typeof reviewSchema>;

export const listReviewsSchema = z.object({
  reviews: z.array(z.unknown()).optional(),
  averageRating: z.number().optional(),
  totalReviewCount: z.number().optional(),
  nextPageToken: z.string().min(1).optional(),
});

const TRANSLATED = '(Translated by Google)';
const ORIGINAL = '(Original)';

/**
 * The reviewer's own words. Google adds its machine translation to a comment in one of two ways:
 * "(Translated by Google) <translation>\n\n(Original)\n<original>", or "<original>\n\n(Translated by Google)\n
 * <translation>". The original is kept; a comment without those markers is returned as it is.
 */
export function originalReviewText(comment: string): string {
  if (comment.trimStart().startsWith(TRANSLATED)) {
    const at = comment.search(/\n[ \t]*\(Original\)[ \t]*(\n|$)/);
    // A translation without its original: better the translation than nothing.
    if (at < 0) return comment;
    return comment.slice(at).trimStart().slice(ORIGINAL.length).trim();
  }
  const at = comment.search(/\n[ \t]*\(Translated by Google\)[ \t]*(\n|$)/);
  return at > 0 ? comment.slice(0, at).trim() : comment;
}

/** What reply, edit and delete need later, and the update time the recheck compares. */
export interface GoogleReviewRaw {
  name: string;
  locationId: string;
  updateTime: string;
  reviewReply: { comment: string; updateTime: string | null } | null;
}

export function reviewToSocial(r: GoogleReview, accountId: string, locationId: string): SocialPost {
  const stars = starValue(r.starRating);
  const words = r.comment?.trim() ? originalReviewText(r.comment) : '';
  const anonymous = r.reviewer.isAnonymous === true;
  const raw: GoogleReviewRaw = {
    name: r.name ?? `accounts/${accountId}/locations/${locationId}/reviews/${r.reviewId}`,
    locationId,
    updateTime: r.updateTime,
    reviewReply: r.reviewReply
      ? { comment: r.reviewReply.comment, updateTime: r.reviewReply.updateTime ?? null }
      : null,
  };
  return {
    externalId: r.reviewId,
    // The API gives no address for one review.
    url: null,
    kind: 'post',
    title: words === '' && stars !== null ? `Rated ${stars} of 5 stars` : null,
    text: words,
    lang: null,
    createdAt: googleTime(r.createTime),
    author: {
      externalId: null,
      handle: null,
      name: anonymous ? null : r.reviewer.displayName?.trim() || null,
      followers: null,
      bio: null,
      url: null,
      avatarUrl: anonymous ? null : r.reviewer.profilePhotoUrl || null,
      verified: false,
    },
    replyToExternalId: null,
    threadExternalId: r.reviewId,
    metrics: { ...(stars !== null ? { rating: stars } : {}), replied: r.reviewReply ? 1 : 0 },
    deleted: false,
    place: { id: locationId, name: null },
    raw,
  };
}

/** One answer's reviews as posts; an unusable one is skipped alone, with why (never guessed at). */
export function usableReviews(
  items: readonly unknown[],
  accountId: string,
  locationId: string,
): { posts: SocialPost[]; skipped: SkippedItem[] } {
  const posts: SocialPost[] = [];
  const skipped: SkippedItem[] = [];
  for (const item of items) {
    const parsed = reviewSchema.safeParse(item);
    if (parsed.success) {
      posts.push(reviewToSocial(parsed.data, accountId, locationId));
      continue;
    }
    const id = (item as { reviewId?: unknown; name?: unknown } | null) ?? {};
    const externalId = String(id.reviewId ?? id.name ?? '').slice(0, 100);
    const missing = [...new Set(parsed.error.issues.map((i) => i.path.join('.') || 'item'))].slice(0, 5).join(', ');
    skipped.push({ externalId, reason: `missing or invalid: ${missing}` });
  }
  return { posts, skipped };
}
