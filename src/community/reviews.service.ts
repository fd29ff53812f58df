import { and, asc, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../db/types';
import { topicView } from '../topics';
import { communityError } from './errors';
import { attachAnalysis, type PostContext } from './ideas.service';
import { hitLimit } from './rate-limit';
import { members, reviews } from './schema';

/**
 * Reviews: 1 to 5 stars with a title and text, one per member per product (editing replaces it).
 * A product is one of the workspace's brand or product topics. Every review is analysed like a
 * mention; a low rating or a negative one lands in the inbox as a conversation.
 */
export const REVIEW_SORTS = ['newest', 'highest', 'lowest'] as const;
export type ReviewSort = (typeof REVIEW_SORTS)[number];
export const REVIEW_LIMITS = { title: 140, body: 5000 } as const;

/** The products a review may be about (brand and product topics), ordered by name as the database collates. */
export function reviewProducts(db: Db, workspaceId: string) {
  const t = topicView(workspaceId);
  return db
    .select({ id: t.id, name: t.name })
    .from(t)
    .where(inArray(t.kind, ['brand', 'product']))
    .orderBy(asc(t.name));
}

export async function listReviews(
  db: Db,
  workspaceId: string,
  o: { topicId?: string; sort: ReviewSort; limit: number; offset: number; staff?: boolean },
) {
  const where: (SQL | undefined)[] = [
    eq(reviews.workspaceId, workspaceId),
    o.staff ? undefined : eq(reviews.visibility, 'visible'),
    o.topicId ? eq(reviews.topicId, o.topicId) : undefined,
  ];
  const order =
    o.sort === 'highest'
      ? [desc(reviews.rating), desc(reviews.createdAt)]
      : o.sort === 'lowest'
        ? [asc(reviews.rating), desc(reviews.createdAt)]
        : [desc(reviews.createdAt)];
  const product = topicView(workspaceId);
  const [items, summary] = await Promise.all([
    db
      .select({ review: reviews, memberName: members.displayName, product: product.name })
      .from(reviews)
      .innerJoin(members, eq(members.id, reviews.memberId))
      .innerJoin(product, eq(product.id, reviews.topicId))
      .where(and(...where))
      .orderBy(...order, asc(reviews.id))
      .limit(o.limit)
      .offset(o.offset),
    db
      .select({ rating: reviews.rating, n: sql<number>`count(*)::int` })
      .from(reviews)
      .where(and(...where))
      .groupBy(reviews.rating),
  ]);
  const distribution: Record<1 | 2 | 3 | 4 | 5, number> = { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 };
  for (const s of summary) distribution[s.rating as 1] = Number(s.n);
  const total = Object.values(distribution).reduce((a, b) => a + b, 0);
  const average = total ? Object.entries(distribution).reduce((a, [r, n]) => a + Number(r) * n, 0) / total : null;
  return {
    items: items.map((i) => ({ ...i.review, memberName: i.memberName, product: i.product })),
    total,
    average,
    distribution,
  };
}

export interface ReviewInput {
  topicId: string;
  rating: number;
  title: string;
  body: string;
}

/** Writes the member's review of a product (a second one edits the first). */
export async function saveReview(ctx: PostContext, input: ReviewInput) {
  const { db } = ctx.deps;
  const wsId = ctx.community.workspace.id;
  if (!Number.isInteger(input.rating) || input.rating < 1 || input.rating > 5)
    throw communityError('RATING_OUT_OF_RANGE', { field: 'rating' });
  const products = await reviewProducts(db, wsId);
  if (!products.some((p) => p.id === input.topicId)) throw communityError('PRODUCT_UNKNOWN', { field: 'topicId' });
  await hitLimit(db, 'post', ctx.member.id, ctx.now);
  const held = ctx.community.requireApproval;
  const [row] = await db
    .insert(reviews)
    .values({
      workspaceId: wsId,
      memberId: ctx.member.id,
      topicId: input.topicId,
      rating: input.rating,
      title: input.title,
      body: input.body,
      visibility: held ? 'held' : 'visible',
      createdAt: ctx.now,
      updatedAt: ctx.now,
    })
    .onConflictDoUpdate({
      target: [reviews.memberId, reviews.topicId],
      set: { rating: input.rating, title: input.title, body: input.body, updatedAt: ctx.now },
    })
    .returning();
  const lowRating = input.rating <= 2;
  return attachAnalysis(
    ctx,
    'review',
    row!,
    input.title,
    input.body,
    `${ctx.baseUrl}/c/${ctx.community.workspace.slug}/reviews#review-${row!.id}`,
    (a) => lowRating || a.label === 'negative',
  );
}

export async function myReview(db: Db, memberId: string, topicId: string) {
  const [r] = await db
    .select()
    .from(reviews)
    .where(and(eq(reviews.memberId, memberId), eq(reviews.topicId, topicId)));
  return r ?? null;
}
