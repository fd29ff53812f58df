import { createUser, findAccountByEmail, findMembership, setAccountPassword, verifyPassword } from '../../accounts';
import type { Argon2Params } from '../../accounts';
import type { Actor } from '../../core/actor';
import type { Role } from '../../core/roles';
import type { Db } from '../../db/types';

export const DEMO_EMAIL = 'demo@example.com';

/** The demo's team: one login per role, so each role's view of the app can be tried. */
export const TEAMMATES = [
  { key: 'agent', email: 'agent@example.com', name: 'Maya Lopez', role: 'agent' },
  { key: 'analyst', email: 'analyst@example.com', name: 'Tom Berger', role: 'analyst' },
  { key: 'admin', email: 'admin@example.com', name: 'Sara Kim', role: 'admin' },
] as const satisfies readonly { key: string; email: string; name: string; role: Role }[];

export type TeammateKey = (typeof TEAMMATES)[number]['key'];
export interface Login {
  email: string;
  name: string;
  role: Role;
}

/** The three teammates, added once; a login that exists already keeps its membership. */
export async function ensureTeammates(db: Db, owner: Actor, password: string, params?: Argon2Params) {
  const ids = {} as Record<TeammateKey, string>;
  for (const t of TEAMMATES) {
    const existing = await findMembership(db, owner.workspaceId, t.email);
    ids[t.key] = existing
      ? existing.id
      : (await createUser(db, owner, { email: t.email, name: t.name, role: t.role, password }, params)).id;
  }
  return ids;
}

/**
 * Every demo login signs in with the one demo password. A login whose password is another (made by an
 * older version, which printed a new one on every start) gets it; one that has it is left alone, so
 * a restart signs nobody out.
 */
export async function alignPasswords(db: Db, emails: string[], password: string, params?: Argon2Params) {
  for (const email of emails) {
    const account = await findAccountByEmail(db, email);
    if (account && !(account.passwordHash && (await verifyPassword(password, account.passwordHash))))
      await setAccountPassword(db, account.id, password, params);
  }
}
