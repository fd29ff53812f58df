import { z } from 'zod';
import type { SocialPost } from '../../core/social-post';

/**
 * Google Play reviews (Play Developer API v3, `reviews` resource) as SocialPosts. A review is
 * {reviewId, authorName, comments: [{userComment}, {developerComment}?]}: the user's comment carries the
 * text, stars, language, device and its `lastModified` (a protobuf Timestamp, seconds as a string); the
 * developer's comment is our public reply, if any. Play shows the user comment's newest version only, so
 * an edited review is the same review (same reviewId) with new text, stars and time.
 */

/** A protobuf Timestamp in JSON: seconds (int64, sent as a string) and nanos. */
const timestampSchema = z.object({
  seconds: z.union([z.string().regex(/^\d{1,12}$/), z.number().int().nonnegative()]).transform(Number),
  nanos: z.number().int().min(0).max(999_999_999).optional(),
});
export type PlayTimestamp = z.infer<typeof timestampSchema>;

export const timestampToDate = (t: PlayTimestamp) => new Date(t.seconds * 1000 + Math.floor((t.nanos ?? 0) / 1e6));

const optionalNumber = z.number().int().nullish();
const optionalString = z.string().nullish();

const userCommentSchema = z.object({
  // An empty text fails by its path (the skipped reason names it), so the check carries no words.
  text: z.string().refine((s) => s.trim().length > 0),
  lastModified: timestampSchema,
  starRating: z.number().int().min(1).max(5).nullish(),
  reviewerLanguage: optionalString,
  device: optionalString,
  androidOsVersion: optionalNumber,
  appVersionCode: optionalNumber,
  appVersionName: optionalString,
  thumbsUpCount: optionalNumber,
  thumbsDownCount: optionalNumber,
  originalText: optionalString,
  deviceMetadata: z.record(z.string(), z.unknown()).nullish(),
});

const developerCommentSchema = z.object({
  text: z.string(),
  lastModified: timestampSchema.nullish(),
});

/** A review as read: its user comment is required (text and time); without it there is nothing to show. */
export const playReviewSchema = z
  .object({
    reviewId: z.string().min(1).max(500),
    // Play names every author it shows; a review without a name is still a review to answer.
    authorName: z.string().nullish(),
    comments: z.array(
      z.object({ userComment: z.unknown().optional(), developerComment: z.unknown().optional() }).passthrough(),
    ),
  })
  .transform((r, ctx) => {
    const user = userCommentSchema.safeParse(r.comments.find((c) => c.userComment)?.userComment);
    if (!user.success) {
      for (const issue of user.error.issues)
        ctx.addIssue({ code: 'custom', message: issue.message, path: ['userComment', ...issue.path] });
      return z.NEVER;
    }
    const dev = developerCommentSchema.safeParse(r.comments.find((c) => c.developerComment)?.developerComment);
    return {
      reviewId: r.reviewId,
      authorName: r.authorName?.trim() || null,
      user: user.data,
      developer: dev.success ? dev.data : null,
    };
  });
export type PlayReview = z.output<typeof playReviewSchema>;

/** One page of `reviews.list`; Play leaves `reviews` out of an empty page (proto3 JSON omits empty lists). */
export const reviewsPageSchema = z.object({
  reviews: z.array(z.unknown()).optional(),
  tokenPagination: z.object({ nextPageToken: z.string().nullish() }).nullish(),
});

/** Our public reply's text in a review as Play answered it (read alone: the user's part may be anything). */
export function developerReplyText(review: unknown): string | null {
  const comments = (review as { comments?: unknown } | null)?.comments;
  if (!Array.isArray(comments)) return null;
  for (const c of comments) {
    const dev = developerCommentSchema.safeParse((c as { developerComment?: unknown } | null)?.developerComment);
    if (dev.success) return dev.data.text;
  }
  return null;
}

/**
 * "In some cases users have been able to write a review with separate title and body; in those cases the
 * title and body are concatenated and separated by a tab character" (Play's UserComment.text). A title with
 * no body stays the text: the text is never empty, nor invented.
 */
export function splitTitle(text: string): { title: string | null; text: string } {
  const tab = text.indexOf('\t');
  if (tab < 0) return { title: null, text };
  const title = text.slice(0, tab).trim();
  const body = text.slice(tab + 1).trim();
  if (!body) return { title: null, text: title || text };
  return { title: title || null, text: body };
}

/** Play's public page of the app, opened at this review. */
export const reviewUrl = (packageName: string, reviewId: string) =>
  `https://play.google.com/store/apps/details?${new URLSearchParams({ id: packageName, reviewId })}`;

/** When the user last wrote the review (Unix seconds): the read mark's unit. */
export const modifiedSeconds = (r: PlayReview) => r.user.lastModified.seconds;

/** What the inbox and a later reply need, beside the mapped fields. */
export interface PlayReviewRaw {
  packageName: string;
  reviewId: string;
  title: string | null;
  reviewerLanguage: string | null;
  device: string | null;
  androidOsVersion: number | null;
  appVersionCode: number | null;
  appVersionName: string | null;
  thumbsDownCount: number | null;
  /** The review in the reviewer's words where Play shows a translation in `text`. */
  originalText: string | null;
  deviceMetadata: Record<string, unknown> | null;
  /** ISO time the reviewer last changed the review. */
  userLastModified: string;
  /**
   * Our public reply as Play has it. A `userLastModified` later than its `lastModified` means the reviewer
   * changed the review after we answered.
   */
  developerComment: { text: string; lastModified: string | null } | null;
}

export function playReviewToSocial(r: PlayReview, packageName: string): SocialPost {
  const { title, text } = splitTitle(r.user.text);
  const createdAt = timestampToDate(r.user.lastModified);
  const raw: PlayReviewRaw = {
    packageName,
    reviewId: r.reviewId,
    title,
    reviewerLanguage: r.user.reviewerLanguage ?? null,
    device: r.user.device ?? null,
    androidOsVersion: r.user.androidOsVersion ?? null,
    appVersionCode: r.user.appVersionCode ?? null,
    appVersionName: r.user.appVersionName ?? null,
    thumbsDownCount: r.user.thumbsDownCount ?? null,
    originalText: r.user.originalText ?? null,
    deviceMetadata: r.user.deviceMetadata ?? null,
    userLastModified: createdAt.toISOString(),
    developerComment: r.developer
      ? {
          text: r.developer.text,
          lastModified: r.developer.lastModified ? timestampToDate(r.developer.lastModified).toISOString() : null,
        }
      : null,
  };
  return {
    externalId: r.reviewId,
    url: reviewUrl(packageName, r.reviewId),
    kind: 'post',
    title,
    text,
    lang: r.user.reviewerLanguage ?? null,
    createdAt,
    author: {
      externalId: null,
      handle: null,
      name: r.authorName,
      followers: null,
      bio: null,
      url: null,
      avatarUrl: null,
      verified: false,
    },
    replyToExternalId: null,
    threadExternalId: r.reviewId,
    metrics: {
      ...(r.user.starRating != null ? { rating: r.user.starRating } : {}),
      replied: r.developer ? 1 : 0,
      ...(r.user.thumbsUpCount != null ? { thumbsUp: r.user.thumbsUpCount } : {}),
    },
    deleted: false,
    place: { id: packageName, name: null },
    raw,
  };
}
