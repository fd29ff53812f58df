/**
 * Accounts: staff users, workspaces, sessions, API keys, invitations and the audit log. What other parts
 * of the app may use (docs/architecture.md); the rest of the folder is its own.
 */
/** Resolves a staff session or API key to the actor it stands for (the app's Authenticator). */
export { staffAuthenticator } from './authenticator';
