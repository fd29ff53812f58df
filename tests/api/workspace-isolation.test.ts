import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mentions } from '../../src/mentions/schema';
import { createApiKey } from '../../src/accounts/api-keys.service';
import { getApiKey } from '../../src/accounts/api-keys.service';
import { inviteUser } from '../../src/accounts/invitations.service';
import { getUser } from '../../src/accounts/users.service';
import { createContact } from '../../src/contacts/contacts.service';
import { createContactImport } from '../../src/contacts/import.service';
import { mergeContacts } from '../../src/contacts/merge.service';
import { duplicateSuggestions, segments } from '../../src/contacts/schema';
import { createImport } from '../../src/imports/import.service';
import { categories, ideas } from '../../src/community/schema';
import { conversations, notifications, routingRules, teams } from '../../src/inbox/schema';
import { ingestPosts } from '../../src/ingest/pipeline';
import { replies, savedReplies } from '../../src/inbox/replies/schema';
import { storePosts } from '../../src/mentions/store';
import { createSource, getSource } from '../../src/sources/sources.service';
import { createTopic, getTopic } from '../../src/topics/topics.service';
import { lexiconEntries } from '../../src/vocabulary/schema';
import { createTestContext, PASSWORD, type TestContext } from '../helpers/test-app';

/**
 * A user of workspace A must get 404 for every object id of workspace B, on every route that takes
 * an id: JSON API and pages alike. Routes are read from the app itself, so a new route with an id
 * fails here until it has a fixture below (and is then checked).
 */
let t: TestContext;
let a: Awaited<ReturnType<TestContext['seedWorkspace']>>;
let b: Awaited<ReturnType<TestContext['seedWorkspace']>>;
let cookie: string;
let csrfToken: string;
const fixtures: { match: RegExp; id: () => string }[] = [];
/** Real ids of workspace A's own objects, sent in bodies, so only the id in the path can make a route refuse. */
let own: { idea: string; contact: string; conversation: string; mention: string };
/** Workspace B's conversation as seeded (its own routing rule marks it spam), to compare after the requests. */
let bConversationBefore: typeof conversations.$inferSelect;

beforeAll(async () => {
  t = await createTestContext();
  a = await t.seedWorkspace('Alpha');
  b = await t.seedWorkspace('Bravo');
  const bAgent = await t.seedUser(b.workspace.id, 'agent', 'agent@bravo.test');
  const bKey = await createApiKey(
    t.db,
    {
      workspaceId: b.workspace.id,
      workspaceSlug: b.workspace.slug,
      userId: b.owner.id,
      apiKeyId: null,
      role: 'owner',
      ip: null,
    },
    { name: 'bravo key', role: 'agent' },
  );
  const bActor = {
    workspaceId: b.workspace.id,
    workspaceSlug: b.workspace.slug,
    userId: b.owner.id,
    apiKeyId: null,
    role: 'owner' as const,
    ip: null,
  };
  const bTopic = await createTopic(t.db, bActor, { name: 'B topic', kind: 'brand', query: 'bravo' });
  const bSource = await createSource(
    t.deps,
    bActor,
    { platform: 'x', name: 'B on X', config: { baseUrl: 'http://127.0.0.1:9/' }, credentials: { bearerToken: 'b' } },
    new Date(),
  );
  const stored = await storePosts(t.db, { workspaceId: b.workspace.id, sourceId: null, platform: 'x' }, [
    {
      post: {
        externalId: 'b-1',
        url: null,
        kind: 'post',
        title: null,
        text: 'bravo post',
        lang: null,
        createdAt: new Date(),
        author: {
          externalId: null,
          handle: 'b',
          name: null,
          followers: null,
          bio: null,
          url: null,
          avatarUrl: null,
          verified: false,
        },
        replyToExternalId: null,
        threadExternalId: null,
        metrics: {},
        deleted: false,
        raw: {},
      },
      topicIds: [],
    },
  ]);
  const bMention = stored.insertedIds[0]!;
  const bContact = await createContact(t.db, bActor, { name: 'Bravo Person' });
  const bOther = await createContact(t.db, bActor, { name: 'Bravo Persona' });
  const [bSuggestion] = await t.db
    .insert(duplicateSuggestions)
    .values({
      workspaceId: b.workspace.id,
      contactA: [bContact.id, bOther.id].sort()[0]!,
      contactB: [bContact.id, bOther.id].sort()[1]!,
      reasons: [],
      confidence: 0.5,
    })
    .returning();
  const bMerge = await mergeContacts(t.db, bActor, { into: bContact.id, from: [bOther.id] }, new Date());
  const [bSaved] = await t.db
    .insert(savedReplies)
    .values({ workspaceId: b.workspace.id, ownerId: null, name: 'B saved', body: 'hi' })
    .returning();
  const [bRule] = await t.db
    .insert(routingRules)
    .values({ workspaceId: b.workspace.id, name: 'B rule', position: 0, conditions: {}, actions: { markSpam: true } })
    .returning();
  const [bTeam] = await t.db.insert(teams).values({ workspaceId: b.workspace.id, name: 'B team' }).returning();
  const [bSegment] = await t.db
    .insert(segments)
    .values({ workspaceId: b.workspace.id, name: 'B segment', filter: {} })
    .returning();
  await ingestPosts(t.deps, { workspaceId: b.workspace.id, sourceId: null, platform: 'x', topics: [] }, [
    {
      externalId: 'b-conv',
      url: null,
      kind: 'post',
      title: null,
      text: 'bravo conversation',
      lang: null,
      createdAt: new Date(),
      author: {
        externalId: 'b-author',
        handle: 'bauthor',
        name: null,
        followers: null,
        bio: null,
        url: null,
        avatarUrl: null,
        verified: false,
      },
      replyToExternalId: null,
      threadExternalId: null,
      metrics: {},
      deleted: false,
      raw: {},
    },
  ]);
  const [bConversation] = await t.db.select().from(conversations).where(eq(conversations.workspaceId, b.workspace.id));
  bConversationBefore = bConversation!;
  const [bConvMention] = await t.db.select().from(mentions).where(eq(mentions.conversationId, bConversation!.id));
  const [bReply] = await t.db
    .insert(replies)
    .values({
      workspaceId: b.workspace.id,
      conversationId: bConversation!.id,
      inReplyToMentionId: bConvMention!.id,
      platform: 'x',
      text: 'b reply',
      idempotencyKey: 'b-key',
      status: 'failed',
    })
    .returning();
  const [bNotification] = await t.db
    .insert(notifications)
    .values({
      workspaceId: b.workspace.id,
      userId: bAgent.user.id,
      kind: 'assigned',
      conversationId: bConversation!.id,
      text: 'b notice',
    })
    .returning();
  const [bIdea] = await t.db.insert(ideas).values({ workspaceId: b.workspace.id, title: 'B idea' }).returning();
  const [bCategory] = await t.db
    .insert(categories)
    .values({ workspaceId: b.workspace.id, name: 'B category' })
    .returning();
  const bImport = await createImport(t.db, bActor, {
    filename: 'b.csv',
    format: 'csv',
    mapping: {},
    content: 'text\nhello\n',
  });
  const bInvitation = (
    await inviteUser(
      t.deps,
      bActor,
      { email: 'invitee@bravo.test', role: 'agent' },
      { now: new Date(), baseUrl: 'http://x' },
    )
  ).invitation;
  const bContactImport = await createContactImport(t.db, bActor, {
    filename: 'b-contacts.csv',
    content: 'name,email\nBea,bea@bravo.test\n',
  });
  const [bTerm] = await t.db
    .insert(lexiconEntries)
    .values({ workspaceId: b.workspace.id, term: 'sick', termKey: 'sick', language: null, weight: 3 })
    .returning();
  fixtures.push(
    { match: /\/users\/(?!invitations\/)/, id: () => bAgent.user.id },
    { match: /\/api-keys\//, id: () => bKey.row.id },
    { match: /\/topics\//, id: () => bTopic.id },
    { match: /\/sources\//, id: () => bSource.id },
    { match: /(?<!contacts)\/imports\//, id: () => bImport.id },
    { match: /^(?!\/inbox\/c\/).*\/mentions\//, id: () => bMention },
    { match: /\/conversations\//, id: () => bConversation!.id },
    { match: /\/saved-replies\//, id: () => bSaved!.id },
    { match: /\/routing-rules\//, id: () => bRule!.id },
    { match: /\/teams\//, id: () => bTeam!.id },
    { match: /\/replies\//, id: () => bReply!.id },
    { match: /\/contacts\/duplicates\//, id: () => bSuggestion!.id },
    { match: /\/contacts\/merges\//, id: () => bMerge.mergeId },
    { match: /\/contacts\/imports\//, id: () => bContactImport.id },
    { match: /\/contacts\/segments\//, id: () => bSegment!.id },
    { match: /\/contacts\//, id: () => bContact.id },
    { match: /\/segments\//, id: () => bSegment!.id },
    { match: /\/inbox\/c\//, id: () => bConversation!.id },
    { match: /\/inbox\/rows\//, id: () => bConversation!.id },
    { match: /\/ideas\/suggested\//, id: () => bMention },
    { match: /\/community\/suggested\//, id: () => bMention },
    { match: /\/community\/categories\//, id: () => bCategory!.id },
    { match: /\/ideas\//, id: () => bIdea!.id },
    { match: /\/community\/moderation\//, id: () => bIdea!.id },
    { match: /\/settings\/routing\/rules\//, id: () => bRule!.id },
    { match: /^\/notifications\//, id: () => bNotification!.id },
    { match: /\/invitations\//, id: () => bInvitation.id },
    { match: /\/settings\/routing\/teams\//, id: () => bTeam!.id },
    { match: /\/analysis\/lexicon\//, id: () => bTerm!.id },
    { match: /\/settings\/vocabulary\//, id: () => bTerm!.id },
  );
  const aActor = {
    workspaceId: a.workspace.id,
    workspaceSlug: a.workspace.slug,
    userId: a.owner.id,
    apiKeyId: null,
    role: 'owner' as const,
    ip: null,
  };
  await ingestPosts(t.deps, { workspaceId: a.workspace.id, sourceId: null, platform: 'x', topics: [] }, [
    {
      externalId: 'a-conv',
      url: null,
      kind: 'post',
      title: null,
      text: 'alpha conversation',
      lang: null,
      createdAt: new Date(),
      author: {
        externalId: 'a-author',
        handle: 'aauthor',
        name: null,
        followers: null,
        bio: null,
        url: null,
        avatarUrl: null,
        verified: false,
      },
      replyToExternalId: null,
      threadExternalId: null,
      metrics: {},
      deleted: false,
      raw: {},
    },
  ]);
  const [aConversation] = await t.db.select().from(conversations).where(eq(conversations.workspaceId, a.workspace.id));
  const [aMention] = await t.db.select().from(mentions).where(eq(mentions.conversationId, aConversation!.id));
  const [aIdea] = await t.db.insert(ideas).values({ workspaceId: a.workspace.id, title: 'A idea' }).returning();
  own = {
    idea: aIdea!.id,
    contact: (await createContact(t.db, aActor, { name: 'Alpha Person' })).id,
    conversation: aConversation!.id,
    mention: aMention!.id,
  };
  const login = await t.request('POST', '/api/v1/auth/login', {
    body: { email: 'owner@alpha.test', password: PASSWORD },
  });
  cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
  csrfToken = login.json.csrfToken;
});
afterAll(() => t.close());

const routesWithIds = () => [
  ...new Map(
    t.app.routes.filter((r) => r.path.includes(':id') && r.method !== 'ALL').map((r) => [`${r.method} ${r.path}`, r]),
  ).values(),
];

/** Every id route of workspace B, called once by a user of workspace A; each test that needs it awaits it. */
let attack: Promise<string[]> | undefined;
const attackOnce = () => (attack ??= attackAll());

async function attackAll() {
  const results: string[] = [];
  for (const route of routesWithIds()) {
    const fixture = fixtures.find((f) => f.match.test(route.path));
    if (!fixture) throw new Error(`No workspace-B fixture for ${route.method} ${route.path}: add one`);
    const path = route.path.replace(':id', fixture.id()).replace(':kind', 'idea');
    const isApi = path.startsWith('/api/');
    const res = isApi
      ? await t.request(route.method, path, {
          token: a.token,
          ...(['POST', 'PATCH', 'PUT'].includes(route.method)
            ? {
                body: {
                  role: 'admin',
                  name: 'x',
                  days: 7,
                  label: 'negative',
                  body: 'x',
                  text: 'x',
                  conversationId: own.conversation,
                  state: 'viewing',
                  intents: [],
                  into: route.path.includes('idea') ? own.idea : own.contact,
                  mentionId: own.mention,
                  action: 'hide',
                },
              }
            : {}),
        })
      : await t.app.request(path, {
          method: route.method,
          headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
          ...(route.method === 'GET'
            ? {}
            : {
                body: new URLSearchParams({
                  _csrf: csrfToken,
                  role: 'admin',
                  days: '7',
                  action: 'hide',
                  into: route.path.includes('idea') ? own.idea : own.contact,
                  ideaId: own.idea,
                  title: 'A title',
                  body: 'x',
                }).toString(),
              }),
        });
    results.push(`${route.method} ${route.path} -> ${res.status}`);
  }
  return results;
}

describe('workspace isolation', () => {
  it('finds the routes that take an object id', () => {
    const names = routesWithIds().map((r) => `${r.method} ${r.path}`);
    expect(names).toEqual(
      expect.arrayContaining([
        'GET /api/v1/users/:id',
        'PATCH /api/v1/users/:id',
        'DELETE /api/v1/api-keys/:id',
        'POST /api/v1/sources/:id/poll',
        'DELETE /api/v1/topics/:id',
      ]),
    );
  });

  it('answers 404 to a user of workspace A for every id of workspace B, API and pages', async () => {
    const results = await attackOnce();
    expect(results.filter((r) => !r.endsWith('-> 404'))).toEqual([]);
    expect(results.length).toBeGreaterThanOrEqual(14);
  });

  it('left workspace B untouched after every one of those requests', async () => {
    // Runs the requests itself (once per file), so this holds when the test runs alone too.
    expect((await attackOnce()).length).toBeGreaterThanOrEqual(14);
    const agent = await getUser(t.db, b.workspace.id, fixtures[0]!.id());
    expect(agent.role).toBe('agent');
    expect(agent.name).toBe('');
    const key = await getApiKey(t.db, b.workspace.id, fixtures[1]!.id());
    expect(key.revokedAt).toBeNull();
    expect((await getTopic(t.db, b.workspace.id, fixtures[2]!.id())).name).toBe('B topic');
    const [term] = await t.db
      .select()
      .from(lexiconEntries)
      .where(eq(lexiconEntries.id, fixtures.at(-1)!.id()));
    expect(term?.term).toBe('sick');
    const [mention] = await t.db.select().from(mentions).where(eq(mentions.id, fixtures[5]!.id()));
    expect(mention!.sentimentOverride).toBeNull();
    expect(mention!.intentsOverride).toBeNull();
    const source = await getSource(t.db, b.workspace.id, fixtures[3]!.id());
    expect(source).toMatchObject({ name: 'B on X', paused: false, lastPolledAt: null });
    const [idea] = await t.db
      .select()
      .from(ideas)
      .where(eq(ideas.id, fixtures.find((f) => f.match.source === '\\/ideas\\/')!.id()));
    expect(idea).toMatchObject({ title: 'B idea', mergedIntoId: null, visibility: 'visible' });
    const [conversation] = await t.db.select().from(conversations).where(eq(conversations.id, bConversationBefore.id));
    const fields = ({ status, assigneeId, priority, snoozedUntil }: typeof conversation & {}) => ({
      status,
      assigneeId,
      priority,
      snoozedUntil,
    });
    expect(fields(conversation!)).toEqual(fields(bConversationBefore));
  });

  it('lists only its own workspace users', async () => {
    const res = await t.request('GET', '/api/v1/users', { token: a.token });
    expect(res.json.items.map((u: { email: string }) => u.email)).toEqual(['owner@alpha.test']);
  });
});
