import { Hono } from 'hono';
import { activeStaff, confidenceThreshold } from '../accounts';
import { can } from '../core/roles';
import type { AppEnv } from '../http/env';
import { assertCan, requireStaffPage, shellProps } from '../http/pages';
import { PLATFORMS } from '../core/platforms';
import { INTENTS } from '../sentiment';
import { listTopics } from '../topics';
import { listMentions } from './list';
import { readStreamFilters, toMentionFilters } from './stream-filters';
import { MentionsPage } from './views/mentions-page';

/** Every mention from every source, newest first: the listening stream beside the conversation inbox. */
export const mentionPages = new Hono<AppEnv>().get('/inbox/mentions', requireStaffPage, async (c) => {
  const actor = assertCan(c, 'inbox:read');
  const filters = readStreamFilters(c.req.query());
  const canWrite = can(actor.role, 'inbox:write');
  const [page, topics, threshold, staff] = await Promise.all([
    listMentions(c.var.deps.db, actor.workspaceId, toMentionFilters(filters, 50)),
    listTopics(c.var.deps.db, actor.workspaceId),
    confidenceThreshold(c.var.deps.db, actor.workspaceId),
    // Who a mention's conversation can be assigned to, from the stream (people who may triage).
    canWrite ? activeStaff(c.var.deps.db, actor.workspaceId) : [],
  ]);
  return c.html(
    <MentionsPage
      {...shellProps(c)}
      items={page.items}
      confidenceThreshold={threshold}
      next={page.next}
      topics={topics}
      platforms={PLATFORMS}
      intents={INTENTS}
      filters={filters}
      teammates={staff.map((u) => ({ id: u.id, name: u.name || u.email }))}
      me={actor.userId}
      canWrite={canWrite}
    />,
  );
});
