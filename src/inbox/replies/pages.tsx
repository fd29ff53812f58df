import { Hono } from 'hono';
import { can } from '../../core/roles';
import { inboxError } from '../errors';
import type { AppContext, AppEnv } from '../../http/env';
import {
  assertCan,
  formProblem,
  type PostedValues,
  parseForm,
  pathId,
  requireStaffPage,
  shellProps,
} from '../../http/pages';
import type { MessageDescriptor } from '../../core/i18n/translator';
import { savedReplyMessages as m } from './messages';
import { NewSavedReply, SavedReplyInput } from './reply.input';
import {
  createSavedReply,
  deleteSavedReply,
  listSavedReplies,
  type SavedReplyRow,
  updateSavedReply,
} from './saved.service';
import { SavedRepliesPage } from './views/saved-replies-page';

const OK_MESSAGES: Record<string, MessageDescriptor> = { saved: m.okSaved, deleted: m.okDeleted };

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
  const ok = OK_MESSAGES[c.req.query('ok') ?? ''];
  return c.html(
    <SavedRepliesPage
      {...shellProps(c)}
      items={items}
      canShare={can(actor.role, 'settings:manage')}
      userId={actor.userId}
      editing={extra.editing}
      values={extra.values}
      ok={ok && c.var.i18n.t(ok)}
      error={extra.error}
    />,
    (extra.status ?? 200) as 200,
  );
}

/** What was typed, to fill the form again. */
const typed = ({ values }: PostedValues) => ({
  name: values.name ?? '',
  body: values.body ?? '',
  shared: values.shared !== undefined,
});
/** The form's fields by their labels, to name one in a problem. */
const labels = (c: AppContext) => ({ labels: { name: c.var.i18n.t(m.name), body: c.var.i18n.t(m.body) } });

/** Settings > Saved replies: the same service as /api/v1/saved-replies. */
export const savedReplyPages = new Hono<AppEnv>()
  .use('/settings/saved-replies', requireStaffPage)
  .use('/settings/saved-replies/*', requireStaffPage)
  .get('/settings/saved-replies', (c) => render(c))
  .post('/settings/saved-replies', async (c) => {
    const actor = assertCan(c, 'inbox:write');
    const form = await parseForm(c, NewSavedReply, labels(c));
    const values = typed(form);
    if (!form.ok) return render(c, { status: 422, error: form.message, values });
    try {
      await createSavedReply(c.var.deps.db, actor, form.data);
    } catch (err) {
      const e = formProblem(err);
      return render(c, { status: e.status, error: e.message, values });
    }
    return c.redirect('/settings/saved-replies?ok=saved', 303);
  })
  .get('/settings/saved-replies/:id', async (c) => {
    const actor = assertCan(c, 'inbox:write');
    const id = pathId(c, 'saved_reply');
    const editing = (await listSavedReplies(c.var.deps.db, actor)).find((s) => s.id === id);
    if (!editing) throw inboxError('SAVED_REPLY_NOT_FOUND');
    return render(c, { editing });
  })
  .post('/settings/saved-replies/:id', async (c) => {
    const actor = assertCan(c, 'inbox:write');
    const id = pathId(c, 'saved_reply');
    const form = await parseForm(c, SavedReplyInput, labels(c));
    const again = async (status: number, error: string) => {
      const editing = (await listSavedReplies(c.var.deps.db, actor)).find((s) => s.id === id);
      // Another workspace's (or person's) reply is not there at all, however the form was filled in.
      if (!editing) throw inboxError('SAVED_REPLY_NOT_FOUND');
      return render(c, { status, error, editing, values: typed(form) });
    };
    if (!form.ok) return again(422, form.message);
    try {
      await updateSavedReply(c.var.deps.db, actor, id, form.data, c.var.deps.clock());
    } catch (err) {
      const e = formProblem(err);
      return again(e.status, e.message);
    }
    return c.redirect('/settings/saved-replies?ok=saved', 303);
  })
  .post('/settings/saved-replies/:id/delete', async (c) => {
    await deleteSavedReply(c.var.deps.db, assertCan(c, 'inbox:write'), pathId(c, 'saved_reply'));
    return c.redirect('/settings/saved-replies?ok=deleted', 303);
  });
