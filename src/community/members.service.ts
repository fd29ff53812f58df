import type { Clock } from '../core/clock';
import type { CredentialBox } from '../core/credentials';
import { and, eq, exists, gt, isNull } from 'drizzle-orm';
import {
  type Argon2Params,
  hashPassword,
  verifyDecoy,
  verifyPassword,
  holdMail,
  readerLocale,
  sendHeld,
  type Workspace,
  workspaceView,
} from '../accounts';
import { hashToken, newSecret } from '../core/tokens';
import type { Locale } from '../core/i18n/locales';
import { linkMemberContact, renameMemberIdentity } from '../contacts';
import type { Db } from '../db/types';
import type { Logger } from '../http/logger';
import type { Mailer } from '../http/env';
import { communityError } from './errors';
import { boardAddressOf, boardTranslator } from './board-translator';
import { RESET_TTL_MS, resetMailText, signUpExistingMailText, VERIFY_TTL_MS, verifyMailText } from './mail';
import { hitLimit } from './rate-limit';
import { communitySettings, members, memberSessions, memberTokens } from './schema';

/**
 * Community members: sign-up with email verification, login, logout, password reset, profile.
 * Answers never tell whether an email has an account (sign-up and reset say the same thing either
 * way, and sign-up does the same work). Link tokens are stored hashed, work once, and reach only the
 * member's mailbox. A verified member is linked to a CRM contact: the contact with that email, else a
 * new one.
 */
export interface MemberDeps {
  db: Db;
  mailer: Mailer;
  logger: Logger;
  clock?: Clock;
  /** Seals a link until its email is sent, so a failed send can be retried (accounts/mail-outbox.ts). */
  credentials?: CredentialBox;
  /** Kept with the lease of an email being sent, so a restart frees it at once. */
  instanceId?: string;
  passwordParams?: Argon2Params;
  /** The password hasher (argon2id); tests hand in a spy to see that every answer does the same work. */
  hasher?: (password: string, params?: Argon2Params) => Promise<string>;
}

export type MemberRow = typeof members.$inferSelect;
export type Community = { workspace: Workspace; requireApproval: boolean };

const SESSION_TTL_MS = 30 * 86_400_000;

/**
 * The words of an email to a member: their language (else the workspace's), the workspace's zone, and the
 * board's du/Sie.
 */
const mailTranslator = (ws: Workspace, language: string | null | undefined) =>
  boardTranslator(readerLocale(language, ws.defaultLanguage), ws.timeZone, boardAddressOf(ws));

export const normalizeEmail = (email: string) => email.trim().toLowerCase();

/** The board of a workspace by its slug, unless the workspace turned it off. */
export async function communityBySlug(db: Db, slug: string): Promise<Community> {
  // One statement: every board request asks.
  const ws = workspaceView();
  const [row] = await db
    .select({ workspace: ws._.selectedFields, settings: communitySettings })
    .from(ws)
    .leftJoin(communitySettings, eq(communitySettings.workspaceId, ws.id))
    .where(eq(ws.slug, slug));
  if (!row || row.settings?.enabled === false) throw communityError('COMMUNITY_NOT_FOUND');
  return { workspace: row.workspace, requireApproval: row.settings?.requireApproval ?? false };
}

async function issueToken(db: Db, memberId: string, purpose: 'verify' | 'reset', now: Date) {
  const token = newSecret();
  await db.insert(memberTokens).values({
    memberId,
    purpose,
    tokenHash: hashToken(token),
    expiresAt: new Date(now.getTime() + (purpose === 'verify' ? VERIFY_TTL_MS : RESET_TTL_MS)),
  });
  return token;
}

export interface SignUpInput {
  email: string;
  password: string;
  displayName: string;
  /** The language the board showed them: their emails are written in it. */
  language?: string | undefined;
}

/** Creates an unverified member and mails the verification link; an existing email gets a notice instead. */
export async function signUp(
  deps: MemberDeps,
  community: Community,
  input: SignUpInput,
  ctx: { ip: string; baseUrl: string; now: Date },
): Promise<void> {
  const { db } = deps;
  const ws = community.workspace;
  await hitLimit(db, 'signup', `${ws.id}:${ctx.ip}`, ctx.now);
  const email = normalizeEmail(input.email);
  const base = `${ctx.baseUrl}/c/${ws.slug}`;
  // Both outcomes do the same work (the slow hash, one insert attempt, one email), so the time an
  // answer takes does not tell whether the email has an account; the unique key decides which it is.
  const passwordHash = await (deps.hasher ?? hashPassword)(input.password, deps.passwordParams);
  // The link and its email commit together (holdMail): a crash in between cannot leave a member
  // without their verification email.
  const held = await db.transaction(async (tx) => {
    const language = readerLocale(input.language, ws.defaultLanguage);
    const [m] = await tx
      .insert(members)
      .values({ workspaceId: ws.id, email, displayName: input.displayName.trim(), passwordHash, language })
      .onConflictDoNothing()
      .returning();
    if (!m) {
      // Written to the account's owner, in their language (not the visitor's who typed the address).
      const [owner] = await tx
        .select({ language: members.language })
        .from(members)
        .where(and(eq(members.workspaceId, ws.id), eq(members.email, email)));
      const words = signUpExistingMailText(mailTranslator(ws, owner?.language), {
        community: ws.name,
        login: `${base}/login`,
        forgot: `${base}/forgot`,
      });
      return holdMail(deps, tx, ws.id, { kind: 'signup_existing', to: email, ...words });
    }
    const token = await issueToken(tx, m.id, 'verify', ctx.now);
    const words = verifyMailText(mailTranslator(ws, m.language), {
      community: ws.name,
      link: `${base}/verify?token=${token}`,
    });
    return holdMail(deps, tx, ws.id, { kind: 'verify', to: email, ...words, secrets: [token] });
  });
  await sendHeld(deps, held);
}

/**
 * Spends a link token in one statement: of requests racing with the same token, the database lets
 * exactly one update the unused row (the others wait on its lock, then find it used).
 */
async function useToken(db: Db, token: string, purpose: 'verify' | 'reset', workspaceId: string, now: Date) {
  const inWorkspace = db
    .select({ id: members.id })
    .from(members)
    .where(and(eq(members.id, memberTokens.memberId), eq(members.workspaceId, workspaceId)));
  const [spent] = await db
    .update(memberTokens)
    .set({ usedAt: now })
    .where(
      and(
        eq(memberTokens.tokenHash, hashToken(token)),
        eq(memberTokens.purpose, purpose),
        isNull(memberTokens.usedAt),
        gt(memberTokens.expiresAt, now),
        exists(inWorkspace),
      ),
    )
    .returning({ memberId: memberTokens.memberId });
  if (!spent) throw communityError('MEMBER_LINK_INVALID');
  const [member] = await db.select().from(members).where(eq(members.id, spent.memberId));
  return member!;
}

/** Confirms the email and links the member to their CRM contact (same email, else a new contact). */
export async function verifyEmail(
  deps: MemberDeps,
  community: Community,
  token: string,
  now: Date,
): Promise<MemberRow> {
  const wsId = community.workspace.id;
  return deps.db.transaction(async (tx) => {
    const m = await useToken(tx, token, 'verify', wsId, now);
    if (m.emailVerifiedAt && m.contactId) return m;
    const contactId = await linkMemberContact(tx, wsId, m, now);
    const [verified] = await tx
      .update(members)
      .set({ emailVerifiedAt: now, contactId })
      .where(eq(members.id, m.id))
      .returning();
    return verified!;
  });
}

export interface MemberLogin {
  member: MemberRow;
  token: string;
  csrfToken: string;
  expiresAt: Date;
}

export async function memberLogin(
  deps: MemberDeps,
  community: Community,
  input: { email: string; password: string },
  ctx: { ip: string; now: Date },
): Promise<MemberLogin> {
  const { db } = deps;
  const wsId = community.workspace.id;
  const email = normalizeEmail(input.email);
  await hitLimit(db, 'login', `${wsId}:${ctx.ip}`, ctx.now);
  const [m] = await db
    .select()
    .from(members)
    .where(and(eq(members.workspaceId, wsId), eq(members.email, email)));
  const ok = m
    ? await verifyPassword(input.password, m.passwordHash)
    : await verifyDecoy(input.password, deps.passwordParams);
  if (!m || !ok || m.disabledAt) throw communityError('MEMBER_CREDENTIALS_INVALID');
  return startMemberSession(db, m, ctx.now);
}

/**
 * A new session for a member who proved who they are: by password (login) or by opening the single-use link
 * mailed to them (confirming their email signs them in, as the link reached only their mailbox). The token is
 * stored hashed; the caller sets it as the member cookie.
 */
export async function startMemberSession(db: Db, m: MemberRow, now: Date): Promise<MemberLogin> {
  if (m.disabledAt) throw communityError('MEMBER_CREDENTIALS_INVALID');
  const token = newSecret();
  const csrfToken = newSecret(16);
  const expiresAt = new Date(now.getTime() + SESSION_TTL_MS);
  await db.insert(memberSessions).values({ memberId: m.id, tokenHash: hashToken(token), csrfToken, expiresAt });
  await db.update(members).set({ lastLoginAt: now }).where(eq(members.id, m.id));
  return { member: m, token, csrfToken, expiresAt };
}

export async function resolveMemberSession(db: Db, token: string, now: Date) {
  const [row] = await db
    .select({ member: members, session: memberSessions })
    .from(memberSessions)
    .innerJoin(members, eq(members.id, memberSessions.memberId))
    .where(
      and(
        eq(memberSessions.tokenHash, hashToken(token)),
        gt(memberSessions.expiresAt, now),
        isNull(members.disabledAt),
      ),
    );
  return row ?? null;
}

export async function memberLogout(db: Db, token: string) {
  await db.delete(memberSessions).where(eq(memberSessions.tokenHash, hashToken(token)));
}

/** Mails a reset link when the email has an account; the answer is the same either way. */
export async function requestPasswordReset(
  deps: MemberDeps,
  community: Community,
  email: string,
  ctx: { ip: string; baseUrl: string; now: Date },
): Promise<void> {
  const ws = community.workspace;
  await hitLimit(deps.db, 'reset', `${ws.id}:${ctx.ip}`, ctx.now);
  const [m] = await deps.db
    .select()
    .from(members)
    .where(and(eq(members.workspaceId, ws.id), eq(members.email, normalizeEmail(email))));
  if (!m || m.disabledAt) return;
  const held = await deps.db.transaction(async (tx) => {
    const token = await issueToken(tx, m.id, 'reset', ctx.now);
    const words = resetMailText(mailTranslator(ws, m.language), {
      community: ws.name,
      link: `${ctx.baseUrl}/c/${ws.slug}/reset?token=${token}`,
    });
    return holdMail(deps, tx, ws.id, { kind: 'reset', to: m.email, ...words, secrets: [token] });
  });
  await sendHeld(deps, held);
}

/**
 * A fresh confirmation or reset link (its path) for the member with this email. For the server's
 * operator (the CLI) when no SMTP server is set: the link is printed on their terminal, never
 * stored or shown in the app, so staff cannot use it to act as the member.
 */
export async function issueMemberLink(
  db: Db,
  workspace: { id: string; slug: string },
  email: string,
  purpose: 'verify' | 'reset',
  now: Date,
): Promise<string> {
  const byEmail = and(eq(members.workspaceId, workspace.id), eq(members.email, normalizeEmail(email)));
  const [m] = await db.select().from(members).where(byEmail);
  if (!m || m.disabledAt) throw communityError('MEMBER_NOT_FOUND');
  return `/c/${workspace.slug}/${purpose}?token=${await issueToken(db, m.id, purpose, now)}`;
}

/** Sets a new password from a reset link, voids the member's other reset links, signs them out everywhere. */
export async function resetPassword(
  deps: MemberDeps,
  community: Community,
  token: string,
  password: string,
  now: Date,
): Promise<void> {
  const passwordHash = await (deps.hasher ?? hashPassword)(password, deps.passwordParams);
  await deps.db.transaction(async (tx) => {
    const m = await useToken(tx, token, 'reset', community.workspace.id, now);
    // An older link still sitting in a mailbox would otherwise undo the new password.
    await tx
      .update(memberTokens)
      .set({ usedAt: now })
      .where(and(eq(memberTokens.memberId, m.id), eq(memberTokens.purpose, 'reset'), isNull(memberTokens.usedAt)));
    // Getting the link proves the email, too.
    await tx
      .update(members)
      .set({ passwordHash, emailVerifiedAt: m.emailVerifiedAt ?? now })
      .where(eq(members.id, m.id));
    await tx.delete(memberSessions).where(eq(memberSessions.memberId, m.id));
  });
}

/** The language a member chose (null: none yet; the workspace's default then). */
export async function memberLanguage(db: Db, memberId: string): Promise<string | null> {
  const [m] = await db.select({ language: members.language }).from(members).where(eq(members.id, memberId));
  return m?.language ?? null;
}

/** The member's name and the language their emails come in. */
export async function updateProfile(db: Db, memberId: string, input: { displayName: string; language?: Locale }) {
  const [m] = await db
    .update(members)
    .set({ displayName: input.displayName.trim(), ...(input.language ? { language: input.language } : {}) })
    .where(eq(members.id, memberId))
    .returning();
  await renameMemberIdentity(db, memberId, m!.displayName);
  return m!;
}

/** "Ana Lima" -> "AL": the avatar is the initials on a colour. */
export const initials = (name: string) =>
  name
    .split(/\s+/)
    .map((w) => /[\p{L}\p{N}]/u.exec(w)?.[0])
    .filter((ch): ch is string => Boolean(ch))
    .slice(0, 2)
    .map((ch) => ch.toUpperCase())
    .join('') || '?';
