import { Hono } from 'hono';
import type { AppEnv } from '../http/env';
import { assertCan, pathId, requireStaffPage, shellProps } from '../http/pages';
import { useT } from '../http/web/i18n';
import { AppShell } from '../http/web/layout';
import { PostButton, when } from '../http/web/settings-shell';
import { inboxError } from './errors';
import { noticeText } from './notification-text';
import { m } from './notifications.messages';
import { listNotifications, markRead, type NotificationRow } from './notifications.service';

function NotificationsPage(
  p: Omit<Parameters<typeof AppShell>[0], 'title' | 'active' | 'children'> & { items: NotificationRow[] },
) {
  const unread = p.items.filter((n) => !n.readAt).length;
  const translator = useT();
  const { t } = translator;
  return (
    <AppShell {...p} title={t(m.title)} active="/inbox">
      <div class="page-head">
        <h1>{t(m.title)}</h1>
        {unread ? <PostButton action="/notifications/read" label={t(m.markAllRead)} csrf={p.csrfToken} /> : null}
      </div>
      {p.items.length === 0 ? (
        <div class="card empty">{t(m.empty)}</div>
      ) : (
        <ol class="conversations" data-testid="notifications">
          {p.items.map((n) => (
            <li class={`card conv-row${n.readAt ? '' : ' unread'}`} data-testid="notification">
              <div class="conv-main">
                <div class="conv-head">
                  <span class={`badge${n.readAt ? '' : ' count'}`}>{t(m.kind, { kind: n.kind })}</span>
                  <time class="muted small" datetime={n.createdAt.toISOString()}>
                    {when(n.createdAt)}
                  </time>
                </div>
                {n.conversationId ? (
                  <a class="conv-subject" href={`/notifications/${n.id}/open`}>
                    {noticeText(translator, n)}
                  </a>
                ) : (
                  <p class="conv-subject">{noticeText(translator, n)}</p>
                )}
              </div>
            </li>
          ))}
        </ol>
      )}
    </AppShell>
  );
}

/** The notifications page; opening one marks it read and goes to its conversation. */
export const notificationPages = new Hono<AppEnv>()
  .use('/notifications', requireStaffPage)
  .use('/notifications/*', requireStaffPage)
  .get('/notifications', async (c) => {
    const actor = assertCan(c, 'inbox:read');
    const items = actor.userId ? await listNotifications(c.var.deps.db, actor.workspaceId, actor.userId, 100) : [];
    return c.html(<NotificationsPage {...shellProps(c)} items={items} />);
  })
  .post('/notifications/read', async (c) => {
    const actor = assertCan(c, 'inbox:read');
    if (actor.userId) await markRead(c.var.deps.db, actor.workspaceId, actor.userId, c.var.deps.clock());
    return c.redirect('/notifications', 303);
  })
  .get('/notifications/:id/open', async (c) => {
    const actor = assertCan(c, 'inbox:read');
    const id = pathId(c, 'notification');
    const n = actor.userId
      ? (await listNotifications(c.var.deps.db, actor.workspaceId, actor.userId, 500)).find((x) => x.id === id)
      : undefined;
    if (!n) throw inboxError('NOTIFICATION_NOT_FOUND');
    await markRead(c.var.deps.db, actor.workspaceId, actor.userId!, c.var.deps.clock(), [id]);
    return c.redirect(n.conversationId ? `/inbox/c/${n.conversationId}` : '/notifications', 303);
  });
