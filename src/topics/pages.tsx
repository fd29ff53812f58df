import { Hono } from 'hono';
import { can } from '../core/roles';
import type { AppContext, AppEnv } from '../http/env';
import { assertCan, formProblem, parseForm, pathId, requireStaffPage, shellProps } from '../http/pages';
import { TopicInput } from './topic.input';
import { createTopic, deleteTopic, listTopics, publicTopic, updateTopic } from './topics.service';
import { TopicsPage } from './views/topics-page';

async function render(c: AppContext, status = 200, extra: { error?: string; values?: Record<string, string> } = {}) {
  const actor = assertCan(c, 'inbox:read');
  const topics = await listTopics(c.var.deps.db, actor.workspaceId);
  return c.html(
    <TopicsPage
      {...shellProps(c)}
      topics={topics.map(publicTopic)}
      canManage={can(actor.role, 'settings:manage')}
      {...extra}
    />,
    status as 200,
  );
}

/** Settings > Topics: what the workspace listens for. */
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
      return render(c, e.status, { error: e.message, values });
    }
    return c.redirect('/settings/topics', 303);
  })
  .post('/settings/topics/:id/pause', async (c) => {
    await updateTopic(
      c.var.deps.db,
      assertCan(c, 'settings:manage'),
      pathId(c, 'topic'),
      { active: false },
      c.var.deps.clock(),
    );
    return c.redirect('/settings/topics', 303);
  })
  .post('/settings/topics/:id/resume', async (c) => {
    await updateTopic(
      c.var.deps.db,
      assertCan(c, 'settings:manage'),
      pathId(c, 'topic'),
      { active: true },
      c.var.deps.clock(),
    );
    return c.redirect('/settings/topics', 303);
  })
  .post('/settings/topics/:id/delete', async (c) => {
    await deleteTopic(c.var.deps.db, assertCan(c, 'settings:manage'), pathId(c, 'topic'));
    return c.redirect('/settings/topics', 303);
  });
