import { REVIEW_PLATFORMS } from '../core/platforms';
import type { Db } from '../db/types';
import { listPlatformReviews } from '../mentions';
import { listReviews, type ReviewSort, reviewProducts } from './reviews.service';

/**
 * Reviews everywhere as one list: the board's own (members' stars for a product) and the platforms' (Google
 * reviews, the App Store, Google Play, Facebook ratings with stars), each with its platform, product, rating,
 * text, author, sentiment and reply state. A platform review's product is the topic an admin mapped its app
 * or location to (or a product topic its words name), else the place itself. Filtered by platform
 * (`community`: the board only), product topic and place; the average and the distribution count what the
 * filter keeps. Pages merge the two sorted lists, so `offset` + `limit` of each is read.
 */
/** Where reviews come from: the board, the review platforms, and Facebook's ratings. */
export const REVIEW_LIST_PLATFORMS = ['community', ...REVIEW_PLATFORMS, 'facebook'] as const;

/** How deep the merged list pages (each page reads offset + limit rows of both lists). */
export const MAX_REVIEW_OFFSET = 5_000;

export interface AllReviewsFilter {
  platform?: string | undefined;
  topicId?: string | undefined;
  placeId?: string | undefined;
  sort: ReviewSort;
  limit: number;
  offset: number;
}

export interface AnyReview {
  id: string;
  platform: string;
  product: string;
  placeId: string | null;
  rating: number;
  title: string;
  body: string;
  author: string;
  sentiment: string | null;
  replied: boolean;
  visibility: string;
  url: string | null;
  conversationId: string | null;
  editedAt: Date | null;
  createdAt: Date;
}

export async function listAllReviews(db: Db, workspaceId: string, f: AllReviewsFilter) {
  const window = { limit: f.offset + f.limit, offset: 0 };
  const boardOut = Boolean((f.platform && f.platform !== 'community') || f.placeId);
  const platformsOut = f.platform === 'community';
  const [board, platforms, products] = await Promise.all([
    boardOut
      ? null
      : listReviews(db, workspaceId, {
          sort: f.sort,
          ...window,
          staff: true,
          ...(f.topicId ? { topicId: f.topicId } : {}),
        }),
    platformsOut
      ? null
      : listPlatformReviews(db, workspaceId, {
          sort: f.sort,
          ...window,
          platform: f.platform,
          topicId: f.topicId,
          placeId: f.placeId,
        }),
    reviewProducts(db, workspaceId),
  ]);
  const names = new Map(products.map((p) => [p.id, p.name]));
  const items: AnyReview[] = [
    ...(board?.items ?? []).map((r) => ({
      id: r.id,
      platform: 'community',
      product: r.product,
      placeId: null,
      rating: r.rating,
      title: r.title,
      body: r.body,
      author: r.memberName,
      sentiment: r.sentimentLabel,
      replied: false,
      visibility: r.visibility,
      url: null,
      conversationId: null,
      editedAt: r.updatedAt > r.createdAt ? r.updatedAt : null,
      createdAt: r.createdAt,
    })),
    ...(platforms?.items ?? []).map((r) => ({
      id: r.id,
      platform: r.platform,
      product:
        [r.mappedTopicId, ...r.topicIds].map((t) => (t ? names.get(t) : undefined)).find(Boolean) ??
        r.placeName ??
        r.placeId ??
        '',
      placeId: r.placeId,
      rating: r.rating,
      title: r.title ?? '',
      body: r.text,
      author: r.authorName ?? '',
      sentiment: r.sentiment,
      replied: r.replied,
      visibility: 'visible',
      url: r.url,
      conversationId: r.conversationId,
      editedAt: r.editedAt,
      createdAt: r.postedAt,
    })),
  ];
  const key = (r: AnyReview) => r.createdAt.getTime();
  items.sort((a, b) =>
    f.sort === 'highest'
      ? b.rating - a.rating || key(b) - key(a)
      : f.sort === 'lowest'
        ? a.rating - b.rating || key(b) - key(a)
        : key(b) - key(a),
  );
  const distribution: Record<1 | 2 | 3 | 4 | 5, number> = { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 };
  for (const d of [board?.distribution, platforms?.distribution])
    for (const [r, n] of Object.entries(d ?? {})) distribution[Number(r) as 1] += n;
  const total = Object.values(distribution).reduce((a, b) => a + b, 0);
  const sum = Object.entries(distribution).reduce((a, [r, n]) => a + Number(r) * n, 0);
  return {
    items: items.slice(f.offset, f.offset + f.limit),
    total,
    average: total ? Math.round((sum / total) * 100) / 100 : null,
    distribution,
  };
}
