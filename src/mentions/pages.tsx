import { Hono } from 'hono';
import { dayNumber, instantInBounds } from '../core/days';
import { z } from 'zod';
import { confidenceThreshold } from '../accounts';
import type { AppEnv } from '../http/env';
import { assertCan, requireStaffPage, shellProps } from '../http/pages';
import { PLATFORMS } from '../core/platforms';
import { listTopics } from '../topics';
import { listMentions } from './list';
import { MentionsPage } from './views/mentions-page';

const Filters = z.object({
  topic: z.uuid().optional().catch(undefined),
  platform: z.enum(PLATFORMS).optional().catch(undefined),
  q: z.string().trim().min(1).max(200).optional().catch(undefined),
  cursor: z.string().max(200).optional().catch(undefined),
  // Reports link here with the figure's filters: its days (UTC) and sentiment.
  from: z
    .string()
    .refine((d) => instantInBounds(`${d}T00:00:00Z`) && !Number.isNaN(dayNumber(d)))
    .optional()
    .catch(undefined),
  to: z
    .string()
    .refine((d) => instantInBounds(`${d}T00:00:00Z`) && !Number.isNaN(dayNumber(d)))
    .optional()
    .catch(undefined),
  sentiment: z.enum(['positive', 'neutral', 'negative', 'unscored']).optional().catch(undefined),
  language: z.string().trim().min(2).max(8).optional().catch(undefined),
  source: z
    .string()
    .transform((v) =>
      v
        .split(',')
        .filter(
          (x): x is 'mentions' | 'reviews' | 'community' => x === 'mentions' || x === 'reviews' || x === 'community',
        ),
    )
    .optional()
    .catch(undefined),
});

/** Every mention from every source, newest first: the listening stream beside the conversation inbox. */
export const mentionPages = new Hono<AppEnv>().get('/inbox/mentions', requireStaffPage, async (c) => {
  const actor = assertCan(c, 'inbox:read');
  const f = Filters.parse(c.req.query());
  const [page, topics, threshold] = await Promise.all([
    listMentions(c.var.deps.db, actor.workspaceId, {
      limit: 50,
      ...(f.topic ? { topicId: f.topic } : {}),
      ...(f.platform ? { platform: f.platform } : {}),
      ...(f.q ? { q: f.q } : {}),
      ...(f.cursor ? { cursor: f.cursor } : {}),
      ...(f.from ? { from: new Date(`${f.from}T00:00:00Z`) } : {}),
      ...(f.to ? { to: new Date(`${f.to}T23:59:59.999Z`) } : {}),
      ...(f.sentiment ? { sentiment: f.sentiment } : {}),
      ...(f.language ? { language: f.language } : {}),
      ...(f.source?.length ? { source: f.source } : {}),
    }),
    listTopics(c.var.deps.db, actor.workspaceId),
    confidenceThreshold(c.var.deps.db, actor.workspaceId),
  ]);
  return c.html(
    <MentionsPage
      {...shellProps(c)}
      items={page.items}
      confidenceThreshold={threshold}
      next={page.next}
      topics={topics}
      platforms={PLATFORMS}
      filters={{
        topic: f.topic,
        platform: f.platform,
        q: f.q,
        from: f.from,
        to: f.to,
        sentiment: f.sentiment,
        language: f.language,
        source: f.source?.join(','),
      }}
    />,
  );
});
