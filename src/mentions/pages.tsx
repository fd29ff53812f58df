import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../server/env';
import { assertCan, requireStaffPage, shellProps } from '../server/pages';
import { PLATFORMS } from '../sources/schema';
import { listTopics } from '../topics/topics.service';
import { listMentions } from './list';
import { MentionsPage } from './views/mentions-page';

const Filters = z.object({
  topic: z.uuid().optional().catch(undefined),
  platform: z.enum(PLATFORMS).optional().catch(undefined),
  q: z.string().trim().min(1).max(200).optional().catch(undefined),
  cursor: z.string().max(200).optional().catch(undefined),
});

/** Every mention from every source, newest first: the listening stream beside the conversation inbox. */
export const mentionPages = new Hono<AppEnv>().get('/inbox/mentions', requireStaffPage, async (c) => {
  const actor = assertCan(c, 'inbox:read');
  const f = Filters.parse(c.req.query());
  const [page, topics] = await Promise.all([
    listMentions(c.var.deps.db, actor.workspaceId, {
      limit: 50,
      ...(f.topic ? { topicId: f.topic } : {}),
      ...(f.platform ? { platform: f.platform } : {}),
      ...(f.q ? { q: f.q } : {}),
      ...(f.cursor ? { cursor: f.cursor } : {}),
    }),
    listTopics(c.var.deps.db, actor.workspaceId),
  ]);
  return c.html(
    <MentionsPage {...shellProps(c)} items={page.items} next={page.next} topics={topics} platforms={PLATFORMS} filters={{ topic: f.topic, platform: f.platform, q: f.q }} />,
  );
});
