/**
 * What only composition (src/server, src/cli, src/jobs) wires in: this feature's HTTP routers and pages.
 * Kept out of index.ts, so a feature that uses this one's services, tables or types does not load its
 * whole HTTP layer (pages, views, OpenAPI routes).
 */
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
/** Settings > Profile and Settings > Workspace. */
export { profilePages } from './profile.pages';
/** /workspace: the workspace's name and its readers' defaults. */
export { workspaceApi } from './workspace.routes';
