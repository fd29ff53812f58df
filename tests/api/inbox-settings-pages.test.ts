import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routingRules, teams } from '../../src/inbox/schema';
import { savedReplies } from '../../src/inbox/replies/schema';
import { createTestContext, type TestContext } from '../helpers/test-app';

let t: TestContext;
let ws: Awaited<ReturnType<TestContext['seedWorkspace']>>;
type Browser = { cookie: string; csrf: string };
let admin: Browser;
let agent: Browser;
let agentId: string;
const FORM = 'application/x-www-form-urlencoded';

const get = async (who: Browser, path: string) => {
  const res = await t.app.request(path, { headers: { cookie: who.cookie } });
  return { status: res.status, html: await res.text() };
};
const send = async (who: Browser, path: string, fields: [string, string][] = []) => {
  const body = new URLSearchParams(fields);
  body.append('_csrf', who.csrf);
  const res = await t.app.request(path, {
    method: 'POST',
    headers: { cookie: who.cookie, 'content-type': FORM },
    body: body.toString(),
  });
  return { status: res.status, html: await res.text(), location: res.headers.get('location') };
};
const rules = () =>
  t.db.select().from(routingRules).where(eq(routingRules.workspaceId, ws.workspace.id)).orderBy(routingRules.position);

beforeAll(async () => {
  t = await createTestContext();
  ws = await t.seedWorkspace('Routing Pages');
  agentId = (await t.seedUser(ws.workspace.id, 'agent', 'ana@routingpages.test')).user.id;
  await t.seedUser(ws.workspace.id, 'admin', 'adi@routingpages.test');
  admin = await t.browserSession('adi@routingpages.test');
  agent = await t.browserSession('ana@routingpages.test');
});
afterAll(() => t.close());

describe('Settings > Routing', () => {
  it('adds a rule from the form with its conditions and actions, and describes it in words', async () => {
    const res = await send(admin, '/settings/routing/rules', [
      ['name', 'VIP complaints'],
      ['platforms', 'x'],
      ['platforms', 'mastodon'],
      ['intents', 'complaint'],
      ['minFollowers', '10000'],
      ['keywords', 'refund, cancel my account'],
      ['assign', `user:${agentId}`],
      ['tags', 'vip'],
      ['priority', 'urgent'],
      ['stopProcessing', '1'],
      ['enabled', '1'],
    ]);
    expect(res).toMatchObject({ status: 303, location: '/settings/routing?ok=rule-saved' });
    const [rule] = await rules();
    expect(rule).toMatchObject({
      name: 'VIP complaints',
      enabled: true,
      stopProcessing: true,
      conditions: {
        platforms: ['x', 'mastodon'],
        intents: ['complaint'],
        minFollowers: 10000,
        keywords: ['refund', 'cancel my account'],
      },
      actions: { assignUserId: agentId, tags: ['vip'], priority: 'urgent' },
    });
    const page = await get(admin, '/settings/routing');
    expect(page.html).toContain(
      'on X or Mastodon; intent complaint; 10,000+ followers; says “refund” or “cancel my account”',
    );
    expect(page.html).toContain('assign to ana@routingpages.test; tag vip; priority urgent');
  });

  it('refuses a rule without an action, keeping what was typed', async () => {
    const res = await send(admin, '/settings/routing/rules', [
      ['name', 'Does nothing'],
      ['keywords', 'hello'],
    ]);
    expect(res.status).toBe(422);
    expect(res.html).toContain('A rule needs at least one action');
    expect(res.html).toContain('value="hello"');
  });

  it('reorders, disables, edits and deletes rules', async () => {
    await send(admin, '/settings/routing/rules', [
      ['name', 'Spam words'],
      ['keywords', 'crypto giveaway'],
      ['markSpam', '1'],
      ['enabled', '1'],
    ]);
    const [first, second] = await rules();
    await send(admin, `/settings/routing/rules/${second!.id}/up`);
    expect((await rules()).map((r) => r.name)).toEqual(['Spam words', 'VIP complaints']);
    await send(admin, `/settings/routing/rules/${first!.id}/toggle`);
    expect((await rules()).find((r) => r.id === first!.id)!.enabled).toBe(false);

    const edit = await get(admin, `/settings/routing/rules/${second!.id}`);
    expect(edit.html).toContain('value="crypto giveaway"');
    await send(admin, `/settings/routing/rules/${second!.id}`, [
      ['name', 'Spam words'],
      ['keywords', 'crypto giveaway, free nft'],
      ['markSpam', '1'],
      ['enabled', '1'],
    ]);
    expect((await rules()).find((r) => r.id === second!.id)!.conditions).toEqual({
      keywords: ['crypto giveaway', 'free nft'],
    });

    await send(admin, `/settings/routing/rules/${second!.id}/delete`);
    expect((await rules()).map((r) => r.name)).toEqual(['VIP complaints']);
  });

  it('adds and edits a team with members, refusing a taken name', async () => {
    expect(
      (
        await send(admin, '/settings/routing/teams', [
          ['name', 'Support'],
          ['maxOpenPerAgent', '10'],
          ['memberIds', agentId],
        ])
      ).status,
    ).toBe(303);
    const [team] = await t.db.select().from(teams).where(eq(teams.workspaceId, ws.workspace.id));
    expect(team).toMatchObject({ name: 'Support', maxOpenPerAgent: 10 });
    expect((await send(admin, '/settings/routing/teams', [['name', 'Support']])).html).toContain(
      'A team named Support already exists',
    );
    await send(admin, `/settings/routing/teams/${team!.id}`, [
      ['name', 'Support EU'],
      ['maxOpenPerAgent', '5'],
    ]);
    const page = await get(admin, '/settings/routing');
    expect(page.html).toContain('Support EU');
    expect(page.html).toContain('Round-robin: Support EU');
  });

  it('shows an agent the rules without forms, and refuses their changes', async () => {
    const page = await get(agent, '/settings/routing');
    expect(page.status).toBe(200);
    expect(page.html).toContain('VIP complaints');
    expect(page.html).not.toContain('data-testid="rule-form"');
    expect(
      (
        await send(agent, '/settings/routing/rules', [
          ['name', 'x'],
          ['markSpam', '1'],
        ])
      ).status,
    ).toBe(403);
  });
});

describe('Settings > Saved replies', () => {
  it('lets an agent keep a private reply and an admin a shared one, refusing unknown variables', async () => {
    expect(
      (
        await send(agent, '/settings/saved-replies', [
          ['name', 'Delay'],
          ['body', 'Hi {{first_name}}, sorry for the wait!'],
        ])
      ).status,
    ).toBe(303);
    expect(
      (
        await send(admin, '/settings/saved-replies', [
          ['name', 'Thanks'],
          ['body', 'Thank you {{first_name}}!'],
          ['shared', '1'],
        ])
      ).status,
    ).toBe(303);
    const bad = await send(agent, '/settings/saved-replies', [
      ['name', 'Oops'],
      ['body', 'Hi {{nickname}}'],
    ]);
    expect(bad.status).toBe(422);
    expect(bad.html).toContain('Unknown variable {{nickname}}');
    const rows = await t.db.select().from(savedReplies).where(eq(savedReplies.workspaceId, ws.workspace.id));
    expect(rows.map((r) => [r.name, r.ownerId === null]).sort()).toEqual([
      ['Delay', false],
      ['Thanks', true],
    ]);

    const agentPage = await get(agent, '/settings/saved-replies');
    expect(agentPage.html.match(/data-testid="saved-reply-row"/g)).toHaveLength(2);
    const shared = rows.find((r) => r.name === 'Thanks')!;
    expect(agentPage.html).not.toContain(`/settings/saved-replies/${shared.id}"`);
    expect(
      (
        await send(agent, `/settings/saved-replies/${shared.id}`, [
          ['name', 'Mine now'],
          ['body', 'x'],
        ])
      ).status,
    ).toBe(403);
    // The admin does not see the agent's private reply.
    expect((await get(admin, '/settings/saved-replies')).html).not.toContain('sorry for the wait');
  });
});
