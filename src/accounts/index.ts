/**
 * Accounts: staff users, workspaces, sessions, API keys, invitations and the audit log. What other parts
 * of the app may use (docs/architecture.md); the rest of the folder is its own.
 */
/** Resolves a staff session or API key to the actor it stands for (the app's Authenticator). */
export { staffAuthenticator } from './authenticator';
/** Creates an API key for a workspace; the secret is shown once. */
export { createApiKey } from './api-keys.service';
/** Argon2id parameters (tests pass cheap ones; the same hashes verify in Node and in Workers). */
export type { Argon2Params } from './password';
/** The workspaces table: every tenant-owned row references it. */
export { workspaces } from './schema';
/** How the board's German addresses its readers ("sie" or "du"), a workspace setting. */
export { BOARD_ADDRESSES, type BoardAddress } from './schema';
/** Active staff as readers of an email, each in their language and zone (else the workspace's). */
export { staffReaders, type StaffReader } from './mail-recipients';
/** The language an email is written in: the reader's own, else the workspace's default, else English. */
export { readerLocale } from './mail-recipients';
/** The event a change of a workspace's time zone raises after commit (the reports recount their days). */
export { WORKSPACE_TIME_ZONE_CHANGED, type WorkspaceTimeZoneChanged } from './workspaces.service';
/** Creates a workspace and its owner in one transaction. */
export { createWorkspaceWithOwner } from './setup.service';
/** A staff sign-in account by email (trimmed, lower-cased), or null. */
export { findAccountByEmail } from './accounts.service';
/** Sets a login's password and ends its sessions in every workspace (the password is shared by all). */
export { setAccountPassword } from './accounts.service';
/** Adds a staff user to a workspace with a role (audited). */
export { createUser } from './users.service';
/** Records a staff action. */
export { recordAudit } from './audit.service';
/** Sends an email a person waits for now, through the mail outbox (retried there if it fails). */
export { sendMailNow } from './mail-outbox';
/** A waited-for mail written with its link in the caller's transaction (holdMail), sent after commit (sendHeld). */
export { holdMail, sendHeld, type HeldMail } from './mail-outbox';
/** Argon2id hash of a password, with the parameters in force. */
export { hashPassword } from './password';
/** Spends a real verification's time and answers false (no account enumeration by timing). */
export { verifyDecoy } from './password';
/** Checks a password against its stored hash (constant time). */
export { verifyPassword } from './password';
/** A staff member of one workspace (a membership of a staff account) */
export { users } from './schema';
/** The mail log staff read, secrets redacted. */
export { listMail } from './mail-outbox';
/** Queues one email to each address a query yields, in one statement (an idea's thousands of voters). */
export { queueMailTo } from './mail-outbox';
/** Sends every email due now, retrying failures with backoff (a scheduled job, and woken by `mail.queued`). */
export { sendDueMail } from './mail-outbox';
/** The event `queueMailTo` returns: mail waits (the mail sender listens for it). */
export { MAIL_QUEUED } from './mail-outbox';
/** Frees the mail-sending leases this instance held before a restart. */
export { releaseMailLeases } from './mail-outbox';
/** A workspace's staff, for pickers and assignment. */
export { listUsers } from './users.service';
/** The staff sessions table (routing reads who is online from it). */
export { sessions } from './schema';
/** Removes sessions past their expiry (a scheduled job). */
export { deleteExpiredSessions } from './sessions.service';
/** The staff member with this email in one workspace (emails are unique per workspace only). */
export { findMembership } from './users.service';
/** Email through SMTP (nodemailer, loaded only when SMTP_URL is set, so Workers and the laptop shape never load it). */
export { createMailer } from './mailer';
/** At start: with no staff user, creates the owner from ADMIN_EMAIL/ADMIN_PASSWORD or issues a setup link. */
export { ensureOwner } from './setup.service';
/** A workspace row, as other features read it. */
export type { Workspace, StaffMember } from './directory';
/** One workspace by id or by slug; all of them (workspaceById, workspaceBySlug, listWorkspaces). */
export { workspaceById, workspaceBySlug, listWorkspaces } from './directory';
/** Staff of a workspace: active ones, all, one, whether one is active, who is online (routing). */
export { activeStaff, activeStaffIn, allStaff, staffMember, isActiveStaff, onlineStaff } from './directory';
/** The workspaces as a typed subquery, for another feature's query joining its per-workspace rows (the board). */
export { workspaceView } from './directory';
/** The accounts' error codes, with their kinds and messages (the error catalogue lists them). */
export { ACCOUNT_ERRORS } from './errors';
/**
 * A workspace's sentiment confidence threshold (below it a model label is uncertain): read (held with a lock
 * where counting depends on it), saved, and as a scalar subquery for another feature's SQL.
 */
export {
  confidenceThreshold,
  confidenceThresholds,
  confidenceThresholdOf,
  saveConfidenceThreshold,
  DEFAULT_CONFIDENCE_THRESHOLD,
} from './confidence-threshold';
