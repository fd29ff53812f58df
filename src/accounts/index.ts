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
/** Keeps an email in the mail log and sends it (SMTP when configured), its link secrets redacted in the log. */
export { sendMailNow } from './mail.service';
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
/** Queues emails in the caller's transaction (sent after commit by the mail sender); returns the event to emit. */
export { queueMail, type OutgoingMail } from './mail-outbox';
/** Queues one email to each address a query yields, in one statement (an idea's thousands of voters). */
export { queueMailTo } from './mail-outbox';
/** Sends every email due now, retrying failures with backoff (a scheduled job, and woken by `mail.queued`). */
export { sendDueMail, type MailSenderDeps } from './mail-outbox';
/** The event `queueMail` returns: mail waits. */
export { MAIL_QUEUED } from './mail-outbox';
/** Frees the mail-sending leases this instance held before a restart. */
export { releaseMailLeases } from './mail-outbox';
/** A workspace's staff, for pickers and assignment. */
export { listUsers } from './users.service';
/** The staff sessions table (routing reads who is online from it). */
export { sessions } from './schema';
/** Removes sessions past their expiry (a scheduled job). */
export { deleteExpiredSessions } from './sessions.service';
/** /api-keys: create, list and revoke API keys. */
export { apiKeysApi } from './api-keys.routes';
/** /audit: the audit log. */
export { auditApi } from './audit.routes';
/** /auth: sign in and out, the current session. */
export { authApi } from './auth.routes';
/** Startup pages (login, setup, logout) and Settings > Users and API keys. */
export { accountPages } from './pages';
/** The pages an invitation link opens (accept, set a password). */
export { invitationPages } from './invitation.pages';
/** /invitations: invite staff by email. */
export { invitationsApi } from './invitations.routes';
/** /users: staff users and their roles. */
export { usersApi } from './users.routes';
/** The staff member with this email in one workspace (emails are unique per workspace only). */
export { findMembership } from './users.service';
/** Email through SMTP (nodemailer, loaded only when SMTP_URL is set, so Workers and the laptop shape never load it). */
export { createMailer } from './mailer';
/** At start: with no staff user, creates the owner from ADMIN_EMAIL/ADMIN_PASSWORD or issues a setup link. */
export { ensureOwner } from './setup.service';
