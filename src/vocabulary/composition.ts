/**
 * What only composition (src/server, src/cli, src/jobs) wires in: this feature's HTTP routers and pages.
 * Kept out of index.ts, so a feature that uses this one's services, tables or types does not load its
 * whole HTTP layer (pages, views, OpenAPI routes).
 */
/** Settings > Vocabulary. */
export { vocabularyPages } from './pages';
/** /analysis/lexicon: the workspace's own terms, their preview and removal. */
export { vocabularyApi } from './routes';
