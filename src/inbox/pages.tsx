import { and, desc, eq, inArray, ne } from 'drizzle-orm';
import { Hono } from 'hono';
import { z } from 'zod';
import type { Actor } from '../core/actor';
import { can } from '../core/roles';
import type { Db } from '../db/types';
import { confidenceThreshold, listUsers } from '../accounts';
import { getContact, sentimentHistory } from '../contacts';
import { AppError } from '../core/errors';
import type { MessageDescriptor } from '../core/i18n/translator';
import { checkReply } from './replies/length';
import { getReply, queueReply, retryReply, sendReply } from './replies/outbox';
import { retractReply } from './replies/retract';
import { listSavedReplies, renderSavedReply } from './replies/saved.service';
import { runInBackground } from '../http/background';
import type { AppContext, AppEnv } from '../http/env';
import { assertCan, parseForm, pathId, problemText, requireStaffPage, shellProps } from '../http/pages';
import { listTags } from '../tags';
import { listTopics } from '../topics';
import {
  addConversationNote,
  conversationThread,
  type ConversationPatch,
  getConversationRow,
  updateConversations,
} from './conversations.service';
import { type InboxQuery, listConversations, tabCounts } from './list';
import { readInboxQuery } from './page-params';
import { ModerationInput, NoteInput } from './conversation.input';
import { moderateMention } from './moderation.service';
import { conversationHref, leftTheList, listContext, listHref, nextInList } from './after-triage';
import { replyAccountName, replySource } from './replies/account';
import { BULK_FORM, BulkForm, ReplyForm, snoozeEnd, TRIAGE_FORM, TriageForm } from './page-forms';
import { conversations } from './schema';
import { type ComposerState, ConversationPage } from './views/conversation-page';
import { InboxPage, InboxTabs, Row } from './views/inbox-page';
import { flash } from './views/messages';

/** Notices after a redirect: a fixed word in the URL, never text from it. */
const OK_MESSAGES: Record<string, MessageDescriptor> = {
  updated: flash.updated,
  next: flash.next,
  bulk: flash.bulk,
  noted: flash.noted,
  queued: flash.queued,
  retried: flash.retried,
  retracted: flash.retracted,
  corrected: flash.corrected,
  hide: flash.hide,
  unhide: flash.unhide,
  delete: flash.delete,
  like: flash.like,
};
const okMessage = (c: AppContext) => {
  const ok = c.req.query('ok') ?? '';
  return Object.hasOwn(OK_MESSAGES, ok) ? c.var.i18n.t(OK_MESSAGES[ok]!) : undefined;
};

const PAGE_SIZE = 25;

async function people(c: AppContext, workspaceId: string) {
  return (await listUsers(c.var.deps.db, workspaceId))
    .filter((u) => !u.disabledAt)
    .map((u) => ({ id: u.id, name: u.name || u.email }));
}

const Uuid = z.uuid();

/** The page of conversations a person asked for; a stale cursor starts the list over rather than failing. */
function listPage(db: Db, actor: Actor, query: InboxQuery) {
  return listConversations(db, actor.workspaceId, actor.userId, query).catch((err) => {
    if (err instanceof AppError && err.code === 'CURSOR_INVALID')
      return listConversations(db, actor.workspaceId, actor.userId, { ...query, cursor: undefined });
    throw err;
  });
}

/** The tab counts and topics of the inbox's views. */
async function viewTabs(db: Db, workspaceId: string, userId: string | null) {
  const topics = await listTopics(db, workspaceId);
  const counts = await tabCounts(
    db,
    workspaceId,
    userId,
    topics.map((t) => t.id),
  );
  return { counts, topics: topics.map((t) => ({ id: t.id, name: t.name, open: counts.topics.get(t.id) ?? 0 })) };
}

async function renderInbox(c: AppContext, error?: string, status = 200) {
  const actor = assertCan(c, 'inbox:read');
  const db = c.var.deps.db;
  const { query, params } = readInboxQuery(c.req.query(), PAGE_SIZE, c.var.i18n.timeZone);
  const [page, tabs, team, vocabulary, threshold] = await Promise.all([
    listPage(db, actor, query),
    viewTabs(db, actor.workspaceId, actor.userId),
    people(c, actor.workspaceId),
    listTags(db, actor.workspaceId),
    confidenceThreshold(db, actor.workspaceId),
  ]);
  return c.html(
    <InboxPage
      {...shellProps(c)}
      items={page.items}
      confidenceThreshold={threshold}
      next={page.next}
      params={params}
      query={query}
      counts={tabs.counts}
      topics={tabs.topics}
      people={team}
      tags={vocabulary}
      canWrite={can(actor.role, 'inbox:write')}
      now={c.var.deps.clock()}
      open={openId(c)}
      ok={okMessage(c)}
      error={error}
    />,
    status as 200,
  );
}

/** The conversation the split view shows (?open=<id>); anything else opens none. */
const openId = (c: AppContext) => {
  const id = c.req.query('open');
  return id && Uuid.safeParse(id).success ? id : undefined;
};

async function renderConversation(
  c: AppContext,
  id: string,
  extra: { composer?: Partial<ComposerState>; error?: string; status?: number } = {},
) {
  const actor = assertCan(c, 'inbox:read');
  const db = c.var.deps.db;
  const conv = await getConversationRow(db, actor.workspaceId, id);
  const [thread, team, topics, saved, contact, weeks, others, vocabulary, threshold] = await Promise.all([
    conversationThread(db, actor.workspaceId, id),
    people(c, actor.workspaceId),
    listTopics(db, actor.workspaceId),
    listSavedReplies(db, actor),
    conv.contactId ? getContact(db, actor.workspaceId, conv.contactId).catch(() => null) : null,
    conv.contactId ? sentimentHistory(db, actor.workspaceId, conv.contactId) : [],
    conv.contactId
      ? db
          .select({
            id: conversations.id,
            subject: conversations.subject,
            status: conversations.status,
            platform: conversations.platform,
            lastInboundAt: conversations.lastInboundAt,
          })
          .from(conversations)
          .where(
            and(
              eq(conversations.workspaceId, actor.workspaceId),
              eq(conversations.contactId, conv.contactId),
              ne(conversations.id, id),
              inArray(conversations.status, ['open', 'pending', 'snoozed']),
            ),
          )
          .orderBy(desc(conversations.lastInboundAt))
          .limit(10)
      : [],
    listTags(db, actor.workspaceId),
    confidenceThreshold(db, actor.workspaceId),
  ]);
  let text = extra.composer?.text ?? '';
  const savedId = c.req.query('saved');
  if (!extra.composer && savedId && Uuid.safeParse(savedId).success && can(actor.role, 'inbox:write')) {
    text = await renderSavedReply(db, actor, savedId, id);
  }
  const limit = checkReply(conv.platform, 'x').limit || null;
  // The account a reply to the latest post goes out as (the composer names it).
  const latest = thread.findLast((i) => i.kind === 'inbound');
  const account =
    limit && latest?.kind === 'inbound'
      ? replyAccountName(await replySource(db, actor.workspaceId, conv.platform, latest.sourceId))
      : null;
  return c.html(
    <ConversationPage
      {...shellProps(c)}
      conversation={conv}
      thread={thread}
      confidenceThreshold={threshold}
      people={team}
      author={{
        contact,
        fallback: { name: conv.authorName, handle: conv.authorHandle, followers: conv.authorFollowers },
        weeks,
        others,
      }}
      topics={new Map(topics.map((t) => [t.id, t.name]))}
      savedReplies={saved.map((s) => ({ id: s.id, name: s.name, shared: s.ownerId === null }))}
      tags={vocabulary}
      composer={{
        text,
        idempotencyKey: extra.composer?.idempotencyKey ?? crypto.randomUUID(),
        error: extra.composer?.error,
        inReplyTo: extra.composer?.inReplyTo,
      }}
      replyLimit={limit}
      replyAccount={account}
      list={listContext(c.req.query('list'), c.req.header('referer'))}
      moderates={c.var.deps.connectors[conv.platform]?.moderates ?? []}
      retracts={Boolean(c.var.deps.connectors[conv.platform]?.retractReply)}
      canWrite={can(actor.role, 'inbox:write')}
      now={c.var.deps.clock()}
      ok={okMessage(c)}
      error={extra.error}
    />,
    (extra.status ?? 200) as 200,
  );
}

/** Whether the script asked (it wants JSON back, not a redirect to a page). */
const wantsJson = (c: AppContext) => (c.req.header('accept') ?? '').includes('application/json');

/** What opens after a conversation leaves the person's list: the next one (the default) or the list. */
const afterTriage = (c: AppContext): 'next' | 'list' => c.var.user?.afterTriage ?? 'next';

/** The conversations of a list context in its order (its first hundred: where a person is working). */
async function listOrder(db: Db, actor: Actor, list: string): Promise<string[]> {
  const { query } = readInboxQuery(Object.fromEntries(new URLSearchParams(list)), 100);
  return (await listPage(db, actor, query)).items.map((x) => x.id);
}

/** Only inbox pages are followed after a bulk action. */
const backToInbox = (next: string) => (next.startsWith('/inbox') && !next.startsWith('//') ? next : '/inbox');
const withOk = (href: string, ok: string) => `${href}${href.includes('?') ? '&' : '?'}ok=${ok}`;

/**
 * The inbox pages: the list, one conversation, and the forms they post (triage, bulk, notes,
 * replies, corrections). Each form calls the same service as the JSON API, then redirects back
 * with a notice; a problem the person can fix re-renders the page with it.
 */
export const inboxPages = new Hono<AppEnv>()
  .use('/inbox', requireStaffPage)
  .use('/inbox/*', requireStaffPage)
  .get('/inbox', (c) => renderInbox(c))
  .post('/inbox/bulk', async (c) => {
    const actor = assertCan(c, 'inbox:write');
    const { t } = c.var.i18n;
    const form = await parseForm(c, BulkForm, {
      ...BULK_FORM,
      labels: { ids: t(flash.fieldSelection), addTag: t(flash.fieldAddTag) },
    });
    if (!form.ok) return renderInbox(c, form.message, 422);
    const { ids, next, addTag, ...patch }: { ids: string[]; next?: string; addTag?: string[] } & ConversationPatch =
      form.data;
    if (addTag?.length) patch.addTags = addTag;
    if (Object.keys(patch).length === 0) return renderInbox(c, t(flash.bulkNothing), 422);
    try {
      await updateConversations(c.var.deps.db, actor, ids, patch, c.var.deps.clock());
    } catch (err) {
      return renderInbox(c, problemText(c, err), 422);
    }
    return c.redirect(withOk(backToInbox(next ?? ''), 'bulk'), 303);
  })
  .get('/inbox/c/:id', (c) => renderConversation(c, pathId(c, 'conversation')))
  // One triage control's change. The script asks for JSON (where to go, or what went wrong) and stays on the
  // page; a plain form is redirected. A change that takes the conversation out of the person's list opens the
  // next one of that list, or the list, by their profile's choice.
  .post('/inbox/c/:id/update', async (c) => {
    const actor = assertCan(c, 'inbox:write');
    const id = pathId(c, 'conversation');
    const db = c.var.deps.db;
    const now = c.var.deps.clock();
    const json = wantsJson(c);
    const refuse = (error: string) =>
      json ? c.json({ error: { message: error } }, 422) : renderConversation(c, id, { error, status: 422 });
    const conv = await getConversationRow(db, actor.workspaceId, id);
    const form = await parseForm(c, TriageForm, TRIAGE_FORM);
    if (!form.ok) return refuse(form.message);
    const { assigneeId, status, snoozeFor, priority, tags } = form.data;
    const list = listContext(form.data.list ?? '', undefined);
    const patch: ConversationPatch = {};
    try {
      if (assigneeId !== undefined) patch.assigneeId = assigneeId;
      // The same status again changes nothing, but a snooze picked from the menu sets a new time.
      if (status && (status !== conv.status || (status === 'snoozed' && snoozeFor?.trim()))) {
        patch.status = status;
        if (status === 'snoozed') patch.snoozedUntil = snoozeEnd(form.data, now, c.var.i18n.timeZone);
      }
      if (priority) patch.priority = priority;
      if (tags) patch.tags = tags;
      // The list as it stands before the change: the next conversation is the one after this in it.
      const left = leftTheList(conv, patch, actor.userId);
      const order = left && afterTriage(c) === 'next' ? await listOrder(db, actor, list) : null;
      await updateConversations(db, actor, [id], patch, now);
      const next = order ? nextInList(order, id) : null;
      const to = !left
        ? conversationHref(id, list, 'updated')
        : next
          ? conversationHref(next, list, 'next')
          : listHref(list, 'updated');
      if (json) return c.json({ saved: true, left, next: left ? next : null, location: to });
      return c.redirect(to, 303);
    } catch (err) {
      return refuse(problemText(c, err));
    }
  })
  .post('/inbox/c/:id/mentions/:mentionId/moderate', async (c) => {
    const actor = assertCan(c, 'inbox:write');
    const id = pathId(c, 'conversation');
    const mentionId = pathId(c, 'mention', 'mentionId');
    const form = await parseForm(c, ModerationInput);
    if (!form.ok) return renderConversation(c, id, { error: form.message, status: 422 });
    try {
      await moderateMention(c.var.deps, actor, id, mentionId, form.data.action);
    } catch (err) {
      return renderConversation(c, id, { error: problemText(c, err), status: 422 });
    }
    return c.redirect(`/inbox/c/${id}?ok=${form.data.action}#post-${mentionId}`, 303);
  })
  .post('/inbox/c/:id/note', async (c) => {
    const actor = assertCan(c, 'inbox:write');
    const id = pathId(c, 'conversation');
    const form = await parseForm(c, NoteInput, { labels: { body: c.var.i18n.t(flash.fieldNote) } });
    if (!form.ok) return renderConversation(c, id, { error: form.message, status: 422 });
    await addConversationNote(c.var.deps.db, actor, id, form.data.body);
    return c.redirect(`/inbox/c/${id}?ok=noted`, 303);
  })
  .post('/inbox/c/:id/reply', async (c) => {
    const actor = assertCan(c, 'inbox:write');
    const id = pathId(c, 'conversation');
    const form = await parseForm(c, ReplyForm);
    // A refused reply goes back into the composer as typed, with its key (posting it again sends it once).
    const text = form.values.text ?? '';
    const key = form.values.idempotencyKey?.trim() || crypto.randomUUID();
    const inReplyTo = form.ok ? form.data.inReplyTo : undefined;
    const refuse = (error: string) =>
      renderConversation(c, id, { composer: { text, idempotencyKey: key, error, inReplyTo }, status: 422 });
    if (!form.ok) return refuse(form.message);
    try {
      const { reply, created } = await queueReply(
        c.var.deps.db,
        actor,
        id,
        { text, idempotencyKey: key, ...(inReplyTo ? { inReplyTo } : {}) },
        c.var.deps.clock(),
      );
      if (created)
        runInBackground(
          c,
          sendReply(c.var.deps, reply.id).catch((err) =>
            c.var.deps.logger.error({ err, replyId: reply.id }, 'reply send crashed'),
          ),
        );
    } catch (err) {
      return refuse(problemText(c, err));
    }
    return c.redirect(`/inbox/c/${id}?ok=queued`, 303);
  })
  // One row of the list as the page would show it now, for the live inbox: the script fetches the row
  // that changed instead of the whole page and its counts. 204 when it is not on the page the person
  // has (this view, these filters, this cursor), 404 when it is not theirs; Inbox-Row-After names the
  // row it follows ('' = first).
  .get('/inbox/rows/:id', async (c) => {
    const actor = assertCan(c, 'inbox:read');
    const id = pathId(c, 'conversation');
    const db = c.var.deps.db;
    const { query } = readInboxQuery(c.req.query(), PAGE_SIZE, c.var.i18n.timeZone);
    c.header('Cache-Control', 'no-store');
    const page = await listPage(db, actor, query);
    const at = page.items.findIndex((x) => x.id === id);
    if (at < 0) {
      // Not on this page: 204, unless it is no conversation of this workspace at all (404, like every id).
      await getConversationRow(db, actor.workspaceId, id);
      return c.body(null, 204);
    }
    const [team, topics, threshold] = await Promise.all([
      people(c, actor.workspaceId),
      listTopics(db, actor.workspaceId),
      confidenceThreshold(db, actor.workspaceId),
    ]);
    c.header('Inbox-Row-After', at === 0 ? '' : page.items[at - 1]!.id);
    return c.html(
      <Row
        c={page.items[at]!}
        names={new Map(team.map((u) => [u.id, u.name]))}
        topicNames={new Map(topics.map((t) => [t.id, t.name]))}
        canWrite={can(actor.role, 'inbox:write')}
        now={c.var.deps.clock()}
        confidenceThreshold={threshold}
      />,
    );
  })
  // The views and their counts alone, for the live inbox (refreshed at most every 30 s while events flow).
  .get('/inbox/tabs', async (c) => {
    const actor = assertCan(c, 'inbox:read');
    const { params } = readInboxQuery(c.req.query(), PAGE_SIZE, c.var.i18n.timeZone);
    c.header('Cache-Control', 'no-store');
    return c.html(<InboxTabs {...(await viewTabs(c.var.deps.db, actor.workspaceId, actor.userId))} params={params} />);
  })
  .post('/inbox/replies/:id/retract', async (c) => {
    const actor = assertCan(c, 'inbox:write');
    const replyId = pathId(c, 'reply');
    const reply = await getReply(c.var.deps.db, actor.workspaceId, replyId);
    try {
      await retractReply(c.var.deps, actor, replyId);
    } catch (err) {
      return renderConversation(c, reply.conversationId, { error: problemText(c, err), status: 422 });
    }
    return c.redirect(`/inbox/c/${reply.conversationId}?ok=retracted`, 303);
  })
  .post('/inbox/replies/:id/retry', async (c) => {
    const actor = assertCan(c, 'inbox:write');
    const replyId = pathId(c, 'reply');
    const reply = await retryReply(c.var.deps.db, actor, replyId, c.var.deps.clock());
    runInBackground(
      c,
      sendReply(c.var.deps, reply.id).catch((err) =>
        c.var.deps.logger.error({ err, replyId: reply.id }, 'reply send crashed'),
      ),
    );
    return c.redirect(`/inbox/c/${reply.conversationId}?ok=retried`, 303);
  });
