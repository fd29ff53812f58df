/**
 * What only composition (src/server, src/cli, src/jobs) wires in: this feature's HTTP routers and pages.
 * Kept out of index.ts, so a feature that uses this one's services, tables or types does not load its
 * whole HTTP layer (pages, views, OpenAPI routes).
 */
/** /community: the board's JSON API (ideas, votes, comments, reviews, settings). */
export { communityApi } from './routes';
/** Sign-up, email confirmation, login, logout, password reset and profile for community members. */
export { memberAccountPages } from './account.pages';
/** The public board pages (ideas, reviews, roadmap). */
export { boardPages } from './board.pages';
/** The board in the staff app (moderation, ideas, settings, mail log). */
export { communityStaffPages } from './staff.pages';
