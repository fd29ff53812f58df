/**
 * Community: the public board (members, reviews, ideas, votes, comments, roadmap). What other parts of
 * the app may use (docs/architecture.md); the rest of the folder is its own.
 */
/** Resolves a member's session cookie (the app's Authenticator, member half). */
export { memberAuthenticator } from './member-authenticator';
/** A fresh confirmation or reset link (its path) for the member with this email. */
export { issueMemberLink } from './members.service';
