import { Hono } from 'hono';
import type { AppEnv } from '../http/env';
import { assertCan, pathId, requireStaffPage, shellProps } from '../http/pages';
import { explainStored } from './explain.service';
import { WhyExplained, WhyPage } from './views/why';

/**
 * "Why negative?" under a post (conversation page, mention stream): the disclosure's script asks for the
 * fragment (`?fragment=1`) when it is opened; without script its link opens this as a page.
 */
export const explainPages = new Hono<AppEnv>().get('/inbox/mentions/:id/why', requireStaffPage, async (c) => {
  const actor = assertCan(c, 'inbox:read');
  const { mention, analysis } = await explainStored(c.var.deps.db, actor.workspaceId, pathId(c, 'mention'));
  if (c.req.query('fragment') === '1') return c.html(<WhyExplained a={analysis} />);
  const back = mention.conversationId ? `/inbox/c/${mention.conversationId}#post-${mention.id}` : '/inbox/mentions';
  return c.html(<WhyPage {...shellProps(c)} a={analysis} text={mention.text} back={back} />);
});
