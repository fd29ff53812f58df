import { type Actor, ownerActor } from '../core/actor';
import type { Argon2Params } from '../accounts';
import { createWorkspaceWithOwner, findMembership, workspaceBySlug } from '../accounts';
import type { AppDeps } from '../http/env';
import { listReviews } from '../community';
import { ensureSource } from '../sources';
import { createTopic, listTopics } from '../topics';
import { seedBoard } from './demo/board';
import { seedHistory } from './demo/history';
import { setUpInbox } from './demo/inbox-setup';
import { demoPassword } from './demo/password';
import { seedClient } from './demo/seed-client';
import { alignPasswords, DEMO_EMAIL, ensureTeammates, type Login, TEAMMATES } from './demo/teammates';

export { DEMO_EMAIL } from './demo/teammates';

const DEMO_TOPICS = [
  { name: 'Work', kind: 'brand', query: 'work OR working OR job OR boss OR office' },
  { name: 'Weather', kind: 'competitor', query: 'rain OR snow OR weather OR sunshine OR sunny' },
  { name: 'Music', kind: 'competitor', query: 'music OR song OR album OR concert OR band' },
  { name: 'Food & drink', kind: 'product', query: 'food OR coffee OR dinner OR lunch OR breakfast OR pizza OR beer' },
  { name: 'Twitter', kind: 'campaign', query: 'twitter OR tweet OR tweets OR #twitter' },
] as const;

export interface DemoOptions {
  now: Date;
  /** The data directory's app secret: the demo password is derived from it (demo/password.ts). */
  appSecret: string;
  /** Where the app is reached (the board's links). */
  baseUrl: string;
  passwordParams?: Argon2Params;
  /** Seed the 90 days of history, the team's work and the board (on by default; off for quick tests). */
  history?: boolean;
  /** Told when this start seeds (the first), before the work begins: a person waits for it. */
  onSeeding?: () => void;
}

export interface DemoWorkspace {
  workspace: { id: string; slug: string; name: string };
  /** The one password of every demo login; the same on every start of the same data. */
  password: string;
  email: string;
  logins: Login[];
  sourceId: string;
  /** What this start seeded (null: seeded before, or history off). */
  seeded: { posts: number; replies: number; ms: number } | null;
}

/**
 * `npm start -- --demo`: a workspace that tells a team's last 90 days. On the first start it is made and
 * seeded through the app's own flow (posts ingested day by day, a team answering through the API, customers
 * on the board); later starts find it seeded and only make sure the logins still take the demo password.
 */
export async function ensureDemoWorkspace(deps: AppDeps, options: DemoOptions): Promise<DemoWorkspace> {
  const { now, passwordParams } = options;
  const password = demoPassword(options.appSecret);
  let ws = await workspaceBySlug(deps.db, 'demo');
  if (!ws)
    ws = (
      await createWorkspaceWithOwner(
        deps.db,
        { workspaceName: 'Demo', email: DEMO_EMAIL, name: 'Demo Owner', password },
        passwordParams,
      )
    ).workspace;
  // A data folder from a version that printed a new password on each start: the owner gets the derived one.
  else await alignPasswords(deps.db, [DEMO_EMAIL], password, passwordParams);
  const owner = await findMembership(deps.db, ws.id, DEMO_EMAIL);
  if (!owner)
    throw new Error(`The demo workspace has no ${DEMO_EMAIL}; remove the workspace or use another data folder`);
  const actor: Actor = ownerActor(ws, owner.id, 'demo');

  const have = new Set((await listTopics(deps.db, ws.id)).map((t) => t.name));
  for (const topic of DEMO_TOPICS) if (!have.has(topic.name)) await createTopic(deps.db, actor, topic);
  const source = await ensureSource(
    deps,
    actor,
    { platform: 'demo', name: 'Demo replay', config: { batch: 8 }, pollIntervalSeconds: 15 },
    now,
  );
  const ids = await ensureTeammates(deps.db, actor, password, passwordParams);
  const logins: Login[] = [
    { email: DEMO_EMAIL, name: 'Demo Owner', role: 'owner' },
    ...TEAMMATES.map((t) => ({ email: t.email, name: t.name, role: t.role })),
  ];
  const result = { workspace: ws, password, email: DEMO_EMAIL, logins, sourceId: source.id, seeded: null };
  if (options.history === false || (await boardSeeded(deps, ws.id))) return result;

  options.onSeeding?.();
  const started = performance.now();
  const client = seedClient({ ...deps, ...(passwordParams ? { passwordParams } : {}) }, now);
  const adminToken = await client.login('admin@example.com', password);
  const agentToken = await client.login('agent@example.com', password);
  try {
    await setUpInbox(client, adminToken, ids.agent);
    const history = await seedHistory(
      client,
      { workspaceId: ws.id, sourceId: source.id },
      { tokens: { agent: agentToken, admin: adminToken }, ids: { agent: ids.agent, admin: ids.admin } },
      now,
    );
    const product = (await listTopics(deps.db, ws.id)).find((t) => t.name === 'Food & drink');
    if (product)
      await seedBoard(client, { slug: ws.slug, productId: product.id, adminToken, baseUrl: options.baseUrl }, now);
    return { ...result, seeded: { ...history, ms: Math.round(performance.now() - started) } };
  } finally {
    client.at = now;
    // The seed's own sign-ins end with it.
    for (const token of [adminToken, agentToken]) await client.request(token, 'POST', '/auth/logout');
  }
}

/** The board's reviews are the seed's last step: when there are any, the whole seed ran. */
async function boardSeeded(deps: AppDeps, workspaceId: string): Promise<boolean> {
  const { items } = await listReviews(deps.db, workspaceId, { sort: 'newest', limit: 1, offset: 0, staff: true });
  return items.length > 0;
}
