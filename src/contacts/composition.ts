/**
 * What only composition (src/server, src/cli, src/jobs) wires in: this feature's HTTP routers and pages.
 * Kept out of index.ts, so a feature that uses this one's services, tables or types does not load its
 * whole HTTP layer (pages, views, OpenAPI routes).
 */
/** The contact pages (list, profile, merge, segments, import and export). */
export { contactPages } from './pages';
/** /contacts: list, read, edit, merge, segments. */
export { contactsApi } from './routes';
/** /contacts import and export (CSV). */
export { contactsTransferApi } from './transfer.routes';
