/**
 * Ingest: the one flow every post goes through (check → match → analyse → link → store → thread).
 * What other parts of the app may use (docs/architecture.md); the rest of the folder is its own.
 */
/** What the one flow needs (database, metrics, clock, which database). */
export type { IngestDeps } from './pipeline';
/** Stores a page of posts through the one flow (check, match, analyse, link, store, thread). */
export { ingestPosts } from './pipeline';
/** Where posts go: the workspace, source, platform and topics to match. */
export type { IngestTarget } from './pipeline';
/** A page made ready to store: checked, matched and analysed, nothing written yet. */
export type { PreparedPage } from './pipeline';
/** The CPU half of ingestPosts (check, match, analyse); storePrepared writes it. */
export { preparePosts } from './pipeline';
/** Stores a prepared page, a transaction a chunk. */
export { storePrepared } from './pipeline';
