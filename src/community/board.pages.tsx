import { and, desc, eq, isNull } from 'drizzle-orm';
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppContext, AppEnv } from '../http/env';
import { parseForm } from '../http/pages';
import { boardProblem, formIssue, type IssueRule, publicOk } from './account.pages';
import { board } from './board.messages';
import { communityError } from './errors';
import { NewComment, NewIdea, NewReview } from './ideas.input';
import { listCategories } from './ideas.staff';
import {
  addComment,
  changelog,
  createIdea,
  getIdea,
  IDEA_SORTS,
  type IdeaSort,
  isIdeaStatus,
  LIMITS,
  listIdeas,
  type PostContext,
  roadmap,
  setVote,
  similarIdeas,
} from './ideas.service';
import { publicContext, requireVerifiedMember } from './public-context';
import { baseUrl } from '../http/request-origin';
import {
  listReviews,
  myReview,
  REVIEW_LIMITS,
  REVIEW_SORTS,
  type ReviewSort,
  reviewProducts,
  saveReview,
} from './reviews.service';
import { ideas, memberNotifications } from './schema';
import {
  ChangelogPage,
  IdeaPage,
  IdeasPage,
  MemberNotificationsPage,
  NewIdeaPage,
  RoadmapPage,
  SimilarList,
} from './views/ideas-pages';
import { ReviewsPage } from './views/reviews-page';

const PAGE_SIZE = 20;
const Uuid = z.uuid();
/** Where a vote's form came from, to go back to. */
const VoteForm = z.object({ back: z.string().max(2000).optional() });

// The board's forms' problems in the reader's language (ideas.input.ts says them in English).
const IDEA_RULES: Record<string, IssueRule[]> = {
  title: [{ message: board.issueTitle, values: { max: LIMITS.title } }],
  body: [{ message: board.issueBody, values: { max: LIMITS.body } }],
};
const COMMENT_RULES: Record<string, IssueRule[]> = {
  body: [{ message: board.issueComment, values: { max: LIMITS.comment } }],
};
const REVIEW_TEXT: IssueRule[] = [
  { message: board.issueReview, values: { title: REVIEW_LIMITS.title, body: REVIEW_LIMITS.body } },
];
const REVIEW_RULES: Record<string, IssueRule[]> = {
  topicId: [{ message: board.issueProduct }],
  rating: [{ message: board.issueRating }],
  title: REVIEW_TEXT,
  body: REVIEW_TEXT,
};

async function postContext(
  c: AppContext,
): Promise<PostContext & { base: Awaited<ReturnType<typeof publicContext>>['base'] }> {
  const { community, member, base } = await publicContext(c);
  return {
    deps: c.var.deps,
    community,
    member: requireVerifiedMember(member),
    baseUrl: baseUrl(c),
    now: c.var.deps.clock(),
    base,
  };
}

/** A signed-out visitor who tries to act is sent to log in, and back afterwards. */
function toLogin(c: AppContext, slug: string, back: string) {
  return c.redirect(`/c/${slug}/login?next=${encodeURIComponent(back)}`, 303);
}

const ideaId = (c: AppContext) => {
  const id = c.req.param('id') ?? '';
  if (!Uuid.safeParse(id).success) throw communityError('IDEA_NOT_FOUND');
  return id;
};

/** The public board: ideas, votes, comments, roadmap, changelog, reviews and a member's notifications. */
export const boardPages = new Hono<AppEnv>()
  .get('/c/:slug', async (c) => {
    const { community, member, base } = await publicContext(c);
    const q = c.req.query();
    const sort: IdeaSort = (IDEA_SORTS as readonly string[]).includes(q.sort ?? '') ? (q.sort as IdeaSort) : 'top';
    const status = q.status === 'all' || (q.status && isIdeaStatus(q.status)) ? q.status : 'active';
    const category = q.category && Uuid.safeParse(q.category).success ? q.category : undefined;
    const search = q.q?.trim().slice(0, 200) || undefined;
    const page = Math.max(1, Math.min(500, Number.parseInt(q.page ?? '1', 10) || 1));
    const [list, cats] = await Promise.all([
      listIdeas(c.var.deps.db, community.workspace.id, {
        sort,
        status: status as 'active',
        ...(category ? { categoryId: category } : {}),
        ...(search ? { q: search } : {}),
        memberId: member?.id ?? null,
        limit: PAGE_SIZE,
        offset: (page - 1) * PAGE_SIZE,
      }),
      listCategories(c.var.deps.db, community.workspace.id),
    ]);
    return c.html(
      <IdeasPage
        {...base}
        items={list.items}
        total={list.total}
        params={{ sort, status, category, q: search, page }}
        categories={cats}
        pageSize={PAGE_SIZE}
        ok={publicOk(c)}
      />,
    );
  })
  .get('/c/:slug/ideas/new', async (c) => {
    const { community, base } = await publicContext(c);
    if (!base.member) return toLogin(c, base.slug, c.req.path);
    return c.html(<NewIdeaPage {...base} categories={await listCategories(c.var.deps.db, community.workspace.id)} />);
  })
  .get('/c/:slug/ideas/similar', async (c) => {
    const { community, base } = await publicContext(c);
    const items = await similarIdeas(
      c.var.deps.db,
      community.workspace.id,
      (c.req.query('title') ?? '').slice(0, LIMITS.title),
    );
    // An HTML fragment, rendered (and escaped) here, for the form's script to show as it is.
    return c.html(items.length ? <SimilarList slug={base.slug} items={items} /> : '');
  })
  .post('/c/:slug/ideas', async (c) => {
    const { base } = await publicContext(c);
    if (!base.member) return toLogin(c, base.slug, `/c/${base.slug}/ideas/new`);
    const ctx = await postContext(c);
    const form = await parseForm(c, NewIdea);
    const { title = '', body = '', categoryId = '' } = form.values;
    const values = { title: title.trim(), body: body.trim(), categoryId };
    const cats = await listCategories(c.var.deps.db, ctx.community.workspace.id);
    const again = async (error: string, status: number) =>
      c.html(
        <NewIdeaPage
          {...base}
          categories={cats}
          values={values}
          error={error}
          similar={await similarIdeas(c.var.deps.db, ctx.community.workspace.id, values.title)}
        />,
        status as 422,
      );
    if (!form.ok) return again(formIssue(c, form.issue, IDEA_RULES), 422);
    try {
      const idea = await createIdea(ctx, form.data);
      return c.redirect(`/c/${base.slug}/ideas/${idea.id}?ok=${idea.visibility === 'held' ? 'held' : 'posted'}`, 303);
    } catch (err) {
      const e = boardProblem(c, err);
      return again(e.message, e.status);
    }
  })
  .get('/c/:slug/ideas/:id', async (c) => {
    const { community, member, base } = await publicContext(c);
    const idea = await getIdea(c.var.deps.db, community.workspace.id, ideaId(c), { memberId: member?.id ?? null });
    // A merged duplicate shows the idea it now belongs to.
    if (idea.mergedIntoId) return c.redirect(`/c/${base.slug}/ideas/${idea.mergedIntoId}`, 303);
    return c.html(<IdeaPage {...base} idea={idea} ok={publicOk(c)} />);
  })
  .post('/c/:slug/ideas/:id/vote', (c) => vote(c, true))
  .post('/c/:slug/ideas/:id/unvote', (c) => vote(c, false))
  .post('/c/:slug/ideas/:id/comments', async (c) => {
    const { base } = await publicContext(c);
    const id = ideaId(c);
    if (!base.member) return toLogin(c, base.slug, `/c/${base.slug}/ideas/${id}`);
    const ctx = await postContext(c);
    const form = await parseForm(c, NewComment);
    const body = form.values.body?.trim() ?? '';
    const again = async (error: string, status: number) =>
      c.html(
        <IdeaPage
          {...base}
          idea={await getIdea(c.var.deps.db, ctx.community.workspace.id, id, { memberId: ctx.member.id })}
          error={error}
          comment={body}
        />,
        status as 422,
      );
    if (!form.ok) return again(formIssue(c, form.issue, COMMENT_RULES), 422);
    try {
      const comment = await addComment(ctx, id, form.data.body);
      const ok = comment.visibility === 'held' ? 'held' : 'commented';
      return c.redirect(`/c/${base.slug}/ideas/${comment.ideaId}?ok=${ok}#comment-${comment.id}`, 303);
    } catch (err) {
      const e = boardProblem(c, err);
      return again(e.message, e.status);
    }
  })
  .get('/c/:slug/roadmap', async (c) => {
    const { community, base } = await publicContext(c);
    return c.html(
      <RoadmapPage {...base} columns={await roadmap(c.var.deps.db, community.workspace.id, c.var.deps.clock())} />,
    );
  })
  .get('/c/:slug/changelog', async (c) => {
    const { community, base } = await publicContext(c);
    return c.html(<ChangelogPage {...base} items={await changelog(c.var.deps.db, community.workspace.id)} />);
  })
  .get('/c/:slug/reviews', (c) => renderReviews(c))
  .post('/c/:slug/reviews', async (c) => {
    const { base } = await publicContext(c);
    if (!base.member) return toLogin(c, base.slug, `/c/${base.slug}/reviews`);
    const ctx = await postContext(c);
    const form = await parseForm(c, NewReview);
    if (!form.ok) return renderReviews(c, formIssue(c, form.issue, REVIEW_RULES), 422);
    try {
      const review = await saveReview(ctx, form.data);
      const ok = review.visibility === 'held' ? 'held' : 'reviewed';
      return c.redirect(`/c/${base.slug}/reviews?product=${review.topicId}&ok=${ok}#review-${review.id}`, 303);
    } catch (err) {
      const e = boardProblem(c, err);
      return renderReviews(c, e.message, e.status);
    }
  })
  .get('/c/:slug/notifications', async (c) => {
    const { base } = await publicContext(c);
    if (!base.member) return toLogin(c, base.slug, c.req.path);
    const db = c.var.deps.db;
    // Worded now, in the reader's language and the board's du/Sie; the idea's title as it is today.
    const items = await db
      .select({
        id: memberNotifications.id,
        ideaId: memberNotifications.ideaId,
        text: memberNotifications.text,
        status: memberNotifications.status,
        note: memberNotifications.note,
        title: ideas.title,
        readAt: memberNotifications.readAt,
        createdAt: memberNotifications.createdAt,
      })
      .from(memberNotifications)
      .leftJoin(ideas, eq(ideas.id, memberNotifications.ideaId))
      .where(eq(memberNotifications.memberId, base.member.id))
      .orderBy(desc(memberNotifications.createdAt))
      .limit(100);
    // Seen now: the badge clears on the next page.
    await db
      .update(memberNotifications)
      .set({ readAt: c.var.deps.clock() })
      .where(and(eq(memberNotifications.memberId, base.member.id), isNull(memberNotifications.readAt)));
    return c.html(<MemberNotificationsPage {...base} unread={0} items={items} />);
  });

async function vote(c: AppContext, on: boolean) {
  const { community, member, base } = await publicContext(c);
  const id = ideaId(c);
  const form = await parseForm(c, VoteForm);
  const back = (form.ok && form.data.back) || '';
  const backTo = back.startsWith(`/c/${base.slug}`) && !back.startsWith('//') ? back : `/c/${base.slug}/ideas/${id}`;
  if (!member) return toLogin(c, base.slug, backTo);
  await setVote(c.var.deps.db, community, requireVerifiedMember(member), id, on, c.var.deps.clock());
  return c.redirect(`${backTo}${backTo.includes('?') ? '&' : '?'}ok=${on ? 'voted' : 'unvoted'}`, 303);
}

async function renderReviews(c: AppContext, error?: string, status = 200) {
  const { community, member, base } = await publicContext(c);
  const products = await reviewProducts(c.var.deps.db, community.workspace.id);
  const productId = products.find((p) => p.id === c.req.query('product'))?.id;
  const sort: ReviewSort = (REVIEW_SORTS as readonly string[]).includes(c.req.query('sort') ?? '')
    ? (c.req.query('sort') as ReviewSort)
    : 'newest';
  const [list, mine] = await Promise.all([
    listReviews(c.var.deps.db, community.workspace.id, {
      sort,
      limit: 50,
      offset: 0,
      ...(productId ? { topicId: productId } : {}),
    }),
    member && (productId ?? products[0]?.id) ? myReview(c.var.deps.db, member.id, productId ?? products[0]!.id) : null,
  ]);
  return c.html(
    <ReviewsPage
      {...base}
      products={products}
      productId={productId}
      sort={sort}
      list={list}
      mine={mine}
      error={error}
      ok={publicOk(c)}
    />,
    status as 200,
  );
}
