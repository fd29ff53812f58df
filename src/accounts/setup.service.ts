import { ownerActor } from '../core/actor';
import { eq } from 'drizzle-orm';
import type { Db } from '../db/types';
import { recordAudit } from './audit.service';
import { accountError } from './errors';
import type { Argon2Params } from './password';
import { setupTokens } from './schema';
import { hashToken, newSecret } from '../core/tokens';
import { countAllUsers, insertUser } from './users.service';
import { createWorkspace } from './workspaces.service';

export const SETUP_TOKEN_TTL_MS = 24 * 60 * 60_000;

export interface OwnerInput {
  workspaceName: string;
  email: string;
  name?: string;
  password: string;
}

/** Creates a workspace and its owner in one transaction. */
export async function createWorkspaceWithOwner(db: Db, input: OwnerInput, passwordParams?: Argon2Params) {
  return db.transaction(async (tx) => {
    const workspace = await createWorkspace(tx, { name: input.workspaceName });
    const user = await insertUser(
      tx,
      workspace.id,
      { email: input.email, name: input.name ?? '', role: 'owner', password: input.password },
      passwordParams,
    );
    await recordAudit(tx, ownerActor(workspace, user.id), {
      action: 'workspace.created',
      targetType: 'workspace',
      targetId: workspace.id,
      details: { name: workspace.name },
    });
    return { workspace, user };
  });
}

export type FirstRun =
  | { kind: 'ready' }
  | { kind: 'owner-created'; email: string; workspaceSlug: string }
  | { kind: 'setup-link'; token: string };

/**
 * At start: when no staff user exists, create the owner from ADMIN_EMAIL/ADMIN_PASSWORD, or else
 * issue a one-time setup token (older unused ones are dropped: only the newest printed link works).
 */
export async function ensureOwner(
  db: Db,
  opts: {
    adminEmail?: string;
    adminPassword?: string;
    workspaceName: string;
    now: Date;
    passwordParams?: Argon2Params;
  },
): Promise<FirstRun> {
  if ((await countAllUsers(db)) > 0) return { kind: 'ready' };
  if (opts.adminEmail && opts.adminPassword) {
    const { workspace, user } = await createWorkspaceWithOwner(
      db,
      { workspaceName: opts.workspaceName, email: opts.adminEmail, name: 'Owner', password: opts.adminPassword },
      opts.passwordParams,
    );
    return { kind: 'owner-created', email: user.email, workspaceSlug: workspace.slug };
  }
  const token = newSecret();
  await db.transaction(async (tx) => {
    await tx.delete(setupTokens);
    await tx
      .insert(setupTokens)
      .values({ tokenHash: hashToken(token), expiresAt: new Date(opts.now.getTime() + SETUP_TOKEN_TTL_MS) });
  });
  return { kind: 'setup-link', token };
}

export async function isSetupTokenValid(db: Db, token: string, now: Date): Promise<boolean> {
  const [row] = await db
    .select()
    .from(setupTokens)
    .where(eq(setupTokens.tokenHash, hashToken(token)));
  return Boolean(row && row.expiresAt > now);
}

/** Spends the setup token and creates the first workspace and owner. */
export async function completeSetup(
  db: Db,
  token: string,
  input: OwnerInput,
  now: Date,
  passwordParams?: Argon2Params,
) {
  return db.transaction(async (tx) => {
    const used = await tx
      .delete(setupTokens)
      .where(eq(setupTokens.tokenHash, hashToken(token)))
      .returning({ expiresAt: setupTokens.expiresAt });
    if (!used[0] || used[0].expiresAt <= now || (await countAllUsers(tx)) > 0) {
      throw accountError('SETUP_TOKEN_INVALID');
    }
    return createWorkspaceWithOwner(tx, input, passwordParams);
  });
}
