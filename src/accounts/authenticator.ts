import type { Actor } from '../core/actor';
import type { Role } from '../core/roles';
import type { Db } from '../db/types';
import type { Authenticator, StaffIdentity, WorkspaceLocale } from '../http/env';
import { workspacesOfMember } from './accounts.service';
import { resolveApiKey } from './api-keys.service';
import { resolveSession } from './sessions.service';

/** A workspace row's defaults for its readers. */
export const workspaceLocale = (w: {
  defaultLanguage: string;
  timeZone: string;
  weekStart: number;
}): WorkspaceLocale => ({ language: w.defaultLanguage, timeZone: w.timeZone, weekStart: w.weekStart });

/** The staff half of the app's Authenticator (http/auth.middleware.ts asks, the server wires it). */
export function staffAuthenticator(db: Db): Pick<Authenticator, 'staff' | 'workspacesOf'> {
  return {
    async staff(cred, ip, now): Promise<StaffIdentity | null> {
      const actor = (workspace: { id: string; slug: string }, role: Role, ids: Pick<Actor, 'userId' | 'apiKeyId'>) =>
        ({ workspaceId: workspace.id, workspaceSlug: workspace.slug, role, ip, ...ids }) satisfies Actor;
      const key = cred.fromHeader ? await resolveApiKey(db, cred.token, now) : null;
      if (key)
        return {
          actor: actor(key.workspace, key.key.role, { userId: null, apiKeyId: key.key.id }),
          user: null,
          session: null,
          workspace: workspaceLocale(key.workspace),
        };
      const found = await resolveSession(db, cred.token, now);
      if (!found) return null;
      return {
        actor: actor(found.workspace, found.user.role, { userId: found.user.id, apiKeyId: null }),
        user: {
          id: found.user.id,
          email: found.user.email,
          name: found.user.name,
          language: found.account.language,
          timeZone: found.account.timeZone,
          keyboardShortcuts: found.account.keyboardShortcuts,
          afterTriage: found.account.afterTriage,
        },
        workspace: workspaceLocale(found.workspace),
        session: {
          token: cred.token,
          csrfToken: found.session.csrfToken,
          via: cred.fromHeader ? 'bearer' : 'cookie',
        },
      };
    },
    workspacesOf: (userId) => workspacesOfMember(db, userId),
  };
}
