import { z } from 'zod';
import type { SocialPost } from '../../core/social-post';

/**
 * App Store customer reviews (JSON:API `customerReviews`, with their `customerReviewResponses` included) as
 * SocialPosts. Apple gives a review's rating, title, body, nickname, creation date and territory; the app
 * version a review was written for is not an attribute: it is only reachable by listing each version's
 * reviews (GET /v1/appStoreVersions/{id}/customerReviews), one list per version, which the hourly request
 * budget cannot afford on every sweep. So reviews carry no version here.
 */
// A skipped review is reported by the path that failed (answer.ts usablePosts), so these checks carry no words.
const isoDate = z.string().refine((s) => Number.isFinite(Date.parse(s)));

export const reviewSchema = z.object({
  type: z.literal('customerReviews'),
  id: z.string().min(1).max(200),
  attributes: z.object({
    rating: z.number().int().min(1).max(5),
    title: z.string().nullish(),
    // A review without words is not a mention; its text is never made up.
    body: z.string().refine((s) => s.trim().length > 0),
    reviewerNickname: z.string().min(1),
    createdDate: isoDate,
    territory: z.string().nullish(),
  }),
  relationships: z
    .object({
      response: z
        .object({ data: z.object({ type: z.string(), id: z.string().min(1) }).nullish() })
        .loose()
        .optional(),
    })
    .loose()
    .optional(),
});
export type AppleReview = z.infer<typeof reviewSchema>;

export const reviewResponseSchema = z.object({
  type: z.literal('customerReviewResponses'),
  id: z.string().min(1),
  attributes: z
    .object({
      responseBody: z.string().nullish(),
      lastModifiedDate: z.string().nullish(),
      // PUBLISHED or PENDING_PUBLISH (Apple publishes a response some time after it is sent).
      state: z.string().nullish(),
    })
    .optional(),
});
export type AppleReviewResponse = z.infer<typeof reviewResponseSchema>;

/** Our response under a review, as kept in `raw` (its id is what deleting it needs). */
export interface ResponseRef {
  id: string;
  state: string | null;
  lastModifiedDate: string | null;
  responseBody: string | null;
}

export interface AppStoreReviewRaw {
  reviewId: string;
  appId: string;
  territory: string | null;
  rating: number;
  /** null: no response; absent when Apple did not say (the response was not included). */
  response?: ResponseRef | null;
}

/** The responses a page included, by id. */
export function includedResponses(included: readonly unknown[] | undefined): Map<string, AppleReviewResponse> {
  const out = new Map<string, AppleReviewResponse>();
  for (const item of included ?? []) {
    const parsed = reviewResponseSchema.safeParse(item);
    if (parsed.success) out.set(parsed.data.id, parsed.data);
  }
  return out;
}

export const responseRef = (r: AppleReviewResponse): ResponseRef => ({
  id: r.id,
  state: r.attributes?.state ?? null,
  lastModifiedDate: r.attributes?.lastModifiedDate ?? null,
  responseBody: r.attributes?.responseBody ?? null,
});

/** A review has no page of its own: the app's App Store page is where it shows. */
export const appPageUrl = (appId: string) => `https://apps.apple.com/app/id${appId}`;

export function reviewToSocial(
  r: AppleReview,
  appId: string,
  responses: ReadonlyMap<string, AppleReviewResponse>,
): SocialPost {
  const rel = r.relationships?.response;
  // `data` present (null or a linkage) means Apple said; a relationship without it says nothing.
  const said = rel !== undefined && 'data' in rel;
  const linked = rel?.data ?? null;
  const response: ResponseRef | null = linked
    ? (() => {
        const full = responses.get(linked.id);
        return full ? responseRef(full) : { id: linked.id, state: null, lastModifiedDate: null, responseBody: null };
      })()
    : null;
  const a = r.attributes;
  const raw: AppStoreReviewRaw = {
    reviewId: r.id,
    appId,
    territory: a.territory ?? null,
    rating: a.rating,
    ...(said ? { response } : {}),
  };
  return {
    externalId: r.id,
    url: appPageUrl(appId),
    kind: 'post',
    title: a.title?.trim() ? a.title : null,
    text: a.body,
    lang: null,
    createdAt: new Date(a.createdDate),
    author: {
      externalId: null,
      handle: null,
      name: a.reviewerNickname,
      followers: null,
      bio: null,
      url: null,
      avatarUrl: null,
      verified: false,
    },
    replyToExternalId: null,
    threadExternalId: r.id,
    metrics: { rating: a.rating, ...(said ? { replied: response ? 1 : 0 } : {}) },
    deleted: false,
    place: { id: appId, name: null },
    raw,
  };
}
