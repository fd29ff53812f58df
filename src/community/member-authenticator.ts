import type { Db } from '../db/types';
import type { Authenticator } from '../http/env';
import { resolveMemberSession } from './members.service';

/** The community half of the app's Authenticator: a member's session cookie as the member. */
export function memberAuthenticator(db: Db): Pick<Authenticator, 'member'> {
  return {
    async member(token, now) {
      const m = await resolveMemberSession(db, token, now);
      if (!m) return null;
      return {
        id: m.member.id,
        workspaceId: m.member.workspaceId,
        email: m.member.email,
        displayName: m.member.displayName,
        verified: m.member.emailVerifiedAt !== null,
        csrfToken: m.session.csrfToken,
      };
    },
  };
}
