/**
 * What only composition (src/server, src/cli, src/jobs) wires in: this feature's HTTP routers and pages.
 * Kept out of index.ts, so a feature that uses this one's services, tables or types does not load its
 * whole HTTP layer (pages, views, OpenAPI routes).
 */
/** POST /analyze: try the analyzer on a text. */
export { analyzeApi } from './routes';
