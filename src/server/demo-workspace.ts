import { type Actor, ownerActor } from '../core/actor';
import type { Argon2Params } from '../accounts';
import { newSecret } from '../core/tokens';
import {
  workspaceBySlug,
  createWorkspaceWithOwner,
  findAccountByEmail,
  setAccountPassword,
  findMembership,
} from '../accounts';
import { createTopic, listTopics } from '../topics';
import { ensureSource, type SourceDeps } from '../sources';

export const DEMO_EMAIL = 'demo@example.com';

const DEMO_TOPICS = [
  { name: 'Work', kind: 'brand', query: 'work OR working OR job OR boss OR office' },
  { name: 'Weather', kind: 'competitor', query: 'rain OR snow OR weather OR sunshine OR sunny' },
  { name: 'Music', kind: 'competitor', query: 'music OR song OR album OR concert OR band' },
  { name: 'Food & drink', kind: 'product', query: 'food OR coffee OR dinner OR lunch OR breakfast OR pizza OR beer' },
  { name: 'Twitter', kind: 'campaign', query: 'twitter OR tweet OR tweets OR #twitter' },
] as const;

/**
 * `npm start -- --demo`: a workspace filled by the demo replay source, with topics to chart and a
 * demo owner. The password is new on every start (printed once), so nothing predictable stays on
 * the machine.
 */
export async function ensureDemoWorkspace(deps: SourceDeps, now: Date, passwordParams?: Argon2Params) {
  const password = newSecret(12);
  let ws = await workspaceBySlug(deps.db, 'demo');
  const existing = await findAccountByEmail(deps.db, DEMO_EMAIL);
  if (!ws)
    ws = (
      await createWorkspaceWithOwner(
        deps.db,
        { workspaceName: 'Demo', email: DEMO_EMAIL, name: 'Demo Owner', password },
        passwordParams,
      )
    ).workspace;
  const owner = await findMembership(deps.db, ws.id, DEMO_EMAIL);
  if (!owner)
    throw new Error(`The demo workspace has no ${DEMO_EMAIL}; remove the workspace or use another data folder`);
  const actor: Actor = ownerActor(ws, owner.id, 'demo');
  // A login made before this start keeps an old password: set the new one (it ends old sessions).
  if (existing) await setAccountPassword(deps.db, existing.id, password, passwordParams);

  const have = new Set((await listTopics(deps.db, ws.id)).map((t) => t.name));
  for (const topic of DEMO_TOPICS) if (!have.has(topic.name)) await createTopic(deps.db, actor, topic);

  const source = await ensureSource(
    deps,
    actor,
    { platform: 'demo', name: 'Demo replay', config: { batch: 8 }, pollIntervalSeconds: 15 },
    now,
  );
  return { workspace: ws, email: DEMO_EMAIL, password, sourceId: source.id };
}
