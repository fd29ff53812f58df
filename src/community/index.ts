/**
 * Community: the public board (members, reviews, ideas, votes, comments, roadmap). What other parts of
 * the app may use (docs/architecture.md); the rest of the folder is its own.
 */
/** Resolves a member's session cookie (the app's Authenticator, member half). */
export { memberAuthenticator } from './member-authenticator';
/** A fresh confirmation or reset link (its path) for the member with this email. */
export { issueMemberLink } from './members.service';
/** /community: the board's JSON API (ideas, votes, comments, reviews, settings). */
export { communityApi } from './routes';
/** Sign-up, email confirmation, login, logout, password reset and profile for community members. */
export { memberAccountPages } from './account.pages';
/** The public board pages (ideas, reviews, roadmap). */
export { boardPages } from './board.pages';
/** The board in the staff app (moderation, ideas, settings, mail log). */
export { communityStaffPages } from './staff.pages';
