import { Hono } from 'hono';
import { can } from '../../core/roles';
import { notFound } from '../../core/errors';
import type { AppContext, AppEnv } from '../../http/env';
import { assertCan, formFields, formProblem, pathId, requireStaffPage, shellProps } from '../../http/pages';
import {
  createSavedReply,
  deleteSavedReply,
  listSavedReplies,
  type SavedReplyRow,
  updateSavedReply,
} from './saved.service';
import { SavedRepliesPage } from './views/saved-replies-page';

const OK_MESSAGES: Record<string, string> = { saved: 'Saved reply saved.', deleted: 'Saved reply deleted.' };

async function render(
  c: AppContext,
  extra: {
    status?: number;
    error?: string;
    editing?: SavedReplyRow;
    values?: { name: string; body: string; shared: boolean };
  } = {},
) {
  const actor = assertCan(c, 'inbox:write');
  const items = await listSavedReplies(c.var.deps.db, actor);
  return c.html(
    <SavedRepliesPage
      {...shellProps(c)}
      items={items}
      canShare={can(actor.role, 'settings:manage')}
      userId={actor.userId}
      editing={extra.editing}
      values={extra.values}
      ok={OK_MESSAGES[c.req.query('ok') ?? '']}
      error={extra.error}
    />,
    (extra.status ?? 200) as 200,
  );
}

const read = (form: Record<string, string | string[]>) => {
  const one = (k: string) => String((Array.isArray(form[k]) ? form[k][0] : form[k]) ?? '').trim();
  return { name: one('name').slice(0, 80), body: one('body').slice(0, 5000), shared: one('shared') === '1' };
};

/** Settings > Saved replies: the same service as /api/v1/saved-replies. */
export const savedReplyPages = new Hono<AppEnv>()
  .use('/settings/saved-replies', requireStaffPage)
  .use('/settings/saved-replies/*', requireStaffPage)
  .get('/settings/saved-replies', (c) => render(c))
  .post('/settings/saved-replies', async (c) => {
    const actor = assertCan(c, 'inbox:write');
    const values = read(await formFields(c));
    if (!values.name || !values.body)
      return render(c, { status: 422, error: 'Give the reply a name and a text.', values });
    try {
      await createSavedReply(c.var.deps.db, actor, values);
    } catch (err) {
      const e = formProblem(err);
      return render(c, { status: e.status, error: e.message, values });
    }
    return c.redirect('/settings/saved-replies?ok=saved', 303);
  })
  .get('/settings/saved-replies/:id', async (c) => {
    const actor = assertCan(c, 'inbox:write');
    const id = pathId(c, 'Saved reply');
    const editing = (await listSavedReplies(c.var.deps.db, actor)).find((s) => s.id === id);
    if (!editing) throw notFound('Saved reply');
    return render(c, { editing });
  })
  .post('/settings/saved-replies/:id', async (c) => {
    const actor = assertCan(c, 'inbox:write');
    const id = pathId(c, 'Saved reply');
    const values = read(await formFields(c));
    try {
      await updateSavedReply(c.var.deps.db, actor, id, { name: values.name, body: values.body }, c.var.deps.clock());
    } catch (err) {
      const e = formProblem(err);
      const editing = (await listSavedReplies(c.var.deps.db, actor)).find((s) => s.id === id);
      return render(c, { status: e.status, error: e.message, editing, values });
    }
    return c.redirect('/settings/saved-replies?ok=saved', 303);
  })
  .post('/settings/saved-replies/:id/delete', async (c) => {
    await deleteSavedReply(c.var.deps.db, assertCan(c, 'inbox:write'), pathId(c, 'Saved reply'));
    return c.redirect('/settings/saved-replies?ok=deleted', 303);
  });
