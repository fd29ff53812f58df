/**
 * What only composition (src/server, src/cli, src/jobs) wires in: this feature's HTTP routers and pages.
 * Kept out of index.ts, so a feature that uses this one's services, tables or types does not load its
 * whole HTTP layer (pages, views, OpenAPI routes).
 */
/** /live: the inbox's server-sent event stream. */
export { liveApi } from './live.routes';
/** /routing: teams and routing rules. */
export { routingApi } from './rules.routes';
/** /conversations/{id}/replies and saved replies. */
export { repliesApi } from './replies/routes';
/** /conversations: list, read, assign, notes, status. */
export { inboxApi } from './routes';
/** The inbox pages (list, conversation, composer). */
export { inboxPages } from './pages';
/** Settings > Routing (teams and rules). */
export { routingPages } from './routing.pages';
/** The notifications page. */
export { notificationPages } from './notifications.pages';
/** Settings > Saved replies. */
export { savedReplyPages } from './replies/pages';
