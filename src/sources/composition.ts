/**
 * What only composition (src/server, src/cli, src/jobs) wires in: this feature's HTTP routers and pages.
 * Kept out of index.ts, so a feature that uses this one's services, tables or types does not load its
 * whole HTTP layer (pages, views, OpenAPI routes).
 */
/** Settings > Sources (list, forms per platform, a page per source). */
export { sourcePages } from './pages';
/** /sources: create, edit, verify, poll and backfill sources. */
export { sourcesApi } from './routes';
/** /webhooks/meta: Meta's signed deliveries (no session). */
export { webhookRoutes } from './webhook.routes';
/** Connect with Facebook / Threads: Meta's sign-in, the way back, the picker. */
export { metaConnectPages } from './meta-connect.pages';
