import { and, arrayContains, asc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../db/types';
import { contacts, identities } from './schema';

/**
 * A community member in the CRM: their identity on platform `community` (external id: the member's id)
 * on the contact with their email, else on a new contact. The board calls these in its own transaction.
 */

/** Who a verified member is, as the CRM records them. */
export interface MemberPerson {
  id: string;
  email: string;
  displayName: string;
}

/** Links a member to their contact (the oldest unmerged one with the email, else a new one); returns its id. */
export async function linkMemberContact(tx: Db, workspaceId: string, member: MemberPerson, now: Date) {
  const [byEmail] = await tx
    .select({ id: contacts.id })
    .from(contacts)
    .where(
      and(
        eq(contacts.workspaceId, workspaceId),
        arrayContains(contacts.emails, [member.email]),
        isNull(contacts.mergedIntoId),
      ),
    )
    .orderBy(asc(contacts.createdAt))
    .limit(1);
  const contactId =
    byEmail?.id ??
    (
      await tx
        .insert(contacts)
        .values({
          workspaceId,
          name: member.displayName,
          emails: [member.email],
          firstTouchAt: now,
          firstTouchChannel: 'community',
        })
        .returning()
    )[0]!.id;
  await tx
    .insert(identities)
    .values({
      workspaceId,
      contactId,
      platform: 'community',
      externalId: member.id,
      handle: member.displayName,
      displayName: member.displayName,
      firstSeenAt: now,
      lastSeenAt: now,
    })
    .onConflictDoNothing();
  return contactId;
}

/** A member changed their display name: their community identity follows. */
export async function renameMemberIdentity(db: Db, memberId: string, displayName: string): Promise<void> {
  await db
    .update(identities)
    .set({ handle: displayName, displayName })
    .where(and(eq(identities.platform, 'community'), eq(identities.externalId, memberId)));
}
