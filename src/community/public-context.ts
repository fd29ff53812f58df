import { and, count, eq, isNull } from 'drizzle-orm';
import type { AppContext, MemberInfo } from '../http/env';
import { setTranslator, viewerTranslator } from '../http/i18n.middleware';
import { boardAddressOf, boardTranslator } from './board-translator';
import { communityError } from './errors';
import { type Community, communityBySlug, type MemberDeps } from './members.service';
import { memberNotifications } from './schema';
import type { PublicBase } from './views/public-shell';

/** What every public page needs: the board, and the member if they are signed in to this one. */
export async function publicContext(
  c: AppContext,
): Promise<{ community: Community; member: MemberInfo | null; base: PublicBase }> {
  const community = await communityBySlug(c.var.deps.db, c.req.param('slug') ?? '');
  // The board speaks its workspace's language to a visitor whose browser asks for none we speak, and shows
  // times in its zone (a signed-in person's own choices and the language switch still win).
  // Its German says du or Sie as the workspace chose (BoardTranslator fills in every message's `form`).
  const { defaultLanguage, timeZone } = community.workspace;
  const viewer = viewerTranslator(c, { language: defaultLanguage, timeZone });
  setTranslator(c, boardTranslator(viewer.locale, viewer.timeZone, boardAddressOf(community.workspace)));
  const m = c.var.member;
  // A session from another workspace's board counts as nobody here.
  const member = m && m.workspaceId === community.workspace.id ? m : null;
  let unread = 0;
  if (member) {
    const [r] = await c.var.deps.db
      .select({ n: count() })
      .from(memberNotifications)
      .where(and(eq(memberNotifications.memberId, member.id), isNull(memberNotifications.readAt)));
    unread = Number(r?.n ?? 0);
  }
  return {
    community,
    member,
    base: { slug: community.workspace.slug, communityName: community.workspace.name, member, unread },
  };
}

/** The member, signed in and with a confirmed email, or a clear refusal. */
export function requireVerifiedMember(member: MemberInfo | null): MemberInfo {
  if (!member) throw communityError('MEMBER_LOGIN_REQUIRED');
  if (!member.verified) throw communityError('MEMBER_NOT_VERIFIED');
  return member;
}

export const memberDeps = (c: AppContext): MemberDeps => ({
  db: c.var.deps.db,
  mailer: c.var.deps.mailer,
  logger: c.var.deps.logger,
  clock: c.var.deps.clock,
  credentials: c.var.deps.credentials,
  ...(c.var.deps.instanceId ? { instanceId: c.var.deps.instanceId } : {}),
  ...(c.var.deps.passwordParams ? { passwordParams: c.var.deps.passwordParams } : {}),
});
