import { Hono } from 'hono';
import { can } from '../core/roles';
import type { MessageDescriptor } from '../core/i18n/translator';
import type { AppContext, AppEnv } from '../http/env';
import { assertCan, formProblem, parseForm, pathId, requireStaffPage, saidToViewer, shellProps } from '../http/pages';
import { topicMessages as m } from './messages';
import { TopicChange, TopicInput } from './topic.input';
import { createTopic, deleteTopic, getTopic, listTopics, publicTopic, updateTopic } from './topics.service';
import { TopicDeletePage, TopicEditPage } from './views/topic-pages';
import { TopicsPage } from './views/topics-page';

/** What the list says after a change (?ok=…): a code, never text from the URL. */
const OK_MESSAGES: Record<string, MessageDescriptor> = {
  added: m.okAdded,
  saved: m.okSaved,
  paused: m.okPaused,
  resumed: m.okResumed,
  deleted: m.okDeleted,
};
const okMessage = (c: AppContext) => {
  const ok = c.req.query('ok') ?? '';
  return Object.hasOwn(OK_MESSAGES, ok) ? c.var.i18n.t(OK_MESSAGES[ok]!) : undefined;
};
const done = (c: AppContext, ok: keyof typeof OK_MESSAGES) => c.redirect(`/settings/topics?ok=${ok}`, 303);

async function render(c: AppContext, status = 200, extra: { error?: string; values?: Record<string, string> } = {}) {
  const actor = assertCan(c, 'inbox:read');
  const topics = await listTopics(c.var.deps.db, actor.workspaceId);
  return c.html(
    <TopicsPage
      {...shellProps(c)}
      topics={topics.map(publicTopic)}
      canManage={can(actor.role, 'settings:manage')}
      ok={extra.error ? undefined : okMessage(c)}
      {...extra}
    />,
    status as 200,
  );
}

async function renderEdit(
  c: AppContext,
  id: string,
  status = 200,
  extra: { error?: string; values?: Record<string, string> } = {},
) {
  const actor = assertCan(c, 'settings:manage');
  const topic = publicTopic(await getTopic(c.var.deps.db, actor.workspaceId, id));
  return c.html(<TopicEditPage {...shellProps(c)} topic={topic} {...extra} />, status as 200);
}

const setActive = async (c: AppContext, active: boolean) => {
  const actor = assertCan(c, 'settings:manage');
  await updateTopic(c.var.deps.db, actor, pathId(c, 'topic'), { active }, c.var.deps.clock());
  return done(c, active ? 'resumed' : 'paused');
};

/** Settings > Topics: what the workspace listens for; add, edit, pause and delete (after asking) a topic. */
export const topicPages = new Hono<AppEnv>()
  .use('/settings/topics', requireStaffPage)
  .use('/settings/topics/*', requireStaffPage)
  .get('/settings/topics', (c) => render(c))
  .post('/settings/topics', async (c) => {
    const actor = assertCan(c, 'settings:manage');
    const form = await parseForm(c, TopicInput);
    const { values } = form;
    if (!form.ok) return render(c, 422, { error: form.message, values });
    try {
      await createTopic(c.var.deps.db, actor, form.data);
    } catch (err) {
      const e = formProblem(err);
      return render(c, e.status, { error: saidToViewer(c, e), values });
    }
    return done(c, 'added');
  })
  .get('/settings/topics/:id', (c) => renderEdit(c, pathId(c, 'topic')))
  .post('/settings/topics/:id', async (c) => {
    const actor = assertCan(c, 'settings:manage');
    const id = pathId(c, 'topic');
    // The API's PATCH schema: the same checks, the same query compiler (updateTopic validates the query).
    const form = await parseForm(c, TopicChange);
    const { values } = form;
    if (!form.ok) return renderEdit(c, id, 422, { error: form.message, values });
    try {
      await updateTopic(c.var.deps.db, actor, id, form.data, c.var.deps.clock());
    } catch (err) {
      const e = formProblem(err);
      return renderEdit(c, id, e.status, { error: saidToViewer(c, e), values });
    }
    return done(c, 'saved');
  })
  .post('/settings/topics/:id/pause', (c) => setActive(c, false))
  .post('/settings/topics/:id/resume', (c) => setActive(c, true))
  // Asking first: what deleting does to the topic's mentions, with their number, before anything is removed.
  .get('/settings/topics/:id/delete', async (c) => {
    const actor = assertCan(c, 'settings:manage');
    const topic = publicTopic(await getTopic(c.var.deps.db, actor.workspaceId, pathId(c, 'topic')));
    const mentions = await c.var.deps.topicMentions.count(c.var.deps.db, actor.workspaceId, topic.id);
    return c.html(<TopicDeletePage {...shellProps(c)} topic={topic} mentions={mentions} />);
  })
  .post('/settings/topics/:id/delete', async (c) => {
    await deleteTopic(c.var.deps.db, assertCan(c, 'settings:manage'), pathId(c, 'topic'));
    return done(c, 'deleted');
  });
