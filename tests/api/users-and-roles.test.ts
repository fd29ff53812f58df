import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, PASSWORD, type TestContext } from '../helpers/test-app';

let t: TestContext;
let ws: Awaited<ReturnType<TestContext['seedWorkspace']>>;
let admin: { token: string; user: { id: string } };
let agent: { token: string; user: { id: string } };
let analyst: { token: string; user: { id: string } };

beforeAll(async () => {
  t = await createTestContext();
  ws = await t.seedWorkspace('Roles');
  admin = await t.seedUser(ws.workspace.id, 'admin', 'admin@roles.test');
  agent = await t.seedUser(ws.workspace.id, 'agent', 'agent@roles.test');
  analyst = await t.seedUser(ws.workspace.id, 'analyst', 'analyst@roles.test');
});
afterAll(() => t.close());

describe('users API', () => {
  it('lets an admin invite an agent, who sets their own password on the link and can then sign in', async () => {
    const res = await t.request('POST', '/api/v1/invitations', {
      token: admin.token,
      body: { email: 'New.Agent@Roles.test', name: 'New Agent', role: 'agent' },
    });
    expect(res.status).toBe(201);
    expect(res.json.invitation).toMatchObject({ email: 'new.agent@roles.test', name: 'New Agent', role: 'agent' });
    const token = new URL(res.json.link).searchParams.get('token');
    const joined = await t.request('POST', '/api/v1/invitations/accept', { body: { token, password: PASSWORD } });
    expect(joined.status).toBe(200);
    const list = await t.request('GET', '/api/v1/users', { token: admin.token });
    const added = list.json.items.find((u: { email: string }) => u.email === 'new.agent@roles.test');
    expect(added).toMatchObject({ name: 'New Agent', role: 'agent', disabled: false });
    expect(added).not.toHaveProperty('passwordHash');
    expect(await t.login('new.agent@roles.test')).toBeTruthy();
  });

  it('lists open invitations and revokes one, whose link then stops working', async () => {
    const res = await t.request('POST', '/api/v1/invitations', {
      token: admin.token,
      body: { email: 'maybe@roles.test', role: 'analyst' },
    });
    const open = await t.request('GET', '/api/v1/invitations', { token: admin.token });
    expect(open.json.items.map((i: { id: string }) => i.id)).toContain(res.json.invitation.id);
    expect(
      (await t.request('DELETE', `/api/v1/invitations/${res.json.invitation.id}`, { token: admin.token })).status,
    ).toBe(204);
    const token = new URL(res.json.link).searchParams.get('token');
    const late = await t.request('POST', '/api/v1/invitations/accept', { body: { token, password: PASSWORD } });
    expect(late.status).toBe(404);
  });

  it('answers 422 for an invitation without a valid email and for a password shorter than 12 characters', async () => {
    const bad = await t.request('POST', '/api/v1/invitations', {
      token: admin.token,
      body: { email: 'not-an-email', role: 'agent' },
    });
    expect(bad.status).toBe(422);
    expect(bad.json.error.details[0].path).toEqual(['email']);
    const res = await t.request('POST', '/api/v1/invitations', {
      token: admin.token,
      body: { email: 'short@roles.test', role: 'agent' },
    });
    const token = new URL(res.json.link).searchParams.get('token');
    const short = await t.request('POST', '/api/v1/invitations/accept', { body: { token, password: 'short' } });
    expect(short.status).toBe(422);
    expect(short.json.error.details[0].path).toEqual(['password']);
  });

  it.each([
    ['agent', () => agent.token],
    ['analyst', () => analyst.token],
  ])('refuses to let an %s invite users (403)', async (_role, token) => {
    const res = await t.request('POST', '/api/v1/invitations', {
      token: token(),
      body: { email: 'x@roles.test', role: 'agent' },
    });
    expect(res.status).toBe(403);
    expect(res.json.error.code).toBe('ROLE_LACKS_PERMISSION');
  });

  it('does not let an admin invite an owner', async () => {
    const res = await t.request('POST', '/api/v1/invitations', {
      token: admin.token,
      body: { email: 'boss2@roles.test', role: 'owner' },
    });
    expect(res.status).toBe(403);
  });

  it('lets an agent list teammates (to assign work)', async () => {
    const res = await t.request('GET', '/api/v1/users', { token: agent.token });
    expect(res.status).toBe(200);
    expect(res.json.items.length).toBeGreaterThanOrEqual(4);
  });

  it('does not let an admin make an owner', async () => {
    const res = await t.request('PATCH', `/api/v1/users/${agent.user.id}`, {
      token: admin.token,
      body: { role: 'owner' },
    });
    expect(res.status).toBe(403);
  });

  it('does not let an admin change the owner', async () => {
    const res = await t.request('PATCH', `/api/v1/users/${ws.owner.id}`, {
      token: admin.token,
      body: { role: 'agent' },
    });
    expect(res.status).toBe(403);
  });

  it('refuses to demote the last owner (409 LAST_OWNER)', async () => {
    // Owners cannot demote themselves into a workspace without owners.
    const res = await t.request('PATCH', `/api/v1/users/${ws.owner.id}`, { token: ws.token, body: { role: 'admin' } });
    expect(res.status).toBe(409);
    expect(res.json.error.code).toBe('LAST_OWNER');
  });

  it('ends every session of a user who is disabled', async () => {
    const victim = await t.seedUser(ws.workspace.id, 'agent', 'leaver@roles.test');
    expect((await t.request('GET', '/api/v1/me', { token: victim.token })).status).toBe(200);
    const res = await t.request('PATCH', `/api/v1/users/${victim.user.id}`, {
      token: admin.token,
      body: { disabled: true },
    });
    expect(res.status).toBe(200);
    expect(res.json.disabled).toBe(true);
    expect((await t.request('GET', '/api/v1/me', { token: victim.token })).status).toBe(401);
    const again = await t.request('POST', '/api/v1/auth/login', {
      body: { email: 'leaver@roles.test', password: PASSWORD },
    });
    expect(again.status).toBe(401);
  });

  it('changes a password: old sessions end, the new password works', async () => {
    const u = await t.seedUser(ws.workspace.id, 'agent', 'rotate@roles.test');
    const res = await t.request('PATCH', `/api/v1/users/${u.user.id}`, {
      token: admin.token,
      body: { password: 'a-brand-new-password' },
    });
    expect(res.status).toBe(200);
    expect((await t.request('GET', '/api/v1/me', { token: u.token })).status).toBe(401);
    expect(await t.login('rotate@roles.test', 'a-brand-new-password')).toBeTruthy();
  });

  it('deletes a user, and the id is then 404', async () => {
    const u = await t.seedUser(ws.workspace.id, 'analyst', 'gone@roles.test');
    expect((await t.request('DELETE', `/api/v1/users/${u.user.id}`, { token: admin.token })).status).toBe(204);
    expect((await t.request('GET', `/api/v1/users/${u.user.id}`, { token: admin.token })).status).toBe(404);
  });

  it('answers 404 (not 422) for an id that is not a uuid', async () => {
    expect((await t.request('GET', '/api/v1/users/not-a-uuid', { token: admin.token })).status).toBe(404);
  });

  it('refuses to let a user delete themselves', async () => {
    const res = await t.request('DELETE', `/api/v1/users/${admin.user.id}`, { token: admin.token });
    expect(res.status).toBe(409);
  });
});

describe('API keys', () => {
  it('shows the secret once; the key then authenticates with its role until revoked', async () => {
    const created = await t.request('POST', '/api/v1/api-keys', {
      token: admin.token,
      body: { name: 'zapier', role: 'analyst' },
    });
    expect(created.status).toBe(201);
    expect(created.json.key).toMatch(/^sck_/);
    const list = await t.request('GET', '/api/v1/api-keys', { token: admin.token });
    const listed = list.json.items.find((k: { id: string }) => k.id === created.json.id);
    expect(listed).toMatchObject({ name: 'zapier', role: 'analyst', revokedAt: null });
    expect(JSON.stringify(list.json)).not.toContain(created.json.key);

    const me = await t.request('GET', '/api/v1/me', { token: created.json.key });
    expect(me.json).toMatchObject({
      role: 'analyst',
      apiKeyId: created.json.id,
      workspaceId: ws.workspace.id,
      id: null,
    });
    // An analyst key cannot manage users.
    expect(
      (
        await t.request('POST', '/api/v1/invitations', {
          token: created.json.key,
          body: { email: 'k@roles.test', role: 'agent' },
        })
      ).status,
    ).toBe(403);

    expect((await t.request('DELETE', `/api/v1/api-keys/${created.json.id}`, { token: admin.token })).status).toBe(200);
    expect((await t.request('GET', '/api/v1/me', { token: created.json.key })).status).toBe(401);
  });

  it('refuses API keys to agents (403) and owner-role keys to anyone (422)', async () => {
    expect(
      (await t.request('POST', '/api/v1/api-keys', { token: agent.token, body: { name: 'x', role: 'agent' } })).status,
    ).toBe(403);
    expect(
      (await t.request('POST', '/api/v1/api-keys', { token: ws.token, body: { name: 'x', role: 'owner' } })).status,
    ).toBe(422);
  });
});

describe('audit log', () => {
  it('records staff actions newest first, with the actor, and pages with a cursor', async () => {
    const first = await t.request('GET', '/api/v1/audit-log?limit=2', { token: ws.token });
    expect(first.status).toBe(200);
    expect(first.json.items).toHaveLength(2);
    expect(first.json.next).toEqual(expect.any(String));
    const second = await t.request('GET', `/api/v1/audit-log?limit=200&cursor=${first.json.next}`, { token: ws.token });
    const all = [...first.json.items, ...second.json.items];
    const ids = all.map((e: { id: string }) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    const actions = all.map((e: { action: string }) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        'invitation.created',
        'invitation.revoked',
        'user.created',
        'user.updated',
        'user.deleted',
        'api_key.created',
        'api_key.revoked',
        'auth.login',
      ]),
    );
    const invited = all.find(
      (e: { action: string; details: { email?: string } }) =>
        e.action === 'invitation.created' && e.details.email === 'new.agent@roles.test',
    );
    expect(invited.actorUserId).toBe(admin.user.id);
    const joined = all.find(
      (e: { action: string; details: { email?: string } }) =>
        e.action === 'user.created' && e.details.email === 'new.agent@roles.test',
    );
    expect(joined.details.invitedBy).toBe(admin.user.id);
    const times = all.map((e: { createdAt: string }) => e.createdAt);
    expect([...times].sort().reverse()).toEqual(times);
  });

  it('is closed to agents', async () => {
    expect((await t.request('GET', '/api/v1/audit-log', { token: agent.token })).status).toBe(403);
  });
});
