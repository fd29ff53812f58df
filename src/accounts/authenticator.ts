import type { Actor } from '../core/actor';
import type { Db } from '../db/types';
import type { Authenticator, StaffIdentity } from '../http/env';
import { workspacesOfMember } from './accounts.service';
import { resolveApiKey } from './api-keys.service';
import { resolveSession } from './sessions.service';

/** The staff half of the app's Authenticator (http/auth.middleware.ts asks, the server wires it). */
export function staffAuthenticator(db: Db): Pick<Authenticator, 'staff' | 'workspacesOf'> {
  return {
    async staff(cred, ip, now): Promise<StaffIdentity | null> {
      const key = cred.fromHeader ? await resolveApiKey(db, cred.token, now) : null;
      if (key) {
        const actor: Actor = {
          workspaceId: key.workspace.id,
          workspaceSlug: key.workspace.slug,
          userId: null,
          apiKeyId: key.key.id,
          role: key.key.role,
          ip,
        };
        return { actor, user: null, session: null };
      }
      const found = await resolveSession(db, cred.token, now);
      if (!found) return null;
      const actor: Actor = {
        workspaceId: found.workspace.id,
        workspaceSlug: found.workspace.slug,
        userId: found.user.id,
        apiKeyId: null,
        role: found.user.role,
        ip,
      };
      const user = { id: found.user.id, email: found.user.email, name: found.user.name };
      const session = {
        token: cred.token,
        csrfToken: found.session.csrfToken,
        via: cred.fromHeader ? ('bearer' as const) : ('cookie' as const),
      };
      return { actor, user, session };
    },
    workspacesOf: (userId) => workspacesOfMember(db, userId),
  };
}
