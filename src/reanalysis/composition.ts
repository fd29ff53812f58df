/**
 * What only composition (src/server, src/cli, src/jobs) wires in: this feature's HTTP routers and pages.
 * Kept out of index.ts, so a feature that uses this one's services, tables or types does not load its
 * whole HTTP layer (pages, views, OpenAPI routes).
 */
/** PATCH /mentions/{id}/sentiment and /intents: staff correct the analyzer. */
export { correctionsApi } from './routes';
/** The correction form under each post of a conversation. */
export { correctionPages } from './pages';
