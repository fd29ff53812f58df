import { and, desc, eq, gt, isNull } from 'drizzle-orm';
import { holdMail, sendHeld, type sendMailNow } from './mail-outbox';
import type { Db } from '../db/types';
import type { AppDeps } from '../http/env';
import { findAccountByEmail, normalizeEmail, type WorkspaceRow } from './accounts.service';
import type { Actor } from '../core/actor';
import { recordAudit } from './audit.service';
import { accountError } from './errors';
import { forgiveAttempts } from './login-attempts.service';
import { signIn, verifyLogin } from './login.service';
import { type Argon2Params, hashPassword } from './password';
import { invitations, staffAccounts, users, workspaces } from './schema';
import type { Role } from '../core/roles';
import { isLocale, type Locale } from '../core/i18n/locales';
import { translatorFor } from '../core/i18n/translator';
import { invitationMailText } from './invitations.mail';
import { readerLocale } from './mail-recipients';
import { hashToken, newSecret } from '../core/tokens';
import { assertMayGrant } from './users.service';

export const INVITATION_TTL_MS = 7 * 24 * 60 * 60_000;

export type InvitationRow = typeof invitations.$inferSelect;

/** What the API and pages show of an invitation: never the token (only its hash is kept anyway). */
export const publicInvitation = (i: InvitationRow) => ({
  id: i.id,
  email: i.email,
  name: i.name,
  role: i.role,
  language: (isLocale(i.language) ? i.language : null) as Locale | null,
  expiresAt: i.expiresAt.toISOString(),
  createdAt: i.createdAt.toISOString(),
});

const invalid = () => accountError('INVITATION_INVALID');

const open = (now: Date) => and(isNull(invitations.acceptedAt), gt(invitations.expiresAt, now));

/** Invitations not yet accepted and not expired, newest first. */
export async function listInvitations(db: Db, workspaceId: string, now: Date) {
  return db
    .select()
    .from(invitations)
    .where(and(eq(invitations.workspaceId, workspaceId), open(now)))
    .orderBy(desc(invitations.createdAt), desc(invitations.id));
}

/** The mail sender's needs (with `credentials`, a failed invitation email is retried). */
export type InviteDeps = Parameters<typeof sendMailNow>[0];

export interface InviteInput {
  email: string;
  name?: string | undefined;
  role: Role;
  /** The invitation email's language and the new login's first one (default: the workspace's). */
  language?: Locale | undefined;
}

/**
 * Invites an email to the workspace. The answer is the same whatever the address (staff elsewhere,
 * here, or nowhere): nothing about other workspaces is looked up. The link goes by email; without
 * SMTP the mail log keeps a redacted copy, and the link is handed back once for the inviter to pass on.
 */
export async function inviteUser(
  deps: InviteDeps,
  actor: Actor,
  input: InviteInput,
  opts: { now: Date; baseUrl: string },
) {
  assertMayGrant(actor, input.role);
  const email = normalizeEmail(input.email);
  const token = newSecret();
  const link = `${opts.baseUrl}/invitations/accept?token=${token}`;
  // The invitation and its email commit together: a crash in between cannot leave a link nobody was sent.
  const { invitation, held } = await deps.db.transaction(async (tx) => {
    // A new invitation replaces an unused one for the same email: only the latest link works.
    const sameEmail = and(eq(invitations.workspaceId, actor.workspaceId), eq(invitations.email, email));
    await tx.delete(invitations).where(and(sameEmail, isNull(invitations.acceptedAt)));
    const [ws] = await tx
      .select({ name: workspaces.name, language: workspaces.defaultLanguage, timeZone: workspaces.timeZone })
      .from(workspaces)
      .where(eq(workspaces.id, actor.workspaceId));
    const language = input.language ?? readerLocale(null, ws?.language);
    const expiresAt = new Date(opts.now.getTime() + INVITATION_TTL_MS);
    const [row] = await tx
      .insert(invitations)
      .values({
        workspaceId: actor.workspaceId,
        email,
        name: input.name ?? '',
        role: input.role,
        language,
        tokenHash: hashToken(token),
        invitedBy: actor.userId,
        expiresAt,
        createdAt: opts.now,
      })
      .returning();
    const details = { email, role: input.role, language };
    await recordAudit(tx, actor, {
      action: 'invitation.created',
      targetType: 'invitation',
      targetId: row!.id,
      details,
    });
    // In the invitee's language; the expiry in the workspace's zone (the invitee has none of their own yet).
    const words = invitationMailText(translatorFor(language, ws?.timeZone), {
      workspace: ws?.name ?? '',
      role: input.role,
      link,
      days: Math.round(INVITATION_TTL_MS / 86_400_000),
      expiresAt,
    });
    const mail = await holdMail(deps, tx, actor.workspaceId, {
      kind: 'staff_invitation',
      to: email,
      ...words,
      // The kept copy, which any agent can read, must not carry a link that makes them staff.
      secrets: [token],
    });
    return { invitation: row!, held: mail };
  });
  await sendHeld(deps, held);
  return { invitation, link: deps.mailer.configured ? null : link };
}

export async function revokeInvitation(db: Db, actor: Actor, id: string): Promise<void> {
  await db.transaction(async (tx) => {
    const [gone] = await tx
      .delete(invitations)
      .where(
        and(eq(invitations.id, id), eq(invitations.workspaceId, actor.workspaceId), isNull(invitations.acceptedAt)),
      )
      .returning();
    if (!gone) throw accountError('INVITATION_NOT_FOUND');
    const entry = {
      action: 'invitation.revoked',
      targetType: 'invitation',
      targetId: id,
      details: { email: gone.email },
    };
    await recordAudit(tx, actor, entry);
  });
}

/** The open invitation behind a link, with its workspace; null when wrong, used or expired. */
export async function findOpenInvitation(db: Db, token: string, now: Date) {
  const [row] = await db
    .select({ invitation: invitations, workspace: workspaces })
    .from(invitations)
    .innerJoin(workspaces, eq(workspaces.id, invitations.workspaceId))
    .where(and(eq(invitations.tokenHash, hashToken(token)), open(now)));
  return row ?? null;
}

export interface AcceptInput {
  token: string;
  name?: string | undefined;
  password: string;
  ip: string;
  userAgent?: string | null;
}

export interface AcceptOptions {
  now: Date;
  sessionTtlMs: number;
  passwordParams?: Argon2Params;
}

/** The options an accept runs with, from the app's dependencies (API route and page alike). */
export const acceptOptions = (deps: AppDeps): AcceptOptions => ({
  now: deps.clock(),
  sessionTtlMs: deps.settings.sessionTtlMs,
  ...(deps.passwordParams ? { passwordParams: deps.passwordParams } : {}),
});

/**
 * Spends the link and makes the membership, signing the person in. A new email sets its password
 * here; an email that already signs in proves it with its current password (behind the login
 * throttle), and that password is never replaced: the inviter may hold the link too.
 */
export async function acceptInvitation(db: Db, input: AcceptInput, opts: AcceptOptions) {
  const found = await findOpenInvitation(db, input.token, opts.now);
  if (!found) throw invalid();
  const { invitation, workspace } = found;
  const login = { email: invitation.email, password: input.password, ip: input.ip };
  const existing = (await findAccountByEmail(db, invitation.email))
    ? await verifyLogin(db, login, opts).catch(async (err) => {
        // A parallel accept may have made the login and spent the link in one commit since we looked:
        // then the answer is the spent link, not a wrong password.
        if (!(await findOpenInvitation(db, input.token, opts.now))) throw invalid();
        throw err;
      })
    : null;
  // Hashed before the transaction: it is slow, and the claim below should hold its lock briefly.
  const passwordHash = existing ? null : await hashPassword(input.password, opts.passwordParams);
  const result = await db.transaction(async (tx) => {
    // The claim is one conditional update: of parallel accepts, exactly one sees the row unclaimed.
    const [claimed] = await tx
      .update(invitations)
      .set({ acceptedAt: opts.now })
      .where(and(eq(invitations.id, invitation.id), open(opts.now)))
      .returning();
    if (!claimed) throw invalid();
    // A new login starts in the language it was invited in; an existing one keeps its own.
    const accountId =
      existing?.account.id ?? (await newAccount(tx, invitation.email, passwordHash, invitation.language, opts.now));
    // Someone set up this email between the check and now: the link stays unspent for another try.
    if (!accountId) throw invalid();
    const member = await joinWorkspace(tx, claimed, workspace, accountId, input);
    const signInOpts = {
      now: opts.now,
      sessionTtlMs: opts.sessionTtlMs,
      ip: input.ip,
      userAgent: input.userAgent ?? null,
    };
    return signIn(tx, { user: member, workspace }, signInOpts);
  });
  if (existing) await forgiveAttempts(db, existing.attempt);
  return result;
}

async function newAccount(
  db: Db,
  email: string,
  passwordHash: string | null,
  language: string | null,
  now: Date,
): Promise<string | undefined> {
  const [created] = await db
    .insert(staffAccounts)
    .values({ email, passwordHash, language: isLocale(language) ? language : null, createdAt: now })
    .onConflictDoNothing()
    .returning();
  return created?.id;
}

/** The membership the invitation grants (an existing one is kept as it is), recorded in the audit log. */
async function joinWorkspace(
  db: Db,
  invitation: InvitationRow,
  workspace: WorkspaceRow,
  accountId: string,
  input: AcceptInput,
) {
  const name = input.name?.trim() || invitation.name;
  const [added] = await db
    .insert(users)
    .values({ workspaceId: workspace.id, accountId, email: invitation.email, name, role: invitation.role })
    .onConflictDoNothing()
    .returning();
  if (!added) {
    const [member] = await db
      .select()
      .from(users)
      .where(and(eq(users.workspaceId, workspace.id), eq(users.accountId, accountId)));
    if (member!.disabledAt) throw accountError('ACCESS_DISABLED');
    return member!;
  }
  const actor = {
    workspaceId: workspace.id,
    workspaceSlug: workspace.slug,
    userId: added.id,
    apiKeyId: null,
    ip: input.ip,
  };
  const details = {
    email: added.email,
    role: added.role,
    invitationId: invitation.id,
    invitedBy: invitation.invitedBy,
  };
  const entry = { action: 'user.created', targetType: 'user', targetId: added.id, details };
  await recordAudit(db, { ...actor, role: added.role }, entry);
  return added;
}
