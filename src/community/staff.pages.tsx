import { and, eq, isNull, ne } from 'drizzle-orm';
import { Hono } from 'hono';
import { z } from 'zod';
import { coreError } from '../core/errors';
import { can } from '../core/roles';
import type { MessageDescriptor } from '../core/i18n/translator';
import type { AppContext, AppEnv } from '../http/env';
import { assertCan, parseForm, pathId, problemText, requireStaffPage, shellProps } from '../http/pages';
import {
  addEvidence,
  createIdeaFromMention,
  dismissSuggestion,
  ideaEvidenceSummary,
  suggestedIdeas,
} from './evidence.service';
import { communityError } from './errors';
import {
  BoardSettings,
  EvidenceChoice,
  IdeaFromMention,
  MergeIdea,
  Moderation,
  NewCategory,
  StaffAnswer,
  UpdateIdea,
} from './ideas.input';
import { getIdea, isIdeaStatus } from './ideas.service';
import {
  boardSettings,
  createCategory,
  deleteCategory,
  listCategories,
  mergeIdea,
  moderate,
  moderationQueue,
  saveBoardSettings,
  staffComment,
  staffIdeas,
  updateIdea,
} from './ideas.staff';
import { listMail } from '../accounts';
import { baseUrl } from '../http/request-origin';
import { ideas } from './schema';
import { staff as m } from './staff.messages';
import { closestIdeas } from './suggestion-match';
import {
  CategoriesPage,
  MailPage,
  ModerationPage,
  StaffIdeaPage,
  StaffIdeasPage,
  SuggestedPage,
} from './views/staff-pages';

const OK: Record<string, MessageDescriptor> = {
  saved: m.okSaved,
  merged: m.okMerged,
  moderated: m.okModerated,
  linked: m.okLinked,
  created: m.okCreated,
  dismissed: m.okDismissed,
  category: m.okCategory,
};
/** The staff idea page's form sends all it shows: a blank note or category clears it, pinned unticked is false. */
const IdeaForm = UpdateIdea.pick({ status: true, statusNote: true, categoryId: true, pinned: true }).required({
  statusNote: true,
  categoryId: true,
  pinned: true,
});
/** The suggestion to come back to after setting one aside (the one below it). */
const DismissForm = z.object({ next: z.uuid().optional() });
/** Where a moderation form came from, to go back to. */
const ModerationForm = Moderation.extend({ back: z.string().max(2000).optional() });

function staffBase(c: AppContext, error?: string) {
  const actor = assertCan(c, 'inbox:read');
  const key = c.req.query('ok') ?? '';
  const ok = Object.hasOwn(OK, key) ? OK[key] : undefined;
  return {
    ...shellProps(c),
    slug: actor.workspaceSlug,
    canModerate: can(actor.role, 'community:moderate'),
    canManageBoard: can(actor.role, 'workspace:manage'),
    ok: ok ? c.var.i18n.t(ok) : undefined,
    error,
  };
}

async function counts(c: AppContext) {
  const { workspaceId } = assertCan(c, 'inbox:read');
  const [held, suggested] = await Promise.all([
    moderationQueue(c.var.deps.db, workspaceId),
    suggestedIdeas(c.var.deps.db, workspaceId, { limit: 1, offset: 0 }),
  ]);
  return { held: held.length, suggested: suggested.total };
}

async function renderIdea(c: AppContext, id: string, error?: string, status = 200) {
  const { workspaceId } = assertCan(c, 'inbox:read');
  const db = c.var.deps.db;
  const [idea, evidence, categories, others] = await Promise.all([
    getIdea(db, workspaceId, id, { staff: true }),
    ideaEvidenceSummary(db, workspaceId, id),
    listCategories(db, workspaceId),
    db
      .select({ id: ideas.id, title: ideas.title, voteCount: ideas.voteCount })
      .from(ideas)
      .where(and(eq(ideas.workspaceId, workspaceId), ne(ideas.id, id), isNull(ideas.mergedIntoId)))
      .orderBy(ideas.createdAt)
      .limit(500),
  ]);
  return c.html(
    <StaffIdeaPage {...staffBase(c, error)} idea={idea} evidence={evidence} categories={categories} others={others} />,
    status as 200,
  );
}

/** Community in the staff app: ideas with their evidence, moderation, harvesting, categories, email log. */
export const communityStaffPages = new Hono<AppEnv>()
  .use('/community', requireStaffPage)
  .use('/community/*', requireStaffPage)
  .get('/community', async (c) => {
    const { workspaceId } = assertCan(c, 'inbox:read');
    const status = c.req.query('status');
    const q = c.req.query('q')?.trim().slice(0, 200) || undefined;
    const items = await staffIdeas(c.var.deps.db, workspaceId, {
      limit: 100,
      offset: 0,
      ...(status && isIdeaStatus(status) ? { status } : {}),
      ...(q ? { q } : {}),
    });
    return c.html(<StaffIdeasPage {...staffBase(c)} items={items} status={status} q={q} counts={await counts(c)} />);
  })
  .get('/community/ideas/:id', (c) => renderIdea(c, pathId(c, 'idea')))
  .post('/community/ideas/:id', async (c) => {
    const actor = assertCan(c, 'community:moderate');
    const id = pathId(c, 'idea');
    const form = await parseForm(c, IdeaForm);
    if (!form.ok) return renderIdea(c, id, form.message, 422);
    try {
      await updateIdea(
        { db: c.var.deps.db, mailer: c.var.deps.mailer, logger: c.var.deps.logger, events: c.var.deps.events },
        actor,
        id,
        form.data,
        { now: c.var.deps.clock(), baseUrl: baseUrl(c) },
      );
    } catch (err) {
      return renderIdea(c, id, problemText(c, err), 422);
    }
    return c.redirect(`/community/ideas/${id}?ok=saved`, 303);
  })
  .post('/community/ideas/:id/merge', async (c) => {
    const actor = assertCan(c, 'community:moderate');
    const id = pathId(c, 'idea');
    const form = await parseForm(c, MergeIdea);
    const into = form.ok ? form.data.into : '';
    try {
      if (!form.ok) throw communityError('MERGE_INTO_NOT_CHOSEN');
      await mergeIdea(c.var.deps.db, actor, id, into, c.var.deps.clock());
    } catch (err) {
      return renderIdea(c, id, problemText(c, err), 422);
    }
    return c.redirect(`/community/ideas/${into}?ok=merged`, 303);
  })
  .post('/community/moderation/:kind/:id', async (c) => {
    const actor = assertCan(c, 'community:moderate');
    const kind = c.req.param('kind');
    if (kind !== 'idea' && kind !== 'comment' && kind !== 'review') throw communityError('MODERATION_TARGET_UNKNOWN');
    const id = pathId(c, 'post');
    const form = await parseForm(c, ModerationForm);
    if (!form.ok)
      throw form.issue.path[0] === 'action'
        ? communityError('MODERATION_ACTION_UNKNOWN')
        : coreError('FORM_INVALID', { problem: form.message });
    const { action, reason, back = '' } = form.data;
    await moderate(c.var.deps.db, actor, kind, id, action, reason || null);
    return c.redirect(
      `${back.startsWith('/community') && !back.startsWith('//') ? back : '/community/moderation'}?ok=moderated`,
      303,
    );
  })
  .get('/community/moderation', async (c) => {
    const { workspaceId } = assertCan(c, 'inbox:read');
    return c.html(
      <ModerationPage
        {...staffBase(c)}
        items={await moderationQueue(c.var.deps.db, workspaceId)}
        counts={await counts(c)}
      />,
    );
  })
  .get('/community/suggested', async (c) => {
    const { workspaceId } = assertCan(c, 'inbox:read');
    const db = c.var.deps.db;
    const [page, list] = await Promise.all([
      suggestedIdeas(db, workspaceId, { limit: 50, offset: 0 }),
      staffIdeas(db, workspaceId, { limit: 500, offset: 0 }),
    ]);
    return c.html(
      <SuggestedPage
        {...staffBase(c)}
        items={page.items.map((s) => ({ ...s, matches: closestIdeas(s.keyTerms, list) }))}
        total={page.total}
        ideas={list.map((i) => ({ id: i.id, title: i.title }))}
        counts={await counts(c)}
      />,
    );
  })
  .post('/community/suggested/:id/link', async (c) => {
    const actor = assertCan(c, 'community:moderate');
    const mentionId = pathId(c, 'mention');
    const form = await parseForm(c, EvidenceChoice);
    if (!form.ok) throw communityError('IDEA_NOT_CHOSEN');
    await addEvidence(c.var.deps.db, actor, form.data.ideaId, mentionId, c.var.deps.clock(), 'path');
    return c.redirect('/community/suggested?ok=linked', 303);
  })
  .post('/community/suggested/:id/idea', async (c) => {
    const actor = assertCan(c, 'community:moderate');
    const mentionId = pathId(c, 'mention');
    const form = await parseForm(c, IdeaFromMention.pick({ title: true }));
    if (!form.ok) throw communityError('IDEA_TITLE_LENGTH');
    const idea = await createIdeaFromMention(
      c.var.deps.db,
      actor,
      mentionId,
      { title: form.data.title, body: '' },
      c.var.deps.clock(),
      'path',
    );
    return c.redirect(`/community/ideas/${idea.id}?ok=created`, 303);
  })
  .post('/community/suggested/:id/dismiss', async (c) => {
    const actor = assertCan(c, 'community:moderate');
    const form = await parseForm(c, DismissForm);
    await dismissSuggestion(c.var.deps.db, actor, pathId(c, 'mention'));
    // One click, and the queue comes back at the post that was next, not at its top.
    const next = form.ok && form.data.next ? `#suggestion-${form.data.next}` : '';
    return c.redirect(`/community/suggested?ok=dismissed${next}`, 303);
  })
  .get('/community/categories', async (c) => {
    const { workspaceId } = assertCan(c, 'inbox:read');
    return c.html(
      <CategoriesPage
        {...staffBase(c)}
        items={await listCategories(c.var.deps.db, workspaceId)}
        settings={await boardSettings(c.var.deps.db, workspaceId)}
      />,
    );
  })
  .post('/community/settings', async (c) => {
    // Opening or closing the public board is a workspace setting, not moderation.
    const actor = assertCan(c, 'workspace:manage');
    const form = await parseForm(c, BoardSettings);
    // Two checkboxes cannot be posted wrong from the page; a hand-made post changes nothing.
    if (form.ok) await saveBoardSettings(c.var.deps.db, actor, form.data, c.var.deps.clock());
    return c.redirect('/community/categories?ok=saved', 303);
  })
  .post('/community/ideas/:id/comments', async (c) => {
    const actor = assertCan(c, 'community:moderate');
    const id = pathId(c, 'idea');
    const form = await parseForm(c, StaffAnswer);
    if (!form.ok) return renderIdea(c, id, form.issue.message, 422);
    const comment = await staffComment(c.var.deps.db, actor, id, form.data.body, c.var.deps.clock());
    return c.redirect(`/community/ideas/${comment.ideaId}?ok=saved`, 303);
  })
  .post('/community/categories', async (c) => {
    const actor = assertCan(c, 'community:moderate');
    try {
      const form = await parseForm(c, NewCategory);
      await createCategory(c.var.deps.db, actor, form.ok ? form.data.name : '');
    } catch (err) {
      return c.html(
        <CategoriesPage
          {...staffBase(c, problemText(c, err))}
          items={await listCategories(c.var.deps.db, actor.workspaceId)}
          settings={await boardSettings(c.var.deps.db, actor.workspaceId)}
        />,
        422,
      );
    }
    return c.redirect('/community/categories?ok=category', 303);
  })
  .post('/community/categories/:id/delete', async (c) => {
    await deleteCategory(c.var.deps.db, assertCan(c, 'community:moderate'), pathId(c, 'category'));
    return c.redirect('/community/categories?ok=category', 303);
  })
  .get('/community/mail', async (c) => {
    const { workspaceId } = assertCan(c, 'community:moderate');
    return c.html(
      <MailPage
        {...staffBase(c)}
        smtp={c.var.deps.mailer.configured}
        items={await listMail(c.var.deps.db, workspaceId)}
      />,
    );
  });
